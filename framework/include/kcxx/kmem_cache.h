/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KmemCache<T>: a slab cache of T objects; <linux/slab.h>'s kmem_cache_* for
 * C++, typed.
 *
 * The classic bugs cannot be written: objects come out constructed
 * (try_alloc() runs T's constructor), go back destroyed (dropping the CacheBox
 * runs the destructor and frees to the right cache), the size and alignment
 * come from T, and the cache outlives every object allocated from it.
 */
#ifndef KCXX_KMEM_CACHE_H
#define KCXX_KMEM_CACHE_H

#include <kcxx/atomic.h>
#include <kcxx/bridge/slab.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

namespace detail {
/// The kernel cache and its reference count: one held by the KmemCache handle
/// and one by each live object (so objects = refs - 1 while the handle lives:
/// one atomic per allocation and one per free, nothing else to count).
struct CacheCore {
	struct kmem_cache *cache;
	Atomic<long> refs;

	void get() { refs.add(1); }
	void put()
	{
		if (refs.fetch_sub(1) == 1) {
			// SAFETY: the last reference: no object and no handle is left.
			kcxx_kmem_cache_destroy(cache);
			kcxx_kfree(this);
		}
	}
};
} // namespace detail

/**
 * One T allocated from a KmemCache<T>, owned.
 *
 * # Invariants
 * obj_ is null only when moved from; otherwise it is a live T in an object of
 * core_->cache, and this CacheBox holds one reference on core_.
 */
template <typename T> class CacheBox {
public:
	CacheBox(CacheBox &&other)
		: obj_(exchange(other.obj_, nullptr)), core_(exchange(other.core_, nullptr))
	{
	}
	CacheBox(const CacheBox &) = delete;
	CacheBox &operator=(const CacheBox &) = delete;
	CacheBox &operator=(CacheBox &&) = delete;

	/// May sleep when this is the last reference to a cache whose handle is gone.
	~CacheBox()
	{
		if (!obj_)
			return;
		obj_->~T();
		// SAFETY: by the invariant, obj_ belongs to core_->cache.
		kcxx_kmem_cache_free(core_->cache, obj_);
		core_->put();
	}

	T *operator->() const { return obj_; }
	T &operator*() const { return *obj_; }
	T *get() const { return obj_; }

private:
	template <typename> friend class KmemCache;
	CacheBox(T *obj, detail::CacheCore *core) : obj_(obj), core_(core) {}

	T *obj_;
	detail::CacheCore *core_;
};

/**
 * A slab cache for T.
 *
 * # Invariants
 * core_ is null only when moved from; otherwise this handle holds one
 * reference on it. The kernel cache is destroyed when the last handle or
 * object is dropped, never while an object from it is alive.
 *
 * Context: creating may sleep; dropping the last reference may sleep.
 */
template <typename T> class KmemCache {
public:
	/// Creates the cache; `name` shows in /proc/slabinfo.
	static Result<KmemCache> try_new(const char *name)
	{
		auto *core = static_cast<detail::CacheCore *>(
			kcxx_kmalloc(sizeof(detail::CacheCore), gfp::KERNEL.bits()));
		if (!core)
			return code::ENOMEM;
		struct kmem_cache *cache = kcxx_kmem_cache_create(name, sizeof(T), alignof(T));
		if (!cache) {
			kcxx_kfree(core);
			return code::ENOMEM;
		}
		// INVARIANT: one reference, this handle's.
		return KmemCache(new (core) detail::CacheCore{ cache, Atomic<long>(1) });
	}

	KmemCache(KmemCache &&other) : core_(exchange(other.core_, nullptr)) {}
	KmemCache(const KmemCache &) = delete;
	KmemCache &operator=(const KmemCache &) = delete;
	KmemCache &operator=(KmemCache &&) = delete;
	~KmemCache()
	{
		if (core_)
			core_->put();
	}

	/// Allocates one object and constructs it from `args`.
	template <typename... Args> Result<CacheBox<T>> try_alloc(Gfp flags, Args &&...args)
	{
		void *mem = kcxx_kmem_cache_alloc(core_->cache, flags.bits());

		if (!mem)
			return code::ENOMEM;
		core_->get();
		return CacheBox<T>(new (mem) T(forward<Args>(args)...), core_);
	}

	/// Objects allocated and not yet dropped (a Mempool's reserve counts).
	long live() const { return core_->refs.load() - 1; }

	/// For a Mempool: memory for one T, not constructed; null on failure.
	void *alloc_uninit(Gfp flags)
	{
		void *mem = kcxx_kmem_cache_alloc(core_->cache, flags.bits());

		if (mem)
			core_->get();
		return mem;
	}

	/// Gives back memory from alloc_uninit() (its T, if any, destroyed).
	void free_uninit(void *mem)
	{
		// SAFETY: the caller's contract: mem came from alloc_uninit() of
		// this cache, which took the reference dropped here.
		kcxx_kmem_cache_free(core_->cache, mem);
		core_->put();
	}

private:
	explicit KmemCache(detail::CacheCore *core) : core_(core) {}

	detail::CacheCore *core_;
};

} // namespace kcxx

#endif // KCXX_KMEM_CACHE_H
