// SPDX-License-Identifier: GPL-2.0
/*
 * A GPIO bank as types: function selects 10 pins per register across six
 * registers, set and clear registers 32 pins each. The driver indexes by
 * pin; no shift or offset is written by hand.
 */
#include <kcxx/io_mem.h>

namespace {

using namespace kcxx;

struct Bank : RegisterMap<0xb4> {
	struct Fsel : Register<u32, 0x00> {
		enum class Function : u32 { Input = 0, Output = 1, Alt0 = 4 };
		using Pin = FieldArray<Fsel, 3, 10, Function>;
	};
	struct Set : Register<u32, 0x1c, WriteOnly> {
		using Pin = FieldArray<Set, 1, 32, bool>;
	};
	struct Lev : Register<u32, 0x34, ReadOnly> {
		using Pin = FieldArray<Lev, 1, 32, bool>;
	};
	using Fsels = RegisterArray<Fsel, 6>; // GPFSEL0..5
	using Sets = RegisterArray<Set, 2>;   // GPSET0..1
	using Levs = RegisterArray<Lev, 2>;   // GPLEV0..1
	using registers = RegisterList<Fsels, Sets, Levs>;

	using Functions = ArrayField<Fsels, Fsel::Pin>; // pin -> (register, field)
	using SetPins = ArrayField<Sets, Set::Pin>;
	using Levels = ArrayField<Levs, Lev::Pin>;
};

} // namespace

/// Makes `pin` a high output: EINVAL for a pin the bank does not have.
Result<void> drive_high(const IoMem<Bank{}> &io, u32 pin);

Result<void> drive_high(const IoMem<Bank{}> &io, u32 pin)
{
	io.write(TRY(Bank::SetPins::try_at(pin)).set());
	io.modify(TRY(Bank::Functions::try_at(pin)).val(Bank::Fsel::Function::Output));
	return {};
}

/// Pin 13's function, the index checked when this compiles.
Bank::Fsel::Function pin13_function(const IoMem<Bank{}> &io);

Bank::Fsel::Function pin13_function(const IoMem<Bank{}> &io)
{
	return io.read(Bank::Fsels::at<1>()).get<Bank::Fsel::Pin::At<3>>();
}

Result<bool> level(const IoMem<Bank{}> &io, u32 pin);

Result<bool> level(const IoMem<Bank{}> &io, u32 pin)
{
	return io.read(TRY(Bank::Levels::try_at(pin)));
}
