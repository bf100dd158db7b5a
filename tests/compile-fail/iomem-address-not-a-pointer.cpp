// SPDX-License-Identifier: GPL-2.0
// Bug class: touching device memory with a plain load or store (C's
// *(u32 *)base, which Sparse flags but the compiler accepts), which the
// compiler may split, merge, repeat or drop. An IoMem's address is opaque: it
// cannot be dereferenced or turned into a pointer.
// expect-error: no match for .operator\*. \(operand type is .kcxx::IoAddr.\)
// expect-error: cannot convert .kcxx::IoAddr. to .volatile kcxx::u32\*.
#include <kcxx/io_mem.h>

using namespace kcxx;

u32 peek(const IoMem<0x100> &io);

u32 peek(const IoMem<0x100> &io)
{
#ifdef KCXX_COMPILE_FAIL
	u32 first = *io.addr();
	volatile u32 *regs = io.addr();

	return first + regs[1];
#else
	return io.read32<0>() + io.read32<4>();
#endif
}
