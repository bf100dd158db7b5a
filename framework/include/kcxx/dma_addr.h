/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DmaAddr and DmaDirection: <linux/types.h>'s dma_addr_t and
 * <linux/dma-direction.h>'s enum dma_data_direction, as types of their own.
 */
#ifndef KCXX_DMA_ADDR_H
#define KCXX_DMA_ADDR_H

#include <kcxx/generated/kconsts.h>
#include <kcxx/types.h>

namespace kcxx {

/**
 * An address as a device sees memory (a bus address), the kernel's dma_addr_t.
 *
 * It is not a CPU address: it cannot be dereferenced, indexed or turned into a
 * pointer, and no integer converts to one implicitly. Only the DMA objects
 * (DmaCoherent, DmaMapping, SgMapping, DmaPoolBox) make them; a driver hands
 * value() to its device (a descriptor, a register).
 *
 * # Invariants
 * None of its own: a DmaAddr is only a number. It is meaningful while the
 * object that made it lives.
 */
class DmaAddr {
public:
	/// Address 0 (which some buses can use: not a "no mapping" marker).
	constexpr DmaAddr() = default;

	/// Wraps what a bridge returned as an unsigned long long.
	static constexpr DmaAddr from_bridge(u64 addr) { return DmaAddr(addr); }

	/// For a bridge that takes a dma_addr_t.
	constexpr u64 to_bridge() const { return addr_; }

	/// The address as the device needs it: for a descriptor or a register.
	constexpr u64 value() const { return addr_; }

	constexpr bool is_null() const { return addr_ == 0; }

	constexpr bool operator==(const DmaAddr &) const = default;

private:
	constexpr explicit DmaAddr(u64 addr) : addr_(addr) {}

	u64 addr_ = 0;
};

static_assert(sizeof(DmaAddr) == KCXX_SIZEOF_DMA_ADDR, "dma_addr_t is not 64 bits on this target");

/**
 * Which way data moves in a streaming mapping, the kernel's
 * enum dma_data_direction. It is a template argument of DmaMapping and
 * SgMapping, so an access that makes no sense for it does not compile.
 */
enum class DmaDirection : int {
	/// The device reads and writes.
	Bidirectional = KCXX_DMA_BIDIRECTIONAL,
	/// The CPU fills, the device reads (a transmit buffer).
	ToDevice = KCXX_DMA_TO_DEVICE,
	/// The device fills, the CPU reads (a receive buffer).
	FromDevice = KCXX_DMA_FROM_DEVICE,
};

namespace detail {
/// What the CPU may do with a synced buffer of direction Dir: read what the
/// device wrote (FromDevice: const), or also write (ToDevice, Bidirectional).
template <DmaDirection Dir, typename T> struct DmaCpuView {
	using type = T;
};
template <typename T> struct DmaCpuView<DmaDirection::FromDevice, T> {
	using type = const T;
};
template <DmaDirection Dir, typename T> using dma_cpu_view_t = typename DmaCpuView<Dir, T>::type;
} // namespace detail

} // namespace kcxx

#endif // KCXX_DMA_ADDR_H
