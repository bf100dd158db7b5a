/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Result<T>: a value or an Error, and TRY() to pass errors up in one token.
 *
 * Example (compiled):
 *	#include <kcxx/box.h>
 *
 *	struct State {
 *		Result<void> setup() { return {}; }
 *	};
 *
 *	inline Result<Box<State>> make_state()
 *	{
 *		auto state = TRY(Box<State>::try_new(gfp::KERNEL)); // ENOMEM: returned
 *		TRY(state->setup());	// an error here drops state on the way out
 *		return state;
 *	}
 */
#ifndef KCXX_RESULT_H
#define KCXX_RESULT_H

#include <kcxx/error.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * Either a T or an Error. [[nodiscard]]: an ignored Result does not compile
 * (kcxx builds with -Werror), so an error cannot be dropped by accident.
 *
 * # Invariants
 * Exactly one of value_ and error_ is alive, as ok_ says.
 */
template <typename T> class [[nodiscard]] Result {
public:
	Result(const T &value) : ok_(true) { new (&value_) T(value); }
	Result(T &&value) : ok_(true) { new (&value_) T(move(value)); }
	Result(Error error) : ok_(false), error_(error) {}

	Result(Result &&other) : ok_(other.ok_)
	{
		if (ok_)
			new (&value_) T(move(other.value_));
		else
			error_ = other.error_;
	}
	Result(const Result &other) : ok_(other.ok_)
	{
		if (ok_)
			new (&value_) T(other.value_);
		else
			error_ = other.error_;
	}
	Result &operator=(const Result &) = delete;
	Result &operator=(Result &&) = delete;

	~Result()
	{
		if (ok_)
			value_.~T();
	}

	bool is_ok() const { return ok_; }
	bool is_error() const { return !ok_; }

	/// The error. Calling it on a success is a bug, trapped like value() on
	/// an error: there is no error to invent.
	Error error() const
	{
		if (ok_) [[unlikely]]
			__builtin_trap();
		return error_;
	}

	/// The value. Calling it on an error is a bug and stops the kernel thread
	/// (an oops), like dereferencing a bad pointer would, but never silently.
	T &value() &
	{
		check_ok();
		return value_;
	}
	const T &value() const &
	{
		check_ok();
		return value_;
	}
	/// Moves the value out (what TRY uses).
	T release_value()
	{
		check_ok();
		return move(value_);
	}

	/// The value, or `fallback` when this is an error.
	T value_or(T fallback) && { return ok_ ? move(value_) : move(fallback); }

private:
	void check_ok() const
	{
		if (!ok_) [[unlikely]]
			__builtin_trap();
	}

	bool ok_;
	union {
		T value_;
		Error error_;
	};
};

/// Success with no value, or an Error: `return {};` means success.
template <> class [[nodiscard]] Result<void> {
public:
	Result() = default;
	Result(Error error) : error_(error), ok_(false) {}

	bool is_ok() const { return ok_; }
	bool is_error() const { return !ok_; }
	/// The error; trapped on a success, as in Result<T>.
	Error error() const
	{
		if (ok_) [[unlikely]]
			__builtin_trap();
		return error_;
	}
	void release_value() const {}

private:
	Error error_ = code::EINVAL;
	bool ok_ = true;
};

/**
 * The C callback convention, at the one place kcxx hands a Result back to the
 * kernel: 0 or a negative errno for a Result<void>; the value or a negative
 * errno for a count (read(), write(), ioctl()); `success` or a negative errno
 * where the count is known beside the Result (a sysfs show()'s length).
 */
inline int to_c_return(const Result<void> &r)
{
	return r.is_error() ? r.error().to_errno() : 0;
}
template <typename T> inline long to_c_return(const Result<T> &r)
{
	return r.is_error() ? r.error().to_errno() : static_cast<long>(r.value());
}
inline long to_c_return(const Result<void> &r, long success)
{
	return r.is_error() ? r.error().to_errno() : success;
}

/// A bridge's int return (0 or a negative errno) as a Result.
inline Result<void> to_result(int ret)
{
	if (ret < 0)
		return Error::from_errno(ret);
	return {};
}

/// A bridge's count return (a count, or a negative errno) as a Result.
inline Result<usize> to_count(int ret)
{
	if (ret < 0)
		return Error::from_errno(ret);
	return static_cast<usize>(ret);
}

/// A bridge's pointer return that may be an ERR_PTR, as a Result. NULL is
/// not an error pointer: callers that can get NULL check it themselves.
template <typename T> inline Result<T *> from_err_ptr(T *ptr)
{
	long value = static_cast<long>(reinterpret_cast<uintptr>(ptr));

	if (is_errno(value))
		return Error::from_errno(static_cast<int>(value));
	return ptr;
}

} // namespace kcxx

/**
 * TRY(expr) - the value of a Result, or return its Error from this function.
 *
 * The enclosing function must return a Result (of any type). A GCC statement
 * expression, as the kernel's own macros use; [[unlikely]] keeps the error
 * path out of the way of the hot one.
 */
#define TRY(expr)                                                              \
	({                                                                     \
		auto kcxx_try_result_ = (expr);                                \
		if (kcxx_try_result_.is_error()) [[unlikely]]                  \
			return kcxx_try_result_.error();                       \
		kcxx_try_result_.release_value();                              \
	})

#endif // KCXX_RESULT_H
