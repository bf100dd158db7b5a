// SPDX-License-Identifier: GPL-2.0
// Bug class: the CPU writing into a receive (DMA_FROM_DEVICE) buffer, which
// the device overwrites and the next sync discards. update() does not exist
// for FromDevice mappings, and what sync_for_cpu() gives is const.
// expect-error: static assertion failed: kcxx::DmaMapping: the device does not read a FromDevice buffer
// expect-error: assignment of read-only location .cpu\.kcxx::DmaMapping<kcxx::DmaDirection::FromDevice, Frame>::CpuAccess<const Frame>::operator->\(\)->Frame::words\[1\].
#include <kcxx/dma_mapping.h>

using namespace kcxx;

struct Frame {
	u32 words[16];
};

u32 consume(DmaMapping<DmaDirection::FromDevice, Frame> &rx);

u32 consume(DmaMapping<DmaDirection::FromDevice, Frame> &rx)
{
#ifdef KCXX_COMPILE_FAIL
	{
		auto cpu = rx.update();
		cpu->words[0] = 0;
	}
	auto cpu = rx.sync_for_cpu();
	cpu->words[1] = 0;
	return 0;
#else
	auto cpu = rx.sync_for_cpu();
	return cpu->words[0];
#endif
}
