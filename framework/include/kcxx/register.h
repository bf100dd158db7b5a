/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed device registers and bitfields: what C drivers spell with #define
 * offsets, GENMASK() and FIELD_PREP()/FIELD_GET() (include/linux/bitfield.h),
 * as types the compiler checks. kcxx/io_mem.h reads and writes them.
 *
 * A register block is a RegisterMap: its size, one type per register and the
 * list of them. Each register has a value width, an offset and an access mode;
 * its fields name bit ranges of it:
 *
 *	struct Uart : kcxx::RegisterMap<0x1000> {
 *		struct Data : Register<u32, 0x000, ReadWrite> {};
 *		struct Flags : Register<u32, 0x018, ReadOnly> {
 *			using TxFull = Field<Flags, 5, 1, bool>;
 *		};
 *		struct Ctrl : Register<u32, 0x030, ReadWrite> {
 *			using Enable = Field<Ctrl, 0, 1, bool>;
 *			using TxEnable = Field<Ctrl, 8, 1, bool>;
 *		};
 *		using registers = RegisterList<Data, Flags, Ctrl>;
 *	};
 *
 *	IoMem<Uart{}> &io = ...;
 *	while (io.read<Uart::Flags::TxFull>())
 *		cpu_relax();
 *	io.modify(Uart::Ctrl::Enable::set() | Uart::Ctrl::TxEnable::set());
 *
 * What the compiler rejects: reading a write-only register or writing a
 * read-only one, a field of one register applied to another, a field wider
 * than its register, a misaligned register, a register outside its map, and a
 * register of another map used on this IoMem.
 */
#ifndef KCXX_REGISTER_H
#define KCXX_REGISTER_H

#include <kcxx/types.h>

namespace kcxx {

namespace detail {

template <typename T> inline constexpr bool is_mmio_value_v = false;
template <> inline constexpr bool is_mmio_value_v<u8> = true;
template <> inline constexpr bool is_mmio_value_v<u16> = true;
template <> inline constexpr bool is_mmio_value_v<u32> = true;
template <> inline constexpr bool is_mmio_value_v<u64> = true;

struct RegisterTag {};
struct FieldTag {};
struct RegisterMapTag {};
struct AccessTag {};

template <typename V, typename Raw> struct FieldValueType {
	using type = V;
};
template <typename Raw> struct FieldValueType<void, Raw> {
	using type = Raw;
};

} // namespace detail

/// Access modes of a register, as data sheets give them.
struct ReadOnly : detail::AccessTag {
	static constexpr bool readable = true, writable = false;
};
struct WriteOnly : detail::AccessTag {
	static constexpr bool readable = false, writable = true;
};
struct ReadWrite : detail::AccessTag {
	static constexpr bool readable = true, writable = true;
};

/**
 * A device register: `T` wide (u8, u16, u32 or u64) at byte `Offset` of its
 * block, with access mode `A`.
 *
 * Derive one type per register (`struct Ctrl : Register<u32, 0x30> {};`) so
 * that its fields belong to it alone.
 *
 * # Invariants
 * Offset is a multiple of sizeof(T): every access to the register is
 * naturally aligned, as MMIO requires.
 */
template <typename T, usize Offset, typename A = ReadWrite> struct Register : detail::RegisterTag {
	static_assert(detail::is_mmio_value_v<T>,
		      "kcxx::Register: the value type must be u8, u16, u32 or u64");
	static_assert(Offset % sizeof(T) == 0,
		      "kcxx::Register: misaligned register: its offset must be a multiple "
		      "of its width");
	static_assert(__is_base_of(detail::AccessTag, A),
		      "kcxx::Register: the access mode must be ReadOnly, WriteOnly or ReadWrite");

	using value_type = T;
	using access = A;
	static constexpr usize offset = Offset;
	static constexpr bool readable = A::readable;
	static constexpr bool writable = A::writable;
};

template <typename R> concept register_type = __is_base_of(detail::RegisterTag, R);

/**
 * Values for some fields of register `R`, to write or to merge in: `mask` says
 * which bits they cover, `value` what those bits become. Made by Field::val(),
 * set() and clear(); `|` combines values of fields of the same register.
 *
 * # Invariants
 * value has no bit outside mask.
 */
template <register_type R> class FieldValue {
public:
	using value_type = typename R::value_type;

	/// Both together. Fields of different registers do not combine: there is
	/// no `|` between FieldValue<A> and FieldValue<B>.
	constexpr FieldValue operator|(FieldValue other) const
	{
		// INVARIANT: a union of values within their masks stays within
		// the union of the masks.
		return FieldValue(mask_ | other.mask_, value_ | other.value_);
	}

	constexpr value_type mask() const { return mask_; }
	constexpr value_type value() const { return value_; }

	/// `old` with the covered bits replaced: what modify() writes back.
	constexpr value_type apply(value_type old) const
	{
		return static_cast<value_type>((old & ~mask_) | value_);
	}

private:
	template <typename, unsigned, unsigned, typename> friend struct Field;

	constexpr FieldValue(value_type mask, value_type value)
		: mask_(mask), value_(static_cast<value_type>(value & mask))
	{
	}

	value_type mask_;
	value_type value_;
};

/**
 * Bits [Shift, Shift + Width) of register `R`, read as a `V` (the register's
 * value type by default; bool or an enum where that says more).
 *
 * Declare it inside its register, where `R` is still incomplete:
 * `using Enable = Field<Ctrl, 0, 1, bool>;`. The checks run where it is used.
 *
 * # Invariants
 * 1 <= Width and Shift + Width <= the register's width in bits, so mask() is
 * non-zero and inside the register.
 */
template <typename R, unsigned Shift, unsigned Width, typename V = void>
struct Field : detail::FieldTag {
	using register_type = R;

	static_assert(kcxx::register_type<R>, "kcxx::Field: R must be a Register");
	static_assert(Width >= 1, "kcxx::Field: a field is at least one bit wide");
	static_assert(Shift + Width <= 8 * sizeof(typename R::value_type),
		      "kcxx::Field: the field does not fit in its register");

	using raw_type = typename R::value_type;
	using value_type = typename detail::FieldValueType<V, raw_type>::type;

	static constexpr raw_type mask()
	{
		constexpr u64 low = Width == 64 ? ~u64{0} : (u64{1} << Width) - 1;

		return static_cast<raw_type>(low << Shift);
	}

	/// The field set to `v`; bits of `v` beyond the field's width are dropped,
	/// as FIELD_PREP() would (that one warns only for constants).
	static constexpr FieldValue<R> val(value_type v)
	{
		return FieldValue<R>(mask(), static_cast<raw_type>(static_cast<raw_type>(v) << Shift));
	}

	/// Every bit of the field set, or clear.
	static constexpr FieldValue<R> set() { return FieldValue<R>(mask(), mask()); }
	static constexpr FieldValue<R> clear() { return FieldValue<R>(mask(), 0); }

	/// The field's value in a raw register value (FIELD_GET()).
	static constexpr value_type get(raw_type raw)
	{
		return static_cast<value_type>((raw & mask()) >> Shift);
	}
};

template <typename F> concept field_type = __is_base_of(detail::FieldTag, F);

/**
 * A register's value, read once: a local copy whose fields can be examined
 * without touching the device again (tock's LocalRegisterCopy).
 *
 * # Invariants
 * None beyond holding a value of register `R`'s width.
 */
template <register_type R> class RegValue {
public:
	using value_type = typename R::value_type;

	constexpr explicit RegValue(value_type raw) : raw_(raw) {}

	constexpr value_type raw() const { return raw_; }

	/// Field F of this value; F must belong to register R.
	template <field_type F> constexpr typename F::value_type get() const
	{
		static_assert(__is_same(typename F::register_type, R),
			      "kcxx::RegValue: this field belongs to another register");
		return F::get(raw_);
	}

	/// Whether every bit of field F is set.
	template <field_type F> constexpr bool is_set() const
	{
		static_assert(__is_same(typename F::register_type, R),
			      "kcxx::RegValue: this field belongs to another register");
		return (raw_ & F::mask()) == F::mask();
	}

	/// Whether the fields covered by `fv` hold exactly its values.
	constexpr bool matches_all(FieldValue<R> fv) const
	{
		return (raw_ & fv.mask()) == fv.value();
	}

	/// This value with the fields of `fv` replaced; the device is not touched.
	constexpr RegValue with(FieldValue<R> fv) const { return RegValue(fv.apply(raw_)); }

private:
	value_type raw_;
};

/// The registers of a RegisterMap, for IoMem to check at compile time.
template <register_type... Rs> struct RegisterList {
	template <typename R> static constexpr bool contains = (__is_same(R, Rs) || ...);
};

/**
 * A register block of `Size` bytes. Derive the device's block from it and
 * declare `using registers = RegisterList<...>;` with every register type;
 * IoMem<Block{}> then checks at compile time that each one fits in Size.
 *
 * It is an empty literal type, so an object of it, `Block{}`, can be a template
 * argument: that is how IoMem tells a register block from a plain size.
 */
template <usize Size> struct RegisterMap : detail::RegisterMapTag {
	static_assert(Size > 0, "kcxx::RegisterMap: a register block has a size");
	static constexpr usize size = Size;
};

template <typename M> concept register_map_type = __is_base_of(detail::RegisterMapTag, M);

} // namespace kcxx

#endif // KCXX_REGISTER_H
