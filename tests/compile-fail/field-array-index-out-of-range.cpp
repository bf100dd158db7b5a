// SPDX-License-Identifier: GPL-2.0
// Bug class: the eleventh 3-bit function field of a register that holds ten
// (C's `7 << 3 * 10` silently reaches into the reserved top bits). A constant
// index into a FieldArray is checked when it compiles.
// expect-error: static assertion failed: kcxx::FieldArray: index out of range
#include <kcxx/io_mem.h>

using namespace kcxx;

struct Regs : RegisterMap<0x100> {
	struct Fsel : Register<u32, 0x00> {
		enum class Function : u32 { Input = 0, Output = 1 };
		using Pin = FieldArray<Fsel, 3, 10, Function>;
	};
	using registers = RegisterList<Fsel>;
};

void make_output(const IoMem<Regs{}> &io);

void make_output(const IoMem<Regs{}> &io)
{
#ifdef KCXX_COMPILE_FAIL
	io.modify(Regs::Fsel::Pin::At<10>::val(Regs::Fsel::Function::Output));
#else
	io.modify(Regs::Fsel::Pin::At<9>::val(Regs::Fsel::Function::Output));
#endif
}
