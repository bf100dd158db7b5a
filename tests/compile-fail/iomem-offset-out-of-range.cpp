// SPDX-License-Identifier: GPL-2.0
// Bug class: a register offset past the end of the mapping (C's readl(base +
// 0x1000) on a 0x1000-byte ioremap). With the offset as a template argument,
// it does not compile.
// expect-error: static assertion failed: kcxx::IoMem: offset out of range
#include <kcxx/io_mem.h>

using namespace kcxx;

u32 last_register(const IoMem<0x1000> &io);

u32 last_register(const IoMem<0x1000> &io)
{
#ifdef KCXX_COMPILE_FAIL
	return io.read32<0x1000>();
#else
	return io.read32<0xffc>();
#endif
}
