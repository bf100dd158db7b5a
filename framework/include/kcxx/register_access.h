/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed register access (kcxx/register.h) over any register file that can
 * load and store a value at a byte offset: IoMem's MMIO in the kernel, a
 * simulated bank in a host unit test. The checks and the field arithmetic are
 * written once, here; a backend only moves bits.
 *
 * A backend derives from RegisterAccess<Backend, Layout> and gives it
 *
 *	template <typename T, bool Ordered> T load_at(usize offset) const;
 *	template <typename T, bool Ordered> void store_at(T v, usize offset) const;
 *
 * which RegisterAccess calls only with offsets inside the layout, aligned
 * for T (that is their precondition; Ordered selects readX() or
 * readX_relaxed() semantics).
 */
#ifndef KCXX_REGISTER_ACCESS_H
#define KCXX_REGISTER_ACCESS_H

#include <kcxx/register.h>
#include <kcxx/types.h>

namespace kcxx {

namespace detail {

template <typename T> inline constexpr bool is_size_type_v = false;
template <> inline constexpr bool is_size_type_v<int> = true;
template <> inline constexpr bool is_size_type_v<unsigned int> = true;
template <> inline constexpr bool is_size_type_v<long> = true;
template <> inline constexpr bool is_size_type_v<unsigned long> = true;
template <> inline constexpr bool is_size_type_v<long long> = true;
template <> inline constexpr bool is_size_type_v<unsigned long long> = true;

/// Bytes a register, or every element of an array of them, covers.
template <typename R> constexpr usize register_extent()
{
	if constexpr (register_array_type<R>)
		return R::extent;
	else
		return sizeof(typename R::value_type);
}

template <typename R, usize Size> struct RegisterFits {
	static_assert(R::offset <= Size && register_extent<R>() <= Size - R::offset,
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

/// What a Layout template argument says: a size in bytes, or a register map.
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
	static_assert(
		requires { typename L::registers; },
		"kcxx::IoMem: a RegisterMap must say `using registers = RegisterList<...>;`");
	static_assert(RegistersFit<L::size, typename L::registers>::value);

	static constexpr bool is_map = true;
	static constexpr usize size = L::size;
	template <typename R> static constexpr bool has = L::registers::template contains<R>;
};

} // namespace detail

/**
 * Reads, writes and read-modify-writes of registers, fields and register
 * arrays of `Layout` on the backend `B` (CRTP: B derives from this).
 *
 * Every access is checked when it compiles: the register belongs to the
 * layout and fits in it, is readable or writable as the access needs, and a
 * field applies to its own register only. Run-time indices are checked once,
 * when the ElementRef or FieldRef is made (try_at()), not at each access.
 *
 * # Invariants
 * None of its own; B's load_at()/store_at() are called only with offsets
 * inside the layout and aligned for the access.
 */
template <typename B, auto Layout> class RegisterAccess {
	using layout = detail::IoLayout<Layout>;

public:
	// --- a whole register, a field of it -----------------------------------

	/// The whole register, read once.
	template <register_type R> [[gnu::always_inline]] RegValue<R> read() const
	{
		return RegValue<R>(get<R, true>(R::offset));
	}
	template <register_type R> [[gnu::always_inline]] RegValue<R> read_relaxed() const
	{
		return RegValue<R>(get<R, false>(R::offset));
	}

	/// One field, from one read of its register.
	template <field_type F> [[gnu::always_inline]] typename F::value_type read() const
	{
		using R = typename F::register_type;

		return F::get(get<R, true>(R::offset));
	}
	template <field_type F> [[gnu::always_inline]] typename F::value_type read_relaxed() const
	{
		using R = typename F::register_type;

		return F::get(get<R, false>(R::offset));
	}

	/// Whether every bit of field F is set, from one read of its register.
	template <field_type F> [[gnu::always_inline]] bool is_set() const
	{
		return read<typename F::register_type>().template is_set<F>();
	}

	/// Writes a raw value: `io.write<Ctrl>(0)`.
	template <register_type R>
	[[gnu::always_inline]] void write(typename R::value_type raw) const
	{
		set<R, true>(R::offset, raw);
	}
	template <register_type R>
	[[gnu::always_inline]] void write_relaxed(typename R::value_type raw) const
	{
		set<R, false>(R::offset, raw);
	}

	/// Writes a value read (and perhaps changed with RegValue::with()) earlier.
	template <register_type R> [[gnu::always_inline]] void write(RegValue<R> v) const
	{
		set<R, true>(R::offset, v.raw());
	}
	template <register_type R> [[gnu::always_inline]] void write_relaxed(RegValue<R> v) const
	{
		set<R, false>(R::offset, v.raw());
	}

	/// Writes the given fields; every other bit of the register becomes 0.
	template <register_type R> [[gnu::always_inline]] void write(FieldValue<R> fv) const
	{
		set<R, true>(R::offset, fv.value());
	}
	template <register_type R> [[gnu::always_inline]] void write_relaxed(FieldValue<R> fv) const
	{
		set<R, false>(R::offset, fv.value());
	}

	/**
	 * Read-modify-write: the given fields change, every other bit (other
	 * fields, reserved bits) is written back as read. Not atomic: callers
	 * serialise it against other writers of the register (a lock, or the
	 * device's single owner).
	 */
	template <register_type R> [[gnu::always_inline]] void modify(FieldValue<R> fv) const
	{
		update<R, true>(R::offset, fv);
	}
	template <register_type R>
	[[gnu::always_inline]] void modify_relaxed(FieldValue<R> fv) const
	{
		update<R, false>(R::offset, fv);
	}

	// --- an element of a RegisterArray -------------------------------------

	template <register_array_type A>
	[[gnu::always_inline]] RegValue<typename A::element_type> read(ElementRef<A> e) const
	{
		return RegValue<typename A::element_type>(get<A, true>(e.offset()));
	}

	/// One field of one element, from one read of it.
	template <register_array_type A, typename V>
	[[gnu::always_inline]] V read(FieldAt<A, V> f) const
	{
		return f.field.get(get<A, true>(f.reg.offset()));
	}

	template <register_array_type A>
	[[gnu::always_inline]] void write(ElementRef<A> e, typename A::value_type raw) const
	{
		set<A, true>(e.offset(), raw);
	}
	template <register_array_type A> [[gnu::always_inline]] void
	write(ElementRef<A> e, FieldValue<typename A::element_type> fv) const
	{
		set<A, true>(e.offset(), fv.value());
	}
	template <register_array_type A> [[gnu::always_inline]] void write(ElementValue<A> ev) const
	{
		set<A, true>(ev.reg.offset(), ev.fields.value());
	}

	template <register_array_type A> [[gnu::always_inline]] void
	modify(ElementRef<A> e, FieldValue<typename A::element_type> fv) const
	{
		update<A, true>(e.offset(), fv);
	}
	template <register_array_type A>
	[[gnu::always_inline]] void modify(ElementValue<A> ev) const
	{
		update<A, true>(ev.reg.offset(), ev.fields);
	}

private:
	/// R is a Register or a RegisterArray of the layout.
	template <typename R> static constexpr void check_register()
	{
		static_assert(layout::template has<R>,
			      "kcxx::IoMem: this register is not in the IoMem's RegisterMap");
		static_assert(R::offset <= layout::size &&
				      detail::register_extent<R>() <= layout::size - R::offset,
			      "kcxx::IoMem: offset out of range: the access does not fit in the "
			      "IoMem's size");
	}

	template <typename R> static constexpr auto access()
	{
		if constexpr (register_array_type<R>)
			return typename R::element_type::access{};
		else
			return typename R::access{};
	}

	template <typename R, bool Ordered>
	[[gnu::always_inline]] typename R::value_type get(usize offset) const
	{
		static_assert(decltype(access<R>())::readable,
			      "kcxx::IoMem: this register is write-only: it cannot be read");
		check_register<R>();
		// SAFETY: offset is R's (or, for an array, an ElementRef's, whose
		// index is below the count): inside the layout (check_register())
		// and aligned (Register's and RegisterArray's invariants).
		return self().template load_at<typename R::value_type, Ordered>(offset);
	}

	template <typename R, bool Ordered>
	[[gnu::always_inline]] void set(usize offset, typename R::value_type raw) const
	{
		static_assert(decltype(access<R>())::writable,
			      "kcxx::IoMem: this register is read-only: it cannot be written");
		check_register<R>();
		// SAFETY: as in get().
		self().template store_at<typename R::value_type, Ordered>(raw, offset);
	}

	template <typename R, bool Ordered, typename E>
	[[gnu::always_inline]] void update(usize offset, FieldValue<E> fv) const
	{
		static_assert(decltype(access<R>())::readable && decltype(access<R>())::writable,
			      "kcxx::IoMem: modify() reads and writes the register: it must be "
			      "ReadWrite");
		set<R, Ordered>(offset, fv.apply(get<R, Ordered>(offset)));
	}

	const B &self() const { return static_cast<const B &>(*this); }
};

} // namespace kcxx

#endif // KCXX_REGISTER_ACCESS_H
