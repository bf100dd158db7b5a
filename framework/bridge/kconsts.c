// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel constants and object sizes for C++, which cannot include kernel
 * headers. Compiled to assembly against the target's headers; Kbuild's offsets
 * machinery turns each DEFINE() into a #define in <kcxx/generated/kconsts.h>.
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kbuild.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/version.h>
#ifdef CONFIG_ARM64
#include <asm/cpucaps.h>
#endif

void kcxx_kconsts(void);

void kcxx_kconsts(void)
{
	DEFINE(KCXX_LINUX_VERSION_CODE, LINUX_VERSION_CODE);
	BLANK();
	DEFINE(KCXX_GFP_KERNEL, (__force unsigned int)GFP_KERNEL);
	DEFINE(KCXX_GFP_ATOMIC, (__force unsigned int)GFP_ATOMIC);
	DEFINE(KCXX_GFP_NOWAIT, (__force unsigned int)GFP_NOWAIT);
	DEFINE(KCXX_GFP_ZERO, (__force unsigned int)__GFP_ZERO);
	DEFINE(KCXX_GFP_NOWARN, (__force unsigned int)__GFP_NOWARN);
	BLANK();
	DEFINE(KCXX_PAGE_SIZE, PAGE_SIZE);
	DEFINE(KCXX_KMALLOC_MINALIGN, ARCH_KMALLOC_MINALIGN);
	DEFINE(KCXX_KMALLOC_MAX_SIZE, KMALLOC_MAX_SIZE);
	DEFINE(KCXX_MAX_ERRNO, MAX_ERRNO);
	BLANK();
	DEFINE(KCXX_EPERM, EPERM);
	DEFINE(KCXX_ENOENT, ENOENT);
	DEFINE(KCXX_EINTR, EINTR);
	DEFINE(KCXX_EIO, EIO);
	DEFINE(KCXX_ENXIO, ENXIO);
	DEFINE(KCXX_EAGAIN, EAGAIN);
	DEFINE(KCXX_ENOMEM, ENOMEM);
	DEFINE(KCXX_EFAULT, EFAULT);
	DEFINE(KCXX_EBUSY, EBUSY);
	DEFINE(KCXX_EEXIST, EEXIST);
	DEFINE(KCXX_ENODEV, ENODEV);
	DEFINE(KCXX_EINVAL, EINVAL);
	DEFINE(KCXX_ENOSPC, ENOSPC);
	DEFINE(KCXX_ENOTTY, ENOTTY);
	DEFINE(KCXX_ERANGE, ERANGE);
	DEFINE(KCXX_EOVERFLOW, EOVERFLOW);
	DEFINE(KCXX_ETIMEDOUT, ETIMEDOUT);
	DEFINE(KCXX_ERESTARTSYS, ERESTARTSYS);
	DEFINE(KCXX_EPROBE_DEFER, EPROBE_DEFER);
	BLANK();
#ifdef CONFIG_ARM64
	/* The erratum alternative that arm64's readX() carry (kcxx/io_mem.h). */
	DEFINE(KCXX_ARM64_WORKAROUND_DEVICE_LOAD_ACQUIRE,
	       ARM64_WORKAROUND_DEVICE_LOAD_ACQUIRE);
	BLANK();
#endif
	DEFINE(KCXX_SIZEOF_MUTEX, sizeof(struct mutex));
	DEFINE(KCXX_ALIGNOF_MUTEX, __alignof__(struct mutex));
	DEFINE(KCXX_SIZEOF_SPINLOCK, sizeof(spinlock_t));
	DEFINE(KCXX_ALIGNOF_SPINLOCK, __alignof__(spinlock_t));
	DEFINE(KCXX_SIZEOF_COMPLETION, sizeof(struct completion));
	DEFINE(KCXX_ALIGNOF_COMPLETION, __alignof__(struct completion));
}
