/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every bridge header may need. Shared by the C bridge and C++; plain C.
 */
#ifndef KCXX_BRIDGE_COMMON_H
#define KCXX_BRIDGE_COMMON_H

/*
 * KCXX_IOMEM - marks an I/O memory (__iomem) pointer in a bridge prototype.
 *
 * Kernel C sees the kernel's __iomem, so Sparse checks the C side of every
 * bridge that passes I/O memory around. C++ has no Sparse and sees a plain
 * void *, which it wraps at once in the opaque kcxx::IoAddr (kcxx/io_mem.h).
 */
#ifdef __cplusplus
#define KCXX_IOMEM
#else
#define KCXX_IOMEM __iomem
#endif

#endif /* KCXX_BRIDGE_COMMON_H */
