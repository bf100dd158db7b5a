/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DmaMapping: a streaming DMA mapping of one kmalloc'd buffer,
 * <linux/dma-mapping.h>'s dma_map_single()/dma_unmap_single() and the sync
 * calls, with the direction in the type.
 *
 *	auto frame = TRY(Box<Frame>::try_new(gfp::KERNEL));
 *	fill(*frame);
 *	auto tx = TRY(DmaMapping<DmaDirection::ToDevice, Frame>::map(dev, move(frame)));
 *	start_transfer(tx.dma_handle());
 *	...					// the device reads
 *	{
 *		auto cpu = tx.update();		// sync_for_cpu
 *		cpu->seq++;
 *	}					// sync_for_device
 *	Box<Frame> back = move(tx).unmap();	// the CPU's again
 *
 * The mapping owns the buffer while it is mapped, so the buffer cannot be
 * freed or reused under the device, and the CPU reaches it only through a
 * sync guard: sync_for_cpu() (read what the device wrote: FromDevice and
 * Bidirectional only) or update() (change what the device will read: ToDevice
 * and Bidirectional only). Either guard syncs for the CPU when made and back
 * for the device when dropped. The other combinations do not compile.
 */
#ifndef KCXX_DMA_MAPPING_H
#define KCXX_DMA_MAPPING_H

#include <kcxx/box.h>
#include <kcxx/bridge/dma.h>
#include <kcxx/detail/device_ref.h>
#include <kcxx/device.h>
#include <kcxx/dma_addr.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A kmalloc'd T, mapped for streaming DMA in direction Dir, owned.
 *
 * # Invariants
 * While mapped_, buf_ is a live Box whose sizeof(T) bytes are mapped for
 * dev_'s device at handle_ in direction Dir; the mapping is undone exactly
 * once, by unmap() or the destructor, before the Box is given back or freed.
 * mapped_ is false only when moved from or unmapped.
 * The driver must stay bound while it lives (as for DmaCoherent: own it in the
 * driver's state or a local of probe).
 *
 * Context: map() and update()/sync_for_cpu() in any context (dma_map_single()
 * does not sleep); dropping the last reference on the device may sleep.
 */
template <DmaDirection Dir, typename T> class DmaMapping {
	static_assert(is_trivially_copyable_v<T>,
		      "kcxx::DmaMapping<Dir, T>: the device reads and writes T's bytes: T must "
		      "be trivially copyable (plain data)");

public:
	/**
	 * CPU access to the buffer between two transfers. Made by sync_for_cpu()
	 * or update(); syncs for the device when dropped. The mapping must outlive
	 * it (a guard is a local, not something to store).
	 */
	template <typename View> class [[nodiscard]] CpuAccess {
	public:
		CpuAccess(const CpuAccess &) = delete;
		CpuAccess &operator=(const CpuAccess &) = delete;
		~CpuAccess() { map_.sync_for_device(); }

		View &operator*() const { return *map_.buf_; }
		View *operator->() const { return map_.buf_.get(); }

	private:
		friend class DmaMapping;
		explicit CpuAccess(DmaMapping &map) : map_(map) { map_.sync_for_cpu_now(); }

		DmaMapping &map_;
	};

	/// Maps `buffer` for `dev`; ENOMEM when the mapping fails (the buffer is
	/// freed then). The CPU's writes to it so far are visible to the device.
	static Result<DmaMapping> map(BoundDevice &dev, Box<T> buffer)
	{
		// SAFETY: buffer is kmalloc memory of sizeof(T) bytes (Box invariant),
		// which dma_map_single() accepts; dev is live and bound.
		unsigned long long handle = kcxx_dma_map_single(dev.raw(), buffer.get(), sizeof(T), dir);

		// SAFETY: handle is what the map call just returned for dev.
		if (kcxx_dma_mapping_error(dev.raw(), handle))
			return code::ENOMEM;
		// INVARIANT: mapped just above; the buffer is ours until unmapped.
		return DmaMapping(detail::DeviceRef(dev), move(buffer), DmaAddr::from_bridge(handle));
	}

	DmaMapping(DmaMapping &&other)
		: dev_(move(other.dev_)), buf_(move(other.buf_)), handle_(other.handle_),
		  mapped_(exchange(other.mapped_, false))
	{
	}
	DmaMapping(const DmaMapping &) = delete;
	DmaMapping &operator=(const DmaMapping &) = delete;
	DmaMapping &operator=(DmaMapping &&) = delete;

	/// Unmaps and frees the buffer.
	~DmaMapping() { unmap_now(); }

	/// Where the device finds the buffer.
	DmaAddr dma_handle() const { return handle_; }

	/// Bytes mapped.
	static constexpr usize size = sizeof(T);

	/// Lets the CPU read what the device wrote (const for FromDevice).
	CpuAccess<detail::dma_cpu_view_t<Dir, T>> sync_for_cpu()
	{
		static_assert(Dir != DmaDirection::ToDevice,
			      "kcxx::DmaMapping: a ToDevice buffer holds nothing the device wrote: "
			      "there is nothing to sync for the CPU to read; use update() to "
			      "change what the device will read");
		return CpuAccess<detail::dma_cpu_view_t<Dir, T>>(*this);
	}

	/// Lets the CPU change what the device will read next.
	CpuAccess<T> update()
	{
		static_assert(Dir != DmaDirection::FromDevice,
			      "kcxx::DmaMapping: the device does not read a FromDevice buffer: "
			      "CPU writes to it are lost; map it ToDevice or Bidirectional");
		return CpuAccess<T>(*this);
	}

	/// Ends the mapping and gives the buffer back to the CPU, holding what
	/// the device wrote.
	[[nodiscard]] Box<T> unmap() &&
	{
		unmap_now();
		return move(buf_);
	}

private:
	static constexpr int dir = static_cast<int>(Dir);

	DmaMapping(detail::DeviceRef &&dev, Box<T> &&buf, DmaAddr handle)
		: dev_(move(dev)), buf_(move(buf)), handle_(handle)
	{
	}

	void sync_for_cpu_now()
	{
		// SAFETY: by the invariant, handle_ maps size bytes for dev_.
		kcxx_dma_sync_single_for_cpu(dev_.raw(), handle_.to_bridge(), size, dir);
	}

	void sync_for_device()
	{
		// SAFETY: as in sync_for_cpu_now().
		kcxx_dma_sync_single_for_device(dev_.raw(), handle_.to_bridge(), size, dir);
	}

	void unmap_now()
	{
		if (!mapped_)
			return;
		// SAFETY: by the invariant, mapped and not yet unmapped; mapped_
		// is cleared so that it happens once.
		kcxx_dma_unmap_single(dev_.raw(), handle_.to_bridge(), size, dir);
		mapped_ = false;
	}

	detail::DeviceRef dev_;
	Box<T> buf_;
	DmaAddr handle_;
	bool mapped_ = true;
};

} // namespace kcxx

#endif // KCXX_DMA_MAPPING_H
