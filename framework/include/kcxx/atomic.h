/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Atomic<T>: <linux/atomic.h>'s atomic_t/atomic_long_t for C++ integers.
 *
 * Orderings follow the kernel's conventions (Documentation/atomic_t.txt):
 * load/store and the operations that return nothing are relaxed; operations
 * that return a value (fetch_*, exchange, a successful compare_exchange) are
 * fully ordered, as if smp_mb() ran before and after them: a sequentially
 * consistent operation followed by a full fence (C++ seq_cst alone does not
 * order the plain accesses around it on arm64). load_acquire() and
 * store_release() are smp_load_acquire() and smp_store_release().
 */
#ifndef KCXX_ATOMIC_H
#define KCXX_ATOMIC_H

#include <kcxx/types.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * An integer shared between contexts without a lock.
 *
 * # Invariants
 * value_ is only accessed through the compiler's __atomic builtins, which
 * compile to inline atomic instructions (no library calls: kcxx.mk turns off
 * arm64's out-of-line atomics).
 */
template <typename T> class Atomic {
	static_assert(is_integral_v<T> && (sizeof(T) == 4 || sizeof(T) == 8),
		      "Atomic<T> needs a 32- or 64-bit integer, like atomic_t/atomic64_t");

public:
	constexpr explicit Atomic(T initial = T{}) : value_(initial) {}
	Atomic(const Atomic &) = delete;
	Atomic &operator=(const Atomic &) = delete;

	T load() const { return __atomic_load_n(&value_, __ATOMIC_RELAXED); }
	T load_acquire() const { return __atomic_load_n(&value_, __ATOMIC_ACQUIRE); }
	void store(T v) { __atomic_store_n(&value_, v, __ATOMIC_RELAXED); }
	void store_release(T v) { __atomic_store_n(&value_, v, __ATOMIC_RELEASE); }

	void add(T v) { __atomic_fetch_add(&value_, v, __ATOMIC_RELAXED); }
	void sub(T v) { __atomic_fetch_sub(&value_, v, __ATOMIC_RELAXED); }
	/// Returns the value before the addition.
	T fetch_add(T v) { return fully_ordered(__atomic_fetch_add(&value_, v, __ATOMIC_SEQ_CST)); }
	T fetch_sub(T v) { return fully_ordered(__atomic_fetch_sub(&value_, v, __ATOMIC_SEQ_CST)); }
	T exchange(T v) { return fully_ordered(__atomic_exchange_n(&value_, v, __ATOMIC_SEQ_CST)); }

	/// Sets the value to `desired` if it is `expected`; returns whether it did.
	/// On failure `expected` is updated to the value found.
	bool compare_exchange(T &expected, T desired)
	{
		return fully_ordered(__atomic_compare_exchange_n(&value_, &expected, desired, false,
								 __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
	}

private:
	template <typename R> static R fully_ordered(R result)
	{
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		return result;
	}

	T value_;
};

} // namespace kcxx

#endif // KCXX_ATOMIC_H
