// SPDX-License-Identifier: GPL-2.0
// Bug class: a register block whose size is wrong for its registers (a typo in
// an offset, or a map copied from a smaller variant of the device). Every
// register of a RegisterMap must fit in it, checked as soon as an IoMem of it
// is used, whether or not the bad register is ever accessed.
// expect-error: static assertion failed: kcxx::IoMem: a register of this RegisterMap lies outside the map's size
// expect-error: RegisterFits<Regs::Id, 256>
#include <kcxx/io_mem.h>

using namespace kcxx;

struct Regs : RegisterMap<0x100> {
	struct Ctrl : Register<u32, 0x00, ReadWrite> {};
#ifdef KCXX_COMPILE_FAIL
	struct Id : Register<u32, 0x100, ReadOnly> {};
#else
	struct Id : Register<u32, 0xfc, ReadOnly> {};
#endif
	using registers = RegisterList<Ctrl, Id>;
};

void stop(const IoMem<Regs{}> &io);

void stop(const IoMem<Regs{}> &io)
{
	io.write<Regs::Ctrl>(0);
}
