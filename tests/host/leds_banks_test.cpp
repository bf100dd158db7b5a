// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the kcxx-mmio-leds register layouts (drivers/leds/banks.h):
 * the driver's own code, run against simulated register files. QEMU models
 * the PL061 and the BCM2835 (tested in a kernel too); it models neither the
 * Exynos4412 nor sunxi, whose register math is proven here.
 */
// kcxx first: libc's <cerrno> (which gtest pulls in) defines EINVAL and the
// rest as macros, which would break kcxx::code::EINVAL and friends.
#include "banks.h"

namespace {
const kcxx::Error einval = kcxx::code::EINVAL;
} // namespace

#include <gtest/gtest.h>

#include <map>
#include <vector>

using namespace kcxx;
using namespace kcxx_leds;

namespace {

/// A register file with the accessors IoMem has; checks offsets like it does.
template <usize Size> struct FakeRegs {
	std::map<usize, u32> regs;
	std::vector<usize> writes;

	template <usize Off> u32 read32() const
	{
		static_assert(Off % 4 == 0 && Off + 4 <= Size);
		return get(Off);
	}
	template <usize Off> void write32(u32 v)
	{
		static_assert(Off % 4 == 0 && Off + 4 <= Size);
		put(Off, v);
	}
	Result<u32> try_read32(usize off) const
	{
		if (off % 4 || off + 4 > Size)
			return einval;
		return get(off);
	}
	Result<void> try_write32(u32 v, usize off)
	{
		if (off % 4 || off + 4 > Size)
			return einval;
		put(off, v);
		return {};
	}
	virtual u32 get(usize off) const { auto it = regs.find(off); return it == regs.end() ? 0 : it->second; }
	virtual void put(usize off, u32 v) { regs[off] = v; writes.push_back(off); }
	virtual ~FakeRegs() = default;
};

// --- Exynos4412: GPxCON (4 bits per pin, 0x1 = output), GPxDAT ------------

TEST(Exynos4412, OutputSetsOnlyThePinsNibbleToOne)
{
	for (u32 pin = 0; pin < Exynos4412::pins; pin++) {
		FakeRegs<Exynos4412::size> io;
		io.regs[Exynos4412::GPXCON] = 0xffffffff; // every pin in some other function
		ASSERT_TRUE(Exynos4412::set_output(io, pin, true).is_ok());
		u32 expected = (0xffffffffu & ~(0xfu << 4 * pin)) | 0x1u << 4 * pin;
		EXPECT_EQ(io.regs[Exynos4412::GPXCON], expected) << "pin " << pin;
		EXPECT_EQ(io.regs[Exynos4412::GPXDAT], 1u << pin);
	}
}

TEST(Exynos4412, ClassicBoardLeds)
{
	// The tutorial board: GPX2_7, GPX1_0 (own banks), GPF3_4 and GPF3_5 (one bank).
	FakeRegs<Exynos4412::size> gpx2, gpx1, gpf3;
	ASSERT_TRUE(Exynos4412::set_output(gpx2, 7, false).is_ok());
	ASSERT_TRUE(Exynos4412::set_output(gpx1, 0, true).is_ok());
	ASSERT_TRUE(Exynos4412::set_output(gpf3, 4, true).is_ok());
	ASSERT_TRUE(Exynos4412::set_output(gpf3, 5, false).is_ok());
	EXPECT_EQ(gpx2.regs[0x0], 0x10000000u);
	EXPECT_EQ(gpx2.regs[0x4], 0u);
	EXPECT_EQ(gpx1.regs[0x0], 0x00000001u);
	EXPECT_EQ(gpx1.regs[0x4], 0x01u);
	EXPECT_EQ(gpf3.regs[0x0], 0x00110000u);
	EXPECT_EQ(gpf3.regs[0x4], 0x10u);
}

TEST(Exynos4412, SetKeepsTheOtherPins)
{
	FakeRegs<Exynos4412::size> io;
	io.regs[Exynos4412::GPXDAT] = 0xa5;
	ASSERT_TRUE(Exynos4412::set(io, 1, true).is_ok());
	EXPECT_EQ(io.regs[Exynos4412::GPXDAT], 0xa7u);
	ASSERT_TRUE(Exynos4412::set(io, 7, false).is_ok());
	EXPECT_EQ(io.regs[Exynos4412::GPXDAT], 0x27u);
	EXPECT_TRUE(Exynos4412::get(io, 5).value());
	EXPECT_FALSE(Exynos4412::get(io, 7).value());
}

// --- sunxi: Pn_CFG0..3 (4 bits per pin, 8 per register, 001 = output), Pn_DAT

TEST(Sunxi, OutputConfiguresThePinsFieldInTheRightRegister)
{
	for (u32 pin = 0; pin < Sunxi::pins; pin++) {
		FakeRegs<Sunxi::size> io;
		for (usize r = 0; r < 4; r++)
			io.regs[4 * r] = 0x77777777; // the reset value: every pin disabled
		ASSERT_TRUE(Sunxi::set_output(io, pin, true).is_ok());
		for (usize r = 0; r < 4; r++) {
			u32 expected = 0x77777777;
			if (r == pin / 8)
				expected = (expected & ~(0x7u << 4 * (pin % 8))) | 0x1u << 4 * (pin % 8);
			EXPECT_EQ(io.regs[4 * r], expected) << "pin " << pin << " cfg" << r;
		}
		EXPECT_EQ(io.regs[Sunxi::PN_DAT], 1u << pin);
	}
}

TEST(Sunxi, PortGOfTheExampleBoard)
{
	// Port G at PIO + 0x24 * 6; LEDs on PG0-PG2.
	EXPECT_EQ(0x01c20800u + 0x24u * 6, 0x01c208d8u);
	FakeRegs<Sunxi::size> pg;
	for (u32 pin = 0; pin < 3; pin++)
		ASSERT_TRUE(Sunxi::set_output(pg, pin, pin == 1).is_ok());
	EXPECT_EQ(pg.regs[0x00], 0x00000111u);
	EXPECT_EQ(pg.regs[Sunxi::PN_DAT], 0x2u);
}

TEST(Sunxi, ReservedBitOfTheFieldIsKept)
{
	FakeRegs<Sunxi::size> io;
	io.regs[0x04] = 0x8u << 4; // PG9's 4-bit slot has its reserved top bit set
	ASSERT_TRUE(Sunxi::set_output(io, 9, false).is_ok());
	EXPECT_EQ(io.regs[0x04], 0x9u << 4);
}

// --- PL061: masked data addressing, GPIODIR --------------------------------

/// Data reads and writes at offset (mask << 2) see and change only mask's
/// pins, and only pins set as outputs, as the PL061 does.
struct Pl061Regs : FakeRegs<Pl061::size> {
	u32 data = 0, dir = 0;
	u32 get(usize off) const override
	{
		return off == Pl061::GPIODIR ? dir : off < 0x400 ? data & (off >> 2) : 0;
	}
	void put(usize off, u32 v) override
	{
		writes.push_back(off);
		if (off == Pl061::GPIODIR)
			dir = v;
		else if (off < 0x400) {
			u32 mask = (off >> 2) & dir;
			data = (data & ~mask) | (v & mask);
		}
	}
};

TEST(Pl061, OutputReachesThePinAndNoOther)
{
	Pl061Regs io;
	io.dir = 0x08; // pin 3 is someone else's output, high
	io.data = 0x08;
	ASSERT_TRUE(Pl061::set_output(io, 5, true).is_ok());
	EXPECT_EQ(io.dir, 0x28u);
	EXPECT_EQ(io.data, 0x28u);
	ASSERT_TRUE(Pl061::set(io, 5, false).is_ok());
	EXPECT_EQ(io.data, 0x08u);
	EXPECT_EQ(Pl061::data_offset(5), 0x80u);
}

// --- BCM2835: GPFSELn (3 bits per pin), GPSET/GPCLR/GPLEV banks -------------

TEST(Bcm2835, FunctionSelectAndBanks)
{
	for (u32 pin : { 0u, 9u, 10u, 17u, 27u, 31u, 32u, 53u }) {
		FakeRegs<Bcm2835::size> io;
		io.regs[Bcm2835::fsel_offset(pin)] = 0x3fffffff; // all alt functions
		ASSERT_TRUE(Bcm2835::set_output(io, pin, true).is_ok());
		u32 shift = 3 * (pin % 10);
		EXPECT_EQ(io.regs[4 * (pin / 10)], (0x3fffffffu & ~(7u << shift)) | 1u << shift) << pin;
		EXPECT_EQ(io.regs[(pin < 32 ? 0x1c : 0x20)], 1u << (pin % 32)) << pin;
		ASSERT_TRUE(Bcm2835::set(io, pin, false).is_ok());
		EXPECT_EQ(io.regs[(pin < 32 ? 0x28 : 0x2c)], 1u << (pin % 32)) << pin;
	}
}

} // namespace
