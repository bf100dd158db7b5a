/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/mm.h>'s VMAs and <linux/dma-mapping.h>'s
 * dma_mmap_coherent(): what kcxx/user_mapping.h needs to map a buffer into a
 * process. Shared by the C bridge and C++; plain C types only.
 */
#ifndef KCXX_BRIDGE_USER_MAPPING_H
#define KCXX_BRIDGE_USER_MAPPING_H

#ifdef __cplusplus
extern "C" {
#endif

struct address_space;
struct device;
struct mm_struct;
struct vm_area_struct;

/*
 * What a mapped VMA's vm_private_data points to: the object C++ keeps alive
 * for it, whose first member is this table. open runs when the VMA is
 * copied (fork, split, mremap), close when a copy goes.
 */
struct kcxx_vma_target {
	void (*open)(struct kcxx_vma_target *target);
	void (*close)(struct kcxx_vma_target *target);
};

unsigned long kcxx_vma_len(const struct vm_area_struct *vma);
unsigned long kcxx_vma_offset(const struct vm_area_struct *vma);
int kcxx_vma_is_shared(const struct vm_area_struct *vma);
struct address_space *kcxx_vma_mapping(const struct vm_area_struct *vma);
void kcxx_vma_set_target(struct vm_area_struct *vma, struct kcxx_vma_target *target);
int kcxx_dma_mmap_coherent(struct device *dev, struct vm_area_struct *vma, void *cpu,
			   unsigned long long handle, unsigned long size);
struct page;
int kcxx_vma_insert_pages(struct vm_area_struct *vma, struct page *first, unsigned long count);
void kcxx_unmap_mapping(struct address_space *mapping);
struct mm_struct *kcxx_current_mm_grab(void);
void kcxx_mm_drop(struct mm_struct *mm);
void kcxx_mm_barrier(struct mm_struct *mm);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_USER_MAPPING_H */
