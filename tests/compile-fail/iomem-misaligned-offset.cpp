// SPDX-License-Identifier: GPL-2.0
// Bug class: a misaligned MMIO access (readl(base + 2)), which faults or tears
// on real buses. An offset that is not a multiple of the width does not compile.
// expect-error: static assertion failed: kcxx::IoMem: misaligned offset
#include <kcxx/io_mem.h>

using namespace kcxx;

void set_mode(const IoMem<0x100> &io, u32 mode);

void set_mode(const IoMem<0x100> &io, u32 mode)
{
#ifdef KCXX_COMPILE_FAIL
	io.write32<0x42>(mode);
#else
	io.write32<0x40>(mode);
#endif
}
