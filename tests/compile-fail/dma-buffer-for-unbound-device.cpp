// SPDX-License-Identifier: GPL-2.0
// Bug class: DMA memory allocated for a device no driver is bound to (a
// device found by name, a class device, a parent), which the kernel frees
// or reuses behind the allocation's back. DMA allocations, mappings and
// masks take a BoundDevice, which only probe (PlatformDevice::dev()) and a
// held DmaChannel hand out; a plain Device does not convert to one.
// expect-error: cannot convert .*kcxx::Device.* to .*kcxx::BoundDevice&
#include <kcxx/dma_coherent.h>
#include <kcxx/platform.h>

using namespace kcxx;

Result<DmaCoherent<u8[]>> ring(PlatformDevice &pdev, Device other);

Result<DmaCoherent<u8[]>> ring(PlatformDevice &pdev, Device other)
{
#ifdef KCXX_COMPILE_FAIL
	(void)pdev;
	return DmaCoherent<u8[]>::try_new(other, 4096, gfp::KERNEL);
#else
	(void)other;
	return DmaCoherent<u8[]>::try_new(pdev.dev(), 4096, gfp::KERNEL);
#endif
}
