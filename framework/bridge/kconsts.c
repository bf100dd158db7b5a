// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel constants and object sizes for C++, which cannot include kernel
 * headers. Compiled to assembly against the target's headers; Kbuild's offsets
 * machinery turns each DEFINE() into a #define in <kcxx/generated/kconsts.h>.
 */
#include <dt-bindings/leds/common.h>
#include <linux/completion.h>
#include <linux/dma-direction.h>
#include <linux/dmaengine.h>
#include <linux/io.h>
#include <linux/ioctl.h>
#include <linux/poll.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/gfp.h>
#include <linux/kbuild.h>
#include <linux/mm.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/version.h>
#include <kcxx/bridge/hrtimer.h>
#include <kcxx/bridge/irq.h>
#include <kcxx/bridge/workqueue.h>
#include <linux/interrupt.h>
#include <kcxx/bridge/led.h>
#include <kcxx/bridge/miscdev.h>
#include <kcxx/bridge/platform.h>
#include <kcxx/bridge/sysfs.h>
#include <linux/tty.h>		/* tty: termios and modem-line bits */
#ifdef CONFIG_ARM64
#include <asm/cpucaps.h>
#endif

void kcxx_kconsts(void);

void kcxx_kconsts(void)
{
	DEFINE(KCXX_LINUX_VERSION_CODE, LINUX_VERSION_CODE);
	/*
	 * How modpost finds a device table, to make the module's aliases:
	 * __mod_<type>__<name>_device_table, or (7.x, where <linux/module.h>
	 * has the __mod_device_table() macro) the module's name in it too.
	 */
#ifdef __mod_device_table
	DEFINE(KCXX_DEVICE_TABLE_NAMED_BY_MODULE, 1);
#else
	DEFINE(KCXX_DEVICE_TABLE_NAMED_BY_MODULE, 0);
#endif
	BLANK();
	DEFINE(KCXX_GFP_KERNEL, (__force unsigned int)GFP_KERNEL);
	DEFINE(KCXX_GFP_ATOMIC, (__force unsigned int)GFP_ATOMIC);
	DEFINE(KCXX_GFP_NOWAIT, (__force unsigned int)GFP_NOWAIT);
	DEFINE(KCXX_GFP_ZERO, (__force unsigned int)__GFP_ZERO);
	DEFINE(KCXX_GFP_NOWARN, (__force unsigned int)__GFP_NOWARN);
	DEFINE(KCXX_GFP_COMP, (__force unsigned int)__GFP_COMP);
	BLANK();
	DEFINE(KCXX_PAGE_SIZE, PAGE_SIZE);
#if defined(MAX_PAGE_ORDER)
	DEFINE(KCXX_MAX_PAGE_ORDER, MAX_PAGE_ORDER);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	DEFINE(KCXX_MAX_PAGE_ORDER, MAX_ORDER);	/* inclusive from 6.4 */
#else
	DEFINE(KCXX_MAX_PAGE_ORDER, MAX_ORDER - 1);
#endif
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
	DEFINE(KCXX_EOPNOTSUPP, EOPNOTSUPP);
	DEFINE(KCXX_ECANCELED, ECANCELED);
	DEFINE(KCXX_E2BIG, E2BIG);
	DEFINE(KCXX_ENODATA, ENODATA);
	DEFINE(KCXX_EPROTO, EPROTO);
	BLANK();
#ifdef CONFIG_ARM64
	/* The erratum alternative that arm64's readX() carry (kcxx/io_mem.h). */
	DEFINE(KCXX_ARM64_WORKAROUND_DEVICE_LOAD_ACQUIRE,
	       ARM64_WORKAROUND_DEVICE_LOAD_ACQUIRE);
	/* Port I/O is MMIO at PCI_IOBASE + port (asm-generic/io.h's inb()). */
	DEFINE(KCXX_PCI_IOBASE, (unsigned long)PCI_IOBASE);
	/* With indirect PIO hosts, inb() is the exported logic_inb(). */
	DEFINE(KCXX_INDIRECT_PIO, IS_ENABLED(CONFIG_INDIRECT_PIO));
	BLANK();
#endif
	DEFINE(KCXX_IO_SPACE_LIMIT, IO_SPACE_LIMIT);
	DEFINE(KCXX_IOC_NRSHIFT, _IOC_NRSHIFT);
	DEFINE(KCXX_IOC_TYPESHIFT, _IOC_TYPESHIFT);
	DEFINE(KCXX_IOC_SIZESHIFT, _IOC_SIZESHIFT);
	DEFINE(KCXX_IOC_DIRSHIFT, _IOC_DIRSHIFT);
	DEFINE(KCXX_IOC_SIZEBITS, _IOC_SIZEBITS);
	DEFINE(KCXX_IOC_NONE, _IOC_NONE);
	DEFINE(KCXX_IOC_READ, _IOC_READ);
	DEFINE(KCXX_IOC_WRITE, _IOC_WRITE);
	BLANK();
	DEFINE(KCXX_O_NONBLOCK, O_NONBLOCK);
	DEFINE(KCXX_EPOLLIN, (__force unsigned int)EPOLLIN);
	DEFINE(KCXX_EPOLLOUT, (__force unsigned int)EPOLLOUT);
	DEFINE(KCXX_EPOLLRDNORM, (__force unsigned int)EPOLLRDNORM);
	DEFINE(KCXX_EPOLLWRNORM, (__force unsigned int)EPOLLWRNORM);
	DEFINE(KCXX_EPOLLERR, (__force unsigned int)EPOLLERR);
	DEFINE(KCXX_EPOLLHUP, (__force unsigned int)EPOLLHUP);
	DEFINE(KCXX_SIGIO, SIGIO);
	DEFINE(KCXX_POLL_IN, POLL_IN);
	DEFINE(KCXX_POLL_OUT, POLL_OUT);
	BLANK();
	DEFINE(KCXX_SIZEOF_WAIT_QUEUE_HEAD, sizeof(struct wait_queue_head));
	DEFINE(KCXX_ALIGNOF_WAIT_QUEUE_HEAD, __alignof__(struct wait_queue_head));
	DEFINE(KCXX_SIZEOF_MUTEX, sizeof(struct mutex));
	DEFINE(KCXX_ALIGNOF_MUTEX, __alignof__(struct mutex));
	DEFINE(KCXX_SIZEOF_SPINLOCK, sizeof(spinlock_t));
	DEFINE(KCXX_ALIGNOF_SPINLOCK, __alignof__(spinlock_t));
	DEFINE(KCXX_SIZEOF_KERNEL_PARAM, sizeof(struct kernel_param));
	DEFINE(KCXX_ALIGNOF_KERNEL_PARAM, __alignof__(struct kernel_param));
	DEFINE(KCXX_OFFSETOF_KERNEL_PARAM_OPS, offsetof(struct kernel_param, ops));
	DEFINE(KCXX_OFFSETOF_KERNEL_PARAM_PERM, offsetof(struct kernel_param, perm));
	DEFINE(KCXX_OFFSETOF_KERNEL_PARAM_LEVEL, offsetof(struct kernel_param, level));
	DEFINE(KCXX_OFFSETOF_KERNEL_PARAM_ARG, offsetof(struct kernel_param, arg));
	DEFINE(KCXX_SIZEOF_KERNEL_PARAM_OPS, sizeof(struct kernel_param_ops));
	DEFINE(KCXX_KERNEL_PARAM_OPS_FL_NOARG, KERNEL_PARAM_OPS_FL_NOARG);
	DEFINE(KCXX_OFFSETOF_KERNEL_PARAM_OPS_SET, offsetof(struct kernel_param_ops, set));
	DEFINE(KCXX_OFFSETOF_KERNEL_PARAM_OPS_GET, offsetof(struct kernel_param_ops, get));
	DEFINE(KCXX_OFFSETOF_KERNEL_PARAM_OPS_FREE, offsetof(struct kernel_param_ops, free));
	DEFINE(KCXX_SIZEOF_WORK, sizeof(struct kcxx_work));
	DEFINE(KCXX_ALIGNOF_WORK, __alignof__(struct kcxx_work));
	DEFINE(KCXX_SIZEOF_DELAYED_WORK, sizeof(struct kcxx_delayed_work));
	DEFINE(KCXX_ALIGNOF_DELAYED_WORK, __alignof__(struct kcxx_delayed_work));
	DEFINE(KCXX_SIZEOF_TIMER, sizeof(struct kcxx_timer));
	DEFINE(KCXX_ALIGNOF_TIMER, __alignof__(struct kcxx_timer));
	DEFINE(KCXX_WQ_UNBOUND, WQ_UNBOUND);
	DEFINE(KCXX_WQ_FREEZABLE, WQ_FREEZABLE);
	DEFINE(KCXX_WQ_HIGHPRI, WQ_HIGHPRI);
	DEFINE(KCXX_WQ_MEM_RECLAIM, WQ_MEM_RECLAIM);
	DEFINE(KCXX_SIZEOF_IRQ, sizeof(struct kcxx_irq));
	DEFINE(KCXX_ALIGNOF_IRQ, __alignof__(struct kcxx_irq));
	DEFINE(KCXX_IRQ_NONE, IRQ_NONE);
	DEFINE(KCXX_IRQ_HANDLED, IRQ_HANDLED);
	DEFINE(KCXX_IRQ_WAKE_THREAD, IRQ_WAKE_THREAD);
	DEFINE(KCXX_IRQF_TRIGGER_RISING, IRQF_TRIGGER_RISING);
	DEFINE(KCXX_IRQF_TRIGGER_FALLING, IRQF_TRIGGER_FALLING);
	DEFINE(KCXX_IRQF_TRIGGER_HIGH, IRQF_TRIGGER_HIGH);
	DEFINE(KCXX_IRQF_TRIGGER_LOW, IRQF_TRIGGER_LOW);
	DEFINE(KCXX_IRQF_SHARED, IRQF_SHARED);
	DEFINE(KCXX_IRQF_ONESHOT, IRQF_ONESHOT);
	DEFINE(KCXX_IRQF_NO_AUTOEN, IRQF_NO_AUTOEN);
	DEFINE(KCXX_SIZEOF_LOCK_CLASS_KEY, sizeof(struct lock_class_key));
	DEFINE(KCXX_ALIGNOF_LOCK_CLASS_KEY, __alignof__(struct lock_class_key));
	DEFINE(KCXX_SIZEOF_COMPLETION, sizeof(struct completion));
	DEFINE(KCXX_ALIGNOF_COMPLETION, __alignof__(struct completion));
	BLANK();
	DEFINE(KCXX_SIZEOF_OF_DEVICE_ID, sizeof(struct of_device_id));
	DEFINE(KCXX_OFFSETOF_OF_DEVICE_ID_COMPATIBLE, offsetof(struct of_device_id, compatible));
	DEFINE(KCXX_OFFSETOF_OF_DEVICE_ID_DATA, offsetof(struct of_device_id, data));
	DEFINE(KCXX_SIZEOF_PLATFORM_DRIVER, sizeof(struct kcxx_platform_driver));
	DEFINE(KCXX_ALIGNOF_PLATFORM_DRIVER, __alignof__(struct kcxx_platform_driver));
	DEFINE(KCXX_SIZEOF_HRTIMER, sizeof(struct kcxx_hrtimer));
	DEFINE(KCXX_ALIGNOF_HRTIMER, __alignof__(struct kcxx_hrtimer));
	DEFINE(KCXX_SIZEOF_LED, sizeof(struct kcxx_led));
	DEFINE(KCXX_ALIGNOF_LED, __alignof__(struct kcxx_led));
	DEFINE(KCXX_LED_CORE_SUSPENDRESUME, LED_CORE_SUSPENDRESUME);
	DEFINE(KCXX_LED_RETAIN_AT_SHUTDOWN, LED_RETAIN_AT_SHUTDOWN);
	DEFINE(KCXX_LED_PANIC_INDICATOR, LED_PANIC_INDICATOR);
	DEFINE(KCXX_LED_COLOR_ID_MAX, LED_COLOR_ID_MAX);
	DEFINE(KCXX_SIZEOF_DEV_ATTR, sizeof(struct kcxx_dev_attr));
	DEFINE(KCXX_ALIGNOF_DEV_ATTR, __alignof__(struct kcxx_dev_attr));
	DEFINE(KCXX_SIZEOF_GROUP_ATTR, sizeof(struct kcxx_group_attr));
	DEFINE(KCXX_ALIGNOF_GROUP_ATTR, __alignof__(struct kcxx_group_attr));
	DEFINE(KCXX_SIZEOF_ATTRIBUTE_GROUP, sizeof(struct attribute_group));
	DEFINE(KCXX_ALIGNOF_ATTRIBUTE_GROUP, __alignof__(struct attribute_group));
	DEFINE(KCXX_SIZEOF_MISCDEV, sizeof(struct kcxx_miscdev));
	DEFINE(KCXX_ALIGNOF_MISCDEV, __alignof__(struct kcxx_miscdev));
	BLANK();
	/* DMA (kcxx/dma_*.h): directions, dma_addr_t, and an sg_table's storage. */
	DEFINE(KCXX_DMA_BIDIRECTIONAL, DMA_BIDIRECTIONAL);
	DEFINE(KCXX_DMA_TO_DEVICE, DMA_TO_DEVICE);
	DEFINE(KCXX_DMA_FROM_DEVICE, DMA_FROM_DEVICE);
	DEFINE(KCXX_SIZEOF_DMA_ADDR, sizeof(dma_addr_t));
	DEFINE(KCXX_SIZEOF_SG_TABLE, sizeof(struct sg_table));
	BLANK();
	/* dmaengine clients (kcxx/dma_engine.h): enum dma_status, prep flags. */
	DEFINE(KCXX_DMA_COMPLETE, DMA_COMPLETE);
	DEFINE(KCXX_DMA_IN_PROGRESS, DMA_IN_PROGRESS);
	DEFINE(KCXX_DMA_PAUSED, DMA_PAUSED);
	DEFINE(KCXX_DMA_ERROR, DMA_ERROR);
	DEFINE(KCXX_DMA_PREP_INTERRUPT, DMA_PREP_INTERRUPT);
	DEFINE(KCXX_DMA_CTRL_ACK, DMA_CTRL_ACK);
	BLANK();
	/* TTY (kcxx/tty.h): modem lines, termios c_cflag bits, TIOCMIWAIT. */
	DEFINE(KCXX_TIOCM_DTR, TIOCM_DTR);
	DEFINE(KCXX_TIOCM_RTS, TIOCM_RTS);
	DEFINE(KCXX_TIOCM_CTS, TIOCM_CTS);
	DEFINE(KCXX_TIOCM_CD, TIOCM_CD);
	DEFINE(KCXX_TIOCM_RI, TIOCM_RI);
	DEFINE(KCXX_TIOCM_DSR, TIOCM_DSR);
	DEFINE(KCXX_TIOCMIWAIT, TIOCMIWAIT);
	DEFINE(KCXX_CSIZE, CSIZE);
	DEFINE(KCXX_CS5, CS5);
	DEFINE(KCXX_CS6, CS6);
	DEFINE(KCXX_CS7, CS7);
	DEFINE(KCXX_CS8, CS8);
	DEFINE(KCXX_CSTOPB, CSTOPB);
	DEFINE(KCXX_PARENB, PARENB);
	DEFINE(KCXX_CRTSCTS, (unsigned long)CRTSCTS);
}
