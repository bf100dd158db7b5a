/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IoPorts<N>: a claimed range of N I/O ports; <linux/ioport.h>'s
 * request_region() and <asm/io.h>'s inb()/outl() for C++.
 *
 * Example (compiled):
 *	inline Result<u8> line_status()
 *	{
 *		auto ports = TRY(IoPorts<8>::request(0x3f8, "mydrv")); // EBUSY, ENXIO
 *		ports.out8<3>(0x80); // LCR: offset and width in the type
 *		return ports.in8<5>();
 *	}
 *
 * The classic bugs cannot be written: ports are used only through a claimed
 * region (released when it is dropped), a constant offset past the region or
 * misaligned for its width does not compile, a run-time offset is checked
 * (EINVAL), and each accessor is the instruction C's inb()/outl() is (x86's
 * in/out; on arm64 an ordered MMIO access at PCI_IOBASE + port), checked by
 * tests/codegen. Where the port space has nothing behind it (arm64 without a
 * PCI host bridge's I/O window), request() is ENXIO rather than a fault later.
 */
#ifndef KCXX_IO_PORTS_H
#define KCXX_IO_PORTS_H

#include <kcxx/bridge/ioport.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

#if defined(__aarch64__)
#include <kcxx/detail/io_arm64.h>
#elif defined(__x86_64__)
#include <kcxx/detail/io_x86.h>
#else
#error "kcxx/io_ports.h: no port accessors for this architecture (arm64 and x86_64 only)"
#endif

namespace kcxx {

/**
 * N consecutive I/O ports, claimed.
 *
 * # Invariants
 * Unless moved from (claimed_ false), ports [base_, base_ + N) are claimed in
 * ioport_resource under this object's name and lie in a bus window, so every
 * access below reaches the bus; the claim is released on drop.
 */
template <usize N> class IoPorts {
	static_assert(N > 0, "kcxx::IoPorts: a region of 0 ports");

public:
	static constexpr usize size = N;

	/**
	 * Claims ports [base, base + N) for `name` (shown in /proc/ioports; a
	 * string that outlives the claim). EBUSY when any is taken, ENXIO when
	 * the range is past the port space or nothing is behind it.
	 */
	static Result<IoPorts> request(unsigned long base, const char *name)
	{
		if (base > KCXX_IO_SPACE_LIMIT || N - 1 > KCXX_IO_SPACE_LIMIT - base)
			return code::ENXIO;
		struct resource *region = kcxx_request_region(base, N, name);
		if (!region)
			return code::EBUSY;
		if (!kcxx_region_has_bus_window(region)) {
			kcxx_release_region(base, N);
			return code::ENXIO;
		}
		return IoPorts(base);
	}

	IoPorts(IoPorts &&other) : base_(other.base_), claimed_(exchange(other.claimed_, false)) {}
	IoPorts(const IoPorts &) = delete;
	IoPorts &operator=(const IoPorts &) = delete;
	IoPorts &operator=(IoPorts &&) = delete;
	~IoPorts()
	{
		if (claimed_)
			kcxx_release_region(base_, N);
	}

	/// The first port.
	unsigned long base() const { return base_; }

	// --- by offset, checked at compile time -------------------------------

	template <usize Offset> [[gnu::always_inline]] u8 in8() const { return in<u8, Offset>(); }
	template <usize Offset> [[gnu::always_inline]] u16 in16() const
	{
		return in<u16, Offset>();
	}
	template <usize Offset> [[gnu::always_inline]] u32 in32() const
	{
		return in<u32, Offset>();
	}
	template <usize Offset> [[gnu::always_inline]] void out8(u8 v) const { out<u8, Offset>(v); }
	template <usize Offset> [[gnu::always_inline]] void out16(u16 v) const
	{
		out<u16, Offset>(v);
	}
	template <usize Offset> [[gnu::always_inline]] void out32(u32 v) const
	{
		out<u32, Offset>(v);
	}

	// --- by offset, checked at run time (EINVAL) --------------------------

	Result<u8> try_in8(usize offset) const { return try_in<u8>(offset); }
	Result<u16> try_in16(usize offset) const { return try_in<u16>(offset); }
	Result<u32> try_in32(usize offset) const { return try_in<u32>(offset); }
	Result<void> try_out8(u8 v, usize offset) const { return try_out<u8>(v, offset); }
	Result<void> try_out16(u16 v, usize offset) const { return try_out<u16>(v, offset); }
	Result<void> try_out32(u32 v, usize offset) const { return try_out<u32>(v, offset); }

private:
	explicit IoPorts(unsigned long base) : base_(base), claimed_(true) {}

	template <typename T, usize Offset> static constexpr bool fits()
	{
		static_assert(Offset <= N && sizeof(T) <= N - Offset,
			      "kcxx::IoPorts: port offset out of range");
		static_assert(Offset % sizeof(T) == 0,
			      "kcxx::IoPorts: port offset misaligned for the access width");
		return true;
	}

	static bool fits(usize offset, usize width)
	{
		return offset <= N && width <= N - offset && offset % width == 0;
	}

	template <typename T, usize Offset> [[gnu::always_inline]] T in() const
	{
		static_assert(fits<T, Offset>());
		// SAFETY: by the invariant the ports are claimed and reach a bus;
		// the offset was checked against N above.
		return detail::io::port_in<T>(static_cast<detail::io::Port>(base_ + Offset));
	}

	template <typename T, usize Offset> [[gnu::always_inline]] void out(T v) const
	{
		static_assert(fits<T, Offset>());
		// SAFETY: as in().
		detail::io::port_out<T>(v, static_cast<detail::io::Port>(base_ + Offset));
	}

	template <typename T> Result<T> try_in(usize offset) const
	{
		if (!fits(offset, sizeof(T)))
			return code::EINVAL;
		// SAFETY: as in(), the offset checked just above.
		return detail::io::port_in<T>(static_cast<detail::io::Port>(base_ + offset));
	}

	template <typename T> Result<void> try_out(T v, usize offset) const
	{
		if (!fits(offset, sizeof(T)))
			return code::EINVAL;
		// SAFETY: as in(), the offset checked just above.
		detail::io::port_out<T>(v, static_cast<detail::io::Port>(base_ + offset));
		return {};
	}

	unsigned long base_;
	bool claimed_;
};

} // namespace kcxx

#endif // KCXX_IO_PORTS_H
