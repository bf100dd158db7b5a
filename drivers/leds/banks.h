/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GPIO bank register layouts for kcxx-mmio-leds: each SoC's bank as a
 * RegisterMap (kcxx/register.h), with how it makes a pin an output and drives
 * it. Pins are indices into FieldArrays and ArrayFields: no layout computes a
 * shift or a register offset by hand.
 *
 * Each layout's functions are templated on the register file, so the same
 * code runs on an IoMem in the kernel and on a simulated bank (a
 * RegisterAccess backend) in the host tests (tests/host/leds_banks_test.cpp),
 * which check the Exynos and sunxi layouts QEMU cannot run.
 *
 * set_output() (below the layouts) writes the level, switches the pin to
 * output, and writes the level again: banks that latch the level while the
 * pin is an input switch without a glitch, and banks that ignore it then (the
 * PL061) still end up right. Callers hold the bank's lock: make_output() and
 * the read-modify-write set()s are not atomic on the hardware.
 */
#ifndef KCXX_DRIVERS_LEDS_BANKS_H
#define KCXX_DRIVERS_LEDS_BANKS_H

#include <kcxx/register.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

namespace kcxx_leds {

using namespace kcxx;

/// ARM PrimeCell PL061 (QEMU virt): 8 pins. GPIODATA appears at 256
/// addresses: the one at index `mask` reads and writes only the pins in mask,
/// so set() needs no read-modify-write.
struct Pl061 : RegisterMap<0x1000> {
	static constexpr const char *compatible = "kcxx,pl061-leds";
	static constexpr const char *driver_name = "kcxx-pl061-leds";

	struct Data : Register<u32, 0x000> {
		using Pin = FieldArray<Data, 1, 8, bool>;
	};
	using MaskedData = RegisterArray<Data, 256>;
	struct Dir : Register<u32, 0x400> {
		using Pin = FieldArray<Dir, 1, 8, bool>;
	};
	using registers = RegisterList<MaskedData, Dir>;

	static constexpr u32 pins = Data::Pin::count;

	template <typename Io> static Result<void> set(const Io &io, u32 pin, bool high)
	{
		auto bit = TRY(Data::Pin::try_at(pin));

		io.write(TRY(MaskedData::try_at(bit.mask())), bit.val(high));
		return {};
	}
	template <typename Io> static Result<bool> get(const Io &io, u32 pin)
	{
		auto bit = TRY(Data::Pin::try_at(pin));

		return io.read(TRY(MaskedData::try_at(bit.mask()))).get(bit);
	}
	template <typename Io> static Result<void> make_output(const Io &io, u32 pin)
	{
		io.modify(TRY(Dir::Pin::try_at(pin)).set());
		return {};
	}
};

/// Broadcom BCM2835/BCM2837 (Raspberry Pi): 54 pins. GPFSEL0..5 hold a
/// 3-bit function per pin, 10 pins per register; levels are driven by writing
/// 1s to GPSET0..1 / GPCLR0..1, so set() needs no read-modify-write.
struct Bcm2835 : RegisterMap<0xb4> {
	static constexpr const char *compatible = "kcxx,bcm2835-leds";
	static constexpr const char *driver_name = "kcxx-bcm2835-leds";
	static constexpr u32 pins = 54;

	struct Fsel : Register<u32, 0x00> {
		enum class Function : u32 {
			Input = 0,
			Output = 1,
			Alt0 = 4,
			Alt1 = 5,
			Alt2 = 6,
			Alt3 = 7,
			Alt4 = 3,
			Alt5 = 2
		};
		using Pin = FieldArray<Fsel, 3, 10, Function>;
	};
	struct Set : Register<u32, 0x1c, WriteOnly> {
		using Pin = FieldArray<Set, 1, 32, bool>;
	};
	struct Clr : Register<u32, 0x28, WriteOnly> {
		using Pin = FieldArray<Clr, 1, 32, bool>;
	};
	struct Lev : Register<u32, 0x34, ReadOnly> {
		using Pin = FieldArray<Lev, 1, 32, bool>;
	};
	using Fsels = RegisterArray<Fsel, 6>;
	using Sets = RegisterArray<Set, 2>;
	using Clrs = RegisterArray<Clr, 2>;
	using Levs = RegisterArray<Lev, 2>;
	using registers = RegisterList<Fsels, Sets, Clrs, Levs>;

	using Functions = ArrayField<Fsels, Fsel::Pin>;
	using SetPins = ArrayField<Sets, Set::Pin>;
	using ClrPins = ArrayField<Clrs, Clr::Pin>;
	using LevPins = ArrayField<Levs, Lev::Pin>;
	static_assert(pins <= Functions::count && pins <= SetPins::count);

	template <typename Io> static Result<void> set(const Io &io, u32 pin, bool high)
	{
		if (high)
			io.write(TRY(SetPins::try_at(pin)).set());
		else
			io.write(TRY(ClrPins::try_at(pin)).set());
		return {};
	}
	template <typename Io> static Result<bool> get(const Io &io, u32 pin)
	{
		return io.read(TRY(LevPins::try_at(pin)));
	}
	template <typename Io> static Result<void> make_output(const Io &io, u32 pin)
	{
		io.modify(TRY(Functions::try_at(pin)).val(Fsel::Function::Output));
		return {};
	}
};

/// Samsung Exynos4412: one bank (e.g. GPX2 at 0x11000C40) is GPxCON with a
/// 4-bit function per pin and GPxDAT with a bit per pin; 8 pins.
struct Exynos4412 : RegisterMap<0x20> { // CON, DAT, PUD, DRV, CONPDN, PUDPDN
	static constexpr const char *compatible = "kcxx,exynos4412-leds";
	static constexpr const char *driver_name = "kcxx-exynos4412-leds";

	struct Con : Register<u32, 0x00> {
		enum class Function : u32 { Input = 0x0, Output = 0x1, Interrupt = 0xf };
		using Pin = FieldArray<Con, 4, 8, Function>;
	};
	struct Dat : Register<u32, 0x04> {
		using Pin = FieldArray<Dat, 1, 8, bool>;
	};
	using registers = RegisterList<Con, Dat>;

	static constexpr u32 pins = Dat::Pin::count;

	template <typename Io> static Result<void> set(const Io &io, u32 pin, bool high)
	{
		io.modify(TRY(Dat::Pin::try_at(pin)).val(high));
		return {};
	}
	template <typename Io> static Result<bool> get(const Io &io, u32 pin)
	{
		return io.template read<Dat>().get(TRY(Dat::Pin::try_at(pin)));
	}
	template <typename Io> static Result<void> make_output(const Io &io, u32 pin)
	{
		io.modify(TRY(Con::Pin::try_at(pin)).val(Con::Function::Output));
		return {};
	}
};

/// Allwinner sunxi: port n at PIO base + 0x24 * n is Pn_CFG0..3 with a
/// 3-bit function in each 4-bit slot (the top bit reserved), 8 pins per
/// register, then Pn_DAT; 32 pins.
struct Sunxi : RegisterMap<0x24> { // CFG0-3, DAT, DRV0-1, PUL0-1
	static constexpr const char *compatible = "kcxx,sunxi-leds";
	static constexpr const char *driver_name = "kcxx-sunxi-leds";

	struct Cfg : Register<u32, 0x00> {
		enum class Function : u32 { Input = 0, Output = 1, Disabled = 7 };
		using Pin = FieldArray<Cfg, 3, 8, Function, 4>;
	};
	struct Dat : Register<u32, 0x10> {
		using Pin = FieldArray<Dat, 1, 32, bool>;
	};
	using Cfgs = RegisterArray<Cfg, 4>;
	using registers = RegisterList<Cfgs, Dat>;

	using Functions = ArrayField<Cfgs, Cfg::Pin>;
	static constexpr u32 pins = Dat::Pin::count;
	static_assert(pins == Functions::count);

	template <typename Io> static Result<void> set(const Io &io, u32 pin, bool high)
	{
		io.modify(TRY(Dat::Pin::try_at(pin)).val(high));
		return {};
	}
	template <typename Io> static Result<bool> get(const Io &io, u32 pin)
	{
		return io.template read<Dat>().get(TRY(Dat::Pin::try_at(pin)));
	}
	template <typename Io> static Result<void> make_output(const Io &io, u32 pin)
	{
		io.modify(TRY(Functions::try_at(pin)).val(Cfg::Function::Output));
		return {};
	}
};

/// Drives `pin` to `high` and makes it an output, glitch-free on every bank.
template <typename Layout, typename Io> Result<void> set_output(const Io &io, u32 pin, bool high)
{
	TRY(Layout::set(io, pin, high));
	TRY(Layout::make_output(io, pin));
	return Layout::set(io, pin, high);
}

} // namespace kcxx_leds

#endif // KCXX_DRIVERS_LEDS_BANKS_H
