// SPDX-License-Identifier: GPL-2.0
// Bug class: reading a write-only register (a command or interrupt-clear
// register), which returns garbage or has side effects. Through a typed
// register it does not compile, nor does a read-modify-write of it.
// expect-error: static assertion failed: kcxx::IoMem: this register is write-only: it cannot be read
// expect-error: static assertion failed: kcxx::IoMem: modify\(\) reads and writes the register
#include <kcxx/io_mem.h>

using namespace kcxx;

struct Regs : RegisterMap<0x100> {
	struct IrqClear : Register<u32, 0x10, WriteOnly> {
		using Done = Field<IrqClear, 0, 1, bool>;
	};
	using registers = RegisterList<IrqClear>;
};

void ack(const IoMem<Regs{}> &io);

void ack(const IoMem<Regs{}> &io)
{
#ifdef KCXX_COMPILE_FAIL
	if (io.read<Regs::IrqClear::Done>())
		io.modify(Regs::IrqClear::Done::set());
#else
	io.write(Regs::IrqClear::Done::set());
#endif
}
