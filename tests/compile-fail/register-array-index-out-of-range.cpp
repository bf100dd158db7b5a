// SPDX-License-Identifier: GPL-2.0
// Bug class: an off-by-one into a bank of registers (GPFSEL6 on a SoC that has
// GPFSEL0..5), which C's `base + GPFSEL0 + 4 * n` happily computes. A constant
// index into a RegisterArray is checked when it compiles; a run-time one
// through try_at() returns EINVAL.
// expect-error: static assertion failed: kcxx::RegisterArray: index out of range
#include <kcxx/io_mem.h>

using namespace kcxx;

struct Regs : RegisterMap<0x100> {
	struct Fsel : Register<u32, 0x00> {};
	using Fsels = RegisterArray<Fsel, 6>;
	using registers = RegisterList<Fsels>;
};

u32 last_function_select(const IoMem<Regs{}> &io);

u32 last_function_select(const IoMem<Regs{}> &io)
{
#ifdef KCXX_COMPILE_FAIL
	return io.read(Regs::Fsels::at<6>()).raw();
#else
	return io.read(Regs::Fsels::at<5>()).raw();
#endif
}
