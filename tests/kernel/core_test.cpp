// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_core_test - the framework's core abstractions in a real kernel: errors
 * and TRY, Box/Vec/VBox, KmemCache, PerCpu, locks under contention, Atomic and
 * Completion. Reported as KTAP (suite "kcxx_core").
 */
#include <kcxx/atomic.h>
#include <kcxx/box.h>
#include <kcxx/completion.h>
#include <kcxx/delay.h>
#include <kcxx/hrtimer.h>
#include <kcxx/kmem_cache.h>
#include <kcxx/ktap.h>
#include <kcxx/module.h>
#include <kcxx/mutex.h>
#include <kcxx/percpu.h>
#include <kcxx/result.h>
#include <kcxx/spinlock.h>
#include <kcxx/vbox.h>
#include <kcxx/vec.h>

#include "core_helpers.h"

namespace {

using namespace kcxx;

// Objects alive right now; every test must bring it back to zero.
Atomic<long> live;

struct Tracked {
	int id;
	explicit Tracked(int i = 0) : id(i) { live.add(1); }
	Tracked(Tracked &&other) : id(other.id) { live.add(1); }
	Tracked(const Tracked &) = delete;
	~Tracked() { live.sub(1); }
};

// --- errors -----------------------------------------------------------------

Result<int> parse_positive(int v)
{
	if (v <= 0)
		return code::EINVAL;
	return v;
}

Result<int> add_parsed(int a, int b)
{
	int x = TRY(parse_positive(a));
	int y = TRY(parse_positive(b));
	return x + y;
}

Result<void> checks_in_order(int *steps)
{
	TRY(to_result(0));
	(*steps)++;
	TRY(to_result(-KCXX_EBUSY));
	(*steps)++; // not reached
	return {};
}

void errors_propagate_through_try(ktap::Test &t)
{
	auto ok = add_parsed(2, 3);
	KTAP_EXPECT(t, ok.is_ok() && ok.value() == 5);

	auto bad = add_parsed(2, -1);
	KTAP_EXPECT(t, bad.is_error() && bad.error() == code::EINVAL);

	int steps = 0;
	auto busy = checks_in_order(&steps);
	KTAP_EXPECT(t, busy.is_error() && busy.error() == code::EBUSY);
	KTAP_EXPECT_EQ(t, steps, 1);

	// A non-errno from C becomes -EINVAL rather than a fake success.
	KTAP_EXPECT(t, Error::from_errno(5) == code::EINVAL);
	KTAP_EXPECT(t, Error::from_errno(0) == code::EINVAL);
	KTAP_EXPECT_EQ(t, code::EPROBE_DEFER.to_errno(), -KCXX_EPROBE_DEFER);

	auto *err_ptr = reinterpret_cast<int *>(static_cast<uintptr>(-KCXX_ENODEV));
	auto r = from_err_ptr(err_ptr);
	KTAP_EXPECT(t, r.is_error() && r.error() == code::ENODEV);
	int x = 0;
	KTAP_EXPECT(t, from_err_ptr(&x).value() == &x);
}

// --- memory -----------------------------------------------------------------

struct Huge {
	u8 bytes[64 << 20]; // beyond KMALLOC_MAX_SIZE
};

Result<Box<Tracked>> make_tracked(int id)
{
	auto b = TRY(Box<Tracked>::try_new(gfp::KERNEL, id));
	b->id += 1;
	return b;
}

void box_owns_and_frees(ktap::Test &t)
{
	{
		auto b = make_tracked(41);
		if (!KTAP_EXPECT(t, b.is_ok()))
			return;
		Box<Tracked> owner = b.release_value();
		KTAP_EXPECT_EQ(t, owner->id, 42);
		KTAP_EXPECT_EQ(t, live.load(), 1);

		Box<Tracked> moved = move(owner);
		KTAP_EXPECT(t, owner.get() == nullptr);
		KTAP_EXPECT_EQ(t, live.load(), 1);

		Tracked *raw = move(moved).into_raw();
		// SAFETY: raw came from into_raw() just above; nothing else owns it.
		Box<Tracked> back = Box<Tracked>::unsafe_from_raw(raw);
		KTAP_EXPECT_EQ(t, back->id, 42);
	}
	KTAP_EXPECT_EQ(t, live.load(), 0);

	auto huge = Box<Huge>::try_new(gfp::KERNEL | gfp::NOWARN);
	KTAP_EXPECT(t, huge.is_error() && huge.error() == code::ENOMEM);
}

void vec_grows_and_drops(ktap::Test &t)
{
	{
		Vec<Tracked> v;
		for (int i = 0; i < 1000; i++) {
			if (!KTAP_EXPECT(t, v.try_push(Tracked(i)).is_ok()))
				return;
		}
		KTAP_EXPECT_EQ(t, v.size(), usize(1000));
		KTAP_EXPECT_EQ(t, live.load(), 1000);
		long sum = 0;
		for (const Tracked &e : v)
			sum += e.id;
		KTAP_EXPECT_EQ(t, sum, 999L * 1000 / 2);
		KTAP_EXPECT(t, v.get(1000) == nullptr);
		KTAP_EXPECT_EQ(t, v.get(999)->id, 999);

		auto too_much = v.try_reserve(~usize(0) / 2);
		KTAP_EXPECT(t, too_much.is_error() && too_much.error() == code::ENOMEM);
		KTAP_EXPECT_EQ(t, v.size(), usize(1000)); // unchanged by the failure
		v.truncate(10);
		KTAP_EXPECT_EQ(t, live.load(), 10);
	}
	KTAP_EXPECT_EQ(t, live.load(), 0);
}

struct Big {
	u8 bytes[4 << 20];
};

void vbox_holds_large_buffers(ktap::Test &t)
{
	auto big = VBox<Big>::try_new();
	if (!KTAP_EXPECT(t, big.is_ok()))
		return;
	Big &b = *big.value();
	bool zeroed = true;
	for (usize i = 0; i < sizeof(b.bytes); i += 4096)
		zeroed = zeroed && b.bytes[i] == 0;
	KTAP_EXPECT(t, zeroed);
	b.bytes[sizeof(b.bytes) - 1] = 0x5a;
	KTAP_EXPECT_EQ(t, b.bytes[sizeof(b.bytes) - 1], 0x5a);
}

struct alignas(64) CacheLine {
	Tracked tracked;
	u8 payload[100];
	explicit CacheLine(int id) : tracked(id), payload{} {}
};

void kmem_cache_objects_and_lifetime(ktap::Test &t)
{
	{
		auto made = KmemCache<CacheLine>::try_new("kcxx_test_cacheline");
		if (!KTAP_EXPECT(t, made.is_ok()))
			return;
		KmemCache<CacheLine> cache = made.release_value();
		Vec<CacheBox<CacheLine>> objects;
		bool all_ok = true, aligned = true;
		for (int i = 0; i < 100; i++) {
			auto obj = cache.try_alloc(gfp::KERNEL, i);
			all_ok = all_ok && obj.is_ok() && objects.try_push(obj.release_value()).is_ok();
			aligned = aligned && (reinterpret_cast<uintptr>(objects[i].get()) % 64) == 0;
		}
		KTAP_EXPECT(t, all_ok);
		KTAP_EXPECT(t, aligned);
		KTAP_EXPECT_EQ(t, cache.live(), 100L);
		KTAP_EXPECT_EQ(t, live.load(), 100);
		KTAP_EXPECT_EQ(t, objects[57]->tracked.id, 57);
		objects.truncate(40);
		KTAP_EXPECT_EQ(t, cache.live(), 40L);

		// The handle goes first; the cache must survive until the last object.
		auto survivor = cache.try_alloc(gfp::KERNEL, 7).release_value();
		{
			KmemCache<CacheLine> gone = move(cache);
		}
		objects.truncate(0);
		KTAP_EXPECT_EQ(t, survivor->tracked.id, 7);
		survivor->payload[99] = 1;
	}
	KTAP_EXPECT_EQ(t, live.load(), 0);
}

// --- concurrency ------------------------------------------------------------

constexpr unsigned int THREADS = 4;
constexpr int ROUNDS = 20000;

struct Shared {
	SpinLock<u64> spin{ KCXX_LOCK_CLASS("kcxx_core_test.spin"), u64(0) };
	SpinLockIrq<u64> spin_irq{ KCXX_LOCK_CLASS("kcxx_core_test.spin_irq"), u64(0) };
	Mutex<u64> mutex{ KCXX_LOCK_CLASS("kcxx_core_test.mutex"), u64(0) };
	Atomic<u64> atomic{ 0 };
	Atomic<int> irqs_were_off{ 1 };
};

void hammer(void *arg, unsigned int)
{
	auto *s = static_cast<Shared *>(arg);

	for (int i = 0; i < ROUNDS; i++) {
		{
			auto g = s->spin.lock();
			*g += 1;
		}
		{
			auto g = s->spin_irq.lock();
			if (!kcxx_test_irqs_disabled())
				s->irqs_were_off.store(0);
			*g += 1;
		}
		{
			auto g = s->mutex.lock();
			*g += 1;
		}
		s->atomic.fetch_add(1);
		if (i % 1024 == 0)
			kcxx_test_cond_resched();
	}
}

void locks_serialise_threads(ktap::Test &t)
{
	auto shared = Box<Shared>::try_new(gfp::KERNEL);
	if (!KTAP_EXPECT(t, shared.is_ok()))
		return;
	Shared &s = *shared.value();

	KTAP_EXPECT_EQ(t, kcxx_test_run_threads(THREADS, hammer, &s), 0);
	const u64 expected = u64(THREADS) * ROUNDS;
	KTAP_EXPECT_EQ(t, *s.spin.lock(), expected);
	KTAP_EXPECT_EQ(t, *s.spin_irq.lock(), expected);
	KTAP_EXPECT_EQ(t, *s.mutex.lock(), expected);
	KTAP_EXPECT_EQ(t, s.atomic.load(), expected);
	KTAP_EXPECT_EQ(t, s.irqs_were_off.load(), 1);
	KTAP_EXPECT(t, !kcxx_test_irqs_disabled());

	auto held = s.mutex.lock();
	auto second = s.mutex.try_lock();
	KTAP_EXPECT(t, second.is_error() && second.error() == code::EBUSY);
}

struct Signal {
	Completion done;
	unsigned int delay_ms;
};

void complete_later(void *arg, unsigned int)
{
	auto *s = static_cast<Signal *>(arg);

	kcxx_test_msleep(s->delay_ms);
	s->done.complete();
}

void completion_waits_and_times_out(ktap::Test &t)
{
	auto signal = Box<Signal>::try_new(gfp::KERNEL);
	if (!KTAP_EXPECT(t, signal.is_ok()))
		return;
	Signal &s = *signal.value();

	u64 start = kcxx_test_ktime_ns();
	auto timed_out = s.done.wait_timeout(50);
	u64 waited_ms = (kcxx_test_ktime_ns() - start) / 1000000;
	KTAP_EXPECT(t, timed_out.is_error() && timed_out.error() == code::ETIMEDOUT);
	KTAP_EXPECT(t, waited_ms >= 50);

	s.delay_ms = 30;
	KTAP_EXPECT_EQ(t, kcxx_test_run_threads(1, complete_later, &s), 0);
	KTAP_EXPECT(t, s.done.wait_timeout(1000).is_ok());
}

struct Counters {
	u64 events;
	u64 bytes;
};

void count_locally(void *arg, unsigned int)
{
	auto *counters = static_cast<PerCpu<Counters> *>(arg);

	for (int i = 0; i < ROUNDS; i++) {
		auto local = counters->local();
		local->events += 1;
		local->bytes += 3;
	}
}

void percpu_counts_add_up(ktap::Test &t)
{
	auto made = PerCpu<Counters>::try_new();
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	PerCpu<Counters> counters = made.release_value();
	const int cpus = kcxx_num_possible_cpus();

	// Thread i runs bound to CPU i % cpus, so each CPU's copy must hold
	// exactly its own threads' counts: local() is this CPU's copy.
	KTAP_EXPECT(t, cpus >= 2 && THREADS % cpus == 0); // the board boots with -smp 2
	KTAP_EXPECT_EQ(t, kcxx_test_run_threads(THREADS, count_locally, &counters), 0);
	auto events = counters.sum([](const Counters &c) { return c.events; });
	auto bytes = counters.sum([](const Counters &c) { return c.bytes; });
	KTAP_EXPECT_EQ(t, events, u64(THREADS) * ROUNDS);
	KTAP_EXPECT_EQ(t, bytes, u64(THREADS) * ROUNDS * 3);

	bool each_cpu_its_own = true;
	counters.for_each([&](int, const Counters &c) {
		each_cpu_its_own = each_cpu_its_own && c.events == u64(THREADS / cpus) * ROUNDS;
	});
	KTAP_EXPECT(t, each_cpu_its_own);
}

void add_locally(void *arg, unsigned int)
{
	auto *counter = static_cast<PerCpu<u64> *>(arg);

	for (int i = 0; i < ROUNDS; i++)
		counter->add(2);
}

void percpu_add_counts_on_each_cpu(ktap::Test &t)
{
	auto made = PerCpu<u64>::try_new();
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	PerCpu<u64> counter = made.release_value();
	const int cpus = kcxx_num_possible_cpus();

	KTAP_EXPECT_EQ(t, kcxx_test_run_threads(THREADS, add_locally, &counter), 0);
	KTAP_EXPECT_EQ(t, counter.sum([](u64 c) { return c; }), u64(THREADS) * ROUNDS * 2);
	bool each_cpu_its_own = true;
	counter.for_each([&](int, const u64 &c) {
		each_cpu_its_own = each_cpu_its_own && c == u64(THREADS / cpus) * ROUNDS * 2;
	});
	KTAP_EXPECT(t, each_cpu_its_own);
}

// Every Ticker callback ever run, counted outside the (possibly freed) owner.
Atomic<int> ticks_total;

class Ticker {
public:
	explicit Ticker(int ticks) : wanted_(ticks) {}

	TimerRestart tick(TimerExpiry &expiry)
	{
		ticks_total.add(1);
		if (fired_.fetch_add(1) + 1 >= wanted_) {
			done_.complete();
			return TimerRestart::No;
		}
		expiry.forward_now(PERIOD_NS);
		return TimerRestart::Yes;
	}

	static constexpr u64 PERIOD_NS = 2'000'000;

	int wanted_;
	Atomic<int> fired_{ 0 };
	Completion done_;
	HrTimer<Ticker, &Ticker::tick> timer_{ *this };
};

void hrtimer_calls_back_its_owner(ktap::Test &t)
{
	auto ticker = Box<Ticker>::try_new(gfp::KERNEL, 10);
	if (!KTAP_EXPECT(t, ticker.is_ok()))
		return;
	Ticker &tk = *ticker.value();

	u64 start = monotonic_ns();
	tk.timer_.start(Ticker::PERIOD_NS);
	KTAP_EXPECT(t, tk.done_.wait_timeout(2000).is_ok());
	u64 elapsed = monotonic_ns() - start;
	KTAP_EXPECT_EQ(t, tk.fired_.load(), 10);
	KTAP_EXPECT(t, elapsed >= 10 * Ticker::PERIOD_NS); // never early
	// The last callback completes done_ and then returns: on another CPU
	// it may still be on its way out (the timer is active until then).
	for (int i = 0; i < 100 && tk.timer_.is_active(); i++)
		msleep(1);
	KTAP_EXPECT(t, !tk.timer_.is_active());
}

void hrtimer_is_cancelled_with_its_owner(ktap::Test &t)
{
	int before = ticks_total.load();
	{
		auto ticker = Box<Ticker>::try_new(gfp::KERNEL, 1);
		if (!KTAP_EXPECT(t, ticker.is_ok()))
			return;
		ticker.value()->timer_.start(50'000'000); // 50 ms
		KTAP_EXPECT(t, ticker.value()->timer_.is_active());
	} // destroyed long before it would fire: the destructor cancels
	kcxx_test_msleep(100);
	KTAP_EXPECT_EQ(t, ticks_total.load(), before);

	auto ticker = Box<Ticker>::try_new(gfp::KERNEL, 1);
	if (!KTAP_EXPECT(t, ticker.is_ok()))
		return;
	ticker.value()->timer_.start(50'000'000);
	KTAP_EXPECT(t, ticker.value()->timer_.cancel());  // it was armed
	KTAP_EXPECT(t, !ticker.value()->timer_.cancel()); // and now is not
	kcxx_test_msleep(60);
	KTAP_EXPECT_EQ(t, ticks_total.load(), before);
}

constinit const ktap::Case cases[] = {
	{ "errors_propagate_through_try", errors_propagate_through_try },
	{ "box_owns_and_frees", box_owns_and_frees },
	{ "vec_grows_and_drops", vec_grows_and_drops },
	{ "vbox_holds_large_buffers", vbox_holds_large_buffers },
	{ "kmem_cache_objects_and_lifetime", kmem_cache_objects_and_lifetime },
	{ "locks_serialise_threads", locks_serialise_threads },
	{ "completion_waits_and_times_out", completion_waits_and_times_out },
	{ "percpu_counts_add_up", percpu_counts_add_up },
	{ "percpu_add_counts_on_each_cpu", percpu_add_counts_on_each_cpu },
	{ "hrtimer_calls_back_its_owner", hrtimer_calls_back_its_owner },
	{ "hrtimer_is_cancelled_with_its_owner", hrtimer_is_cancelled_with_its_owner },
};

int core_test_init()
{
	ktap::run("kcxx_core", cases);
	return 0;
}

void core_test_exit() {}

} // namespace

KCXX_MODULE_INIT(core_test_init)
KCXX_MODULE_EXIT(core_test_exit)
KCXX_MODULE_LICENSE("GPL");
KCXX_MODULE_AUTHOR("kcxx developers");
KCXX_MODULE_DESCRIPTION("kcxx framework core tests (KTAP)");
