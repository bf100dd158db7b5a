/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Span<T>: a borrowed run of T with its length, so buffers travel with their
 * size and a sub-range out of bounds is an Error, not an overrun.
 */
#ifndef KCXX_SPAN_H
#define KCXX_SPAN_H

#include <kcxx/result.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * `size` T starting at `data`, owned by someone else.
 *
 * # Invariants
 * [data_, data_ + size_) is valid memory for as long as the Span is used.
 */
template <typename T> class Span {
public:
	constexpr Span() = default;
	/// A whole array: `char *buf[32]` is 32 pointers, not 32 bytes, and does
	/// not convert to a Span<u8>.
	template <usize N> constexpr Span(T (&array)[N]) : data_(array), size_(N) {}

	/// A Span<const T> views what a Span<T> does.
	template <typename U>
		requires is_same_v<const U, T>
	constexpr Span(Span<U> other) : data_(other.data()), size_(other.size())
	{
	}

	/**
	 * # Safety
	 * [data, data + size) must be valid for as long as the Span is used.
	 */
	static constexpr Span unsafe_from_raw(T *data, usize size) { return Span(data, size); }

	constexpr T *data() const { return data_; }
	constexpr usize size() const { return size_; }
	constexpr bool empty() const { return size_ == 0; }

	/// `len` elements from `offset`, or EINVAL when that leaves the Span.
	Result<Span> subspan(usize offset, usize len) const
	{
		if (offset > size_ || len > size_ - offset)
			return code::EINVAL;
		return Span(data_ + offset, len);
	}

	/// The first `len` elements; more than size() is a bug and oopses, as
	/// operator[] does (use subspan() where len comes from outside).
	Span first(usize len) const
	{
		if (len > size_) [[unlikely]]
			__builtin_trap();
		return Span(data_, len);
	}

	/// All but the first `len` elements; more than size() oopses, as first() does.
	Span drop_first(usize len) const
	{
		if (len > size_) [[unlikely]]
			__builtin_trap();
		return Span(data_ + len, size_ - len);
	}

	/// The element at `i`; out of range is a bug and oopses, never overruns.
	T &operator[](usize i) const
	{
		if (i >= size_) [[unlikely]]
			__builtin_trap();
		return data_[i];
	}

	constexpr T *begin() const { return data_; }
	constexpr T *end() const { return data_ + size_; }

private:
	constexpr Span(T *data, usize size) : data_(data), size_(size) {}

	T *data_ = nullptr;
	usize size_ = 0;
};

} // namespace kcxx

#endif // KCXX_SPAN_H
