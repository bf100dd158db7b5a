/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Option<T>: a T, or nothing. For values that may be absent for a reason
 * that is not an error (a channel a node does not name, a file whose state
 * was already torn down); Result<T> is for values that failed.
 *
 * Example (compiled):
 *	#include <kcxx/box.h>
 *
 *	struct Buffer {
 *		u8 bytes[64];
 *	};
 *
 *	inline Result<usize> keep_a_spare(Option<Box<Buffer>> &spare)
 *	{
 *		spare = TRY(Box<Buffer>::try_new(gfp::KERNEL)); // something
 *		usize size = spare.is_some() ? sizeof((*spare)->bytes) : 0;
 *		Option<Box<Buffer>> taken = spare.take();	  // spare is nothing again
 *		return taken.is_some() ? size : 0;
 *	}
 */
#ifndef KCXX_OPTION_H
#define KCXX_OPTION_H

#include <kcxx/utility.h>

namespace kcxx {

/// The empty Option, for `return none;` and `opt = none;`.
struct None {
	explicit constexpr None() = default;
};
inline constexpr None none{};

/**
 * Either a T or nothing.
 *
 * # Invariants
 * value_ is alive exactly when some_ is true. Reading the value of an empty
 * Option traps (an oops), like Result::value() on an error, never silently.
 */
template <typename T> class Option {
public:
	constexpr Option() : some_(false) {}
	constexpr Option(None) : some_(false) {}
	Option(T &&value) : some_(true) { new (&value_) T(move(value)); }
	Option(const T &value) : some_(true) { new (&value_) T(value); }

	Option(Option &&other) : some_(other.some_)
	{
		if (some_) {
			new (&value_) T(move(other.value_));
			other.reset();
		}
	}
	Option(const Option &) = delete;
	Option &operator=(const Option &) = delete;
	Option &operator=(Option &&other)
	{
		if (this != &other) {
			reset();
			if (other.some_) {
				new (&value_) T(move(other.value_));
				some_ = true;
				other.reset();
			}
		}
		return *this;
	}
	Option &operator=(None)
	{
		reset();
		return *this;
	}
	~Option() { reset(); }

	bool is_some() const { return some_; }
	bool is_none() const { return !some_; }

	T &operator*()
	{
		check();
		return value_;
	}
	const T &operator*() const
	{
		check();
		return value_;
	}
	T *operator->() { return &**this; }
	const T *operator->() const { return &**this; }

	/// The value moved out, leaving nothing behind (or nothing, if empty).
	[[nodiscard]] Option take() { return move(*this); }

	/// Drops the value, if any.
	void reset()
	{
		if (some_) {
			value_.~T();
			some_ = false;
		}
	}

private:
	void check() const
	{
		if (!some_) [[unlikely]]
			__builtin_trap();
	}

	bool some_;
	union {
		T value_;
	};
};

} // namespace kcxx

#endif // KCXX_OPTION_H
