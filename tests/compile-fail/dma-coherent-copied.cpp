// SPDX-License-Identifier: GPL-2.0
// Bug class: two owners of one coherent DMA buffer (double dma_free_coherent,
// a device writing into memory already reused). A DmaCoherent cannot be
// copied, only moved.
// expect-error: use of deleted function .*DmaCoherent<T \[\]>::DmaCoherent\(const kcxx::DmaCoherent<T \[\]>&\) \[with T = Desc\]
#include <kcxx/dma_coherent.h>

using namespace kcxx;

struct Desc {
	u32 ctrl;
	u32 next;
};

Result<void> twice(BoundDevice &dev)
{
	auto ring = TRY(DmaCoherent<Desc[]>::try_new(dev, 16, gfp::KERNEL));
#ifdef KCXX_COMPILE_FAIL
	DmaCoherent<Desc[]> second = ring;
#else
	DmaCoherent<Desc[]> second = move(ring);
#endif
	return second.try_write(0, Desc{ 1, 0 });
}
