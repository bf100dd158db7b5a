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

/*
 * Zero-copy: mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) on
 * /dev/kcxx-dma<N> gives the open file a DMA buffer of len bytes (whole
 * pages, at most KCXX_DMA_MAP_MAX; zeroed). Later mmap()s of the file map
 * the same buffer (len at most its size); it lives while the file is open or
 * any mapping of it is, and goes when the device does (its mappings then
 * fault with SIGBUS). mmap() fails with EINVAL for a private mapping, a
 * non-zero offset, or a length past the buffer or KCXX_DMA_MAP_MAX.
 *
 * KCXX_DMA_IOC_COPY_MAPPED: copy len bytes within that buffer, from offset
 * src_off to dst_off, with no page pinned. Returns the bytes copied, or -1
 * with errno ENXIO (nothing mapped yet), EINVAL (len 0, a range past the
 * buffer, overlapping ranges), ETIMEDOUT, EIO, EAGAIN (O_NONBLOCK, busy).
 */
struct kcxx_dma_copy_mapped {
	unsigned long long src_off;
	unsigned long long dst_off;
	unsigned long long len;
};

#define KCXX_DMA_IOC_COPY_MAPPED_NR 2
/* _IOW(KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_MAPPED_NR, struct kcxx_dma_copy_mapped) */

#define KCXX_DMA_MAP_MAX (4ULL << 20)

#endif
