// SPDX-License-Identifier: GPL-2.0
// Bug class: writing a read-only register (an ID or status register), which
// C lets through silently. Through a typed register it does not compile.
// expect-error: static assertion failed: kcxx::IoMem: this register is read-only: it cannot be written
#include <kcxx/io_mem.h>

using namespace kcxx;

struct Regs : RegisterMap<0x100> {
	struct Status : Register<u32, 0x00, ReadOnly> {
		using Ready = Field<Status, 0, 1, bool>;
	};
	struct Ctrl : Register<u32, 0x04, ReadWrite> {
		using Start = Field<Ctrl, 0, 1, bool>;
	};
	using registers = RegisterList<Status, Ctrl>;
};

void start(const IoMem<Regs{}> &io);

void start(const IoMem<Regs{}> &io)
{
#ifdef KCXX_COMPILE_FAIL
	io.write(Regs::Status::Ready::set());
#else
	io.write(Regs::Ctrl::Start::set());
#endif
}
