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
#include <kcxx/register_access.h>

namespace {
const kcxx::Error einval = kcxx::code::EINVAL;
} // namespace

#include <gtest/gtest.h>

#include <map>
#include <vector>

using namespace kcxx;
using namespace kcxx_leds;

namespace {

/// A simulated bank: a RegisterAccess backend, so the layouts run through the
/// same typed accessors (and compile-time checks) as on an IoMem.
template <typename Map> struct FakeRegs : RegisterAccess<FakeRegs<Map>, Map{}> {
	mutable std::map<usize, u32> regs;
	mutable std::vector<usize> writes;

	template <typename T, bool> T load_at(usize off) const
	{
		static_assert(sizeof(T) == 4);
		EXPECT_TRUE(off % 4 == 0 && off + 4 <= Map::size) << off;
		return get(off);
	}
	template <typename T, bool> void store_at(T v, usize off) const
	{
		static_assert(sizeof(T) == 4);
		EXPECT_TRUE(off % 4 == 0 && off + 4 <= Map::size) << off;
		put(off, v);
	}
	virtual u32 get(usize off) const { auto it = regs.find(off); return it == regs.end() ? 0 : it->second; }
	virtual void put(usize off, u32 v) const { regs[off] = v; writes.push_back(off); }
	virtual ~FakeRegs() = default;
};

// --- Exynos4412: GPxCON (4 bits per pin, 0x1 = output), GPxDAT ------------

TEST(Exynos4412, OutputSetsOnlyThePinsNibbleToOne)
{
	for (u32 pin = 0; pin < Exynos4412::pins; pin++) {
		FakeRegs<Exynos4412> io;
		io.regs[Exynos4412::Con::offset] = 0xffffffff; // every pin in some other function
		ASSERT_TRUE(set_output<Exynos4412>(io, pin, true).is_ok());
		u32 expected = (0xffffffffu & ~(0xfu << 4 * pin)) | 0x1u << 4 * pin;
		EXPECT_EQ(io.regs[Exynos4412::Con::offset], expected) << "pin " << pin;
		EXPECT_EQ(io.regs[Exynos4412::Dat::offset], 1u << pin);
	}
}

TEST(Exynos4412, ClassicBoardLeds)
{
	// The tutorial board: GPX2_7, GPX1_0 (own banks), GPF3_4 and GPF3_5 (one bank).
	FakeRegs<Exynos4412> gpx2, gpx1, gpf3;
	ASSERT_TRUE(set_output<Exynos4412>(gpx2, 7, false).is_ok());
	ASSERT_TRUE(set_output<Exynos4412>(gpx1, 0, true).is_ok());
	ASSERT_TRUE(set_output<Exynos4412>(gpf3, 4, true).is_ok());
	ASSERT_TRUE(set_output<Exynos4412>(gpf3, 5, false).is_ok());
	EXPECT_EQ(gpx2.regs[0x0], 0x10000000u);
	EXPECT_EQ(gpx2.regs[0x4], 0u);
	EXPECT_EQ(gpx1.regs[0x0], 0x00000001u);
	EXPECT_EQ(gpx1.regs[0x4], 0x01u);
	EXPECT_EQ(gpf3.regs[0x0], 0x00110000u);
	EXPECT_EQ(gpf3.regs[0x4], 0x10u);
}

TEST(Exynos4412, SetKeepsTheOtherPins)
{
	FakeRegs<Exynos4412> io;
	io.regs[Exynos4412::Dat::offset] = 0xa5;
	ASSERT_TRUE(Exynos4412::set(io, 1, true).is_ok());
	EXPECT_EQ(io.regs[Exynos4412::Dat::offset], 0xa7u);
	ASSERT_TRUE(Exynos4412::set(io, 7, false).is_ok());
	EXPECT_EQ(io.regs[Exynos4412::Dat::offset], 0x27u);
	EXPECT_TRUE(Exynos4412::get(io, 5).value());
	EXPECT_FALSE(Exynos4412::get(io, 7).value());
}

// --- sunxi: Pn_CFG0..3 (4 bits per pin, 8 per register, 001 = output), Pn_DAT

TEST(Sunxi, OutputConfiguresThePinsFieldInTheRightRegister)
{
	for (u32 pin = 0; pin < Sunxi::pins; pin++) {
		FakeRegs<Sunxi> io;
		for (usize r = 0; r < 4; r++)
			io.regs[4 * r] = 0x77777777; // the reset value: every pin disabled
		ASSERT_TRUE(set_output<Sunxi>(io, pin, true).is_ok());
		for (usize r = 0; r < 4; r++) {
			u32 expected = 0x77777777;
			if (r == pin / 8)
				expected = (expected & ~(0x7u << 4 * (pin % 8))) | 0x1u << 4 * (pin % 8);
			EXPECT_EQ(io.regs[4 * r], expected) << "pin " << pin << " cfg" << r;
		}
		EXPECT_EQ(io.regs[Sunxi::Dat::offset], 1u << pin);
	}
}

TEST(Sunxi, PortGOfTheExampleBoard)
{
	// Port G at PIO + 0x24 * 6; LEDs on PG0-PG2.
	EXPECT_EQ(0x01c20800u + 0x24u * 6, 0x01c208d8u);
	FakeRegs<Sunxi> pg;
	for (u32 pin = 0; pin < 3; pin++)
		ASSERT_TRUE(set_output<Sunxi>(pg, pin, pin == 1).is_ok());
	EXPECT_EQ(pg.regs[0x00], 0x00000111u);
	EXPECT_EQ(pg.regs[Sunxi::Dat::offset], 0x2u);
}

TEST(Sunxi, ReservedBitOfTheFieldIsKept)
{
	FakeRegs<Sunxi> io;
	io.regs[0x04] = 0x8u << 4; // PG9's 4-bit slot has its reserved top bit set
	ASSERT_TRUE(set_output<Sunxi>(io, 9, false).is_ok());
	EXPECT_EQ(io.regs[0x04], 0x9u << 4);
}

// --- PL061: masked data addressing, GPIODIR --------------------------------

/// Data reads and writes at offset (mask << 2) see and change only mask's
/// pins, and only pins set as outputs, as the PL061 does.
struct Pl061Regs : FakeRegs<Pl061> {
	mutable u32 data = 0, dir = 0;
	u32 get(usize off) const override
	{
		return off == Pl061::Dir::offset ? dir : off < 0x400 ? data & (off >> 2) : 0;
	}
	void put(usize off, u32 v) const override
	{
		writes.push_back(off);
		if (off == Pl061::Dir::offset)
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
	ASSERT_TRUE(set_output<Pl061>(io, 5, true).is_ok());
	EXPECT_EQ(io.dir, 0x28u);
	EXPECT_EQ(io.data, 0x28u);
	ASSERT_TRUE(Pl061::set(io, 5, false).is_ok());
	EXPECT_EQ(io.data, 0x08u);
	EXPECT_EQ(io.writes[0], 0x80u); // pin 5's data alias: index 1 << 5
}

// --- BCM2835: GPFSELn (3 bits per pin), GPSET/GPCLR/GPLEV banks -------------

TEST(Bcm2835, FunctionSelectAndBanks)
{
	for (u32 pin : { 0u, 9u, 10u, 17u, 27u, 31u, 32u, 53u }) {
		FakeRegs<Bcm2835> io;
		io.regs[4 * (pin / 10)] = 0x3fffffff; // all alt functions
		ASSERT_TRUE(set_output<Bcm2835>(io, pin, true).is_ok());
		u32 shift = 3 * (pin % 10);
		EXPECT_EQ(io.regs[4 * (pin / 10)], (0x3fffffffu & ~(7u << shift)) | 1u << shift) << pin;
		EXPECT_EQ(io.regs[(pin < 32 ? 0x1c : 0x20)], 1u << (pin % 32)) << pin;
		ASSERT_TRUE(Bcm2835::set(io, pin, false).is_ok());
		EXPECT_EQ(io.regs[(pin < 32 ? 0x28 : 0x2c)], 1u << (pin % 32)) << pin;
	}
}

// --- indices past the bank: EINVAL, nothing touched ------------------------

TEST(Banks, PinsPastTheBankAreRefusedWithoutAnAccess)
{
	FakeRegs<Bcm2835> bcm;
	FakeRegs<Sunxi> sunxi;
	FakeRegs<Exynos4412> exynos;
	Pl061Regs pl061;
	// 60 is past GPFSEL5's last field, 64 past GPSET1's.
	EXPECT_EQ(set_output<Bcm2835>(bcm, 64, true).error(), einval);
	EXPECT_EQ(Bcm2835::make_output(bcm, 60).error(), einval);
	EXPECT_EQ(set_output<Sunxi>(sunxi, 32, true).error(), einval);
	EXPECT_EQ(set_output<Exynos4412>(exynos, 8, true).error(), einval);
	EXPECT_EQ(set_output<Pl061>(pl061, 8, true).error(), einval);
	EXPECT_EQ(Pl061::get(pl061, 1000).error(), einval);
	EXPECT_TRUE(bcm.regs.empty() && sunxi.regs.empty() && exynos.regs.empty());
	EXPECT_TRUE(bcm.writes.empty() && sunxi.writes.empty() && exynos.writes.empty() &&
		    pl061.writes.empty());
}

TEST(Banks, FunctionFieldsReadBackAsNamedValues)
{
	FakeRegs<Bcm2835> io;
	ASSERT_TRUE(set_output<Bcm2835>(io, 47, true).is_ok());
	auto fsel = Bcm2835::Functions::try_at(47).value();
	EXPECT_EQ(fsel.reg.index(), 4u);
	EXPECT_EQ(io.read(fsel), Bcm2835::Fsel::Function::Output);
	EXPECT_EQ(io.read(Bcm2835::Fsels::at<4>()).get<Bcm2835::Fsel::Pin::At<7>>(),
		  Bcm2835::Fsel::Function::Output);
	EXPECT_EQ(io.read(Bcm2835::Fsels::at<4>()).get<Bcm2835::Fsel::Pin::At<6>>(),
		  Bcm2835::Fsel::Function::Input);
}

} // namespace
