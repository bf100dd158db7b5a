// SPDX-License-Identifier: GPL-2.0
// thread-safety fixture: sleeping calls in atomic context (a hard interrupt
// handler, a timer callback) are findings, and so is a lock that is not
// IRQ-safe (a plain SpinLock) taken there; the same calls in the threaded
// handler, which runs in a kernel thread, are fine.
//
// lint-expect: :38: .*cannot call function 'lock' while context 'atomic_context' is held
// lint-expect: :40: .*cannot call function 'lock' while context 'atomic_context' is held
// lint-expect: :41: .*cannot call function 'msleep' while context 'atomic_context' is held
// lint-expect: :54: .*cannot call function 'cancel' while context 'atomic_context' is held
#include <kcxx/delay.h>
#include <kcxx/irq.h>
#include <kcxx/mutex.h>
#include <kcxx/spinlock.h>
#include <kcxx/timer.h>
#include <kcxx/workqueue.h>

using namespace kcxx;

struct Device {
	void refresh();
	void expired() KCXX_ATOMIC;

	Mutex<int> config{ KCXX_LOCK_CLASS("fixture.config"), 0 };
	SpinLock<int> stats{ KCXX_LOCK_CLASS("fixture.stats"), 0 };	// not IRQ-safe
	SpinLockIrq<int> events{ KCXX_LOCK_CLASS("fixture.events"), 0 };
	DelayedWork<Device, &Device::refresh> work{ *this, KCXX_LOCK_CLASS("fixture.work") };
	Timer<Device, &Device::expired> timer{ *this, KCXX_LOCK_CLASS("fixture.timer") };
};

struct Handler {
	explicit Handler(Device &d) : dev(d) {}

	IrqReturn handle() KCXX_ATOMIC
	{
		dev.work.schedule(10); // fine: queueing work is for any context
		*dev.events.lock() += 1; // fine: an IRQ-safe lock
		*dev.stats.lock() += 1;
		{
			auto held = dev.config.lock();
			msleep(1);
		}
		return IrqReturn::WakeThread;
	}

	IrqReturn thread();

	Device &dev;
};

void Device::expired()
{
	timer.start(100); // fine: re-arming from the callback
	work.cancel();
}

IrqReturn Handler::thread()
{
	auto held = dev.config.lock();
	msleep(1);
	return IrqReturn::Handled;
}

Result<Box<Irq<Handler>>> request(IrqLine line, Device &dev)
{
	return Irq<Handler>::request(line, irq::none, "fixture", dev);
}
