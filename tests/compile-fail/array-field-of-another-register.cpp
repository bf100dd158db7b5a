// SPDX-License-Identifier: GPL-2.0
// Bug class: pin numbering built from one register's fields over another
// register's bank (GPLEV's bits spread over GPSET0..1, a copy-paste slip).
// An ArrayField's fields must belong to its array's register.
// expect-error: static assertion failed: kcxx::ArrayField: the fields belong to another register
#include <kcxx/io_mem.h>

using namespace kcxx;

struct Regs : RegisterMap<0x100> {
	struct Set : Register<u32, 0x1c, WriteOnly> {
		using Pin = FieldArray<Set, 1, 32, bool>;
	};
	struct Lev : Register<u32, 0x34, ReadOnly> {
		using Pin = FieldArray<Lev, 1, 32, bool>;
	};
	using Sets = RegisterArray<Set, 2>;
	using Levs = RegisterArray<Lev, 2>;
	using registers = RegisterList<Sets, Levs>;
#ifdef KCXX_COMPILE_FAIL
	using LevPins = ArrayField<Levs, Set::Pin>;
#else
	using LevPins = ArrayField<Levs, Lev::Pin>;
#endif
};

Result<bool> level(const IoMem<Regs{}> &io, u32 pin);

Result<bool> level(const IoMem<Regs{}> &io, u32 pin)
{
	return io.read(TRY(Regs::LevPins::try_at(pin)));
}
