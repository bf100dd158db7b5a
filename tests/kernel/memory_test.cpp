// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_memory_test - page blocks, FIFOs, memory pools and module parameters
 * in a real kernel. Reported as KTAP (suite "kcxx_memory"); the guest script
 * (memory_test.sh) then loads it again with parameters and pokes them
 * through sysfs.
 */
#include <kcxx/atomic.h>
#include <kcxx/delay.h>
#include <kcxx/fifo.h>
#include <kcxx/hrtimer.h>
#include <kcxx/ioctl.h>
#include <kcxx/kmem_cache.h>
#include <kcxx/ktap.h>
#include <kcxx/kthread.h>
#include <kcxx/mempool.h>
#include <kcxx/miscdev.h>
#include <kcxx/module.h>
#include <kcxx/module_param.h>
#include <kcxx/option.h>
#include <kcxx/pages.h>
#include <kcxx/print.h>
#include <kcxx/random.h>
#include <kcxx/sched.h>
#include <kcxx/user_mapping.h>
#include <kcxx/vec.h>
#include <kcxx/workqueue.h>

namespace {

using namespace kcxx;

KCXX_MODULE_PARAM_RANGE(answer, int, 7, -100, 100, 0644,
			"A number the guest script sets (-100..100)");
KCXX_MODULE_PARAM(enabled, bool, false, 0444, "A read-only switch");
KCXX_MODULE_PARAM(count, ushort, 3, 0644, "Any unsigned 16-bit number");

// --- pages ------------------------------------------------------------------

void page_orders_follow_the_kernels_page_size(ktap::Test &t)
{
	KTAP_EXPECT_EQ(t, pages::SIZE, static_cast<usize>(KCXX_PAGE_SIZE));
	KTAP_EXPECT_EQ(t, pages::order_for(0), 0u);
	KTAP_EXPECT_EQ(t, pages::order_for(1), 0u);
	KTAP_EXPECT_EQ(t, pages::order_for(pages::SIZE), 0u);
	KTAP_EXPECT_EQ(t, pages::order_for(pages::SIZE + 1), 1u);
	KTAP_EXPECT_EQ(t, pages::order_for(4 * pages::SIZE), 2u);
	KTAP_EXPECT_EQ(t, pages::round_up(1), pages::SIZE);
	KTAP_EXPECT_EQ(t, Pages<3>::size, 8 * pages::SIZE);
	KTAP_EXPECT_EQ(t, Pages<3>::count, static_cast<usize>(8));
}

void page_blocks_are_whole_aligned_and_zeroed(ktap::Test &t)
{
	auto block = Pages<2>::try_alloc(gfp::KERNEL | gfp::ZERO);
	if (!KTAP_EXPECT(t, block.is_ok()))
		return;
	Span<u8> bytes = block.value().bytes();
	KTAP_EXPECT_EQ(t, bytes.size(), 4 * pages::SIZE);
	KTAP_EXPECT_EQ(t, reinterpret_cast<uintptr>(bytes.data()) % Pages<2>::size, 0ul);
	bool zero = true;
	for (u8 b : bytes)
		zero &= b == 0;
	KTAP_EXPECT(t, zero);
	// Every byte is ours (KASAN watches): first and last.
	bytes[0] = 0xa5;
	bytes[bytes.size() - 1] = 0x5a;
	KTAP_EXPECT(t, bytes[0] == 0xa5 && bytes[bytes.size() - 1] == 0x5a);

	// A block moves; the moved-from one frees nothing.
	Pages<2> moved(block.release_value());
	KTAP_EXPECT(t, moved.bytes()[0] == 0xa5);
}

void many_page_blocks_come_and_go(ktap::Test &t)
{
	unsigned int ok = 0;

	for (int i = 0; i < 256; i++)
		ok += Pages<3>::try_alloc(gfp::KERNEL).is_ok();
	KTAP_EXPECT_EQ(t, ok, 256u);
}

// --- FIFOs ------------------------------------------------------------------

void fifo_capacity_is_a_power_of_two(ktap::Test &t)
{
	KTAP_EXPECT(t, Fifo<u8>::try_new(100, gfp::KERNEL).error() == code::EINVAL);
	KTAP_EXPECT(t, Fifo<u8>::try_new(0, gfp::KERNEL).error() == code::EINVAL);
	auto fifo = Fifo<u32>::try_new(64, gfp::KERNEL);
	KTAP_EXPECT(t, fifo.is_ok() && fifo.value().capacity() == 64);
	InlineFifo<u16, 8> inline_fifo;
	KTAP_EXPECT_EQ(t, inline_fifo.capacity(), static_cast<usize>(8));
}

void fifo_takes_what_fits_and_keeps_order(ktap::Test &t)
{
	auto made = Fifo<u8>::try_new(16, gfp::KERNEL);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	Fifo<u8> &fifo = made.value();
	u8 in[20], out[20];
	for (u8 i = 0; i < 20; i++)
		in[i] = i;
	KTAP_EXPECT_EQ(t, fifo.push(Span<const u8>(in)), static_cast<usize>(16));
	KTAP_EXPECT(t, fifo.is_full() && !fifo.push(u8(99)));
	KTAP_EXPECT_EQ(t, fifo.pop(Span<u8>(out).first(5)), static_cast<usize>(5));
	KTAP_EXPECT(t, out[0] == 0 && out[4] == 4);
	KTAP_EXPECT_EQ(t, fifo.peek(Span<u8>(out).first(1)), static_cast<usize>(1));
	KTAP_EXPECT(t, out[0] == 5 && fifo.len() == 11);
	KTAP_EXPECT_EQ(t, fifo.clear(), static_cast<usize>(11));
	KTAP_EXPECT(t, fifo.is_empty());

	// Against a model, across many wrap-arounds of the free-running indices.
	u32 next_in = 0, next_out = 0;
	bool ordered = true;
	for (int step = 0; step < 20000; step++) {
		u8 buf[20];
		usize want = kcxx::random_u32() % 20;
		if (kcxx::random_u32() & 1) {
			for (usize i = 0; i < want; i++)
				buf[i] = static_cast<u8>(next_in + i);
			usize n = fifo.push(Span<const u8>(buf).first(want));
			ordered &=
				n == (want < 16 - (next_in - next_out) ? want
								       : 16 - (next_in - next_out));
			next_in += static_cast<u32>(n);
		} else {
			usize n = fifo.pop(Span<u8>(buf).first(want));
			ordered &= n == (want < next_in - next_out ? want : next_in - next_out);
			for (usize i = 0; i < n; i++)
				ordered &= buf[i] == static_cast<u8>(next_out + i);
			next_out += static_cast<u32>(n);
		}
	}
	KTAP_EXPECT(t, ordered);
	KTAP_EXPECT_EQ(t, fifo.len(), static_cast<usize>(next_in - next_out));
}

void fifo_user_copy_faults_lose_nothing(ktap::Test &t)
{
	auto made = Fifo<u8>::try_new(32, gfp::KERNEL);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	Fifo<u8> &fifo = made.value();
	u8 seven[7] = { 1, 2, 3, 4, 5, 6, 7 };
	fifo.push(Span<const u8>(seven));

	// Address 0 of insmod's address space is never mapped.
	UserSlice bad_src(0, 16);
	KTAP_EXPECT(t, fifo.push_from_user(bad_src, 16).error() == code::EFAULT);
	KTAP_EXPECT_EQ(t, fifo.len(), static_cast<usize>(7));
	UserSlice bad_dst(0, 16);
	KTAP_EXPECT(t, fifo.pop_to_user(bad_dst, 16).error() == code::EFAULT);
	KTAP_EXPECT_EQ(t, fifo.len(), static_cast<usize>(7));
	u8 out[7] = {};
	fifo.pop(Span<u8>(out));
	KTAP_EXPECT(t, out[0] == 1 && out[6] == 7);
}

/// One producer thread, one consumer (the test): no lock, no loss, no reorder.
struct SpscRun {
	static constexpr u32 kItems = 200000;
	Fifo<u32> fifo;
	Atomic<u32> produced{ 0 };

	explicit SpscRun(Fifo<u32> &&f) : fifo(move(f)) {}

	int produce(KthreadControl &ctl)
	{
		u32 next = 0;
		while (next < kItems && !ctl.should_stop()) {
			if (fifo.push(next))
				next++;
			else
				kcxx::cond_resched();
		}
		produced.store(next);
		while (!ctl.should_stop())
			ctl.sleep(10);
		return 0;
	}

	Kthread<SpscRun, &SpscRun::produce> thread{ *this };
};

void fifo_one_producer_one_consumer_without_a_lock(ktap::Test &t)
{
	auto fifo = Fifo<u32>::try_new(64, gfp::KERNEL);
	auto run = Box<SpscRun>::try_new(gfp::KERNEL, fifo.release_value());
	if (!KTAP_EXPECT(t, run.is_ok()) ||
	    !KTAP_EXPECT(t, run.value()->thread.start("kcxx-spsc").is_ok()))
		return;
	SpscRun &r = *run.value();
	u32 expected = 0;
	bool ordered = true;
	u64 deadline = monotonic_ns() + 20000000000ull;
	while (expected < SpscRun::kItems && monotonic_ns() < deadline) {
		u32 got[16];
		usize n = r.fifo.pop(Span<u32>(got));
		for (usize i = 0; i < n; i++)
			ordered &= got[i] == expected++;
		if (!n)
			kcxx::cond_resched();
	}
	KTAP_EXPECT_EQ(t, expected, SpscRun::kItems);
	KTAP_EXPECT(t, ordered);
}

// --- memory pools -----------------------------------------------------------

Atomic<long> live;

struct Desc {
	u64 src = 0, dst = 0;
	explicit Desc(u64 s = 0) : src(s) { live.add(1); }
	~Desc() { live.sub(1); }
};

/// A KmemCache that fails while told to, as memory pressure would make it.
class FlakyCache {
public:
	explicit FlakyCache(KmemCache<Desc> &&cache) : cache_(move(cache)) {}
	FlakyCache(FlakyCache &&other) : cache_(move(other.cache_)) {}

	void *alloc_uninit(Gfp flags)
	{
		return failing_.load() ? nullptr : cache_.alloc_uninit(flags);
	}
	void free_uninit(void *mem) { cache_.free_uninit(mem); }
	void fail(bool on) { failing_.store(on); }

private:
	KmemCache<Desc> cache_;
	Atomic<int> failing_{ 0 };
};

Result<Mempool<Desc, FlakyCache>> flaky_pool(int reserve)
{
	auto cache = TRY(KmemCache<Desc>::try_new("kcxx_memory_test_desc"));
	return Mempool<Desc, FlakyCache>::try_new(FlakyCache(move(cache)), reserve);
}

void pool_reserve_serves_when_the_source_fails(ktap::Test &t)
{
	auto made = flaky_pool(4);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	auto &pool = made.value();
	KTAP_EXPECT_EQ(t, pool.reserve(), 4);
	{
		// The source works: the reserve is not touched.
		auto d = pool.try_alloc(gfp::ATOMIC, 1);
		KTAP_EXPECT(t, d.is_ok() && d.value()->src == 1 && pool.reserve() == 4);
	}
	pool.source().fail(true);
	Vec<PoolBox<Desc, FlakyCache>> held;
	for (u64 i = 0; i < 4; i++) {
		auto d = pool.try_alloc(gfp::ATOMIC, i);
		KTAP_EXPECT(t, d.is_ok());
		if (d.is_ok())
			(void)held.try_push(d.release_value());
	}
	KTAP_EXPECT_EQ(t, pool.reserve(), 0);
	KTAP_EXPECT_EQ(t, live.load(), 4L);
	// Reserve empty, source failing, cannot sleep: a clear ENOMEM.
	KTAP_EXPECT(t, pool.try_alloc(gfp::ATOMIC | gfp::NOWARN, 9).error() == code::ENOMEM);
	held.truncate(0);
	KTAP_EXPECT_EQ(t, pool.reserve(), 4); // every element back in the reserve
	KTAP_EXPECT_EQ(t, live.load(), 0L);
	pool.source().fail(false);
}

/// Gives an element back later, from a workqueue.
struct LateFree {
	Option<PoolBox<Desc, FlakyCache>> box;
	u64 freed_ns = 0;

	void run()
	{
		freed_ns = monotonic_ns();
		box.reset();
	}

	DelayedWork<LateFree, &LateFree::run> work{ *this,
						    KCXX_LOCK_CLASS("kcxx_memory_test.late_free") };
};

void pool_sleeping_alloc_waits_for_a_free(ktap::Test &t)
{
	auto made = flaky_pool(1);
	auto late = Box<LateFree>::try_new(gfp::KERNEL);
	if (!KTAP_EXPECT(t, made.is_ok() && late.is_ok()))
		return;
	auto &pool = made.value();
	pool.source().fail(true);
	auto first = pool.try_alloc(gfp::KERNEL, 1);
	if (!KTAP_EXPECT(t, first.is_ok() && pool.reserve() == 0))
		return;
	late.value()->box = first.release_value();
	late.value()->work.schedule(100);
	u64 start = monotonic_ns();
	// Nothing in the reserve, nothing from the source: GFP_KERNEL waits.
	auto second = pool.try_alloc(gfp::KERNEL, 2);
	u64 waited = monotonic_ns() - start;
	KTAP_EXPECT(t, second.is_ok() && second.value()->src == 2);
	KTAP_EXPECT(t, late.value()->freed_ns != 0 && waited >= 90000000ull);
	late.value()->work.cancel();
	pool.source().fail(false);
}

void pool_outlives_its_handle(ktap::Test &t)
{
	Option<PoolBox<Desc, FlakyCache>> survivor;
	{
		auto made = flaky_pool(2);
		if (!KTAP_EXPECT(t, made.is_ok()))
			return;
		auto d = made.value().try_alloc(gfp::KERNEL, 42);
		if (!KTAP_EXPECT(t, d.is_ok()))
			return;
		survivor = d.release_value();
	} // the handle goes; the pool stays for the box
	KTAP_EXPECT(t, (*survivor)->src == 42 && live.load() == 1);
	survivor.reset(); // the last reference: the pool and its cache go
	KTAP_EXPECT_EQ(t, live.load(), 0L);
}

// --- module parameters ----------------------------------------------------------

void params_hold_their_values(ktap::Test &t)
{
	// Loaded by the harness with no arguments: the initial values.
	pr_info("kcxx_memory_test: params answer=%d enabled=%d count=%u\n", answer.get(),
		enabled.get(), count.get());
	KTAP_EXPECT(t, answer.get() >= -100 && answer.get() <= 100);
}

// --- user mappings of pages: /dev/kcxx-test-pages ----------------------------

/// Replaces the buffer (the old one may still be mapped): _IO('k', 1).
constexpr IoctlCmd<IoctlDir::None, 'k', 1> REPLACE;

/// Generation `gen`'s pattern at byte i, which tests/guest/pages_client.c
/// computes too.
u8 pattern(usize i, u32 gen)
{
	return static_cast<u8>(i * 7 + usize{ gen } * 101);
}

/**
 * A buffer of three pages' worth (a block of four) that the client maps,
 * reads back through read(), and replaces while mapped.
 */
class PagesDevice {
public:
	struct File {};

	static Result<Box<PagesDevice>> try_new()
	{
		return Box<PagesDevice>::try_new(gfp::KERNEL, TRY(filled(0)));
	}
	explicit PagesDevice(UserPages &&buf)
		: buf_(KCXX_LOCK_CLASS("kcxx_memory_test.pages"), Option<UserPages>(move(buf)))
	{
	}

	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL); }

	Result<void> mmap(File &, Vma &vma) { return vma.map(**buf_.lock()); }

	/// Up to 64 bytes from `pos`. Copied out of a bounce buffer: a fault on
	/// `out` takes the mmap lock, which mmap() holds while it takes buf_.
	Result<usize> read(File &, FileFlags, UserSlice &out, s64 &pos)
	{
		u8 bounce[64];
		usize n;
		if (pos < 0)
			return code::EINVAL;
		{
			auto buf = buf_.lock();
			Span<u8> bytes = (**buf).bytes();
			if (static_cast<u64>(pos) >= bytes.size())
				return usize(0);
			n = bytes.size() - static_cast<usize>(pos);
			n = n < out.len() ? n : out.len();
			n = n < sizeof(bounce) ? n : sizeof(bounce);
			Span<u8> from = TRY(bytes.subspan(static_cast<usize>(pos), n));
			__builtin_memcpy(bounce, from.data(), n);
		}
		TRY(out.write(TRY(Span<u8>(bounce).subspan(0, n))));
		pos += static_cast<s64>(n);
		return n;
	}

	Result<long> ioctl(File &, FileFlags, unsigned int cmd, uintptr)
	{
		if (cmd != REPLACE.number)
			return code::ENOTTY;
		auto fresh = TRY(filled(++generation_));
		// The old block goes now, unless a process maps it: then with that.
		*buf_.lock() = move(fresh);
		return 0L;
	}

private:
	static Result<UserPages> filled(u32 gen)
	{
		auto pages = TRY(UserPages::try_new(3 * pages::SIZE));
		Span<u8> bytes = pages.bytes();
		for (usize i = 0; i < bytes.size(); i++)
			bytes[i] = pattern(i, gen);
		return pages;
	}

	Mutex<Option<UserPages>> buf_; // always some
	u32 generation_ = 0;
};

/// What the module holds while loaded; the device goes before its owner.
struct State {
	Box<PagesDevice> pages;
	Box<MiscDevice<PagesDevice>> misc;
};
constinit State *state = nullptr;

int memory_test_init()
{
	static constexpr ktap::Case cases[] = {
		{ "page_orders_follow_the_kernels_page_size",
		  page_orders_follow_the_kernels_page_size },
		{ "page_blocks_are_whole_aligned_and_zeroed",
		  page_blocks_are_whole_aligned_and_zeroed },
		{ "many_page_blocks_come_and_go", many_page_blocks_come_and_go },
		{ "fifo_capacity_is_a_power_of_two", fifo_capacity_is_a_power_of_two },
		{ "fifo_takes_what_fits_and_keeps_order", fifo_takes_what_fits_and_keeps_order },
		{ "fifo_user_copy_faults_lose_nothing", fifo_user_copy_faults_lose_nothing },
		{ "fifo_one_producer_one_consumer_without_a_lock",
		  fifo_one_producer_one_consumer_without_a_lock },
		{ "pool_reserve_serves_when_the_source_fails",
		  pool_reserve_serves_when_the_source_fails },
		{ "pool_sleeping_alloc_waits_for_a_free", pool_sleeping_alloc_waits_for_a_free },
		{ "pool_outlives_its_handle", pool_outlives_its_handle },
		{ "params_hold_their_values", params_hold_their_values },
	};
	ktap::run("kcxx_memory", cases);
	auto made = [&]() -> Result<Box<State>> {
		auto pages = TRY(PagesDevice::try_new());
		auto misc = TRY(MiscDevice<PagesDevice>::try_register("kcxx-test-pages", *pages));
		return Box<State>::try_new(gfp::KERNEL, State{ move(pages), move(misc) });
	}();
	if (made.is_error())
		return made.error().to_errno();
	state = move(made.release_value()).into_raw();
	return 0;
}

void memory_test_exit()
{
	// SAFETY: init stored the Box; exit runs once, after a successful init.
	Box<State>::unsafe_from_raw(exchange(state, nullptr));
}

} // namespace

KCXX_MODULE_INIT(memory_test_init)
KCXX_MODULE_EXIT(memory_test_exit)
KCXX_MODULE_LICENSE("GPL");
KCXX_MODULE_AUTHOR("kcxx developers");
KCXX_MODULE_DESCRIPTION("kcxx page blocks, FIFOs, memory pools and module parameters (KTAP)");
