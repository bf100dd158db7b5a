// SPDX-License-Identifier: GPL-2.0
/*
 * The C++ half of the codegen-parity check: each kcxx_cg_cxx_NAME() does with
 * kcxx::IoMem what codegen_c.c's kcxx_cg_c_NAME() does with <asm/io.h>.
 */
#include <kcxx/io_mem.h>
#include <kcxx/io_ports.h>

using namespace kcxx;

namespace {

struct Regs : RegisterMap<0x1000> {
	struct Id : Register<u32, 0xfe0, ReadOnly> {
		using Part = Field<Id, 8, 8>;
	};
	struct Dir : Register<u32, 0x400, ReadWrite> {
		template <unsigned N> using Pin = Field<Dir, N, 1, bool>;
	};
	struct Fsel : Register<u32, 0x100> {
		using Pin = FieldArray<Fsel, 3, 10>;
	};
	using Fsels = RegisterArray<Fsel, 6>;
	using registers = RegisterList<Id, Dir, Fsels>;
};

} // namespace

/* A driver's state holding its mapping, as C's struct kcxx_cg_dev does. */
struct Dev {
	IoMem<Regs{}> io;
	IoPorts<0x40> ports;
};

// Declared, then defined: the kernel's -Wmissing-declarations wants both.
#define CG(type, name, ...)                                                    \
	extern "C" type kcxx_cg_cxx_##name(Dev *d __VA_OPT__(, ) __VA_ARGS__); \
	extern "C" [[gnu::noinline]] type kcxx_cg_cxx_##name(Dev *d __VA_OPT__(, ) __VA_ARGS__)

CG(u8, read8)
{
	return d->io.read8<0x11>();
}
CG(u16, read16)
{
	return d->io.read16<0x22>();
}
CG(u32, read32)
{
	return d->io.read32<0x44>();
}
CG(u64, read64)
{
	return d->io.read64<0x88>();
}

CG(u8, read8_relaxed)
{
	return d->io.read8_relaxed<0x11>();
}
CG(u16, read16_relaxed)
{
	return d->io.read16_relaxed<0x22>();
}
CG(u32, read32_relaxed)
{
	return d->io.read32_relaxed<0x44>();
}
CG(u64, read64_relaxed)
{
	return d->io.read64_relaxed<0x88>();
}

CG(void, write8, u8 v)
{
	d->io.write8<0x11>(v);
}
CG(void, write16, u16 v)
{
	d->io.write16<0x22>(v);
}
CG(void, write32, u32 v)
{
	d->io.write32<0x44>(v);
}
CG(void, write64, u64 v)
{
	d->io.write64<0x88>(v);
}

CG(void, write8_relaxed, u8 v)
{
	d->io.write8_relaxed<0x11>(v);
}
CG(void, write16_relaxed, u16 v)
{
	d->io.write16_relaxed<0x22>(v);
}
CG(void, write32_relaxed, u32 v)
{
	d->io.write32_relaxed<0x44>(v);
}
CG(void, write64_relaxed, u64 v)
{
	d->io.write64_relaxed<0x88>(v);
}

CG(void, write32_zero)
{
	d->io.write32<0x44>(0);
}
CG(void, write32_const)
{
	d->io.write32<0x44>(0x1234);
}

CG(u32, read_field)
{
	return d->io.read<Regs::Id::Part>();
}

CG(void, modify)
{
	d->io.modify(Regs::Dir::Pin<5>::set() | Regs::Dir::Pin<6>::clear());
}
CG(void, modify_relaxed)
{
	d->io.modify_relaxed(Regs::Dir::Pin<5>::set() | Regs::Dir::Pin<6>::clear());
}

CG(void, array_modify)
{
	d->io.modify(Regs::Fsels::at<3>(), Regs::Fsel::Pin::At<2>::val(1));
}

CG(u32, two_reads)
{
	return d->io.read32<0x44>() + d->io.read<Regs::Id>().raw();
}

CG(u8, in8)
{
	return d->ports.in8<0x11>();
}
CG(u16, in16)
{
	return d->ports.in16<0x22>();
}
CG(u32, in32)
{
	return d->ports.in32<0x24>();
}
CG(void, out8, u8 v)
{
	d->ports.out8<0x11>(v);
}
CG(void, out16, u16 v)
{
	d->ports.out16<0x22>(v);
}
CG(void, out32, u32 v)
{
	d->ports.out32<0x24>(v);
}
