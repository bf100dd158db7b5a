// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_microbench - the cost of kcxx's abstractions against the C a driver
 * would write instead (micro_c.c), in the same module and boot. Loading it
 * runs every pair for `rounds` rounds, kcxx and C taking turns (who goes
 * first changes every round), on CPU 0, and logs one line per sample:
 *
 *	kcxx_microbench: @@BENCH micro-<name> <kcxx|c> <round> <ns per op>
 *
 * which tools/kcxx-bench reads back from the kernel log. percpu runs on CPUs 0
 * and 1 at once: kcxx's PerCpu<u64> against one shared atomic (the design C
 * drivers reach for first), and C's this_cpu_inc() to say what PerCpu costs.
 */
#include <kcxx/io_mem.h>
#include <kcxx/kmem_cache.h>
#include <kcxx/module.h>
#include <kcxx/module_param.h>
#include <kcxx/percpu.h>
#include <kcxx/print.h>
#include <kcxx/register.h>
#include <kcxx/spinlock.h>

#include "micro_c.h"

namespace {

using namespace kcxx;

KCXX_MODULE_PARAM_RANGE(rounds, uint, 10, 1, 1000, 0444, "Rounds of every pair (1-1000)");
KCXX_MODULE_PARAM_RANGE(iterations, uint, 20000, 1, 10000000, 0444,
			"Operations per sample (1-10000000)");

/// The same 64 bytes as micro_c.c's object; the constructor sets what C sets
/// (the rest stays uninitialised on both sides, on purpose).
struct Object {
	// cppcheck-suppress uninitMemberVar
	explicit Object(u64 v) : first(v) {}
	u64 first;
	u64 rest[7];
};

struct Pl061 : RegisterMap<0x1000> {
	struct Dir : Register<u32, 0x400, ReadWrite> {};
	using registers = RegisterList<Dir>;
};

// What the bodies work on, made by init() before any body runs and dropped
// after the last one: plain pointers, since the bodies are C function pointers.
KmemCache<Object> *cache;
PerCpu<u64> *counters;
SpinLock<u64> *locked;
IoAddr pl061_base;

[[gnu::noinline]] u64 kcxx_kmem_cache(u64 n)
{
	u64 sum = 0;

	for (u64 i = 0; i < n; i++) {
		auto obj = cache->try_alloc(gfp::KERNEL, i);
		if (obj.is_error())
			return 0;
		sum += reinterpret_cast<uintptr>(obj.value().get()) & 0xff;
	}
	return sum;
}

[[gnu::noinline]] u64 kcxx_box(u64 n)
{
	u64 sum = 0;

	for (u64 i = 0; i < n; i++) {
		auto obj = Box<Object>::try_new(gfp::KERNEL, i);
		if (obj.is_error())
			return 0;
		sum += reinterpret_cast<uintptr>(obj.value().get()) & 0xff;
	}
	return sum;
}

[[gnu::noinline]] u64 kcxx_percpu(u64 n)
{
	for (u64 i = 0; i < n; i++)
		counters->add(1);
	return *counters->local();
}

[[gnu::noinline]] u64 kcxx_spinlock(u64 n)
{
	for (u64 i = 0; i < n; i++)
		++*locked->lock();
	return *locked->lock();
}

// Three calls deep, every other one failing at the bottom: Result and TRY.
[[gnu::noinline]] Result<u32> leaf(u32 v)
{
	if (v & 1)
		return code::EINVAL;
	return v + 1;
}

[[gnu::noinline]] Result<u32> middle(u32 v)
{
	u32 x = TRY(leaf(v));
	return x * 3;
}

[[gnu::noinline]] Result<u32> top(u32 v)
{
	u32 x = TRY(middle(v));
	return x ^ 5;
}

[[gnu::noinline]] u64 kcxx_result(u64 n)
{
	u64 sum = 0;

	for (u64 i = 0; i < n; i++) {
		auto r = top(static_cast<u32>(i));
		sum += r.is_ok() ? r.value() : static_cast<u64>(r.error().to_errno() * -1);
	}
	return sum;
}

[[gnu::noinline]] u64 kcxx_iomem(u64 n)
{
	// SAFETY: pl061_base maps the PL061's 4 KiB (micro_c_setup()) until
	// module exit, after the last body has run.
	auto io = IoMem<Pl061{}>::unsafe_from_raw(pl061_base, 0x1000);
	u64 sum = 0;

	if (io.is_error())
		return 0;
	for (u64 i = 0; i < n; i++) {
		auto dir = io.value().read<Pl061::Dir>();
		io.value().write<Pl061::Dir>(dir);
		sum += dir.raw();
	}
	return sum;
}

struct Pair {
	const char *name;
	micro_body kcxx, c;
	bool two_cpus = false;
	const char *c_side = "c";
	bool needs_pl061 = false;
};

constexpr Pair pairs[] = {
	{ "kmem-cache", kcxx_kmem_cache, micro_c_kmem_cache },
	{ "box", kcxx_box, micro_c_kmalloc },
	{ "percpu", kcxx_percpu, micro_c_shared_atomic, true, "c-shared-atomic" },
	{ "percpu-this-cpu", kcxx_percpu, micro_c_this_cpu, true },
	{ "spinlock", kcxx_spinlock, micro_c_spinlock },
	{ "result-try", kcxx_result, micro_c_errno },
	{ "iomem", kcxx_iomem, micro_c_iomem_rw, false, "c", true },
};

void report(const Pair &p, const char *side, u32 round, u64 ns, u64 ops)
{
	u64 ps = ns * 1000 / ops; // picoseconds per operation
	pr_info("kcxx_microbench: @@BENCH micro-%s %s %u %llu.%03llu\n", p.name, side, round,
		static_cast<unsigned long long>(ps / 1000),
		static_cast<unsigned long long>(ps % 1000));
}

/// Runs every pair at load; holds what they work on until unload.
class Bench : Pinned {
public:
	static Result<Box<Bench>> init()
	{
		auto bench = TRY(Box<Bench>::try_new(
			gfp::KERNEL, TRY(KmemCache<Object>::try_new("kcxx_microbench")),
			TRY(PerCpu<u64>::try_new())));
		TRY(bench->run());
		return bench;
	}

	Bench(KmemCache<Object> &&c, PerCpu<u64> &&p) : cache_(move(c)), counters_(move(p)) {}
	~Bench() { micro_c_teardown(); }

private:
	Result<void> run()
	{
		TRY(to_result(micro_c_setup()));
		cache = &cache_;
		counters = &counters_;
		locked = &locked_;
		pl061_base = IoAddr::from_bridge(micro_c_iomem());
		TRY(to_result(micro_pin_to_cpu(0)));

		u64 n = iterations.get();
		for (u32 r = 0; r < rounds.get(); r++) {
			for (const Pair &p : pairs) {
				if (p.needs_pl061 && pl061_base.is_null())
					continue; // no PL061 off QEMU virt
				for (int turn = 0; turn < 2; turn++) {
					bool kcxx_side = (turn == 0) == (r % 2 == 0);
					micro_body body = kcxx_side ? p.kcxx : p.c;
					u64 ns = p.two_cpus ? micro_time_two_cpus_ns(body, n)
							    : micro_time_ns(body, n);
					if (ns == 0)
						break; // one CPU only: nothing to contend
					report(p, kcxx_side ? "kcxx" : p.c_side, r, ns,
					       p.two_cpus ? 2 * n : n);
				}
			}
		}
		pr_info("kcxx_microbench: @@BENCH-DONE %u rounds of %llu\n", rounds.get(),
			static_cast<unsigned long long>(n));
		return {};
	}

	KmemCache<Object> cache_;
	PerCpu<u64> counters_;
	SpinLock<u64> locked_{ KCXX_LOCK_CLASS("kcxx_microbench.locked"), 0 };
};

} // namespace

KCXX_MODULE(Bench, .license = "GPL", .author = "kcxx developers",
	    .description = "kcxx against plain C, operation by operation (tools/kcxx-bench)");
