// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_ioport_test - kcxx::IoPorts on a real device's I/O ports: the RTL8139
 * QEMU puts on virt's PCI bus (tests/run gives it the MAC below). The guest
 * script passes the I/O BAR's first port as base=; the host then reads the
 * register the module wrote, through QEMU. Reported as KTAP (suite
 * "kcxx_ioport").
 */
#include <kcxx/box.h>
#include <kcxx/io_ports.h>
#include <kcxx/ktap.h>
#include <kcxx/module.h>
#include <kcxx/module_param.h>
#include <kcxx/print.h>

namespace {

using namespace kcxx;

KCXX_MODULE_PARAM(base, ulong, 0, 0444, "First port of the RTL8139's I/O BAR");

constexpr u8 kMac[6] = { 0x52, 0x54, 0x00, 0x4b, 0x43, 0x58 };
constexpr const char *kName = "kcxx-ioport-test";

// The RTL8139's 256 ports: IDR0-5 (the MAC, read-only here) at 0, MAR0-7
// (multicast filter, read-write at any width) at 8.
using Rtl8139 = IoPorts<256>;

/// The region the module holds while loaded (/proc/ioports shows it).
constinit Rtl8139 *held = nullptr;

void region_is_claimed_once(ktap::Test &t)
{
	KTAP_EXPECT(t, held != nullptr && held->base() == base.get());
	KTAP_EXPECT(t, Rtl8139::request(base.get(), kName).error() == code::EBUSY);
	KTAP_EXPECT(t, IoPorts<4>::request(base.get() + 8, kName).error() == code::EBUSY);
}

void idr_reads_the_mac_the_host_gave(ktap::Test &t)
{
	const Rtl8139 &io = *held;
	u8 mac[6] = {
		io.in8<0>(), io.in8<1>(), io.in8<2>(), io.in8<3>(), io.in8<4>(), io.in8<5>()
	};
	bool same = true;

	for (usize i = 0; i < 6; i++)
		same &= mac[i] == kMac[i];
	KTAP_EXPECT(t, same);
	KTAP_EXPECT_EQ(t, io.in32<0>(), 0x4b005452u); // little-endian, as the bus delivers
	KTAP_EXPECT_EQ(t, io.in16<4>(), static_cast<u16>(0x5843));
}

void mar_round_trips_at_every_width(ktap::Test &t)
{
	const Rtl8139 &io = *held;

	io.out8<8>(0xa5);
	KTAP_EXPECT_EQ(t, io.in8<8>(), static_cast<u8>(0xa5));
	io.out16<10>(0xbeef);
	KTAP_EXPECT_EQ(t, io.in16<10>(), static_cast<u16>(0xbeef));
	io.out32<12>(0x12345678);
	KTAP_EXPECT_EQ(t, io.in32<12>(), 0x12345678u);
	KTAP_EXPECT_EQ(t, io.in8<15>(), static_cast<u8>(0x12));
	// What the host reads back through QEMU (the guest script asks it).
	io.out32<8>(0xc0ffee11);
	pr_info("kcxx_ioport_test: MAR0-3 written\n");
}

void runtime_offsets_are_checked(ktap::Test &t)
{
	const Rtl8139 &io = *held;

	KTAP_EXPECT(t, io.try_in8(256).error() == code::EINVAL);
	KTAP_EXPECT(t, io.try_in32(254).error() == code::EINVAL); // past the end
	KTAP_EXPECT(t, io.try_in32(9).error() == code::EINVAL);	  // misaligned
	KTAP_EXPECT(t, io.try_out16(0, 255).error() == code::EINVAL);
	auto b5 = io.try_in8(5);
	KTAP_EXPECT(t, b5.is_ok() && b5.value() == kMac[5]);
	KTAP_EXPECT(t, io.try_out16(0x7e57, 14).is_ok());
	auto back = io.try_in16(14);
	KTAP_EXPECT(t, back.is_ok() && back.value() == 0x7e57);
	io.out16<14>(0);
}

void ports_with_nothing_behind_them_are_refused(ktap::Test &t)
{
	// Past the port space: ENXIO, not a claim.
	KTAP_EXPECT(t, IoPorts<16>::request(KCXX_IO_SPACE_LIMIT - 7, kName).error() == code::ENXIO);
	KTAP_EXPECT(t,
		    IoPorts<16>::request(KCXX_IO_SPACE_LIMIT + 1ul, kName).error() == code::ENXIO);
#if defined(__aarch64__)
	// In the port space but outside the PCI host bridge's window (virt's
	// is 64 Ki ports): an access would fault, so the claim is refused.
	KTAP_EXPECT(t, IoPorts<16>::request(0x800000, kName).error() == code::ENXIO);
#endif
}

void dropping_releases_the_claim(ktap::Test &t)
{
	// The 8 ports after the BAR: in the bus window, claimed by no one.
	unsigned long spare = base.get() + Rtl8139::size;
	{
		auto part = IoPorts<8>::request(spare, kName);
		KTAP_EXPECT(t, part.is_ok());
		KTAP_EXPECT(t, IoPorts<8>::request(spare, kName).error() == code::EBUSY);
		if (part.is_ok()) {
			IoPorts<8> moved(part.release_value()); // the claim moves with it
			KTAP_EXPECT_EQ(t, moved.base(), spare);
		}
	}
	KTAP_EXPECT(t, IoPorts<8>::request(spare, kName).is_ok());
}

int ioport_test_init()
{
	static constexpr ktap::Case cases[] = {
		{ "region_is_claimed_once", region_is_claimed_once },
		{ "idr_reads_the_mac_the_host_gave", idr_reads_the_mac_the_host_gave },
		{ "mar_round_trips_at_every_width", mar_round_trips_at_every_width },
		{ "runtime_offsets_are_checked", runtime_offsets_are_checked },
		{ "ports_with_nothing_behind_them_are_refused",
		  ports_with_nothing_behind_them_are_refused },
		{ "dropping_releases_the_claim", dropping_releases_the_claim },
	};
	auto region = Rtl8139::request(base.get(), kName);
	if (region.is_error()) {
		pr_err("kcxx_ioport_test: ports 0x%lx+256: error %d\n", base.get(),
		       region.error().to_errno());
		return region.error().to_errno();
	}
	auto boxed = Box<Rtl8139>::try_new(gfp::KERNEL, region.release_value());
	if (boxed.is_error())
		return boxed.error().to_errno();
	held = move(boxed.release_value()).into_raw();
	ktap::run("kcxx_ioport", cases);
	return 0;
}

void ioport_test_exit()
{
	// SAFETY: init stored the Box; exit runs once, after a successful init.
	Box<Rtl8139>::unsafe_from_raw(exchange(held, nullptr));
}

} // namespace

KCXX_MODULE_INIT(ioport_test_init)
KCXX_MODULE_EXIT(ioport_test_exit)
KCXX_MODULE_LICENSE("GPL");
KCXX_MODULE_AUTHOR("kcxx developers");
KCXX_MODULE_DESCRIPTION("kcxx I/O ports on QEMU's RTL8139 (KTAP)");
