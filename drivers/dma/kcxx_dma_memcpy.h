/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The ABI of /dev/kcxx-dma<N> (drivers/dma/kcxx_dma_memcpy.cpp), shared by
 * the driver and user space (tests/guest/dma_copy_client.c). Fixed-width,
 * padding-free, the same in 32- and 64-bit processes.
 */
#ifndef KCXX_DMA_MEMCPY_UAPI_H
#define KCXX_DMA_MEMCPY_UAPI_H

/* KCXX_DMA_IOC_COPY: copy len bytes from src to dst (user addresses). */
struct kcxx_dma_copy {
	unsigned long long src;
	unsigned long long dst;
	unsigned long long len;
};

#define KCXX_DMA_IOC_TYPE 'K'
#define KCXX_DMA_IOC_COPY_NR 1
/*
 * _IOW(KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_NR, struct kcxx_dma_copy):
 * returns the number of bytes copied, or -1 with errno EINVAL (len 0, too
 * long, overlapping ranges), EFAULT (a range not mapped, or dst not
 * writable), ENOMEM, ETIMEDOUT (the engine did not finish in timeout_ms),
 * EIO (the engine reported an error).
 */

/* The most one call copies. */
#define KCXX_DMA_COPY_MAX (64ULL << 20)

#endif
