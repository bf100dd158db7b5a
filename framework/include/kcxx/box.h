/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Box<T>: one T on the kmalloc heap, owned. kmalloc()/kfree() for C++.
 *
 * Allocation is fallible and says so: try_new() returns Result<Box<T>>, there
 * is no `new T` (the global operator new is not provided; a use fails to link,
 * and tools/kcxx-check-ko rejects it). Dropping the Box destroys and frees T,
 * so there is no kfree to forget and none to run twice.
 */
#ifndef KCXX_BOX_H
#define KCXX_BOX_H

#include <kcxx/bridge/slab.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * An owned T in kmalloc memory.
 *
 * # Invariants
 * ptr_ is null only in a moved-from Box (which may only be destroyed or
 * assigned to); otherwise it points to a live T, constructed in memory from
 * kcxx_kmalloc() that this Box alone frees.
 */
template <typename T> class Box {
	static_assert(alignof(T) <= KCXX_KMALLOC_MINALIGN,
		      "kmalloc cannot honour this alignment: use a KmemCache<T>");

public:
	/// Allocates with `flags` and constructs T from `args`.
	template <typename... Args> static Result<Box> try_new(Gfp flags, Args &&...args)
	{
		void *mem = kcxx_kmalloc(sizeof(T), flags.bits());

		if (!mem)
			return code::ENOMEM;
		// INVARIANT: mem is fresh kmalloc memory of sizeof(T), suitably aligned.
		return Box(new (mem) T(forward<Args>(args)...));
	}

	Box(Box &&other) : ptr_(exchange(other.ptr_, nullptr)) {}
	Box &operator=(Box &&other)
	{
		reset();
		ptr_ = exchange(other.ptr_, nullptr);
		return *this;
	}
	Box(const Box &) = delete;
	Box &operator=(const Box &) = delete;
	~Box() { reset(); }

	T *operator->() const { return ptr_; }
	T &operator*() const { return *ptr_; }
	T *get() const { return ptr_; }

	/// Gives up ownership, e.g. to store T in a C structure; unsafe_from_raw()
	/// takes it back.
	[[nodiscard]] T *into_raw() && { return exchange(ptr_, nullptr); }

	/**
	 * Takes ownership of a T released by into_raw().
	 *
	 * # Safety
	 * ptr came from Box<T>::into_raw() and nothing else owns it now.
	 */
	static Box unsafe_from_raw(T *ptr) { return Box(ptr); }

private:
	explicit Box(T *ptr) : ptr_(ptr) {}

	void reset()
	{
		if (ptr_) {
			ptr_->~T();
			// SAFETY: by the invariant, ptr_ came from kcxx_kmalloc().
			kcxx_kfree(ptr_);
			ptr_ = nullptr;
		}
	}

	T *ptr_;
};

} // namespace kcxx

#endif // KCXX_BOX_H
