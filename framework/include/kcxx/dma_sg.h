/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SgMapping: a scatter-gather DMA mapping of several kmalloc'd buffers,
 * <linux/scatterlist.h>'s sg_table with <linux/dma-mapping.h>'s
 * dma_map_sgtable()/dma_unmap_sgtable(), with the direction in the type.
 *
 *	Vec<Box<Page>> pages;
 *	for (int i = 0; i < 3; i++)
 *		TRY(pages.try_push(TRY(Box<Page>::try_new(gfp::KERNEL))));
 *	auto rx = TRY(SgMapping<DmaDirection::FromDevice, Page>::map(dev, move(pages)));
 *	for (DmaSegment seg : rx.segments())
 *		queue_descriptor(seg.addr, seg.len);	// the device may merge buffers
 *	...
 *	{
 *		auto cpu = rx.sync_for_cpu();
 *		consume(cpu[0]);		// const Page &: what the device wrote
 *	}
 *	Vec<Box<Page>> back = move(rx).unmap();
 *
 * As with DmaMapping, the mapping owns its buffers while they are mapped and
 * the CPU reaches them only through a sync guard whose kind the direction
 * allows. The table's entries are made here, one per buffer; drivers never
 * see a struct scatterlist.
 */
#ifndef KCXX_DMA_SG_H
#define KCXX_DMA_SG_H

#include <kcxx/box.h>
#include <kcxx/bridge/dma.h>
#include <kcxx/bridge/slab.h>
#include <kcxx/bridge/user_pages.h>
#include <kcxx/detail/device_ref.h>
#include <kcxx/device.h>
#include <kcxx/dma_addr.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>
#include <kcxx/vec.h>

namespace kcxx {

/// One contiguous run of a scatter-gather mapping, as the device sees it.
struct DmaSegment {
	DmaAddr addr;
	usize len;
};

/**
 * The mapped segments of a scatter-gather table, to hand to the device: at
 * most one per table entry (the kernel may merge neighbours, an IOMMU may
 * join them all). Borrowed from the mapping that made it, which must outlive
 * it and stay mapped.
 */
class DmaSegments {
public:
	class Iterator {
	public:
		DmaSegment operator*() const
		{
			// SAFETY: sg_ is one of the table's first nents (mapped)
			// entries, by DmaSegments' construction.
			return DmaSegment{ DmaAddr::from_bridge(kcxx_sg_dma_address(sg_)),
					   kcxx_sg_dma_len(sg_) };
		}
		Iterator &operator++()
		{
			left_--;
			// SAFETY: as in operator*; NULL after the last entry.
			sg_ = left_ ? kcxx_sg_next(sg_) : nullptr;
			return *this;
		}
		bool operator==(const Iterator &other) const { return left_ == other.left_; }

	private:
		friend class DmaSegments;
		Iterator(struct scatterlist *sg, unsigned int left) : sg_(sg), left_(left) {}

		struct scatterlist *sg_;
		unsigned int left_;
	};

	/**
	 * # Safety
	 * `first` is the first entry of a table whose first `count` entries are
	 * mapped for as long as this object and its iterators are used.
	 */
	static DmaSegments unsafe_from_raw(struct scatterlist *first, unsigned int count)
	{
		return DmaSegments(first, count);
	}

	Iterator begin() const { return Iterator(first_, count_); }
	Iterator end() const { return Iterator(nullptr, 0); }
	usize size() const { return count_; }

private:
	DmaSegments(struct scatterlist *first, unsigned int count) : first_(first), count_(count) {}

	struct scatterlist *first_;
	unsigned int count_;
};

namespace detail {

/**
 * A struct sg_table in kmalloc memory, with its entries.
 *
 * # Invariants
 * sgt_ is null only when moved from; otherwise it is zeroed kmalloc memory
 * holding a table whose entries kcxx_sg_alloc_table() allocated, freed once
 * by the destructor.
 */
class SgTable {
public:
	static Result<SgTable> try_new(unsigned int nents, Gfp flags)
	{
		auto *sgt = static_cast<struct sg_table *>(
			kcxx_kmalloc(KCXX_SIZEOF_SG_TABLE, (flags | gfp::ZERO).bits()));

		if (!sgt)
			return code::ENOMEM;
		// SAFETY: sgt is zeroed storage of the kernel's size for a table.
		Result<void> r = to_result(kcxx_sg_alloc_table(sgt, nents, flags.bits()));
		if (r.is_error()) {
			kcxx_kfree(sgt);
			return r.error();
		}
		// INVARIANT: storage and entries allocated just above.
		return SgTable(sgt);
	}

	/// A table over `size` bytes of pinned `pages`, starting `offset` bytes
	/// into the first; physically contiguous pages share an entry.
	static Result<SgTable> try_from_pages(struct page **pages, usize count, unsigned int offset,
					      usize size, unsigned int max_segment, Gfp flags)
	{
		auto *sgt = static_cast<struct sg_table *>(
			kcxx_kmalloc(KCXX_SIZEOF_SG_TABLE, (flags | gfp::ZERO).bits()));

		if (!sgt)
			return code::ENOMEM;
		// SAFETY: sgt is zeroed table storage; pages holds count pinned
		// pages covering offset + size bytes (the caller's PinnedUserPages).
		Result<void> r = to_result(
			kcxx_sg_alloc_table_from_pages(sgt, pages, count, offset, size, max_segment,
						       flags.bits()));
		if (r.is_error()) {
			kcxx_kfree(sgt);
			return r.error();
		}
		// INVARIANT: storage and entries allocated just above.
		return SgTable(sgt);
	}

	SgTable(SgTable &&other) : sgt_(exchange(other.sgt_, nullptr)) {}
	SgTable(const SgTable &) = delete;
	SgTable &operator=(const SgTable &) = delete;
	SgTable &operator=(SgTable &&) = delete;
	~SgTable()
	{
		if (!sgt_)
			return;
		// SAFETY: by the invariant; the owner has unmapped it.
		kcxx_sg_free_table(sgt_);
		kcxx_kfree(sgt_);
	}

	struct sg_table *raw() const { return sgt_; }

private:
	explicit SgTable(struct sg_table *sgt) : sgt_(sgt) {}

	struct sg_table *sgt_;
};

} // namespace detail

/**
 * Buffers of T, each kmalloc'd, mapped for scatter-gather DMA in direction
 * Dir, owned.
 *
 * # Invariants
 * While mapped_, table_ has one entry per element of buffers_ (sizeof(T)
 * bytes each), mapped for dev_'s device in direction Dir, and unmapped exactly
 * once before the buffers are given back or freed. mapped_ is false only
 * when moved from or unmapped. The driver must stay bound while it lives (as
 * for DmaCoherent).
 *
 * Context: map() with gfp::KERNEL and dropping: process context.
 */
template <DmaDirection Dir, typename T> class SgMapping {
	static_assert(is_trivially_copyable_v<T>,
		      "kcxx::SgMapping<Dir, T>: the device reads and writes T's bytes: T must be "
		      "trivially copyable (plain data)");
	static_assert(sizeof(T) <= 0xffffffffu, "kcxx::SgMapping: a scatterlist entry is at most 4 GiB");

public:
	/// The mapped segments (DmaSegments, shared with UserSgMapping).
	using Segments = DmaSegments;

	/**
	 * CPU access to the buffers between two transfers. Made by
	 * sync_for_cpu() or update(); syncs for the device when dropped. The
	 * mapping must outlive it.
	 */
	template <typename View> class [[nodiscard]] CpuAccess {
	public:
		CpuAccess(const CpuAccess &) = delete;
		CpuAccess &operator=(const CpuAccess &) = delete;
		~CpuAccess() { map_.sync_for_device(); }

		/// Buffer `i`; out of range is a bug and oopses, never overruns.
		View &operator[](usize i) const { return *map_.buffers_[i]; }
		usize size() const { return map_.buffers_.size(); }

	private:
		friend class SgMapping;
		explicit CpuAccess(SgMapping &map) : map_(map) { map_.sync_for_cpu_now(); }

		SgMapping &map_;
	};

	/// Maps `buffers` (at least one) for `dev`, one table entry each.
	/// EINVAL when empty; ENOMEM, EIO... as dma_map_sgtable() fails (the
	/// buffers are freed then).
	static Result<SgMapping> map(BoundDevice &dev, Vec<Box<T>> buffers, Gfp flags = gfp::KERNEL)
	{
		if (buffers.empty() || buffers.size() > 0xffffffffu)
			return code::EINVAL;
		auto table = TRY(detail::SgTable::try_new(static_cast<unsigned int>(buffers.size()), flags));
		// SAFETY: the table has one entry per buffer (allocated just above).
		struct scatterlist *sg = kcxx_sg_table_sgl(table.raw());
		for (usize i = 0; i < buffers.size(); i++) {
			// SAFETY: each buffer is kmalloc memory of sizeof(T) bytes
			// (Box invariant), which sg_set_buf() accepts.
			kcxx_sg_set_buf(sg, buffers[i].get(), sizeof(T));
			sg = kcxx_sg_next(sg);
		}
		// SAFETY: dev is live and bound; on failure nothing is mapped.
		TRY(to_result(kcxx_dma_map_sgtable(dev.raw(), table.raw(), dir)));
		// INVARIANT: every entry mapped just above; the buffers are ours.
		return SgMapping(detail::DeviceRef(dev), move(buffers), move(table));
	}

	SgMapping(SgMapping &&other)
		: dev_(move(other.dev_)), buffers_(move(other.buffers_)), table_(move(other.table_)),
		  mapped_(exchange(other.mapped_, false))
	{
	}
	SgMapping(const SgMapping &) = delete;
	SgMapping &operator=(const SgMapping &) = delete;
	SgMapping &operator=(SgMapping &&) = delete;

	/// Unmaps, then frees the table and the buffers.
	~SgMapping() { unmap_now(); }

	Segments segments() const
	{
		if (!mapped_)
			return DmaSegments::unsafe_from_raw(nullptr, 0); // SAFETY: empty
		// SAFETY: by the invariant, the table is mapped while this lives.
		return DmaSegments::unsafe_from_raw(kcxx_sg_table_sgl(table_.raw()),
						    kcxx_sg_table_nents(table_.raw()));
	}

	/// Buffers mapped (the table's entries).
	usize buffer_count() const { return buffers_.size(); }

	/// Lets the CPU read what the device wrote (const for FromDevice).
	CpuAccess<detail::dma_cpu_view_t<Dir, T>> sync_for_cpu()
	{
		static_assert(Dir != DmaDirection::ToDevice,
			      "kcxx::SgMapping: ToDevice buffers hold nothing the device wrote: "
			      "there is nothing to sync for the CPU to read; use update() to "
			      "change what the device will read");
		return CpuAccess<detail::dma_cpu_view_t<Dir, T>>(*this);
	}

	/// Lets the CPU change what the device will read next.
	CpuAccess<T> update()
	{
		static_assert(Dir != DmaDirection::FromDevice,
			      "kcxx::SgMapping: the device does not read FromDevice buffers: CPU "
			      "writes to them are lost; map them ToDevice or Bidirectional");
		return CpuAccess<T>(*this);
	}

	/// Ends the mapping and gives the buffers back to the CPU.
	[[nodiscard]] Vec<Box<T>> unmap() &&
	{
		unmap_now();
		return move(buffers_);
	}

private:
	static constexpr int dir = static_cast<int>(Dir);

	SgMapping(detail::DeviceRef &&dev, Vec<Box<T>> &&buffers, detail::SgTable &&table)
		: dev_(move(dev)), buffers_(move(buffers)), table_(move(table))
	{
	}

	void sync_for_cpu_now()
	{
		// SAFETY: by the invariant, the table is mapped for dev_.
		kcxx_dma_sync_sgtable_for_cpu(dev_.raw(), table_.raw(), dir);
	}

	void sync_for_device()
	{
		// SAFETY: as in sync_for_cpu_now().
		kcxx_dma_sync_sgtable_for_device(dev_.raw(), table_.raw(), dir);
	}

	void unmap_now()
	{
		if (!mapped_)
			return;
		// SAFETY: by the invariant, mapped and not yet unmapped; mapped_
		// is cleared so that it happens once.
		kcxx_dma_unmap_sgtable(dev_.raw(), table_.raw(), dir);
		mapped_ = false;
	}

	detail::DeviceRef dev_;
	Vec<Box<T>> buffers_;
	detail::SgTable table_;
	bool mapped_ = true;
};

/**
 * The pages under a user buffer of the calling process, pinned for DMA
 * (<linux/mm.h>'s pin_user_pages_fast()), unpinned when dropped: marked
 * dirty first when they were pinned writable, since a device may have
 * written them.
 *
 *	auto src = TRY(PinnedUserPages::pin(uaddr, len, false));	// EFAULT if unmapped
 *
 * # Invariants
 * pages_ is null only when moved from; otherwise it is a kvmalloc array of
 * count_ pages that this object alone pinned, covering len_ bytes that start
 * offset_ bytes into the first page. They are unpinned exactly once.
 *
 * Context: process context (pinning may fault pages in; unpinning may sleep).
 */
class PinnedUserPages {
public:
	/// The most one PinnedUserPages pins: 1 GiB, so that a length from user
	/// space cannot make the page array (or the pinned memory) unbounded.
	static constexpr usize max_len = usize(1) << 30;

	/**
	 * Pins the pages under [addr, addr + len). `writable` when the device
	 * will write them (the mapping must then allow writes). EINVAL for
	 * len 0, E2BIG beyond max_len, EFAULT when any page is not mapped (or
	 * not writable), ENOMEM. Nothing stays pinned on failure.
	 */
	static Result<PinnedUserPages> pin(uintptr addr, usize len, bool writable)
	{
		uintptr last;

		if (len == 0)
			return code::EINVAL;
		if (len > max_len)
			return code::E2BIG;
		if (__builtin_add_overflow(addr, len - 1, &last))
			return code::EFAULT;
		usize first_page = addr / KCXX_PAGE_SIZE;
		usize count = last / KCXX_PAGE_SIZE - first_page + 1;
		// SAFETY: returns fresh zeroed storage for count pointers, or NULL.
		struct page **pages = kcxx_page_array_alloc(count);
		if (!pages)
			return code::ENOMEM;
		// SAFETY: pages has room for count entries; the process's own
		// memory is pinned, or nothing when it returns an error.
		long got = kcxx_pin_user_pages_fast(first_page * KCXX_PAGE_SIZE, count, writable, pages);
		if (got < 0 || static_cast<usize>(got) < count) {
			// SAFETY: exactly the `got` pages pinned just above.
			if (got > 0)
				kcxx_unpin_user_pages(pages, static_cast<unsigned long>(got), false);
			kcxx_page_array_free(pages);
			return got < 0 && got != -KCXX_EFAULT ? Error::from_errno(static_cast<int>(got))
							       : code::EFAULT;
		}
		// INVARIANT: count pages pinned just above, owned by the new object.
		return PinnedUserPages(pages, count, static_cast<unsigned int>(addr % KCXX_PAGE_SIZE),
				       len, writable);
	}

	PinnedUserPages(PinnedUserPages &&other)
		: pages_(exchange(other.pages_, nullptr)), count_(other.count_),
		  offset_(other.offset_), len_(other.len_), writable_(other.writable_)
	{
	}
	PinnedUserPages(const PinnedUserPages &) = delete;
	PinnedUserPages &operator=(const PinnedUserPages &) = delete;
	PinnedUserPages &operator=(PinnedUserPages &&) = delete;

	~PinnedUserPages()
	{
		if (!pages_)
			return;
		// SAFETY: by the invariant, count_ pages pinned by us, unpinned once.
		kcxx_unpin_user_pages(pages_, count_, writable_);
		kcxx_page_array_free(pages_);
	}

	usize page_count() const { return count_; }
	usize len() const { return len_; }
	bool writable() const { return writable_; }

private:
	template <DmaDirection> friend class UserSgMapping;

	PinnedUserPages(struct page **pages, usize count, unsigned int offset, usize len, bool writable)
		: pages_(pages), count_(count), offset_(offset), len_(len), writable_(writable)
	{
	}

	struct page **pages_;
	usize count_;
	unsigned int offset_;
	usize len_;
	bool writable_;
};

/**
 * Pinned user pages mapped for scatter-gather DMA in direction Dir, owned:
 * when dropped, the table is unmapped first, then the pages are unpinned.
 *
 *	auto dst = TRY(UserSgMapping<DmaDirection::FromDevice>::pin_and_map(chan_dev, uaddr, len));
 *	for (DmaSegment seg : dst.segments())
 *		...;				// one contiguous run each
 *
 * There is no CPU access: the memory belongs to a process, which sees what
 * the device wrote once the mapping is dropped.
 *
 * # Invariants
 * While mapped_, table_ covers pages_ and is mapped for dev_'s device in
 * direction Dir; it is unmapped exactly once, before pages_ is unpinned
 * (declared before table_, so destroyed after it). A device-writing Dir
 * holds pages pinned writable. The driver must stay bound while it lives.
 *
 * Context: process context.
 */
template <DmaDirection Dir> class UserSgMapping {
public:
	/// Pins [addr, addr + len) (writable unless Dir is ToDevice) and maps it.
	static Result<UserSgMapping> pin_and_map(BoundDevice &dev, uintptr addr, usize len,
						 Gfp flags = gfp::KERNEL)
	{
		return map(dev, TRY(PinnedUserPages::pin(addr, len, Dir != DmaDirection::ToDevice)), flags);
	}

	/// Maps `pages` for `dev`; EINVAL when Dir lets the device write pages
	/// pinned read-only. On failure the pages are unpinned.
	static Result<UserSgMapping> map(BoundDevice &dev, PinnedUserPages pages, Gfp flags = gfp::KERNEL)
	{
		if (Dir != DmaDirection::ToDevice && !pages.writable())
			return code::EINVAL;
		// Entries no longer than the device takes (dma_get_max_seg_size()).
		auto table = TRY(detail::SgTable::try_from_pages(pages.pages_, pages.count_,
								 pages.offset_, pages.len_,
								 kcxx_dma_get_max_seg_size(dev.raw()), flags));
		// SAFETY: dev is live and bound; on failure nothing is mapped.
		TRY(to_result(kcxx_dma_map_sgtable(dev.raw(), table.raw(), dir)));
		// INVARIANT: mapped just above; the pages are ours.
		return UserSgMapping(detail::DeviceRef(dev), move(pages), move(table));
	}

	UserSgMapping(UserSgMapping &&other)
		: dev_(move(other.dev_)), pages_(move(other.pages_)), table_(move(other.table_)),
		  mapped_(exchange(other.mapped_, false))
	{
	}
	UserSgMapping(const UserSgMapping &) = delete;
	UserSgMapping &operator=(const UserSgMapping &) = delete;
	UserSgMapping &operator=(UserSgMapping &&) = delete;

	/// Unmaps; then the members free the table and unpin the pages.
	~UserSgMapping()
	{
		if (!mapped_)
			return;
		// SAFETY: by the invariant, mapped and not yet unmapped.
		kcxx_dma_unmap_sgtable(dev_.raw(), table_.raw(), dir);
	}

	/// The contiguous runs, in order; they add up to len().
	DmaSegments segments() const
	{
		if (!mapped_)
			return DmaSegments::unsafe_from_raw(nullptr, 0); // SAFETY: empty
		// SAFETY: by the invariant, the table is mapped while this lives.
		return DmaSegments::unsafe_from_raw(kcxx_sg_table_sgl(table_.raw()),
						    kcxx_sg_table_nents(table_.raw()));
	}

	usize len() const { return pages_.len(); }
	usize page_count() const { return pages_.page_count(); }

private:
	static constexpr int dir = static_cast<int>(Dir);

	UserSgMapping(detail::DeviceRef &&dev, PinnedUserPages &&pages, detail::SgTable &&table)
		: dev_(move(dev)), pages_(move(pages)), table_(move(table))
	{
	}

	detail::DeviceRef dev_;
	PinnedUserPages pages_;
	detail::SgTable table_;
	bool mapped_ = true;
};

} // namespace kcxx

#endif // KCXX_DMA_SG_H
