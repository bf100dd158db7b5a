/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DmaPool<T>: small coherent DMA blocks of one type, <linux/dmapool.h>'s
 * dma_pool_* for C++, typed.
 *
 *	auto pool = TRY(DmaPool<Desc>::try_new(pdev.dev(), "kcxx-desc", 32));
 *	DmaPoolBox<Desc> d = TRY(pool.try_alloc(gfp::ATOMIC));
 *	d->next = 0;
 *	start(d.dma_handle());
 *
 * As with KmemCache: blocks come out constructed and go back destroyed to the
 * pool they came from, size and alignment come from T (or a larger requested
 * alignment), and the pool outlives every block allocated from it: each block
 * holds a reference on the pool, which is destroyed with the last one.
 * dma_alloc_coherent() hands out whole pages; a pool is for the many small
 * blocks (descriptors, control blocks) a driver needs.
 */
#ifndef KCXX_DMA_POOL_H
#define KCXX_DMA_POOL_H

#include <kcxx/atomic.h>
#include <kcxx/bridge/dma.h>
#include <kcxx/bridge/slab.h>
#include <kcxx/detail/device_ref.h>
#include <kcxx/device.h>
#include <kcxx/dma_addr.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

namespace detail {
/// The kernel pool, its device and its reference count: one reference held by
/// each DmaPool handle and one by each live block.
struct DmaPoolCore {
	struct dma_pool *pool;
	DeviceRef dev;
	Atomic<long> refs;
	Atomic<long> live;

	void get() { refs.add(1); }
	void put()
	{
		if (refs.fetch_sub(1) == 1) {
			// SAFETY: the last reference: no block and no handle is left.
			kcxx_dma_pool_destroy(pool);
			this->~DmaPoolCore();
			kcxx_kfree(this);
		}
	}
};
} // namespace detail

/**
 * One T in a block of a DmaPool<T>, owned.
 *
 * # Invariants
 * obj_ is null only when moved from; otherwise it is a live T in a block of
 * core_->pool at handle_ for the device, and this box holds one reference on
 * core_.
 *
 * Context: dropping in any context, unless it is the last reference to a pool
 * whose handle is gone (that destroys the pool: process context).
 */
template <typename T> class DmaPoolBox {
public:
	DmaPoolBox(DmaPoolBox &&other)
		: obj_(exchange(other.obj_, nullptr)), handle_(other.handle_),
		  core_(exchange(other.core_, nullptr))
	{
	}
	DmaPoolBox(const DmaPoolBox &) = delete;
	DmaPoolBox &operator=(const DmaPoolBox &) = delete;
	DmaPoolBox &operator=(DmaPoolBox &&) = delete;

	~DmaPoolBox()
	{
		if (!obj_)
			return;
		obj_->~T();
		// SAFETY: by the invariant, obj_ and handle_ are a block of core_->pool.
		kcxx_dma_pool_free(core_->pool, obj_, handle_.to_bridge());
		core_->live.sub(1);
		core_->put();
	}

	T *operator->() const { return obj_; }
	T &operator*() const { return *obj_; }
	T *get() const { return obj_; }

	/// Where the device finds the T.
	DmaAddr dma_handle() const { return handle_; }

private:
	template <typename> friend class DmaPool;
	DmaPoolBox(T *obj, DmaAddr handle, detail::DmaPoolCore *core)
		: obj_(obj), handle_(handle), core_(core)
	{
	}

	T *obj_;
	DmaAddr handle_;
	detail::DmaPoolCore *core_;
};

/**
 * A pool of coherent DMA blocks for T, for one device.
 *
 * # Invariants
 * core_ is null only when moved from; otherwise this handle holds one
 * reference on it. The kernel pool is destroyed when the last handle or block
 * is dropped, never while a block from it is alive. As for DmaCoherent, the
 * driver must stay bound while the pool or a block lives.
 *
 * Context: creating may sleep; allocating with gfp::ATOMIC is fine in atomic
 * context; dropping the last reference may sleep.
 */
template <typename T> class DmaPool {
	static_assert(is_trivially_copyable_v<T>,
		      "kcxx::DmaPool<T>: the device reads and writes T's bytes: T must be "
		      "trivially copyable (plain data)");

public:
	/**
	 * Creates the pool for `dev`; `name` shows in the device's `pools` file.
	 * Blocks are aligned to `align` (a power of two, at least alignof(T)) and,
	 * if `boundary` is not 0, never cross a multiple of it (a power of two,
	 * at least sizeof(T)). EINVAL when those do not hold.
	 */
	static Result<DmaPool> try_new(BoundDevice &dev, const char *name, usize align = alignof(T),
				       usize boundary = 0)
	{
		if (!is_power_of_2(align) || align < alignof(T))
			return code::EINVAL;
		if (boundary && (!is_power_of_2(boundary) || boundary < sizeof(T)))
			return code::EINVAL;
		auto *core = static_cast<detail::DmaPoolCore *>(
			kcxx_kmalloc(sizeof(detail::DmaPoolCore), gfp::KERNEL.bits()));
		if (!core)
			return code::ENOMEM;
		// SAFETY: dev is live and bound; name is copied by the kernel.
		struct dma_pool *pool = kcxx_dma_pool_create(name, dev.raw(), sizeof(T), align, boundary);
		if (!pool) {
			kcxx_kfree(core);
			return code::ENOMEM;
		}
		// INVARIANT: one reference, this handle's.
		return DmaPool(new (core) detail::DmaPoolCore{ pool, detail::DeviceRef(dev),
								Atomic<long>(1), Atomic<long>(0) });
	}

	DmaPool(DmaPool &&other) : core_(exchange(other.core_, nullptr)) {}
	DmaPool(const DmaPool &) = delete;
	DmaPool &operator=(const DmaPool &) = delete;
	DmaPool &operator=(DmaPool &&) = delete;
	~DmaPool()
	{
		if (core_)
			core_->put();
	}

	/// Allocates one block and constructs T in it from `args`.
	template <typename... Args> Result<DmaPoolBox<T>> try_alloc(Gfp flags, Args &&...args)
	{
		unsigned long long handle = 0;
		// SAFETY: by the invariant, core_->pool is a live pool.
		void *mem = kcxx_dma_pool_alloc(core_->pool, flags.bits(), &handle);

		if (!mem)
			return code::ENOMEM;
		core_->get();
		core_->live.add(1);
		// INVARIANT: a fresh block, with a reference on the pool.
		return DmaPoolBox<T>(new (mem) T(forward<Args>(args)...), DmaAddr::from_bridge(handle),
				     core_);
	}

	/// Blocks allocated and not yet dropped.
	long live() const { return core_->live.load(); }

private:
	static constexpr bool is_power_of_2(usize v) { return v && !(v & (v - 1)); }

	explicit DmaPool(detail::DmaPoolCore *core) : core_(core) {}

	detail::DmaPoolCore *core_;
};

} // namespace kcxx

#endif // KCXX_DMA_POOL_H
