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
			kcxx_kmalloc(KCXX_SIZEOF_SG_TABLE, (flags | gfp::ZERO).bits));

		if (!sgt)
			return code::ENOMEM;
		// SAFETY: sgt is zeroed storage of the kernel's size for a table.
		Result<void> r = to_result(kcxx_sg_alloc_table(sgt, nents, flags.bits));
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
	/// The mapped segments, to hand to the device: at most one per buffer
	/// (the kernel may merge neighbours, an IOMMU may join them all).
	class Segments {
	public:
		class Iterator {
		public:
			DmaSegment operator*() const
			{
				// SAFETY: sg_ is one of the table's first nents
				// (mapped) entries, by Segments' construction.
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
			friend class Segments;
			Iterator(struct scatterlist *sg, unsigned int left) : sg_(sg), left_(left) {}

			struct scatterlist *sg_;
			unsigned int left_;
		};

		Iterator begin() const { return Iterator(first_, count_); }
		Iterator end() const { return Iterator(nullptr, 0); }
		usize size() const { return count_; }

	private:
		friend class SgMapping;
		Segments(struct scatterlist *first, unsigned int count) : first_(first), count_(count) {}

		struct scatterlist *first_;
		unsigned int count_;
	};

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
	static Result<SgMapping> map(Device &dev, Vec<Box<T>> buffers, Gfp flags = gfp::KERNEL)
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
			return Segments(nullptr, 0);
		// SAFETY: by the invariant, the table is mapped.
		return Segments(kcxx_sg_table_sgl(table_.raw()), kcxx_sg_table_nents(table_.raw()));
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

} // namespace kcxx

#endif // KCXX_DMA_SG_H
