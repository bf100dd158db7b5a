/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DmaCoherent: memory the CPU and a device share, <linux/dma-mapping.h>'s
 * dma_alloc_coherent()/dma_free_coherent() for C++, typed.
 *
 *	// One T (e.g. a device's control block):
 *	auto cb = TRY(DmaCoherent<ControlBlock>::try_new(dev, gfp::KERNEL));
 *	cb->len = 64;
 *	regs.write32<CONBLK_AD>(u32(cb.dma_handle().value()));
 *
 *	// `count` T, decided at run time (a descriptor ring):
 *	auto ring = TRY(DmaCoherent<Desc[]>::try_new(dev, 16, gfp::KERNEL));
 *	TRY(ring.try_write(i, Desc{ ... }));	// EINVAL past the end
 *	DmaAddr next = TRY(ring.dma_handle_of(i + 1));
 *
 * The memory starts zeroed and constructed, its size comes from T, and it is
 * freed exactly once, with the device and size it was allocated with, when
 * the DmaCoherent is dropped.
 */
#ifndef KCXX_DMA_COHERENT_H
#define KCXX_DMA_COHERENT_H

#include <kcxx/bridge/dma.h>
#include <kcxx/detail/device_ref.h>
#include <kcxx/device.h>
#include <kcxx/dma_addr.h>
#include <kcxx/gfp.h>
#include <kcxx/result.h>
#include <kcxx/span.h>
#include <kcxx/utility.h>

namespace kcxx {

namespace detail {

/**
 * One dma_alloc_coherent() allocation, which both forms of DmaCoherent own.
 *
 * # Invariants
 * cpu_ is null only when moved from; otherwise cpu_ and handle_ are the CPU
 * and DMA addresses of bytes_ bytes allocated for dev_'s device, which only
 * this object frees.
 */
class CoherentAlloc {
public:
	static Result<CoherentAlloc> try_new(BoundDevice &dev, usize bytes, Gfp flags)
	{
		unsigned long long handle = 0;
		// SAFETY: dev is live and bound (the DmaCoherent invariant's
		// precondition); on failure nothing was allocated.
		void *cpu = kcxx_dma_alloc_coherent(dev.raw(), bytes, &handle, flags.bits());

		if (!cpu)
			return code::ENOMEM;
		// INVARIANT: a fresh allocation of `bytes`, owned by this object alone.
		return CoherentAlloc(DeviceRef(dev), cpu, DmaAddr::from_bridge(handle), bytes);
	}

	CoherentAlloc(CoherentAlloc &&other)
		: dev_(move(other.dev_)), cpu_(exchange(other.cpu_, nullptr)),
		  handle_(other.handle_), bytes_(other.bytes_)
	{
	}
	CoherentAlloc(const CoherentAlloc &) = delete;
	CoherentAlloc &operator=(const CoherentAlloc &) = delete;
	CoherentAlloc &operator=(CoherentAlloc &&) = delete;

	~CoherentAlloc()
	{
		if (!cpu_)
			return;
		// SAFETY: by the invariant, this is our allocation, freed once, with
		// the device (kept alive by dev_) and size it was made with.
		kcxx_dma_free_coherent(dev_.raw(), bytes_, cpu_, handle_.to_bridge());
	}

	void *cpu() const { return cpu_; }
	DmaAddr handle() const { return handle_; }
	usize bytes() const { return bytes_; }
	struct device *device() const { return dev_.raw(); }

private:
	CoherentAlloc(DeviceRef &&dev, void *cpu, DmaAddr handle, usize bytes)
		: dev_(move(dev)), cpu_(cpu), handle_(handle), bytes_(bytes)
	{
	}

	DeviceRef dev_;
	void *cpu_;
	DmaAddr handle_;
	usize bytes_;
};

template <typename T> constexpr void check_dma_coherent_type()
{
	static_assert(is_trivially_copyable_v<T>,
		      "kcxx::DmaCoherent<T>: the device reads and writes T's bytes behind the "
		      "compiler's back: T must be trivially copyable (plain data)");
	static_assert(alignof(T) <= KCXX_PAGE_SIZE,
		      "kcxx::DmaCoherent<T>: coherent memory is page-aligned, T asks for more");
}

} // namespace detail

/**
 * One T in coherent DMA memory, owned. DmaCoherent<T[]> (below) holds a run
 * of T whose length is chosen at run time.
 *
 * Coherent memory may be uncached: keep CPU accesses few and plain. A store
 * made before an IoMem::writeX() (not _relaxed) is visible to the device when
 * that write reaches it.
 *
 * # Invariants
 * While not moved from, it owns sizeof(T) bytes of coherent memory of its
 * device holding a live T, at dma_handle() for the device. It holds a
 * reference on the struct device; the driver must also stay bound for as long
 * as the DmaCoherent lives (the kernel tears down a device's DMA setup when
 * it unbinds): own it in the driver's state, which the platform bus drops at
 * unbind before anything else is released, or in a local of probe.
 *
 * Context: allocating with gfp::KERNEL and dropping: process context.
 */
template <typename T> class DmaCoherent {
public:
	/// Allocates zeroed coherent memory for `dev` and constructs T from `args`.
	template <typename... Args>
	static Result<DmaCoherent> try_new(BoundDevice &dev, Gfp flags, Args &&...args)
	{
		detail::check_dma_coherent_type<T>();
		auto mem = TRY(detail::CoherentAlloc::try_new(dev, sizeof(T), flags));
		new (mem.cpu()) T(forward<Args>(args)...);
		return DmaCoherent(move(mem));
	}

	DmaCoherent(DmaCoherent &&) = default;
	DmaCoherent(const DmaCoherent &) = delete;
	DmaCoherent &operator=(const DmaCoherent &) = delete;
	DmaCoherent &operator=(DmaCoherent &&) = delete;

	T *operator->() const { return get(); }
	T &operator*() const { return *get(); }
	T *get() const { return static_cast<T *>(mem_.cpu()); }

	/// Where the device finds the T.
	DmaAddr dma_handle() const { return mem_.handle(); }

private:
	explicit DmaCoherent(detail::CoherentAlloc &&mem) : mem_(move(mem)) {}

	detail::CoherentAlloc mem_;
};

/**
 * `len()` T in coherent DMA memory, owned: a descriptor ring, a buffer.
 *
 * Every CPU access is bounds-checked: try_read()/try_write()/dma_handle_of()
 * return EINVAL past the end; as_span() is a Span whose subspan() does the
 * same and whose operator[] oopses rather than overrun.
 *
 * # Invariants
 * As DmaCoherent<T>, for len_ > 0 consecutive live T.
 */
template <typename T> class DmaCoherent<T[]> {
public:
	/// Allocates `count` zeroed, value-initialised T. EINVAL for 0, ENOMEM
	/// when the size overflows or the memory is not there.
	static Result<DmaCoherent> try_new(BoundDevice &dev, usize count, Gfp flags)
	{
		usize bytes;

		detail::check_dma_coherent_type<T>();
		if (count == 0)
			return code::EINVAL;
		if (__builtin_mul_overflow(count, sizeof(T), &bytes))
			return code::ENOMEM;
		auto mem = TRY(detail::CoherentAlloc::try_new(dev, bytes, flags));
		T *elems = static_cast<T *>(mem.cpu());
		for (usize i = 0; i < count; i++)
			new (&elems[i]) T();
		// INVARIANT: count live T, just constructed.
		return DmaCoherent(move(mem), count);
	}

	DmaCoherent(DmaCoherent &&other) : mem_(move(other.mem_)), len_(exchange(other.len_, 0)) {}
	DmaCoherent(const DmaCoherent &) = delete;
	DmaCoherent &operator=(const DmaCoherent &) = delete;
	DmaCoherent &operator=(DmaCoherent &&) = delete;

	usize len() const { return len_; }

	/// The elements, for the CPU.
	Span<T> as_span() const
	{
		// SAFETY: by the invariant, len_ live T, alive as long as this object.
		return Span<T>::unsafe_from_raw(data(), len_);
	}

	/// A copy of element `i`, or EINVAL past the end.
	Result<T> try_read(usize i) const
	{
		if (i >= len_)
			return code::EINVAL;
		return data()[i];
	}

	/// Stores `value` as element `i`, or EINVAL past the end.
	Result<void> try_write(usize i, const T &value) const
	{
		if (i >= len_)
			return code::EINVAL;
		data()[i] = value;
		return {};
	}

	/// Where the device finds element 0.
	DmaAddr dma_handle() const { return mem_.handle(); }

	/// Where the device finds element `i` (a ring's next pointer), or EINVAL.
	Result<DmaAddr> dma_handle_of(usize i) const
	{
		if (i >= len_)
			return code::EINVAL;
		return DmaAddr::from_bridge(mem_.handle().value() + i * sizeof(T));
	}

	/// The device it was allocated for, for a bridge call (a user mapping).
	struct device *raw_device() const { return mem_.device(); }

private:
	DmaCoherent(detail::CoherentAlloc &&mem, usize len) : mem_(move(mem)), len_(len) {}

	T *data() const { return static_cast<T *>(mem_.cpu()); }

	detail::CoherentAlloc mem_;
	usize len_;
};

} // namespace kcxx

#endif // KCXX_DMA_COHERENT_H
