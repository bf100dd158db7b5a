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
 *	IoMem<Pl061{}> gpio = TRY(IoMem<Pl061{}>::from_raw(base, size));
 *	gpio.modify(Pl061::Dir::Pin<5>::set());
 *
 * The accessors are inline asm per architecture (kcxx/detail/io_arm64.h,
 * io_x86.h), instruction-identical to C's (tests/codegen/check proves it).
 * Documentation/framework/io_mem.rst has the whole story.
 */
#ifndef KCXX_IO_MEM_H
#define KCXX_IO_MEM_H

#include <kcxx/register.h>
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
 * None of its own: an IoAddr is only a number. IoMem::from_raw() is where one
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

namespace detail {

template <typename T> inline constexpr bool is_size_type_v = false;
template <> inline constexpr bool is_size_type_v<int> = true;
template <> inline constexpr bool is_size_type_v<unsigned int> = true;
template <> inline constexpr bool is_size_type_v<long> = true;
template <> inline constexpr bool is_size_type_v<unsigned long> = true;
template <> inline constexpr bool is_size_type_v<long long> = true;
template <> inline constexpr bool is_size_type_v<unsigned long long> = true;

template <typename R, usize Size> struct RegisterFits {
	static_assert(R::offset <= Size && sizeof(typename R::value_type) <= Size - R::offset,
		      "kcxx::IoMem: a register of this RegisterMap lies outside the map's size");
	static constexpr bool value = true;
};

template <usize Size, typename List> struct RegistersFit {
	static_assert(sizeof(List) == 0,
		      "kcxx::IoMem: a RegisterMap must say `using registers = RegisterList<...>;`");
};
template <usize Size, typename... Rs> struct RegistersFit<Size, RegisterList<Rs...>> {
	static constexpr bool value = (RegisterFits<Rs, Size>::value && ... && true);
};

/// What IoMem's template argument says: a size in bytes, or a register map.
template <auto Layout, typename L = decltype(Layout)> struct IoLayout {
	static_assert(is_size_type_v<L>,
		      "kcxx::IoMem<Layout>: Layout is a size in bytes (IoMem<0x1000>) or a "
		      "RegisterMap object (IoMem<MyRegs{}>)");
	static_assert(static_cast<usize>(Layout) > 0, "kcxx::IoMem: the size must not be 0");

	static constexpr bool is_map = false;
	static constexpr usize size = static_cast<usize>(Layout);
	template <typename R> static constexpr bool has = true;
};

template <auto Layout, register_map_type L> struct IoLayout<Layout, L> {
	static_assert(requires { typename L::registers; },
		      "kcxx::IoMem: a RegisterMap must say `using registers = RegisterList<...>;`");
	static_assert(RegistersFit<L::size, typename L::registers>::value);

	static constexpr bool is_map = true;
	static constexpr usize size = L::size;
	template <typename R>
	static constexpr bool has = L::registers::template contains<R>;
};

} // namespace detail

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
 * An IoMem does not own its mapping: whoever called from_raw() does (for a
 * platform device, devm). It cannot be copied, so one owner, normally the
 * driver's state, holds it; it can be moved.
 *
 * # Invariants
 * base_ is the start of an I/O memory mapping of at least `size` bytes that
 * stays mapped for as long as this IoMem, or one moved from it, is used.
 */
template <auto Layout> class IoMem {
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
	static Result<IoMem> from_raw(IoAddr base, usize mapped_size)
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

	// --- by register and field (kcxx/register.h) ---------------------------

	/// The whole register, read once.
	template <register_type R> [[gnu::always_inline]] RegValue<R> read() const
	{
		return RegValue<R>(get<R, true>());
	}
	template <register_type R> [[gnu::always_inline]] RegValue<R> read_relaxed() const
	{
		return RegValue<R>(get<R, false>());
	}

	/// One field, from one read of its register.
	template <field_type F> [[gnu::always_inline]] typename F::value_type read() const
	{
		return F::get(get<typename F::register_type, true>());
	}
	template <field_type F> [[gnu::always_inline]] typename F::value_type read_relaxed() const
	{
		return F::get(get<typename F::register_type, false>());
	}

	/// Whether every bit of field F is set, from one read of its register.
	template <field_type F> [[gnu::always_inline]] bool is_set() const
	{
		return read<typename F::register_type>().template is_set<F>();
	}

	/// Writes a raw value: `io.write<Ctrl>(0)`.
	template <register_type R> [[gnu::always_inline]] void write(typename R::value_type raw) const
	{
		set<R, true>(raw);
	}
	template <register_type R>
	[[gnu::always_inline]] void write_relaxed(typename R::value_type raw) const
	{
		set<R, false>(raw);
	}

	/// Writes a value read (and perhaps changed with RegValue::with()) earlier.
	template <register_type R> [[gnu::always_inline]] void write(RegValue<R> v) const
	{
		set<R, true>(v.raw());
	}
	template <register_type R> [[gnu::always_inline]] void write_relaxed(RegValue<R> v) const
	{
		set<R, false>(v.raw());
	}

	/// Writes the given fields; every other bit of the register becomes 0.
	template <register_type R> [[gnu::always_inline]] void write(FieldValue<R> fv) const
	{
		set<R, true>(fv.value());
	}
	template <register_type R> [[gnu::always_inline]] void write_relaxed(FieldValue<R> fv) const
	{
		set<R, false>(fv.value());
	}

	/**
	 * Read-modify-write: the given fields change, the rest of the register
	 * is written back as read. Not atomic: callers serialise it against other
	 * writers of the register (a lock, or the device's single owner).
	 */
	template <register_type R> [[gnu::always_inline]] void modify(FieldValue<R> fv) const
	{
		static_assert(R::readable && R::writable,
			      "kcxx::IoMem: modify() reads and writes the register: it must be "
			      "ReadWrite");
		set<R, true>(fv.apply(get<R, true>()));
	}
	template <register_type R> [[gnu::always_inline]] void modify_relaxed(FieldValue<R> fv) const
	{
		static_assert(R::readable && R::writable,
			      "kcxx::IoMem: modify() reads and writes the register: it must be "
			      "ReadWrite");
		set<R, false>(fv.apply(get<R, false>()));
	}

private:
	// INVARIANT: only from_raw() calls this, after checking the size.
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

	template <typename R> static constexpr void check_register()
	{
		static_assert(layout::template has<R>,
			      "kcxx::IoMem: this register is not in the IoMem's RegisterMap");
		check_offset<typename R::value_type, R::offset>();
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

	template <typename R, bool Ordered> [[gnu::always_inline]] typename R::value_type get() const
	{
		static_assert(R::readable,
			      "kcxx::IoMem: this register is write-only: it cannot be read");
		check_register<R>();
		return load<typename R::value_type, R::offset, Ordered>();
	}

	template <typename R, bool Ordered>
	[[gnu::always_inline]] void set(typename R::value_type raw) const
	{
		static_assert(R::writable,
			      "kcxx::IoMem: this register is read-only: it cannot be written");
		check_register<R>();
		store<typename R::value_type, R::offset, Ordered>(raw);
	}

	IoAddr base_;
};

} // namespace kcxx

#endif // KCXX_IO_MEM_H
