// SPDX-License-Identifier: GPL-2.0
/*
 * User-mapping bridge: VMA fields (vm_flags became a const union member in
 * 6.3), the vm_operations_struct every kcxx mapping shares, and the mm calls
 * revocation needs.
 */
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <kcxx/bridge/user_mapping.h>

static void kcxx_vma_open(struct vm_area_struct *vma)
{
	struct kcxx_vma_target *target = vma->vm_private_data;

	target->open(target);
}

static void kcxx_vma_close(struct vm_area_struct *vma)
{
	struct kcxx_vma_target *target = vma->vm_private_data;

	target->close(target);
}

/*
 * No fault handler: the pages are all mapped at mmap() time, so a fault
 * means the mapping was revoked (zapped at unbind), and is SIGBUS.
 */
static const struct vm_operations_struct kcxx_vm_ops = {
	.open = kcxx_vma_open,
	.close = kcxx_vma_close,
};

/** kcxx_vma_len() - bytes the VMA spans (a multiple of PAGE_SIZE) */
unsigned long kcxx_vma_len(const struct vm_area_struct *vma)
{
	return vma->vm_end - vma->vm_start;
}

/** kcxx_vma_offset() - the mmap() offset, in bytes */
unsigned long kcxx_vma_offset(const struct vm_area_struct *vma)
{
	return vma->vm_pgoff << PAGE_SHIFT;
}

/** kcxx_vma_is_shared() - whether it is a MAP_SHARED mapping */
int kcxx_vma_is_shared(const struct vm_area_struct *vma)
{
	return !!(vma->vm_flags & VM_SHARED);
}

/** kcxx_vma_mapping() - the address space of the file the VMA maps */
struct address_space *kcxx_vma_mapping(const struct vm_area_struct *vma)
{
	return vma->vm_file->f_mapping;
}

/**
 * kcxx_vma_set_target() - give the VMA kcxx's operations and @target
 * @vma: a VMA in its driver's mmap()
 * @target: called back on each copy and close of the VMA
 */
void kcxx_vma_set_target(struct vm_area_struct *vma, struct kcxx_vma_target *target)
{
	vma->vm_private_data = target;
	vma->vm_ops = &kcxx_vm_ops;
}

/**
 * kcxx_dma_mmap_coherent() - map a coherent buffer into @vma
 * @dev: the device the buffer was allocated for
 * @vma: the whole VMA is mapped, from the buffer's start
 * @cpu: the buffer's CPU address
 * @handle: its DMA address
 * @size: its size in bytes; at least the VMA's length
 *
 * Return: 0 or a negative errno (-ENXIO when the VMA is larger).
 */
int kcxx_dma_mmap_coherent(struct device *dev, struct vm_area_struct *vma, void *cpu,
			   unsigned long long handle, unsigned long size)
{
	return dma_mmap_coherent(dev, vma, cpu, handle, size);
}

/**
 * kcxx_vma_insert_pages() - map @count pages of a block from the VMA's start
 * @vma: a VMA in its driver's mmap(), at least @count pages long
 * @first: the block's first page (a compound block: each mapped page holds a
 *         reference on it, so it outlives its owner while mapped)
 * @count: pages to map
 *
 * Return: 0 or a negative errno.
 */
/*
 * The i-th page of a block: nth_page() (a macro) where struct pages of a
 * block may not be contiguous (SPARSEMEM without VMEMMAP); kernels without
 * it (7.x) keep every block's struct pages contiguous.
 */
#ifndef nth_page
#define nth_page(page, n) ((page) + (n))
#endif

int kcxx_vma_insert_pages(struct vm_area_struct *vma, struct page *first, unsigned long count)
{
	unsigned long i;
	int ret = 0;

	for (i = 0; i < count && !ret; i++)
		ret = vm_insert_page(vma, vma->vm_start + i * PAGE_SIZE, nth_page(first, i));
	return ret;
}

/**
 * kcxx_unmap_mapping() - zap every user mapping of @mapping
 * @mapping: a device file's address space
 *
 * Later accesses fault, and with no fault handler get SIGBUS.
 */
void kcxx_unmap_mapping(struct address_space *mapping)
{
	unmap_mapping_range(mapping, 0, 0, 1);
}

/** kcxx_current_mm_grab() - the calling process's mm, kept allocated (mmgrab) */
struct mm_struct *kcxx_current_mm_grab(void)
{
	mmgrab(current->mm);
	return current->mm;
}

/** kcxx_mm_drop() - let go of an mm from kcxx_current_mm_grab() */
void kcxx_mm_drop(struct mm_struct *mm)
{
	mmdrop(mm);
}

/**
 * kcxx_mm_barrier() - wait for an mmap() in progress in @mm to finish
 * @mm: from kcxx_current_mm_grab()
 *
 * mmap() holds the mmap lock for writing from before the driver's hook until
 * the new VMA is linked into its file's address space: once this read lock
 * is had, every VMA the hook mapped is where kcxx_unmap_mapping() finds it.
 */
void kcxx_mm_barrier(struct mm_struct *mm)
{
	mmap_read_lock(mm);
	mmap_read_unlock(mm);
}
