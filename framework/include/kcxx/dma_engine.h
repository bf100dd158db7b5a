/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmaengine clients: <linux/dmaengine.h>'s channels (dma_request_chan(),
 * dma_request_chan_by_mask(), dma_release_channel()) and memcpy transfers
 * (dmaengine_prep_dma_memcpy(), dmaengine_submit(), dma_async_issue_pending(),
 * dmaengine_tx_status(), dmaengine_terminate_sync()).
 *
 *	auto chan = TRY(DmaChannel::request(pdev.dev(), "memcpy"));	// EPROBE_DEFER passes through
 *	Device engine = chan.device();		// map buffers for the controller
 *	auto src = TRY(DmaCoherent<u8[]>::try_new(engine, 4096, gfp::KERNEL));
 *	auto dst = TRY(DmaCoherent<u8[]>::try_new(engine, 4096, gfp::KERNEL));
 *
 *	DmaTransfer xfer(chan, stop);		// stop: the driver's StopSignal
 *	TRY(xfer.add_memcpy(dst.dma_handle(), src.dma_handle(), 4096));
 *	TRY(xfer.submit());
 *	xfer.issue_pending();
 *	TRY(xfer.wait(1000));			// ETIMEDOUT: terminated, nothing in flight
 *
 * A channel is released when dropped, after terminating what is still
 * queued on it; a transfer that is dropped before it completed is
 * terminated too, so no callback can run on freed memory and no device can
 * write into buffers that are about to be freed or unmapped. That needs a
 * controller that can terminate: a channel of one that cannot is refused
 * when requested. A wait ends early when the transfer's StopSignal is
 * raised (the driver is unbinding) or a signal arrives, terminating it too.
 */
#ifndef KCXX_DMA_ENGINE_H
#define KCXX_DMA_ENGINE_H

#include <kcxx/atomic.h>
#include <kcxx/bridge/dmaengine.h>
#include <kcxx/context.h>
#include <kcxx/device.h>
#include <kcxx/dma_addr.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/stop_signal.h>
#include <kcxx/utility.h>

namespace kcxx {

/// Where a transfer is, the kernel's enum dma_status.
enum class DmaStatus : int {
	Complete = KCXX_DMA_COMPLETE,
	InProgress = KCXX_DMA_IN_PROGRESS,
	Paused = KCXX_DMA_PAUSED,
	Error = KCXX_DMA_ERROR,
};

/// A submitted descriptor's number on its channel (dma_cookie_t, > 0).
struct DmaCookie {
	int value;
};

/// dmaengine_tx_status(): the status and the bytes not yet transferred.
struct DmaTxState {
	DmaStatus status;
	u32 residue;
};

/**
 * A DMA channel, owned: requested in probe, released when dropped.
 *
 * # Invariants
 * raw_ is null only when moved from; otherwise it is a channel this object
 * alone requested, of a controller that can terminate transfers, released
 * exactly once by the destructor, which first terminates whatever is still
 * queued on it.
 *
 * Context: requesting and dropping: process context, may sleep.
 */
class DmaChannel {
public:
	/**
	 * The channel `name` of `client`'s "dmas"/"dma-names" properties.
	 * EPROBE_DEFER while the provider has not registered (return it from
	 * probe); ENODEV when there is no such channel, the phandle is not a
	 * DMA controller or the names do not match; EOPNOTSUPP when its
	 * controller cannot terminate transfers.
	 */
	static Result<DmaChannel> request(const BoundDevice &client, const char *name)
	{
		// SAFETY: client is live; an ERR_PTR or a channel we now own.
		struct dma_chan *raw = TRY(from_err_ptr(kcxx_dma_request_chan(client.raw(), name)));
		return adopt(raw);
	}

	/// Any free channel that can do memcpy. ENODEV when none is free,
	/// EPROBE_DEFER when no DMA controller has registered at all.
	static Result<DmaChannel> request_memcpy()
	{
		// SAFETY: an ERR_PTR or a channel we now own.
		struct dma_chan *raw = TRY(from_err_ptr(kcxx_dma_request_memcpy_chan()));
		return adopt(raw);
	}

	DmaChannel(DmaChannel &&other) : raw_(exchange(other.raw_, nullptr)) {}
	DmaChannel(const DmaChannel &) = delete;
	DmaChannel &operator=(const DmaChannel &) = delete;
	DmaChannel &operator=(DmaChannel &&) = delete;

	~DmaChannel()
	{
		if (!raw_)
			return;
		// SAFETY: by the invariant, ours; nothing may run after release.
		(void)kcxx_dmaengine_terminate_sync(raw_);
		kcxx_dma_release_channel(raw_);
	}

	/// The DMA controller's device: map every buffer handed to this
	/// channel for it (DmaCoherent, DmaMapping, SgMapping, UserSgMapping).
	/// Valid while the channel is held.
	BoundDevice device() const
	{
		// INVARIANT: a dmaengine provider stays bound while its channels are
		// held (dma_async_device_unregister() requires them released).
		return BoundDevice(kcxx_dma_chan_dev(raw_));
	}

	/// The channel's name, e.g. "dma0chan2".
	const char *name() const { return kcxx_dma_chan_name(raw_); }

	/// Whether the controller can do memcpy (a channel requested by name
	/// may be a slave-only one).
	bool can_memcpy() const { return kcxx_dma_chan_has_memcpy(raw_) != 0; }

	/// Alignment the controller requires of memcpy addresses and lengths,
	/// in bytes (1: none).
	usize copy_alignment() const { return usize(1) << kcxx_dma_chan_copy_align(raw_); }

	/// Starts the descriptors submitted so far. Any context.
	void issue_pending() { kcxx_dma_async_issue_pending(raw_); }

	/// Aborts everything queued on the channel, yours and other users',
	/// and waits until no callback of it runs. Process context.
	Result<void> terminate_sync() { return to_result(kcxx_dmaengine_terminate_sync(raw_)); }

	/// Most a memcpy descriptor may carry, in bytes: the controller's
	/// dma_get_max_seg_size().
	usize max_copy_len() const { return kcxx_dma_chan_max_seg_size(raw_); }

	/// dmaengine_tx_status() of `cookie`.
	DmaTxState status(DmaCookie cookie) const
	{
		unsigned int residue = 0;
		int status = kcxx_dmaengine_tx_status(raw_, cookie.value, &residue);

		return DmaTxState{ static_cast<DmaStatus>(status), residue };
	}

	struct dma_chan *raw() const { return raw_; }

private:
	explicit DmaChannel(struct dma_chan *raw) : raw_(raw) {}

	static Result<DmaChannel> adopt(struct dma_chan *raw)
	{
		if (!raw)
			return code::ENODEV;
		if (!kcxx_dma_chan_can_terminate(raw)) {
			kcxx_dma_release_channel(raw);
			return code::EOPNOTSUPP;
		}
		// INVARIANT: requested just above, and terminable.
		return DmaChannel(raw);
	}

	struct dma_chan *raw_;
};

/**
 * One transfer on a channel: memcpy descriptors, submitted together and
 * waited for as a whole (the callback is on the last; a channel runs its
 * descriptors in order). Make it where it will stay (a local, a Box, a
 * CacheBox): the callback points at it.
 *
 * # Invariants
 * chan_ and stop_ outlive this object. While in_flight_, descriptors
 * prepared or submitted by it may be queued on chan_, and the callback may
 * still set done_ and wake stop_'s queue; the destructor then terminates
 * the channel (which it can: DmaChannel's invariant), after which no
 * callback runs. pending_ is the prepared, not yet submitted descriptor.
 *
 * Context: process context (prep may allocate with GFP_KERNEL; wait sleeps).
 */
class DmaTransfer : Pinned {
public:
	DmaTransfer(DmaChannel &chan, StopSignal &stop) : chan_(chan), stop_(stop) {}
	~DmaTransfer()
	{
		if (in_flight_)
			terminate();
	}

	/// Prepares a copy of `len` bytes (both addresses mapped for
	/// chan.device()); submits the one prepared before. EINVAL for len 0
	/// or after submit(); ENOMEM when the controller cannot make it.
	Result<void> add_memcpy(DmaAddr dst, DmaAddr src, usize len)
	{
		if (len == 0 || submitted_)
			return code::EINVAL;
		// SAFETY: the channel is held (invariant); the addresses are the
		// caller's mappings for its controller.
		struct dma_async_tx_descriptor *desc = kcxx_dmaengine_prep_dma_memcpy(
			chan_.raw(), dst.to_bridge(), src.to_bridge(), len,
			KCXX_DMA_PREP_INTERRUPT | KCXX_DMA_CTRL_ACK);
		if (!desc)
			return code::ENOMEM;
		// INVARIANT: a descriptor is queued (allocated) on the channel.
		in_flight_ = true;
		if (pending_)
			TRY(submit_one(exchange(pending_, desc), false));
		else
			pending_ = desc;
		descriptors_++;
		bytes_ += len;
		return {};
	}

	/// Submits the last descriptor, with the completion callback. EINVAL
	/// when nothing was added.
	Result<DmaCookie> submit()
	{
		if (!pending_)
			return code::EINVAL;
		TRY(submit_one(exchange(pending_, nullptr), true));
		submitted_ = true;
		return last_;
	}

	/// Starts the channel's submitted descriptors.
	void issue_pending() { chan_.issue_pending(); }

	/**
	 * Waits for the last descriptor's callback. Ends early, with the
	 * channel terminated (nothing of this transfer still runs): ETIMEDOUT
	 * after `timeout_ms`, ECANCELED when the StopSignal is raised, EINTR
	 * when a signal arrives. EIO when the controller reports an error.
	 */
	Result<void> wait(unsigned int timeout_ms) KCXX_MAY_SLEEP
	{
		if (!submitted_)
			return code::EINVAL;
		Result<void> waited = stop_.queue().wait_interruptible_timeout(
			[this] { return done_.load_acquire() || stop_.raised(); }, timeout_ms);
		if (!done_.load_acquire()) {
			terminate();
			if (waited.is_ok())
				return code::ECANCELED; // raised
			return waited.error() == code::ETIMEDOUT ? code::ETIMEDOUT : code::EINTR;
		}
		in_flight_ = false;
		if (chan_.status(last_).status != DmaStatus::Complete)
			return code::EIO;
		return {};
	}

	usize bytes() const { return bytes_; }
	usize descriptors() const { return descriptors_; }

private:
	// The controller's callback (a tasklet or an interrupt handler).
	static void complete(void *self)
	{
		auto *x = static_cast<DmaTransfer *>(self);
		x->done_.store_release(1);
		x->stop_.queue().wake_up_all();
	}

	void terminate()
	{
		// SAFETY: only -ENOSYS makes a terminable channel fail here; report
		// anything else, which means the controller may still run this.
		Result<void> r = chan_.terminate_sync();
		if (r.is_error())
			dev_err(chan_.device(), "%s: cannot terminate a transfer (error %d)\n",
				chan_.name(), r.error().to_errno());
		in_flight_ = false;
	}

	Result<void> submit_one(struct dma_async_tx_descriptor *desc, bool last)
	{
		// SAFETY: desc was prepared on chan_ and not yet submitted; this
		// object outlives the callback (terminated in the destructor).
		int cookie = kcxx_dmaengine_submit(desc, last ? &complete : nullptr, this);
		if (cookie < 0)
			return Error::from_errno(cookie);
		last_ = DmaCookie{ cookie };
		return {};
	}

	DmaChannel &chan_;
	StopSignal &stop_;
	Atomic<u32> done_{ 0 };
	struct dma_async_tx_descriptor *pending_ = nullptr;
	DmaCookie last_{ 0 };
	usize bytes_ = 0;
	usize descriptors_ = 0;
	bool submitted_ = false;
	bool in_flight_ = false;
};

} // namespace kcxx

#endif // KCXX_DMA_ENGINE_H
