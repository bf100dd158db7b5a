/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PerCpu<T>: one T per possible CPU, from <linux/percpu.h>'s alloc_percpu().
 *
 * Example (compiled):
 *	struct Counters {
 *		u64 rx = 0;
 *	};
 *
 *	inline Result<u64> count_one()
 *	{
 *		auto stats = TRY(PerCpu<Counters>::try_new());
 *		stats.local()->rx++; // preemption off while the guard lives
 *		return stats.sum([](const Counters &c) { return c.rx; });
 *	}
 */
#ifndef KCXX_PERCPU_H
#define KCXX_PERCPU_H

#include <kcxx/bridge/percpu.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A T for each possible CPU.
 *
 * # Invariants
 * ptr_ is null only when moved from; otherwise it is a kcxx_alloc_percpu()
 * area holding a live T on every possible CPU. This CPU's T is reached only
 * through a Local guard, which keeps preemption disabled, so the task cannot
 * migrate while it holds it.
 *
 * Other CPUs' copies are read without synchronisation by for_each()/sum(), as
 * the kernel's per-CPU counters are: a snapshot, not an atomic total.
 */
template <typename T> class PerCpu {
public:
	/// Allocates and constructs a T() on every possible CPU. May sleep.
	static Result<PerCpu> try_new()
	{
		void *ptr = kcxx_alloc_percpu(sizeof(T), alignof(T));

		if (!ptr)
			return code::ENOMEM;
		for (int cpu = next(-1); cpu >= 0; cpu = next(cpu))
			new (kcxx_per_cpu_ptr(ptr, cpu)) T();
		return PerCpu(ptr);
	}

	PerCpu(PerCpu &&other) : ptr_(exchange(other.ptr_, nullptr)) {}
	PerCpu(const PerCpu &) = delete;
	PerCpu &operator=(const PerCpu &) = delete;
	PerCpu &operator=(PerCpu &&) = delete;
	~PerCpu()
	{
		if (!ptr_)
			return;
		for (int cpu = next(-1); cpu >= 0; cpu = next(cpu))
			static_cast<T *>(kcxx_per_cpu_ptr(ptr_, cpu))->~T();
		kcxx_free_percpu(ptr_);
	}

	/// This CPU's T, with preemption disabled until the guard is dropped.
	class [[nodiscard]] Local {
	public:
		Local(const Local &) = delete;
		Local &operator=(const Local &) = delete;
		~Local() { kcxx_put_cpu_ptr(); }

		T *operator->() { return value_; }
		T &operator*() { return *value_; }

	private:
		friend class PerCpu;
		explicit Local(void *ptr) : value_(static_cast<T *>(kcxx_get_cpu_ptr(ptr))) {}

		T *value_;
	};

	Local local() { return Local(ptr_); }

	/// Adds to this CPU's counter with one this_cpu_add() (safe against
	/// preemption and interrupts): a counter's hot path, without a guard.
	void add(u64 v)
		requires is_same_v<T, u64>
	{
		kcxx_this_cpu_add_u64(ptr_, v);
	}

	/// Calls f(cpu, value) for every possible CPU's T.
	template <typename F> void for_each(F f) const
	{
		for (int cpu = next(-1); cpu >= 0; cpu = next(cpu))
			f(cpu, *static_cast<const T *>(kcxx_per_cpu_ptr(ptr_, cpu)));
	}

	/// The sum of f(value) over every possible CPU.
	template <typename F> auto sum(F f) const
	{
		decltype(f(*static_cast<const T *>(nullptr))) total{};

		for_each([&](int, const T &value) { total += f(value); });
		return total;
	}

private:
	explicit PerCpu(void *ptr) : ptr_(ptr) {}
	static int next(int cpu) { return kcxx_next_possible_cpu(cpu); }

	void *ptr_;
};

} // namespace kcxx

#endif // KCXX_PERCPU_H
