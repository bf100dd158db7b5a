/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VBox<T>: a large T in vmalloc memory, owned; vmalloc()/vfree() for C++.
 * For buffers too big for kmalloc (many pages); not physically contiguous, so
 * never for DMA.
 */
#ifndef KCXX_VBOX_H
#define KCXX_VBOX_H

#include <kcxx/bridge/slab.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * An owned T in vmalloc memory.
 *
 * # Invariants
 * ptr_ is null only in a moved-from VBox; otherwise it points to a live T in
 * zeroed memory from kcxx_vzalloc() that this VBox alone frees.
 *
 * Context: creating and dropping may sleep (process context).
 */
template <typename T> class VBox {
public:
	/// Allocates zeroed memory and constructs T from `args`.
	template <typename... Args> static Result<VBox> try_new(Args &&...args)
	{
		void *mem = kcxx_vzalloc(sizeof(T));

		if (!mem)
			return code::ENOMEM;
		return VBox(new (mem) T(forward<Args>(args)...));
	}

	VBox(VBox &&other) : ptr_(exchange(other.ptr_, nullptr)) {}
	VBox(const VBox &) = delete;
	VBox &operator=(const VBox &) = delete;
	VBox &operator=(VBox &&) = delete;
	~VBox()
	{
		if (ptr_) {
			ptr_->~T();
			// SAFETY: by the invariant, ptr_ came from kcxx_vzalloc().
			kcxx_vfree(ptr_);
		}
	}

	T *operator->() const { return ptr_; }
	T &operator*() const { return *ptr_; }
	T *get() const { return ptr_; }

private:
	explicit VBox(T *ptr) : ptr_(ptr) {}

	T *ptr_;
};

} // namespace kcxx

#endif // KCXX_VBOX_H
