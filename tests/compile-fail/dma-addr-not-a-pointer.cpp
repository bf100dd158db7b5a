// SPDX-License-Identifier: GPL-2.0
// Bug class: treating a DMA (bus) address as a CPU pointer, or a CPU pointer
// as a DMA address: with an IOMMU or an offset bus they differ, and the CPU
// or the device scribbles on the wrong memory. A DmaAddr is not a pointer
// and no pointer or integer becomes one implicitly.
// expect-error: no match for .operator\*. \(operand type is .kcxx::DmaAddr.\)
// expect-error: cannot convert .kcxx::DmaAddr. to .Desc\*. in initialization
// expect-error: could not convert .* from .Desc\*. to .kcxx::DmaAddr.
#include <kcxx/dma_coherent.h>

using namespace kcxx;

struct Desc {
	u32 ctrl;
	u32 next;
};

DmaAddr handle_of(DmaCoherent<Desc> &desc);

DmaAddr handle_of(DmaCoherent<Desc> &desc)
{
#ifdef KCXX_COMPILE_FAIL
	u32 ctrl = (*desc.dma_handle()).ctrl;
	Desc *cpu = desc.dma_handle();

	cpu->ctrl = ctrl;
	return desc.get();
#else
	desc->ctrl = 1;
	return desc.dma_handle();
#endif
}
