/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Vec<T>: a growable array in kmalloc memory whose growth can fail and says so.
 */
#ifndef KCXX_VEC_H
#define KCXX_VEC_H

#include <kcxx/bridge/slab.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A growable array of T.
 *
 * # Invariants
 * data_ is null with cap_ == 0, or kcxx_kmalloc() memory for cap_ elements;
 * elements [0, len_) are live, [len_, cap_) are raw memory; len_ <= cap_.
 */
template <typename T> class Vec {
	static_assert(alignof(T) <= KCXX_KMALLOC_MINALIGN,
		      "kmalloc cannot honour this alignment");

public:
	Vec() = default;
	Vec(Vec &&other)
		: data_(exchange(other.data_, nullptr)), len_(exchange(other.len_, 0)),
		  cap_(exchange(other.cap_, 0))
	{
	}
	Vec(const Vec &) = delete;
	Vec &operator=(const Vec &) = delete;
	Vec &operator=(Vec &&) = delete;
	~Vec()
	{
		truncate(0);
		kcxx_kfree(data_);
	}

	usize size() const { return len_; }
	usize capacity() const { return cap_; }
	bool empty() const { return len_ == 0; }

	/// Makes room for `additional` more elements, or fails leaving the Vec as it was.
	Result<void> try_reserve(usize additional, Gfp flags = gfp::KERNEL)
	{
		usize want, bytes;

		if (__builtin_add_overflow(len_, additional, &want) ||
		    __builtin_mul_overflow(want, sizeof(T), &bytes))
			return code::ENOMEM;
		if (want <= cap_)
			return {};
		if (want < cap_ * 2)
			want = cap_ * 2;
		bytes = want * sizeof(T); // cannot overflow: cap_ * sizeof(T) did not
		auto *grown = static_cast<T *>(kcxx_kmalloc(bytes, flags.bits()));
		if (!grown)
			return code::ENOMEM;
		for (usize i = 0; i < len_; i++) {
			new (&grown[i]) T(move(data_[i]));
			data_[i].~T();
		}
		kcxx_kfree(data_);
		// INVARIANT: the len_ live elements moved to grown, of want elements.
		data_ = grown;
		cap_ = want;
		return {};
	}

	/// Appends `value`; on failure the Vec is unchanged (and value is dropped).
	Result<void> try_push(T value, Gfp flags = gfp::KERNEL)
	{
		TRY(try_reserve(1, flags));
		new (&data_[len_]) T(move(value));
		len_++;
		return {};
	}

	/// The element at `i`, or null when out of range.
	T *get(usize i) { return i < len_ ? &data_[i] : nullptr; }
	const T *get(usize i) const { return i < len_ ? &data_[i] : nullptr; }

	/// The element at `i`; out of range is a bug and oopses rather than
	/// reading past the end.
	T &operator[](usize i)
	{
		if (i >= len_) [[unlikely]]
			__builtin_trap();
		return data_[i];
	}

	/// Drops elements from `new_len` on.
	void truncate(usize new_len)
	{
		while (len_ > new_len)
			data_[--len_].~T();
	}

	T *begin() { return data_; }
	T *end() { return data_ + len_; }
	const T *begin() const { return data_; }
	const T *end() const { return data_ + len_; }

private:
	T *data_ = nullptr;
	usize len_ = 0;
	usize cap_ = 0;
};

} // namespace kcxx

#endif // KCXX_VEC_H
