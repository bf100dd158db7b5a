/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DMA addressing limits: <linux/dma-mapping.h>'s dma_set_mask_and_coherent().
 *
 *	TRY(set_dma_mask(pdev.dev(), 32));	// in probe, before any mapping
 */
#ifndef KCXX_DMA_MASK_H
#define KCXX_DMA_MASK_H

#include <kcxx/bridge/dma.h>
#include <kcxx/device.h>
#include <kcxx/result.h>

namespace kcxx {

/**
 * Says the device can address `bits` bits (DMA_BIT_MASK(bits)), for streaming
 * mappings and coherent memory alike. Call it in probe, before any mapping:
 * a device-tree platform device starts with a 32-bit mask.
 *
 * EINVAL when `bits` is not in 1..64; EIO when the platform cannot honour the
 * mask (memory the device could not reach), and the masks stay as they were.
 */
inline Result<void> set_dma_mask(BoundDevice &dev, unsigned int bits)
{
	if (bits == 0 || bits > 64)
		return code::EINVAL;
	u64 mask = bits == 64 ? ~u64(0) : (u64(1) << bits) - 1;
	// SAFETY: dev is live (Device invariant); the kernel checks the mask.
	return to_result(kcxx_dma_set_mask_and_coherent(dev.raw(), mask));
}

/// The device's streaming DMA mask, e.g. 0xffffffff for 32 bits.
inline u64 dma_mask(BoundDevice &dev)
{
	return kcxx_dma_get_mask(dev.raw());
}

/// The device's coherent DMA mask (for DmaCoherent and DmaPool memory).
inline u64 coherent_dma_mask(BoundDevice &dev)
{
	return kcxx_dma_get_coherent_mask(dev.raw());
}

} // namespace kcxx

#endif // KCXX_DMA_MASK_H
