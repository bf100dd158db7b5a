// SPDX-License-Identifier: GPL-2.0
// Bug class: an interrupt handler of the wrong shape (C: an irq_handler_t
// cast to fit, or a handler that returns nothing, so the kernel reads a
// garbage irqreturn_t and reports spurious or unhandled interrupts). The
// registration says which signature it expects.
// expect-error: kcxx irq: handle must be `IrqReturn handle\(\) KCXX_ATOMIC;`
#include <kcxx/irq.h>

using namespace kcxx;

struct Alarm {
#ifdef KCXX_COMPILE_FAIL
	void handle() KCXX_ATOMIC {}
#else
	IrqReturn handle() KCXX_ATOMIC { return IrqReturn::Handled; }
#endif
};

Result<Box<Irq<Alarm>>> request(IrqLine line)
{
	return Irq<Alarm>::request(line, irq::none, "example");
}
