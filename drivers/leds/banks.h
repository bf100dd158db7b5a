/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GPIO bank register layouts for kcxx-mmio-leds: how each SoC makes a pin an
 * output and drives it. Each layout is templated on its I/O so the same code
 * runs on an IoMem in the kernel and on a simulated register file in the host
 * tests (tests/host/leds_banks_test.cpp), which check the Exynos and sunxi
 * math QEMU cannot run.
 *
 * set_output() writes the level, switches the pin to output, and writes the
 * level again: banks that latch the level while the pin is an input switch
 * without a glitch, and banks that ignore it then (the PL061) still end up
 * right.
 *
 * Io provides read32<Offset>() and write32<Offset>(v) for fixed registers, and
 * try_read32(offset) / try_write32(v, offset) for pin-indexed ones. Callers
 * hold the bank's lock: set_output() and the read-modify-write set()s are not
 * atomic on the hardware.
 */
#ifndef KCXX_DRIVERS_LEDS_BANKS_H
#define KCXX_DRIVERS_LEDS_BANKS_H

#include <kcxx/result.h>
#include <kcxx/types.h>

namespace kcxx_leds {

using namespace kcxx;

/// A pin's bit in a data register without set/clear addressing: read-modify-write.
template <usize Dat, typename Io> Result<void> write_dat_bit(Io &io, u32 pin, bool high)
{
	u32 dat = io.template read32<Dat>();

	io.template write32<Dat>(high ? dat | 1u << pin : dat & ~(1u << pin));
	return {};
}

template <usize Dat, typename Io> Result<bool> read_dat_bit(Io &io, u32 pin)
{
	return (io.template read32<Dat>() >> pin & 1) != 0;
}

/// ARM PrimeCell PL061 (QEMU virt): 8 pins. A data write at offset
/// (mask << 2) changes only the pins in mask, so no read-modify-write.
struct Pl061 {
	static constexpr const char *compatible = "kcxx,pl061-leds";
	static constexpr const char *driver_name = "kcxx-pl061-leds";
	static constexpr u32 pins = 8;
	static constexpr usize size = 0x1000;
	static constexpr usize GPIODIR = 0x400;

	static constexpr usize data_offset(u32 pin) { return usize(1) << (pin + 2); }

	template <typename Io> static Result<void> set(Io &io, u32 pin, bool high)
	{
		return io.try_write32(high ? 1u << pin : 0u, data_offset(pin));
	}
	template <typename Io> static Result<bool> get(Io &io, u32 pin)
	{
		return (TRY(io.try_read32(data_offset(pin))) >> pin & 1) != 0;
	}
	template <typename Io> static Result<void> set_output(Io &io, u32 pin, bool high)
	{
		TRY(set(io, pin, high));
		io.template write32<GPIODIR>(io.template read32<GPIODIR>() | 1u << pin);
		return set(io, pin, high);
	}
};

/// Broadcom BCM2835/BCM2837 (Raspberry Pi): 54 pins. Function select holds
/// 3 bits per pin, 10 pins per register (001 = output); levels are driven by
/// writing 1s to GPSET/GPCLR, so set() needs no read-modify-write.
struct Bcm2835 {
	static constexpr const char *compatible = "kcxx,bcm2835-leds";
	static constexpr const char *driver_name = "kcxx-bcm2835-leds";
	static constexpr u32 pins = 54;
	static constexpr usize size = 0xb4;
	static constexpr usize GPFSEL0 = 0x00, GPSET0 = 0x1c, GPCLR0 = 0x28, GPLEV0 = 0x34;

	static constexpr usize fsel_offset(u32 pin) { return GPFSEL0 + 4 * usize(pin / 10); }
	static constexpr u32 fsel_shift(u32 pin) { return 3 * (pin % 10); }
	static constexpr usize bank_offset(usize base, u32 pin)
	{
		return base + 4 * usize(pin / 32);
	}

	template <typename Io> static Result<void> set(Io &io, u32 pin, bool high)
	{
		return io.try_write32(1u << (pin % 32), bank_offset(high ? GPSET0 : GPCLR0, pin));
	}
	template <typename Io> static Result<bool> get(Io &io, u32 pin)
	{
		return (TRY(io.try_read32(bank_offset(GPLEV0, pin))) >> (pin % 32) & 1) != 0;
	}
	template <typename Io> static Result<void> set_output(Io &io, u32 pin, bool high)
	{
		TRY(set(io, pin, high));
		u32 fsel = TRY(io.try_read32(fsel_offset(pin)));
		fsel = (fsel & ~(7u << fsel_shift(pin))) | 1u << fsel_shift(pin);
		TRY(io.try_write32(fsel, fsel_offset(pin)));
		return set(io, pin, high);
	}
};

/// Samsung Exynos4412: one bank (e.g. GPX2 at 0x11000C40) is GPxCON with
/// 4 bits per pin (0x1 = output) and GPxDAT with a bit per pin; 8 pins.
struct Exynos4412 {
	static constexpr const char *compatible = "kcxx,exynos4412-leds";
	static constexpr const char *driver_name = "kcxx-exynos4412-leds";
	static constexpr u32 pins = 8;
	static constexpr usize size = 0x20; // CON, DAT, PUD, DRV, CONPDN, PUDPDN
	static constexpr usize GPXCON = 0x00, GPXDAT = 0x04;

	template <typename Io> static Result<void> set(Io &io, u32 pin, bool high)
	{
		return write_dat_bit<GPXDAT>(io, pin, high);
	}
	template <typename Io> static Result<bool> get(Io &io, u32 pin)
	{
		return read_dat_bit<GPXDAT>(io, pin);
	}
	template <typename Io> static Result<void> set_output(Io &io, u32 pin, bool high)
	{
		TRY(set(io, pin, high));
		u32 con = io.template read32<GPXCON>();
		io.template write32<GPXCON>((con & ~(0xfu << 4 * pin)) | 0x1u << 4 * pin);
		return set(io, pin, high);
	}
};

/// Allwinner sunxi: port n at PIO base + 0x24 * n is Pn_CFG0..3 with 4 bits
/// per pin, 8 pins per register (001 = output), then Pn_DAT; up to 32 pins.
struct Sunxi {
	static constexpr const char *compatible = "kcxx,sunxi-leds";
	static constexpr const char *driver_name = "kcxx-sunxi-leds";
	static constexpr u32 pins = 32;
	static constexpr usize size = 0x24; // CFG0-3, DAT, DRV0-1, PUL0-1
	static constexpr usize PN_DAT = 0x10;

	static constexpr usize cfg_offset(u32 pin) { return 4 * usize(pin / 8); }
	static constexpr u32 cfg_shift(u32 pin) { return 4 * (pin % 8); }

	template <typename Io> static Result<void> set(Io &io, u32 pin, bool high)
	{
		return write_dat_bit<PN_DAT>(io, pin, high);
	}
	template <typename Io> static Result<bool> get(Io &io, u32 pin)
	{
		return read_dat_bit<PN_DAT>(io, pin);
	}
	template <typename Io> static Result<void> set_output(Io &io, u32 pin, bool high)
	{
		TRY(set(io, pin, high));
		u32 cfg = TRY(io.try_read32(cfg_offset(pin)));
		cfg = (cfg & ~(0x7u << cfg_shift(pin))) | 0x1u << cfg_shift(pin);
		TRY(io.try_write32(cfg, cfg_offset(pin)));
		return set(io, pin, high);
	}
};

} // namespace kcxx_leds

#endif // KCXX_DRIVERS_LEDS_BANKS_H
