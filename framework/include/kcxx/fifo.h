/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fifo<T>, InlineFifo<T, N>: a ring of T; <linux/kfifo.h> for C++, typed.
 *
 * Example (compiled):
 *	inline Result<usize> echo(Span<const u8> bytes, UserSlice &slice)
 *	{
 *		auto fifo = TRY(Fifo<u8>::try_new(4096, gfp::KERNEL)); // EINVAL: not 2^n
 *		usize n = fifo.push(bytes);			 // what fits, never more
 *		return fifo.pop_to_user(slice, n);		 // EFAULT: nothing lost
 *	}
 *
 * kfifo_alloc() rounds a size that is not a power of two down, silently;
 * here such a capacity is EINVAL (Fifo) or does not compile (InlineFifo).
 * Like kfifo, one producer and one consumer may run at the same time without
 * a lock (the indices are published with release/acquire); several of
 * either need a Lock around the Fifo.
 *
 * User copies (push_from_user, pop_to_user) move nothing unless the whole
 * copy succeeds: on EFAULT the ring is as it was, no byte lost or invented.
 */
#ifndef KCXX_FIFO_H
#define KCXX_FIFO_H

#include <kcxx/atomic.h>
#include <kcxx/bridge/slab.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/span.h>
#include <kcxx/user_ptr.h>
#include <kcxx/utility.h>

namespace kcxx {

namespace detail {

constexpr bool is_power_of_two(usize n)
{
	return n && !(n & (n - 1));
}

/**
 * The ring over storage the derived class owns.
 *
 * # Invariants
 * data_ holds mask_ + 1 (a power of two) elements; in_ - out_ (free-running,
 * wrapping u32 counters) is the number of queued elements, at most mask_ + 1.
 * Elements at [out_, in_) (mod capacity) are initialised; T is trivially
 * copyable, so the others need no destruction.
 */
template <typename T> class Ring {
	static_assert(is_trivially_copyable_v<T>,
		      "a Fifo holds trivially copyable elements, as kfifo copies bytes");

public:
	usize capacity() const { return mask_ + 1; }
	usize len() const { return in_.load_acquire() - out_.load_acquire(); }
	usize space() const { return capacity() - len(); }
	bool is_empty() const { return len() == 0; }
	bool is_full() const { return len() == capacity(); }

	/// Producer: queues as many of `items` as fit; returns how many.
	usize push(Span<const T> items)
	{
		u32 in = in_.load();
		usize n = min(items.size(), capacity() - (in - out_.load_acquire()));

		copy_in(in, items.data(), n);
		in_.store_release(in + static_cast<u32>(n));
		return n;
	}

	/// Producer: queues one item; false when full.
	bool push(const T &item)
	{
		// SAFETY: one T at &item, borrowed for this call only.
		return push(Span<const T>::unsafe_from_raw(&item, 1)) == 1;
	}

	/// Consumer: takes up to `out.size()` items; returns how many.
	usize pop(Span<T> out)
	{
		usize n = peek(out);

		out_.store_release(out_.load() + static_cast<u32>(n));
		return n;
	}

	/// Consumer: copies up to `out.size()` items without taking them.
	usize peek(Span<T> out) const
	{
		u32 o = out_.load();
		usize n = min(out.size(), static_cast<usize>(in_.load_acquire() - o));

		copy_out(o, out.data(), n);
		return n;
	}

	/// Consumer: drops every queued item; returns how many.
	usize clear()
	{
		u32 in = in_.load_acquire();
		usize n = in - out_.load();

		out_.store_release(in);
		return n;
	}

	/// Producer: queues up to `max` elements read from `src` (which it advances).
	/// EFAULT queues nothing.
	Result<usize> push_from_user(UserSlice &src, usize max) KCXX_MAY_SLEEP
	{
		u32 in = in_.load();
		usize n = min(min(max, src.len() / sizeof(T)),
			      capacity() - (in - out_.load_acquire()));
		usize first = min(n, capacity() - (in & mask_));

		TRY(src.read(bytes_of(data_ + (in & mask_), first)));
		TRY(src.read(bytes_of(data_, n - first)));
		in_.store_release(in + static_cast<u32>(n));
		return n;
	}

	/// Consumer: writes up to `max` queued elements to `dst` (which it advances)
	/// and takes them. EFAULT takes nothing.
	Result<usize> pop_to_user(UserSlice &dst, usize max) KCXX_MAY_SLEEP
	{
		u32 o = out_.load();
		usize n = min(min(max, dst.len() / sizeof(T)),
			      static_cast<usize>(in_.load_acquire() - o));
		usize first = min(n, capacity() - (o & mask_));

		TRY(dst.write(bytes_of(data_ + (o & mask_), first)));
		TRY(dst.write(bytes_of(data_, n - first)));
		out_.store_release(o + static_cast<u32>(n));
		return n;
	}

protected:
	Ring(T *data, usize capacity) : data_(data), mask_(static_cast<u32>(capacity - 1)) {}
	Ring(Ring &&other)
		: data_(exchange(other.data_, nullptr)), mask_(other.mask_), in_(other.in_.load()),
		  out_(other.out_.load())
	{
	}
	T *storage() const { return data_; }

private:
	static usize min(usize a, usize b) { return a < b ? a : b; }
	static Span<u8> bytes_of(T *p, usize n)
	{
		// SAFETY: callers pass n T of the ring's storage at p, which lives
		// as long as the Fifo; T is trivially copyable (static_assert above).
		return Span<u8>::unsafe_from_raw(reinterpret_cast<u8 *>(p), n * sizeof(T));
	}

	void copy_in(u32 in, const T *src, usize n)
	{
		for (usize i = 0; i < n; i++)
			data_[(in + i) & mask_] = src[i];
	}
	void copy_out(u32 out, T *dst, usize n) const
	{
		for (usize i = 0; i < n; i++)
			dst[i] = data_[(out + i) & mask_];
	}

	T *data_;
	u32 mask_;
	Atomic<u32> in_{ 0 }, out_{ 0 };
};

} // namespace detail

/**
 * A FIFO of T with a capacity chosen at run time (a power of two), its
 * storage from kmalloc.
 *
 * # Invariants
 * The storage is null only when moved from; otherwise this Fifo owns it.
 */
template <typename T> class Fifo : public detail::Ring<T> {
public:
	/// EINVAL unless `capacity` is a power of two (up to 2^31); ENOMEM.
	static Result<Fifo> try_new(usize capacity, Gfp flags)
	{
		if (!detail::is_power_of_two(capacity) || capacity > (usize(1) << 31))
			return code::EINVAL;
		if (capacity > KCXX_KMALLOC_MAX_SIZE / sizeof(T))
			return code::ENOMEM;
		void *mem = kcxx_kmalloc(capacity * sizeof(T), flags.bits());
		if (!mem)
			return code::ENOMEM;
		return Fifo(static_cast<T *>(mem), capacity);
	}

	Fifo(Fifo &&other) = default;
	Fifo(const Fifo &) = delete;
	Fifo &operator=(const Fifo &) = delete;
	Fifo &operator=(Fifo &&) = delete;
	~Fifo() { kcxx_kfree(this->storage()); }

private:
	Fifo(T *data, usize capacity) : detail::Ring<T>(data, capacity) {}
};

/**
 * A FIFO of N (a power of two) T inside the object that holds it.
 *
 * # Invariants
 * The ring's storage is items_; the object is Pinned, so it never moves.
 */
template <typename T, usize N> class InlineFifo : public detail::Ring<T>, Pinned {
	static_assert(detail::is_power_of_two(N) && N <= (usize(1) << 31),
		      "InlineFifo<T, N>: N must be a power of two (kfifo would round it down)");

public:
	InlineFifo() : detail::Ring<T>(items_, N) {}

private:
	T items_[N];
};

} // namespace kcxx

#endif // KCXX_FIFO_H
