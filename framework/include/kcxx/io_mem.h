/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory-mapped I/O: <asm/io.h>'s readX()/writeX() on a mapping whose size the
 * type knows, so that register offsets are checked when the driver compiles.
 *
 *	// A plain 0x1000-byte block, accessed by offset:
 *	u32 id = io.read32<0xfe0>();		// checked at compile time
 *	io.write32<0x400>(dir);
 *	u32 v = TRY(io.try_read32(off));	// checked at run time: EINVAL
 *
 *	// A register block (kcxx/register.h), accessed by register and field:
 *	struct Pl061 : RegisterMap<0x1000> { ... };
 *	IoMem<Pl061{}> gpio = TRY(IoMem<Pl061{}>::unsafe_from_raw(base, size));
 *	gpio.modify(Pl061::Dir::Pin<5>::set());
 *
 * The accessors are inline asm per architecture (kcxx/detail/io_arm64.h,
 * io_x86.h), instruction-identical to C's (tests/codegen/check proves it).
 * Documentation/framework/io_mem.rst has the whole story.
 */
#ifndef KCXX_IO_MEM_H
#define KCXX_IO_MEM_H

#include <kcxx/register_access.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#if defined(__aarch64__)
#include <kcxx/detail/io_arm64.h>
#elif defined(__x86_64__)
#include <kcxx/detail/io_x86.h>
#else
#error "kcxx/io_mem.h: no MMIO accessors for this architecture (arm64 and x86_64 only)"
#endif

namespace kcxx {

template <auto Layout> class IoMem;

/**
 * An address in I/O memory: the kernel's `void __iomem *`, opaque to C++.
 *
 * It cannot be dereferenced, indexed, or turned into a pointer: device
 * registers are reached only through IoMem's accessors, never by a plain load
 * or store the compiler may split, merge, repeat or drop.
 *
 * # Invariants
 * None of its own: an IoAddr is only a number. IoMem::unsafe_from_raw() is where one
 * is trusted to be a mapping.
 */
class IoAddr {
public:
	/// The null address; no IoMem accepts it.
	constexpr IoAddr() = default;

	/// Wraps what a bridge returned as `void KCXX_IOMEM *` (C++ sees void *).
	static IoAddr from_bridge(void *cookie) { return IoAddr(reinterpret_cast<uintptr>(cookie)); }

	/// For a bridge that takes a `void KCXX_IOMEM *` (iounmap() and the like).
	void *to_bridge() const { return reinterpret_cast<void *>(addr_); }

	constexpr bool is_null() const { return addr_ == 0; }

	constexpr bool operator==(const IoAddr &) const = default;

private:
	template <auto> friend class IoMem;

	constexpr explicit IoAddr(uintptr addr) : addr_(addr) {}

	uintptr addr_ = 0;
};

/**
 * A mapped block of device registers: `Layout` is its size in bytes
 * (`IoMem<0x1000>`) or a RegisterMap object (`IoMem<Pl061{}>`, see
 * kcxx/register.h), whose every register is checked to fit.
 *
 * Accessors come in pairs, as in C: readX()/writeX() order the access against
 * normal memory (a DMA buffer written before a doorbell write is visible to
 * the device), readX_relaxed()/writeX_relaxed() only against other MMIO to the
 * same device. With the offset as a template argument, an offset outside the
 * block or not a multiple of the width does not compile; try_readX(offset)
 * and try_writeX() check at run time and return EINVAL.
 *
 * An IoMem does not own its mapping: whoever called unsafe_from_raw() does (for a
 * platform device, devm). It cannot be copied, so one owner, normally the
 * driver's state, holds it; it can be moved.
 *
 * # Invariants
 * base_ is the start of an I/O memory mapping of at least `size` bytes that
 * stays mapped for as long as this IoMem, or one moved from it, is used.
 */
template <auto Layout> class IoMem : public RegisterAccess<IoMem<Layout>, Layout> {
	using layout = detail::IoLayout<Layout>;

public:
	/// Bytes of the block, from the size or the RegisterMap.
	static constexpr usize size = layout::size;

	/**
	 * The block at `base`, of which `mapped_size` bytes are mapped; EINVAL
	 * when that is less than `size` or `base` is null.
	 *
	 * # Safety
	 * `base` must come from the kernel's ioremap family (devm_ioremap_resource()
	 * for a platform device) and map `mapped_size` bytes of device memory
	 * that stay mapped for as long as the returned IoMem, or one moved from
	 * it, is used.
	 */
	static Result<IoMem> unsafe_from_raw(IoAddr base, usize mapped_size)
	{
		if (base.is_null() || mapped_size < size)
			return code::EINVAL;
		// INVARIANT: size bytes are mapped, checked just above; that they
		// stay mapped is the caller's promise (# Safety).
		return IoMem(base);
	}

	IoMem(IoMem &&) = default;
	IoMem &operator=(IoMem &&) = default;
	IoMem(const IoMem &) = delete;
	IoMem &operator=(const IoMem &) = delete;

	/// The mapping's address, for a bridge that needs it; opaque.
	IoAddr addr() const { return base_; }

	// --- by offset, checked at compile time -------------------------------

	template <usize Offset> [[gnu::always_inline]] u8 read8() const { return load<u8, Offset, true>(); }
	template <usize Offset> [[gnu::always_inline]] u16 read16() const { return load<u16, Offset, true>(); }
	template <usize Offset> [[gnu::always_inline]] u32 read32() const { return load<u32, Offset, true>(); }
	template <usize Offset> [[gnu::always_inline]] u64 read64() const { return load<u64, Offset, true>(); }

	template <usize Offset> [[gnu::always_inline]] u8 read8_relaxed() const { return load<u8, Offset, false>(); }
	template <usize Offset> [[gnu::always_inline]] u16 read16_relaxed() const { return load<u16, Offset, false>(); }
	template <usize Offset> [[gnu::always_inline]] u32 read32_relaxed() const { return load<u32, Offset, false>(); }
	template <usize Offset> [[gnu::always_inline]] u64 read64_relaxed() const { return load<u64, Offset, false>(); }

	template <usize Offset> [[gnu::always_inline]] void write8(u8 v) const { store<u8, Offset, true>(v); }
	template <usize Offset> [[gnu::always_inline]] void write16(u16 v) const { store<u16, Offset, true>(v); }
	template <usize Offset> [[gnu::always_inline]] void write32(u32 v) const { store<u32, Offset, true>(v); }
	template <usize Offset> [[gnu::always_inline]] void write64(u64 v) const { store<u64, Offset, true>(v); }

	template <usize Offset> [[gnu::always_inline]] void write8_relaxed(u8 v) const { store<u8, Offset, false>(v); }
	template <usize Offset> [[gnu::always_inline]] void write16_relaxed(u16 v) const { store<u16, Offset, false>(v); }
	template <usize Offset> [[gnu::always_inline]] void write32_relaxed(u32 v) const { store<u32, Offset, false>(v); }
	template <usize Offset> [[gnu::always_inline]] void write64_relaxed(u64 v) const { store<u64, Offset, false>(v); }

	// --- by offset, checked at run time ------------------------------------

	Result<u8> try_read8(usize offset) const { return try_load<u8, true>(offset); }
	Result<u16> try_read16(usize offset) const { return try_load<u16, true>(offset); }
	Result<u32> try_read32(usize offset) const { return try_load<u32, true>(offset); }
	Result<u64> try_read64(usize offset) const { return try_load<u64, true>(offset); }

	Result<u8> try_read8_relaxed(usize offset) const { return try_load<u8, false>(offset); }
	Result<u16> try_read16_relaxed(usize offset) const { return try_load<u16, false>(offset); }
	Result<u32> try_read32_relaxed(usize offset) const { return try_load<u32, false>(offset); }
	Result<u64> try_read64_relaxed(usize offset) const { return try_load<u64, false>(offset); }

	Result<void> try_write8(u8 v, usize offset) const { return try_store<u8, true>(v, offset); }
	Result<void> try_write16(u16 v, usize offset) const { return try_store<u16, true>(v, offset); }
	Result<void> try_write32(u32 v, usize offset) const { return try_store<u32, true>(v, offset); }
	Result<void> try_write64(u64 v, usize offset) const { return try_store<u64, true>(v, offset); }

	Result<void> try_write8_relaxed(u8 v, usize offset) const { return try_store<u8, false>(v, offset); }
	Result<void> try_write16_relaxed(u16 v, usize offset) const { return try_store<u16, false>(v, offset); }
	Result<void> try_write32_relaxed(u32 v, usize offset) const { return try_store<u32, false>(v, offset); }
	Result<void> try_write64_relaxed(u64 v, usize offset) const { return try_store<u64, false>(v, offset); }

	// --- by register, field and register array: RegisterAccess ----------
	// (kcxx/register_access.h): read<R>(), write(), modify(), ...

private:
	// INVARIANT: only unsafe_from_raw() calls this, after checking the size.
	explicit IoMem(IoAddr base) : base_(base) {}

	static constexpr bool in_bounds(usize offset, usize width)
	{
		return offset <= size && width <= size - offset && offset % width == 0;
	}

	template <typename T, usize Offset> static constexpr void check_offset()
	{
		static_assert(Offset <= size && sizeof(T) <= size - Offset,
			      "kcxx::IoMem: offset out of range: the access does not fit in the "
			      "IoMem's size");
		static_assert(Offset % sizeof(T) == 0,
			      "kcxx::IoMem: misaligned offset: it must be a multiple of the "
			      "access width");
	}

	template <typename T, usize Offset, bool Ordered> [[gnu::always_inline]] T load() const
	{
		check_offset<T, Offset>();
		// SAFETY: the offset is inside the mapping and aligned (checked at
		// compile time just above), which is mapped by the type invariant.
		if constexpr (Ordered)
			return detail::io::read<T>(base_.addr_ + Offset);
		else
			return detail::io::read_relaxed<T>(base_.addr_ + Offset);
	}

	template <typename T, usize Offset, bool Ordered>
	[[gnu::always_inline]] void store(T v) const
	{
		check_offset<T, Offset>();
		// SAFETY: as in load().
		if constexpr (Ordered)
			detail::io::write<T>(v, base_.addr_ + Offset);
		else
			detail::io::write_relaxed<T>(v, base_.addr_ + Offset);
	}

	template <typename T, bool Ordered> Result<T> try_load(usize offset) const
	{
		if (!in_bounds(offset, sizeof(T)))
			return code::EINVAL;
		// SAFETY: the offset is inside the mapping and aligned (checked just
		// above), which is mapped by the type invariant.
		if constexpr (Ordered)
			return detail::io::read<T>(base_.addr_ + offset);
		else
			return detail::io::read_relaxed<T>(base_.addr_ + offset);
	}

	template <typename T, bool Ordered> Result<void> try_store(T v, usize offset) const
	{
		if (!in_bounds(offset, sizeof(T)))
			return code::EINVAL;
		// SAFETY: as in try_load().
		if constexpr (Ordered)
			detail::io::write<T>(v, base_.addr_ + offset);
		else
			detail::io::write_relaxed<T>(v, base_.addr_ + offset);
		return {};
	}

	friend class RegisterAccess<IoMem, Layout>;

	// RegisterAccess's backend. Precondition: offset + sizeof(T) <= size,
	// offset % sizeof(T) == 0 (RegisterAccess checks both when it compiles).
	template <typename T, bool Ordered>
	[[gnu::always_inline]] T load_at(usize offset) const
	{
		// SAFETY: the offset is inside the mapping and aligned (the
		// precondition), which is mapped by the type invariant.
		if constexpr (Ordered)
			return detail::io::read<T>(base_.addr_ + offset);
		else
			return detail::io::read_relaxed<T>(base_.addr_ + offset);
	}

	template <typename T, bool Ordered>
	[[gnu::always_inline]] void store_at(T v, usize offset) const
	{
		// SAFETY: as in load_at().
		if constexpr (Ordered)
			detail::io::write<T>(v, base_.addr_ + offset);
		else
			detail::io::write_relaxed<T>(v, base_.addr_ + offset);
	}

	IoAddr base_;
};

} // namespace kcxx

#endif // KCXX_IO_MEM_H
