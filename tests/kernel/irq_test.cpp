// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_irq_test - interrupts and deferred work in a real kernel (suite
 * kcxx_irq): a test driver takes the PL031 RTC of QEMU's virt board
 * (tests/kernel/irq_test.dts disables the stock rtc node and describes the
 * same registers and interrupt) and uses its alarm as an interrupt source.
 * Also Work, DelayedWork, WorkQueue, Timer, Kthread and io_poll.
 *
 * sysfs of the bound device: hard, threaded (handler counts), storm (1: the
 * threaded handler re-arms the alarm at once, ~1000 interrupts a second),
 * for tests/kernel/irq_test.sh to unbind while it fires.
 */
#include <kcxx/atomic.h>
#include <kcxx/completion.h>
#include <kcxx/delay.h>
#include <kcxx/io_mem.h>
#include <kcxx/io_poll.h>
#include <kcxx/irq.h>
#include <kcxx/ktap.h>
#include <kcxx/kthread.h>
#include <kcxx/module.h>
#include <kcxx/mutex.h>
#include <kcxx/option.h>
#include <kcxx/platform.h>
#include <kcxx/timer.h>
#include <kcxx/workqueue.h>

namespace {

using namespace kcxx;

/// ARM PrimeCell PL031 RTC (ARM DDI 0224): what the alarm needs.
struct Pl031 : RegisterMap<0x1000> {
	struct Dr : Register<u32, 0x00, ReadOnly> {};	 // the time, in seconds
	struct Mr : Register<u32, 0x04, ReadWrite> {};	 // the alarm: interrupt when Dr reaches it
	struct Imsc : Register<u32, 0x10, ReadWrite> {}; // bit 0: the interrupt enabled
	struct Ris : Register<u32, 0x14, ReadOnly> {};	 // bit 0: raised
	struct Mis : Register<u32, 0x18, ReadOnly> {};	 // bit 0: raised and enabled
	struct Icr : Register<u32, 0x1c, WriteOnly> {};	 // write 1: clear
	using registers = RegisterList<Dr, Mr, Imsc, Ris, Mis, Icr>;
};
using Regs = IoMem<Pl031{}>;

// Module-global, so they can be read after the driver state is gone.
constinit Atomic<long> handlers_running{ 0 };
constinit Atomic<long> late_calls{ 0 }; // a handler running with no state
constinit Atomic<long> states_alive{ 0 };

/// The interrupt's handler object: what both handlers touch.
struct Alarm {
	explicit Alarm(Regs &r) : regs(r) {}

	IrqReturn handle() KCXX_ATOMIC
	{
		handlers_running.add(1);
		if (states_alive.load() == 0)
			late_calls.add(1);
		bool mine = regs.read<Pl031::Mis>().raw() & 1;
		if (mine) {
			regs.write<Pl031::Icr>(1);
			hard.add(1);
		}
		handlers_running.sub(1);
		return mine ? IrqReturn::WakeThread : IrqReturn::None;
	}

	// A kernel thread: sleeping, and a mutex, are allowed here.
	IrqReturn thread()
	{
		msleep(1);
		{
			auto l = log.lock();
			*l += 1;
		}
		threaded.add(1);
		if (storm.load())
			regs.write<Pl031::Mr>(regs.read<Pl031::Dr>().raw()); // fires again at once
		fired.complete();
		return IrqReturn::Handled;
	}

	Regs &regs;
	Atomic<long> hard{ 0 };
	Atomic<long> threaded{ 0 };
	Atomic<u32> storm{ 0 };
	Mutex<long> log{ KCXX_LOCK_CLASS("kcxx_irq_test.log"), 0 };
	Completion fired;
};

class IrqTest : public PlatformDriver<IrqTest> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = { { "kcxx,test-irq", {} } };

	static Result<Box<IrqTest>> probe(PlatformDevice &pdev, const MatchData &)
	{
		Regs regs = TRY(pdev.ioremap_resource<Pl031{}>(0));
		IrqLine line = TRY(pdev.irq(0));
		regs.write<Pl031::Imsc>(0);
		regs.write<Pl031::Icr>(1);
		auto self = TRY(Box<IrqTest>::try_new(gfp::KERNEL, move(regs)));
		self->irq_ =
			TRY(Irq<Alarm>::request(line, irq::none, "kcxx-irq-test", self->regs_));
		bound = self.get();
		pr_info("kcxx_irq_test: bound, PL031 alarm on irq %u\n", line.number());
		return self;
	}

	explicit IrqTest(Regs &&regs) : regs_(move(regs)) { states_alive.add(1); }
	~IrqTest()
	{
		regs_.write<Pl031::Imsc>(0);
		irq_ = none; // the line freed: no handler runs after this
		bound = nullptr;
		states_alive.sub(1);
		pr_info("kcxx_irq_test: unbound\n");
	}

	Irq<Alarm> &irq() { return **irq_; }
	Alarm &alarm() { return (*irq_)->handler(); }
	Regs &regs() { return regs_; }

	/// Raises the alarm `seconds` from now (0: at once).
	void arm(u32 seconds)
	{
		regs_.write<Pl031::Imsc>(1);
		regs_.write<Pl031::Mr>(regs_.read<Pl031::Dr>().raw() + seconds);
	}

	Result<void> show_hard(SysfsOutput &out)
	{
		out.print("%ld\n", alarm().hard.load());
		return {};
	}
	Result<void> show_threaded(SysfsOutput &out)
	{
		out.print("%ld\n", alarm().threaded.load());
		return {};
	}
	Result<void> show_storm(SysfsOutput &out)
	{
		out.print("%u\n", alarm().storm.load());
		return {};
	}
	Result<void> store_storm(SysfsInput &in)
	{
		bool on = TRY(in.parse_bool());
		alarm().storm.store(on ? 1 : 0);
		if (on)
			arm(0);
		return {};
	}

	static constexpr Attribute<IrqTest> attributes[] = {
		{ "hard", 0444, &IrqTest::show_hard },
		{ "threaded", 0444, &IrqTest::show_threaded },
		{ "storm", 0644, &IrqTest::show_storm, &IrqTest::store_storm },
	};

	static inline constinit IrqTest *bound = nullptr;

private:
	Regs regs_;
	Option<Box<Irq<Alarm>>> irq_; // after regs_, which its handlers use
};

void alarm_interrupt_runs_both_handlers(ktap::Test &t)
{
	IrqTest *d = IrqTest::bound;
	if (!KTAP_EXPECT(t, d != nullptr))
		return;
	Alarm &a = d->alarm();
	long hard = a.hard.load(), threaded = a.threaded.load();
	a.fired.reinit();
	d->arm(1);
	KTAP_EXPECT(t, a.fired.wait_timeout(3000).is_ok());
	KTAP_EXPECT_EQ(t, a.hard.load(), hard + 1);
	KTAP_EXPECT_EQ(t, a.threaded.load(), threaded + 1);
	KTAP_EXPECT_EQ(t, *a.log.lock(), threaded + 1);
	KTAP_EXPECT_EQ(t, d->regs().read<Pl031::Ris>().raw() & 1, 0u); // acknowledged
}

void disabled_line_runs_no_handler_until_enabled(ktap::Test &t)
{
	IrqTest *d = IrqTest::bound;
	if (!KTAP_EXPECT(t, d != nullptr))
		return;
	Alarm &a = d->alarm();
	long hard = a.hard.load();
	a.fired.reinit();
	{
		auto off = d->irq().disabled();
		d->arm(0); // raised now, and held: the line is level-triggered
		msleep(200);
		KTAP_EXPECT_EQ(t, a.hard.load(), hard);
		KTAP_EXPECT_EQ(t, d->regs().read<Pl031::Ris>().raw() & 1, 1u);
	}
	KTAP_EXPECT(t, a.fired.wait_timeout(2000).is_ok()); // enabled: it runs
	KTAP_EXPECT_EQ(t, a.hard.load(), hard + 1);
	d->irq().synchronize();
	KTAP_EXPECT_EQ(t, handlers_running.load(), 0L);
}

// --- deferred work -----------------------------------------------------------

constinit Atomic<long> work_runs{ 0 };
constinit Atomic<long> delayed_runs{ 0 };
constinit Atomic<long> timer_runs{ 0 };

struct Deferred : Pinned {
	void now() { work_runs.add(1); }
	void later() { delayed_runs.add(1); }
	void expired() KCXX_ATOMIC { timer_runs.add(1); }
	int loop(KthreadControl &ctl)
	{
		int n = 0;
		while (!ctl.should_stop()) {
			n++;
			ctl.sleep(10);
		}
		return n;
	}
	void first() { order.store(order.load() * 10 + 1); }
	void second() { order.store(order.load() * 10 + 2); }

	Atomic<long> order{ 0 };
	Work<Deferred, &Deferred::now> work{ *this, KCXX_LOCK_CLASS("kcxx_irq_test.work") };
	DelayedWork<Deferred, &Deferred::later> delayed{ *this,
							 KCXX_LOCK_CLASS("kcxx_irq_test.delayed") };
	Timer<Deferred, &Deferred::expired> timer{ *this, KCXX_LOCK_CLASS("kcxx_irq_test.timer") };
	Kthread<Deferred, &Deferred::loop> thread{ *this };
	Work<Deferred, &Deferred::first> one{ *this, KCXX_LOCK_CLASS("kcxx_irq_test.one") };
	Work<Deferred, &Deferred::second> two{ *this, KCXX_LOCK_CLASS("kcxx_irq_test.two") };
};

void work_runs_and_is_cancelled_on_drop(ktap::Test &t)
{
	auto made = Box<Deferred>::try_new(gfp::KERNEL);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	long before = work_runs.load(), delayed = delayed_runs.load();
	{
		Box<Deferred> d = made.release_value();
		KTAP_EXPECT(t, d->work.schedule());
		d->work.flush();
		KTAP_EXPECT_EQ(t, work_runs.load(), before + 1);
		d->delayed.schedule(20);
		msleep(200);
		KTAP_EXPECT_EQ(t, delayed_runs.load(), delayed + 1);
		d->delayed.schedule(300); // pending when dropped
	}
	msleep(600);
	KTAP_EXPECT_EQ(t, delayed_runs.load(), delayed + 1); // cancelled, not run late
}

void ordered_workqueue_runs_in_order(ktap::Test &t)
{
	auto q = WorkQueue::try_new_ordered("kcxx-irq-test-ordered");
	auto d = Box<Deferred>::try_new(gfp::KERNEL);
	if (!KTAP_EXPECT(t, q.is_ok() && d.is_ok()))
		return;
	KTAP_EXPECT(t, d.value()->one.schedule_on(*q.value()));
	KTAP_EXPECT(t, d.value()->two.schedule_on(*q.value()));
	q.value()->flush();
	KTAP_EXPECT_EQ(t, d.value()->order.load(), 12L); // one, then two
}

void timer_fires_and_is_cancelled_on_drop(ktap::Test &t)
{
	long before = timer_runs.load();
	{
		auto d = Box<Deferred>::try_new(gfp::KERNEL);
		if (!KTAP_EXPECT(t, d.is_ok()))
			return;
		d.value()->timer.start(20);
		msleep(200);
		KTAP_EXPECT_EQ(t, timer_runs.load(), before + 1);
		d.value()->timer.start(300);
		KTAP_EXPECT(t, d.value()->timer.is_pending());
	}
	msleep(600);
	KTAP_EXPECT_EQ(t, timer_runs.load(), before + 1);
}

void kthread_runs_and_stops(ktap::Test &t)
{
	auto d = Box<Deferred>::try_new(gfp::KERNEL);
	if (!KTAP_EXPECT(t, d.is_ok()))
		return;
	KTAP_EXPECT(t, d.value()->thread.start("kcxx-irq-test").is_ok());
	KTAP_EXPECT(t, d.value()->thread.start("twice").error() == code::EBUSY);
	msleep(100);
	auto loops = d.value()->thread.stop();
	KTAP_EXPECT(t, loops.is_ok() && loops.value() > 0);
	KTAP_EXPECT(t, !d.value()->thread.running());
	// A thread still running when its owner goes is stopped by the drop.
	KTAP_EXPECT(t, d.value()->thread.start("kcxx-irq-test").is_ok());
}

void io_poll_returns_or_times_out(ktap::Test &t)
{
	Atomic<u32> flag{ 0 };
	u64 start = monotonic_ns();
	auto never =
		io_poll([&] { return flag.load(); }, [](u32 v) { return v != 0; }, 1000, 50000);
	u64 waited = monotonic_ns() - start;
	KTAP_EXPECT(t, never.error() == code::ETIMEDOUT);
	KTAP_EXPECT(t, waited >= 50000000ull);
	KTAP_EXPECT(t, waited < 1000000000ull);
	// The RTC's seconds register moves: wait for the next second, atomically too.
	IrqTest *d = IrqTest::bound;
	if (!KTAP_EXPECT(t, d != nullptr))
		return;
	u32 now = d->regs().read<Pl031::Dr>().raw();
	auto next = io_poll([&] { return d->regs().read<Pl031::Dr>().raw(); },
			    [&](u32 v) { return v != now; }, 10000, 3000000);
	KTAP_EXPECT(t, next.is_ok() && next.value() == now + 1);
	auto same = io_poll_atomic([&] { return d->regs().read<Pl031::Dr>().raw(); },
				   [&](u32 v) { return v == 0; }, 10, 2000);
	KTAP_EXPECT(t, same.error() == code::ETIMEDOUT);
}

constinit const ktap::Case cases[] = {
	{ "alarm_interrupt_runs_both_handlers", alarm_interrupt_runs_both_handlers },
	{ "disabled_line_runs_no_handler_until_enabled",
	  disabled_line_runs_no_handler_until_enabled },
	{ "work_runs_and_is_cancelled_on_drop", work_runs_and_is_cancelled_on_drop },
	{ "ordered_workqueue_runs_in_order", ordered_workqueue_runs_in_order },
	{ "timer_fires_and_is_cancelled_on_drop", timer_fires_and_is_cancelled_on_drop },
	{ "kthread_runs_and_stops", kthread_runs_and_stops },
	{ "io_poll_returns_or_times_out", io_poll_returns_or_times_out },
};

} // namespace

KCXX_PLATFORM_DRIVER(IrqTest, kcxx_test_irq, "kcxx-test-irq")

namespace {

/// The test module: its drivers registered and the cases run at load; at
/// unload the drivers go first, then the report on what they left.
struct IrqTestModule {
	static Result<Box<IrqTestModule>> init()
	{
		auto irq = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_test_irq));
		ktap::run("kcxx_irq", cases);
		return Box<IrqTestModule>::try_new(gfp::KERNEL, move(irq));
	}

	explicit IrqTestModule(PlatformRegistration &&irq_) : irq(move(irq_)) {}

	~IrqTestModule()
	{
		irq.reset();
		pr_info("kcxx_irq_test: unloaded, %ld late handler calls, %ld states alive\n",
			late_calls.load(), states_alive.load());
	}

	Option<PlatformRegistration> irq;
};

} // namespace

KCXX_MODULE(IrqTestModule, .license = "GPL", .author = "kcxx developers",
	    .description = "kcxx interrupts and deferred work test");
