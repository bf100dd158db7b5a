// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_iomem_test - IoMem and typed registers on real (emulated) hardware:
 * QEMU virt's PL061 GPIO block, read through a RegisterMap, its direction
 * register written and read back, and the run-time checks' errors. KTAP.
 */
#include <kcxx/io_mem.h>
#include <kcxx/ktap.h>
#include <kcxx/module.h>

#include "iomem_map.h"

namespace {

using namespace kcxx;

/// ARM PrimeCell PL061 GPIO (ARM DDI 0190B), the registers this test uses.
struct Pl061 : RegisterMap<0x1000> {
	/// GPIODIR: one bit per pin, 1 = output.
	struct Dir : Register<u32, 0x400, ReadWrite> {
		template <unsigned N> using Pin = Field<Dir, N, 1, bool>;
	};
	/// GPIOPeriphID0..3: the part number and designer, 8 bits each.
	template <usize N> struct PeriphId : Register<u32, 0xfe0 + 4 * N, ReadOnly> {
		using Byte = Field<PeriphId, 0, 8, u8>;
	};
	/// GPIOPCellID0..3: the PrimeCell signature, 8 bits each.
	template <usize N> struct PCellId : Register<u32, 0xff0 + 4 * N, ReadOnly> {
		using Byte = Field<PCellId, 0, 8, u8>;
	};
	using registers = RegisterList<Dir, PeriphId<0>, PeriphId<1>, PeriphId<2>, PeriphId<3>,
				       PCellId<0>, PCellId<1>, PCellId<2>, PCellId<3>>;
};

/// Pin 3 is the board's power key (gpio-keys): leave it alone.
constexpr unsigned test_pin = 6;

// Set once by init; every case makes its IoMem from it with unsafe_from_raw().
constinit IoAddr pl061_base;

Result<IoMem<Pl061{}>> pl061()
{
	// SAFETY: pl061_base maps KCXX_IOMEM_TEST_SIZE bytes (iomem_map.c) until
	// module exit, after every case has run.
	return IoMem<Pl061{}>::unsafe_from_raw(pl061_base, KCXX_IOMEM_TEST_SIZE);
}

void ids_through_register_map(ktap::Test &t)
{
	auto r = pl061();

	if (!KTAP_EXPECT(t, r.is_ok()))
		return;
	auto &io = r.value();

	KTAP_EXPECT_EQ(t, io.read<Pl061::PeriphId<0>::Byte>(), 0x61);
	KTAP_EXPECT_EQ(t, io.read<Pl061::PeriphId<1>::Byte>(), 0x10);
	KTAP_EXPECT_EQ(t, io.read<Pl061::PeriphId<2>::Byte>(), 0x04);
	KTAP_EXPECT_EQ(t, io.read<Pl061::PeriphId<3>::Byte>(), 0x00);
	KTAP_EXPECT_EQ(t, io.read<Pl061::PCellId<0>::Byte>(), 0x0d);
	KTAP_EXPECT_EQ(t, io.read<Pl061::PCellId<1>::Byte>(), 0xf0);
	KTAP_EXPECT_EQ(t, io.read<Pl061::PCellId<2>::Byte>(), 0x05);
	KTAP_EXPECT_EQ(t, io.read<Pl061::PCellId<3>::Byte>(), 0xb1);
	KTAP_EXPECT_EQ(t, io.read_relaxed<Pl061::PCellId<3>>().raw(), 0xb1u);
}

void ids_through_offsets(ktap::Test &t)
{
	auto r = pl061();

	if (!KTAP_EXPECT(t, r.is_ok()))
		return;
	auto &io = r.value();

	KTAP_EXPECT_EQ(t, io.read32<0xfe0>(), 0x61u);
	KTAP_EXPECT_EQ(t, io.read32_relaxed<0xfe4>(), 0x10u);
	KTAP_EXPECT_EQ(t, io.read8<0xff4>(), 0xf0);
	KTAP_EXPECT_EQ(t, io.read16<0xff8>(), 0x05);
	KTAP_EXPECT_EQ(t, io.try_read32(0xffc).value_or(0), 0xb1u);
}

void direction_written_and_read_back(ktap::Test &t)
{
	using Pin = Pl061::Dir::Pin<test_pin>;
	using PowerKey = Pl061::Dir::Pin<3>;
	auto r = pl061();

	if (!KTAP_EXPECT(t, r.is_ok()))
		return;
	auto &io = r.value();
	const auto saved = io.read<Pl061::Dir>();

	io.modify(Pin::set());
	KTAP_EXPECT(t, io.is_set<Pin>());
	KTAP_EXPECT_EQ(t, io.read<PowerKey>(), saved.get<PowerKey>());

	io.modify_relaxed(Pin::clear());
	KTAP_EXPECT(t, !io.read<Pin>());

	io.write(saved.with(Pin::set()));
	KTAP_EXPECT_EQ(t, io.read32<0x400>(), saved.raw() | (1u << test_pin));

	KTAP_EXPECT(t, io.try_write32(saved.raw(), 0x400).is_ok());
	KTAP_EXPECT_EQ(t, io.read<Pl061::Dir>().raw(), saved.raw());
}

void runtime_offsets_are_checked(ktap::Test &t)
{
	auto r = pl061();

	if (!KTAP_EXPECT(t, r.is_ok()))
		return;
	auto &io = r.value();

	KTAP_EXPECT(t, io.try_read32(0x1000).error() == code::EINVAL);	// past the end
	KTAP_EXPECT(t, io.try_read32(0xffe).error() == code::EINVAL);	// straddles it
	KTAP_EXPECT(t, io.try_read32(0xfe1).error() == code::EINVAL);	// misaligned
	KTAP_EXPECT(t, io.try_read64(0xffc).error() == code::EINVAL);
	KTAP_EXPECT(t, io.try_read8(~usize{0}).error() == code::EINVAL);
	KTAP_EXPECT(t, io.try_write32(0, 0x1000).error() == code::EINVAL);
	KTAP_EXPECT(t, io.try_write16_relaxed(0, 0x401).error() == code::EINVAL);
	KTAP_EXPECT(t, io.try_read8(0xfff).is_ok());
}

void from_raw_checks_the_size(ktap::Test &t)
{
	// SAFETY (all four): unsafe_from_raw() must refuse before trusting anything.
	KTAP_EXPECT(t, IoMem<Pl061{}>::unsafe_from_raw(pl061_base, 0x800).error() == code::EINVAL);
	KTAP_EXPECT(t, IoMem<0x2000>::unsafe_from_raw(pl061_base, KCXX_IOMEM_TEST_SIZE).error() ==
			       code::EINVAL);
	KTAP_EXPECT(t, IoMem<4>::unsafe_from_raw(IoAddr(), 4).error() == code::EINVAL);
	KTAP_EXPECT(t, IoMem<0x100>::unsafe_from_raw(pl061_base, KCXX_IOMEM_TEST_SIZE).is_ok());
}

constinit const ktap::Case cases[] = {
	{ "ids_through_register_map", ids_through_register_map },
	{ "ids_through_offsets", ids_through_offsets },
	{ "direction_written_and_read_back", direction_written_and_read_back },
	{ "runtime_offsets_are_checked", runtime_offsets_are_checked },
	{ "from_raw_checks_the_size", from_raw_checks_the_size },
};

int iomem_test_init()
{
	pl061_base = IoAddr::from_bridge(kcxx_iomem_test_map());
	if (pl061_base.is_null())
		pr_info("# kcxx_iomem: no PL061 mapped (not QEMU virt?)\n");
	ktap::run("kcxx_iomem", cases);
	return 0;
}

void iomem_test_exit()
{
	kcxx_iomem_test_unmap(pl061_base.to_bridge());
}

} // namespace

KCXX_MODULE_INIT(iomem_test_init)
KCXX_MODULE_EXIT(iomem_test_exit)
KCXX_MODULE_LICENSE("GPL");
KCXX_MODULE_AUTHOR("kcxx developers");
KCXX_MODULE_DESCRIPTION("kcxx IoMem and typed registers on QEMU virt's PL061 (KTAP)");
