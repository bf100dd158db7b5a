/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mempool<T>: objects with a guaranteed reserve; <linux/mempool.h> for C++.
 *
 *	auto pool = TRY(Mempool<Desc>::try_new(TRY(KmemCache<Desc>::try_new("desc")), 16));
 *	PoolBox<Desc> d = TRY(pool.try_alloc(gfp::KERNEL, args...));
 *
 * A pool allocates from its source (a KmemCache<T>, or any type with
 * alloc_uninit(Gfp)/free_uninit(void *)) and, when that fails, from a reserve
 * of `reserve` elements filled at creation; a freed element refills the
 * reserve first. With a sleeping Gfp (gfp::KERNEL) try_alloc() never fails:
 * it waits for an element to come back. The classic bugs cannot be written:
 * the PoolBox frees to the pool it came from, runs T's destructor first, and
 * the pool (and its source) live until the last PoolBox is gone.
 */
#ifndef KCXX_MEMPOOL_H
#define KCXX_MEMPOOL_H

#include <kcxx/atomic.h>
#include <kcxx/bridge/mempool.h>
#include <kcxx/bridge/slab.h>
#include <kcxx/gfp.h>
#include <kcxx/kmem_cache.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

namespace detail {
/// The pool, its source and its reference count: one held by the Mempool
/// handle and one by each PoolBox.
template <typename Source> struct PoolCore {
	struct kcxx_mempool *pool = nullptr;
	Source source;
	kcxx_mempool_source ops;
	Atomic<long> refs{ 1 };

	explicit PoolCore(Source &&s) : source(move(s)), ops{ &alloc, &free, this } {}

	static void *alloc(unsigned int gfp, void *ctx)
	{
		return static_cast<PoolCore *>(ctx)->source.alloc_uninit(GfpFromKernel::make(gfp));
	}
	static void free(void *element, void *ctx)
	{
		static_cast<PoolCore *>(ctx)->source.free_uninit(element);
	}

	void put()
	{
		if (refs.fetch_sub(1) == 1) {
			// SAFETY: the last reference: every element is back, so
			// destroying frees exactly the reserve, through the source.
			kcxx_mempool_destroy(pool);
			this->~PoolCore();
			kcxx_kfree(this);
		}
	}
};
} // namespace detail

/**
 * One T from a Mempool, owned.
 *
 * # Invariants
 * obj_ is null only when moved from; otherwise it is a live T in an element
 * of core_->pool, and this box holds one reference on core_.
 */
template <typename T, typename Source = KmemCache<T>> class PoolBox {
public:
	PoolBox(PoolBox &&other)
		: obj_(exchange(other.obj_, nullptr)), core_(exchange(other.core_, nullptr))
	{
	}
	PoolBox(const PoolBox &) = delete;
	PoolBox &operator=(const PoolBox &) = delete;
	PoolBox &operator=(PoolBox &&) = delete;

	/// Never sleeps unless this is the last reference to a dropped pool.
	~PoolBox()
	{
		if (!obj_)
			return;
		obj_->~T();
		// SAFETY: by the invariant, obj_ is an element of core_->pool.
		kcxx_mempool_free(obj_, core_->pool);
		core_->put();
	}

	T *operator->() const { return obj_; }
	T &operator*() const { return *obj_; }
	T *get() const { return obj_; }

private:
	template <typename, typename> friend class Mempool;
	PoolBox(T *obj, detail::PoolCore<Source> *core) : obj_(obj), core_(core) {}

	T *obj_;
	detail::PoolCore<Source> *core_;
};

/**
 * A pool of T with a reserve.
 *
 * # Invariants
 * core_ is null only when moved from; otherwise this handle holds one
 * reference on it and core_->pool is a live mempool over core_->ops.
 *
 * Context: creating may sleep; dropping the last reference may sleep.
 */
template <typename T, typename Source = KmemCache<T>> class Mempool {
public:
	/// A pool over `source` with `reserve` (at least 1) elements set aside now.
	static Result<Mempool> try_new(Source source, int reserve)
	{
		if (reserve < 1)
			return code::EINVAL;
		void *mem = kcxx_kmalloc(sizeof(detail::PoolCore<Source>), gfp::KERNEL.bits());
		if (!mem)
			return code::ENOMEM;
		auto *core = new (mem) detail::PoolCore<Source>(move(source));
		core->pool = kcxx_mempool_create(reserve, &core->ops);
		if (!core->pool) {
			core->~PoolCore();
			kcxx_kfree(core);
			return code::ENOMEM;
		}
		return Mempool(core);
	}

	Mempool(Mempool &&other) : core_(exchange(other.core_, nullptr)) {}
	Mempool(const Mempool &) = delete;
	Mempool &operator=(const Mempool &) = delete;
	Mempool &operator=(Mempool &&) = delete;
	~Mempool()
	{
		if (core_)
			core_->put();
	}

	/// One T constructed from `args`: from the source, else the reserve.
	/// ENOMEM only with a Gfp that cannot sleep and an empty reserve.
	template <typename... Args> Result<PoolBox<T, Source>> try_alloc(Gfp flags, Args &&...args)
	{
		void *mem = kcxx_mempool_alloc(core_->pool, flags.bits());

		if (!mem)
			return code::ENOMEM;
		core_->refs.add(1);
		return PoolBox<T, Source>(new (mem) T(forward<Args>(args)...), core_);
	}

	/// Elements in the reserve now (a snapshot, for statistics and tests).
	int reserve() const { return kcxx_mempool_reserve(core_->pool); }

	/// The source, e.g. to read its statistics.
	Source &source() { return core_->source; }

private:
	explicit Mempool(detail::PoolCore<Source> *core) : core_(core) {}

	detail::PoolCore<Source> *core_;
};

} // namespace kcxx

#endif // KCXX_MEMPOOL_H
