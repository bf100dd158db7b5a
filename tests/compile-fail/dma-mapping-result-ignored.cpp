// SPDX-License-Identifier: GPL-2.0
// Bug class: a DMA mapping whose failure is not checked (C's missing
// dma_mapping_error()): the device is given DMA_MAPPING_ERROR as an address.
// map() returns a Result, which cannot be ignored.
// expect-error: ignoring returned value of type .*Result<kcxx::DmaMapping<kcxx::DmaDirection::ToDevice, Frame> >.*nodiscard
#include <kcxx/dma_mapping.h>

using namespace kcxx;

struct Frame {
	u32 words[16];
};

Result<DmaAddr> send(BoundDevice &dev, Box<Frame> frame)
{
	using Tx = DmaMapping<DmaDirection::ToDevice, Frame>;
#ifdef KCXX_COMPILE_FAIL
	Tx::map(dev, move(frame));
	return DmaAddr();
#else
	auto tx = TRY(Tx::map(dev, move(frame)));
	return tx.dma_handle();
#endif
}
