/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arc<T>: one T on the kmalloc heap, shared; freed when the last reference
 * goes. For state that several owners with unrelated lifetimes need (a
 * device's registration and every file open on it).
 *
 * Example (compiled):
 *	struct Stats {
 *		u64 bytes = 0;
 *	};
 *
 *	inline Result<u64> share()
 *	{
 *		auto shared = TRY(Arc<Stats>::try_new(gfp::KERNEL));
 *		Arc<Stats> other = shared.clone(); // both keep it alive
 *		return other->bytes;
 *	}
 */
#ifndef KCXX_ARC_H
#define KCXX_ARC_H

#include <kcxx/atomic.h>
#include <kcxx/box.h>

namespace kcxx {

/**
 * A counted reference to a T.
 *
 * # Invariants
 * inner_ is null only in a moved-from Arc; otherwise it points to a live
 * Inner whose refs_ counts every Arc pointing to it (at least this one).
 * The T is destroyed and freed exactly once, by the Arc that drops refs_ to
 * zero. The count never wraps: an increment past half the range traps, as
 * refcount_t saturates rather than let a use-after-free happen.
 */
template <typename T> class Arc {
	struct Inner {
		template <typename... Args> explicit Inner(Args &&...args)
			: value(forward<Args>(args)...)
		{
		}
		Atomic<long> refs{ 1 };
		T value;
	};

public:
	template <typename... Args> static Result<Arc> try_new(Gfp flags, Args &&...args)
	{
		auto inner = TRY(Box<Inner>::try_new(flags, forward<Args>(args)...));
		return Arc(move(inner).into_raw());
	}

	Arc(Arc &&other) : inner_(exchange(other.inner_, nullptr)) {}
	Arc(const Arc &) = delete; // clone() says it in the code
	Arc &operator=(const Arc &) = delete;
	Arc &operator=(Arc &&) = delete;
	~Arc() { release(); }

	/// Another reference to the same T.
	[[nodiscard]] Arc clone() const
	{
		if (inner_->refs.fetch_add(1) > static_cast<long>(~0ul >> 2)) [[unlikely]]
			__builtin_trap();
		return Arc(inner_);
	}

	T *operator->() const { return &inner_->value; }
	T &operator*() const { return inner_->value; }

private:
	explicit Arc(Inner *inner) : inner_(inner) {}

	void release()
	{
		if (!inner_)
			return;
		// Fully ordered: every use of the T through any reference happens
		// before the last one frees it.
		if (inner_->refs.fetch_sub(1) == 1) {
			// SAFETY: this was the last reference to a Box<Inner>'s memory.
			Box<Inner> last = Box<Inner>::unsafe_from_raw(inner_);
		}
		inner_ = nullptr;
	}

	Inner *inner_;
};

} // namespace kcxx

#endif // KCXX_ARC_H
