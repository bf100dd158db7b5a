/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User mappings: a driver's mmap() hands out memory through a typed VMA view
 * that can only map a buffer the driver owns, from its start: DMA-coherent
 * memory (UserBuffer) with the caching the DMA layer chooses
 * (<linux/dma-mapping.h>'s dma_mmap_coherent()), or ordinary pages
 * (UserPages, <linux/mm.h>'s vm_insert_page()).
 *
 *	Result<void> mmap(File &f, Vma &vma)	// a MiscDevice hook
 *	{
 *		if (f.buf.is_none())
 *			f.buf = TRY(UserBuffer::try_new(engine_, vma.len()));
 *		return vma.map(*f.buf);
 *	}
 *
 * The classic bugs cannot be written: a mapping larger than the buffer, at an
 * offset, or private (copy-on-write of device memory) is EINVAL; sizes are
 * whole pages of the target's PAGE_SIZE; the buffer stays alive as long as
 * any mapping of it does (each VMA holds a reference, dropped in its close);
 * and it is device-bound: when the misc device goes (the driver unbinds),
 * every mapping is zapped before the memory is freed, so later accesses get
 * SIGBUS instead of reaching memory the device no longer owns.
 */
#ifndef KCXX_USER_MAPPING_H
#define KCXX_USER_MAPPING_H

#include <kcxx/arc.h>
#include <kcxx/atomic.h>
#include <kcxx/bridge/page.h>
#include <kcxx/bridge/slab.h>
#include <kcxx/bridge/user_mapping.h>
#include <kcxx/device.h>
#include <kcxx/dma_coherent.h>
#include <kcxx/mutex.h>
#include <kcxx/option.h>
#include <kcxx/pages.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

class UserBuffer;
class Vma;

namespace detail {

class SharedBuffer;

/**
 * The buffers one device has let user space map.
 *
 * # Invariants
 * Every SharedBuffer on the list has this registry and is unlinked by its
 * destructor under the lock; once revoked, no buffer is added or mapped.
 */
class MappingRegistry : Pinned {
public:
	/// Zaps every mapping and frees every buffer's memory (the device is
	/// going); mappings then fault with SIGBUS. No mmap() may be running.
	void revoke_all();

private:
	friend class SharedBuffer;
	friend class kcxx::Vma;

	struct State {
		SharedBuffer *first = nullptr;
		bool revoked = false;
	};
	Mutex<State> state_{ KCXX_LOCK_CLASS("kcxx_user_mapping.registry") };
};

/**
 * A mappable buffer, its reference count, and what revocation needs: the
 * address space its VMAs live in and the processes that mapped it.
 *
 * # Invariants
 * refs_ counts UserBuffer handles and VMAs. Once registered (the first
 * map()), registry_, mapping_ and mms_ change only under the registry's lock
 * and only before it is revoked; mem_ becomes none only under that lock or in
 * the destructor. Each mms_ entry holds an mmgrab() reference.
 */
class SharedBuffer : Pinned {
public:
	static constexpr u32 kMaxProcesses = 4;

	explicit SharedBuffer(DmaCoherent<u8[]> &&mem) : mem_(move(mem)), size_((*mem_).len()) {}
	~SharedBuffer()
	{
		if (registry_.is_some()) {
			auto g = (*registry_)->state_.lock();
			if (prev_)
				prev_->next_ = next_;
			else
				g->first = next_;
			if (next_)
				next_->prev_ = prev_;
		}
		mem_ = none;
		for (u32 i = 0; i < nmms_; i++)
			kcxx_mm_drop(mms_[i]);
	}

	void get() { refs_.add(1); }
	bool get_unless_zero()
	{
		long n = refs_.load();
		while (n != 0)
			if (refs_.compare_exchange(n, n + 1))
				return true;
		return false;
	}
	void put()
	{
		if (refs_.fetch_sub(1) == 1) {
			this->~SharedBuffer();
			kcxx_kfree(this);
		}
	}

	/// The VMA callbacks: the first member, so the bridge's target is us.
	struct Target {
		kcxx_vma_target ops;
		SharedBuffer *self;
	} target_{ { &vma_open, &vma_close }, this };

	Option<DmaCoherent<u8[]>> mem_;
	usize size_;
	Atomic<long> refs_{ 1 };
	Option<Arc<MappingRegistry>> registry_;
	SharedBuffer *prev_ = nullptr, *next_ = nullptr;
	bool processed_ = false; // by a revocation
	struct address_space *mapping_ = nullptr;
	struct mm_struct *mms_[kMaxProcesses] = {};
	u32 nmms_ = 0;

private:
	static SharedBuffer &of(kcxx_vma_target *t) { return *reinterpret_cast<Target *>(t)->self; }
	static void vma_open(kcxx_vma_target *t) { of(t).get(); }
	static void vma_close(kcxx_vma_target *t) { of(t).put(); }
};

inline void MappingRegistry::revoke_all()
{
	state_.lock()->revoked = true;
	for (;;) {
		SharedBuffer *b = nullptr;
		{
			auto g = state_.lock();
			for (SharedBuffer *x = g->first; x && !b; x = x->next_) {
				if (x->processed_)
					continue;
				x->processed_ = true;
				// A buffer at zero references has no VMA left: its
				// destructor, waiting for this lock, frees it.
				if (x->get_unless_zero())
					b = x;
			}
		}
		if (!b)
			return;
		// An mmap() that mapped it may still be linking its VMA (it
		// holds its mmap lock until then): wait, so the zap finds it.
		for (u32 i = 0; i < b->nmms_; i++)
			kcxx_mm_barrier(b->mms_[i]);
		kcxx_unmap_mapping(b->mapping_);
		{
			auto g = state_.lock();
			b->mem_ = none; // no PTE points at it any more
		}
		b->put();
	}
}

} // namespace detail

/**
 * A handle on a DMA-coherent buffer user space may map: whole pages,
 * allocated for one device.
 *
 * # Invariants
 * buf_ is null only when moved from; otherwise this handle holds one
 * reference on it.
 *
 * Context: process context; creating and dropping may sleep.
 */
class UserBuffer {
public:
	/// A buffer of `bytes` rounded up to whole pages, zeroed, for `dev`'s DMA.
	static Result<UserBuffer> try_new(BoundDevice &dev, usize bytes)
	{
		if (bytes == 0)
			return code::EINVAL;
		auto mem = TRY(DmaCoherent<u8[]>::try_new(dev, pages::round_up(bytes),
							  gfp::KERNEL | gfp::ZERO));
		void *raw = kcxx_kmalloc(sizeof(detail::SharedBuffer), gfp::KERNEL.bits());
		if (!raw)
			return code::ENOMEM;
		return UserBuffer(new (raw) detail::SharedBuffer(move(mem)));
	}

	UserBuffer(UserBuffer &&other) : buf_(exchange(other.buf_, nullptr)) {}
	UserBuffer(const UserBuffer &) = delete;
	UserBuffer &operator=(const UserBuffer &) = delete;
	UserBuffer &operator=(UserBuffer &&) = delete;
	~UserBuffer()
	{
		if (buf_)
			buf_->put();
	}

	/// Another handle on the same buffer (e.g. to use it after letting go
	/// of the lock that guards where the first one is kept).
	[[nodiscard]] UserBuffer clone() const
	{
		buf_->get();
		return UserBuffer(buf_);
	}

	/// Bytes in the buffer: whole pages.
	usize size() const { return buf_->size_; }

	/**
	 * The memory, or null once the device revoked it. Use it only inside a
	 * file operation of the device that maps it: revocation waits for
	 * those to end before it frees the memory.
	 */
	DmaCoherent<u8[]> *memory() const { return buf_->mem_.is_some() ? &*buf_->mem_ : nullptr; }

private:
	friend class Vma;
	explicit UserBuffer(detail::SharedBuffer *buf) : buf_(buf) {}

	detail::SharedBuffer *buf_;
};

/**
 * Ordinary memory, in whole pages, that user space may map: a buffer the CPU
 * shares with a process (cached, as normal memory is), one compound block of
 * pages::order_for(bytes). Mapped pages hold references on the block, so a
 * mapping never outlives the memory: dropping the UserPages while a process
 * has it mapped leaves the memory to that mapping until it goes.
 *
 * # Invariants
 * page_ is null only when moved from; otherwise it heads a compound block of
 * order_ that this object holds one reference on.
 */
class UserPages {
public:
	/// `bytes` (at least 1) rounded up to a power-of-two number of pages, zeroed.
	static Result<UserPages> try_new(usize bytes)
	{
		if (bytes == 0 || bytes > (pages::SIZE << pages::MAX_ORDER))
			return code::EINVAL;
		unsigned int order = pages::order_for(bytes);
		Gfp flags = gfp::KERNEL | gfp::ZERO | detail::GfpFromKernel::make(KCXX_GFP_COMP);
		struct page *page = kcxx_alloc_pages(flags.bits(), order);
		if (!page)
			return code::ENOMEM;
		return UserPages(page, order);
	}

	UserPages(UserPages &&other) : page_(exchange(other.page_, nullptr)), order_(other.order_)
	{
	}
	UserPages(const UserPages &) = delete;
	UserPages &operator=(const UserPages &) = delete;
	UserPages &operator=(UserPages &&) = delete;
	~UserPages()
	{
		if (page_)
			kcxx_free_pages(page_, order_);
	}

	/// Bytes in the block: PAGE_SIZE << its order.
	usize size() const { return pages::SIZE << order_; }

	/// The memory, for the kernel's side.
	Span<u8> bytes() const
	{
		// SAFETY: by the invariant, size() bytes of lowmem, ours.
		return Span<u8>::unsafe_from_raw(static_cast<u8 *>(kcxx_page_address(page_)),
						 size());
	}

private:
	friend class Vma;
	UserPages(struct page *page, unsigned int order) : page_(page), order_(order) {}

	struct page *page_;
	unsigned int order_;
};

/**
 * The VMA a mmap() hook is asked to fill: its length and offset, and the one
 * way to fill it.
 *
 * # Invariants
 * vma_ is the VMA of the mmap() call running now, in the calling process, on
 * a file of the device whose registry registry_ is.
 */
class Vma {
public:
	Vma(struct vm_area_struct *vma, const Arc<detail::MappingRegistry> &registry)
		: vma_(vma), registry_(registry)
	{
	}

	/// Bytes to map: whole pages.
	usize len() const { return kcxx_vma_len(vma_); }
	/// The offset mmap() was given, in bytes.
	usize offset() const { return kcxx_vma_offset(vma_); }

	/**
	 * Maps `buf` from its start over the whole VMA. EINVAL for a private
	 * mapping, a non-zero offset, a VMA longer than the buffer or a buffer
	 * mapped through another device; EBUSY when more than
	 * SharedBuffer::kMaxProcesses processes map one buffer; ENODEV once
	 * the device is going. May sleep (its Mutex says so to the
	 * thread-safety gate; clang 16 misreads a KCXX_MAY_SLEEP here).
	 */
	Result<void> map(const UserBuffer &buf)
	{
		detail::SharedBuffer &b = *buf.buf_;

		if (!kcxx_vma_is_shared(vma_) || offset() != 0 || len() > b.size_)
			return code::EINVAL;
		struct address_space *mapping = kcxx_vma_mapping(vma_);
		auto g = registry_->state_.lock();
		if (g->revoked || b.mem_.is_none())
			return code::ENODEV;
		if ((b.registry_.is_some() && &**b.registry_ != &*registry_) ||
		    (b.mapping_ && b.mapping_ != mapping))
			return code::EINVAL;
		TRY(record_process(b));
		if (b.registry_.is_none()) {
			b.registry_ = registry_.clone();
			b.next_ = g->first;
			if (g->first)
				g->first->prev_ = &b;
			g->first = &b;
		}
		b.mapping_ = mapping;
		DmaCoherent<u8[]> &mem = *b.mem_;
		// SAFETY: the memory is the buffer's, allocated for mem.device(),
		// at least len() bytes; the VMA's reference (below) keeps it until
		// the VMA closes or revocation zaps the VMA first.
		TRY(to_result(kcxx_dma_mmap_coherent(mem.raw_device(), vma_, mem.as_span().data(),
						     mem.dma_handle().to_bridge(), b.size_)));
		b.get();
		kcxx_vma_set_target(vma_, &b.target_.ops);
		return {};
	}

	/**
	 * Maps the pages of `pages` from its start over the whole VMA. EINVAL
	 * for a private mapping, a non-zero offset or a VMA longer than the
	 * block. Each mapped page keeps the block alive; nothing to revoke.
	 */
	Result<void> map(const UserPages &pages) KCXX_MAY_SLEEP
	{
		if (!kcxx_vma_is_shared(vma_) || offset() != 0 || len() > pages.size())
			return code::EINVAL;
		// SAFETY: the block holds at least len() bytes (checked above); each
		// inserted page takes its own reference.
		return to_result(kcxx_vma_insert_pages(vma_, pages.page_, len() / pages::SIZE));
	}

private:
	/// Remembers the calling process, for revocation's barrier.
	static Result<void> record_process(detail::SharedBuffer &b)
	{
		struct mm_struct *mm = kcxx_current_mm_grab();

		for (u32 i = 0; i < b.nmms_; i++) {
			if (b.mms_[i] == mm) {
				kcxx_mm_drop(mm);
				return {};
			}
		}
		if (b.nmms_ == detail::SharedBuffer::kMaxProcesses) {
			kcxx_mm_drop(mm);
			return code::EBUSY;
		}
		b.mms_[b.nmms_++] = mm;
		return {};
	}

	struct vm_area_struct *vma_;
	const Arc<detail::MappingRegistry> &registry_;
};

} // namespace kcxx

#endif // KCXX_USER_MAPPING_H
