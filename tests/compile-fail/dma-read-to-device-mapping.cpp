// SPDX-License-Identifier: GPL-2.0
// Bug class: syncing a transmit (DMA_TO_DEVICE) buffer for the CPU to read
// what the device wrote: the device never writes it. The direction is part
// of a DmaMapping's type; sync_for_cpu() exists for FromDevice and
// Bidirectional mappings only.
// expect-error: static assertion failed: kcxx::DmaMapping: a ToDevice buffer holds nothing the device wrote
#include <kcxx/dma_mapping.h>

using namespace kcxx;

struct Frame {
	u32 words[16];
};

u32 peek(DmaMapping<DmaDirection::ToDevice, Frame> &tx);

u32 peek(DmaMapping<DmaDirection::ToDevice, Frame> &tx)
{
#ifdef KCXX_COMPILE_FAIL
	auto cpu = tx.sync_for_cpu();
#else
	auto cpu = tx.update();
#endif
	return cpu->words[0];
}
