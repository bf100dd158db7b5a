/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed device registers and bitfields: what C drivers spell with #define
 * offsets, GENMASK() and FIELD_PREP()/FIELD_GET() (include/linux/bitfield.h),
 * as types the compiler checks. kcxx/io_mem.h reads and writes them.
 *
 * A register block is a RegisterMap: its size, one type per register and the
 * list of them. Each register has a value width, an offset and an access mode;
 * its fields name bit ranges of it. IoMem (kcxx/io_mem.h) reads and writes
 * them.
 *
 * Example (compiled):
 *	#include <kcxx/io_mem.h>
 *
 *	struct Uart : RegisterMap<0x1000> {
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
 *	inline bool try_send(const IoMem<Uart{}> &io, u8 c)
 *	{
 *		io.modify(Uart::Ctrl::Enable::set() | Uart::Ctrl::TxEnable::set());
 *		if (io.read<Uart::Flags::TxFull>())
 *			return false;
 *		io.write<Uart::Data>(c);
 *		return true;
 *	}
 *
 * Banks of registers and rows of fields are RegisterArray, FieldArray and
 * ArrayField (Documentation/framework/io_mem.rst, whose example is compiled).
 *
 * What the compiler rejects: reading a write-only register or writing a
 * read-only one, a field of one register applied to another, a field wider
 * than its register, a misaligned register, a register outside its map, and a
 * register of another map used on this IoMem.
 */
#ifndef KCXX_REGISTER_H
#define KCXX_REGISTER_H

#include <kcxx/result.h>
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
struct RegisterArrayTag {};
struct FieldArrayTag {};

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
	template <typename, typename> friend class FieldRef;

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
 * One field of register `R` chosen at run time, read as a `V`: an element of a
 * FieldArray, made by its at() or try_at() only.
 *
 * # Invariants
 * The field lies inside the register: shift_ + width_ <= the register's width
 * in bits, 1 <= width_. FieldArray checks the index before making one.
 */
template <typename R, typename V> class FieldRef {
public:
	using raw_type = typename R::value_type;
	using value_type = V;

	constexpr raw_type mask() const
	{
		u64 low = width_ == 64 ? ~u64{0} : (u64{1} << width_) - 1;

		return static_cast<raw_type>(low << shift_);
	}

	/// The field set to `v`, as Field::val().
	constexpr FieldValue<R> val(value_type v) const
	{
		return FieldValue<R>(mask(), static_cast<raw_type>(static_cast<raw_type>(v) << shift_));
	}
	constexpr FieldValue<R> set() const { return FieldValue<R>(mask(), mask()); }
	constexpr FieldValue<R> clear() const { return FieldValue<R>(mask(), 0); }

	/// The field's value in a raw register value.
	constexpr value_type get(raw_type raw) const
	{
		return static_cast<value_type>((raw & mask()) >> shift_);
	}

private:
	template <typename, unsigned, unsigned, typename, unsigned> friend struct FieldArray;

	constexpr FieldRef(unsigned shift, unsigned width) : shift_(shift), width_(width) {}

	unsigned shift_;
	unsigned width_;
};

namespace detail {

template <unsigned I, unsigned Count, unsigned Stride> consteval unsigned element_shift()
{
	static_assert(I < Count, "kcxx::FieldArray: index out of range");
	return I * Stride;
}

} // namespace detail

/**
 * `Count` fields of `Width` bits in register `R`, element i at bit i * Stride:
 * a bit per pin in a data register, 3 bits per pin in a function select.
 * Each is read as a `V` (an enum class names the values a data sheet gives).
 *
 *	struct Con : Register<u32, 0x00> {
 *		enum class Mode : u32 { Input = 0, Output = 1 };
 *		using Pin = FieldArray<Con, 4, 8, Mode>;
 *	};
 *	io.modify(Con::Pin::At<3>::val(Con::Mode::Output));	 // index checked when compiled
 *	io.modify(TRY(Con::Pin::try_at(pin)).val(Con::Mode::Output)); // EINVAL past 7
 *
 * Stride can exceed Width: the bits between fields are reserved, and a
 * read-modify-write keeps whatever they hold.
 *
 * # Invariants
 * Every element lies inside the register (checked where the array is used,
 * when R is complete).
 */
template <typename R, unsigned Width, unsigned Count, typename V = void, unsigned Stride = Width>
struct FieldArray : detail::FieldArrayTag {
	using register_type = R;
	using raw_type = typename R::value_type;
	using value_type = typename detail::FieldValueType<V, raw_type>::type;

	static_assert(kcxx::register_type<R>, "kcxx::FieldArray: R must be a Register");
	static_assert(Width >= 1 && Count >= 1, "kcxx::FieldArray: at least one field of one bit");
	static_assert(Stride >= Width, "kcxx::FieldArray: fields must not overlap");
	static_assert((Count - 1) * Stride + Width <= 8 * sizeof(raw_type),
		      "kcxx::FieldArray: the fields do not fit in their register");

	static constexpr usize count = Count;

	/// Element I, as a Field type; I >= Count does not compile.
	template <unsigned I> using At = Field<R, detail::element_shift<I, Count, Stride>(), Width, V>;

	/// Element `i`, checked at run time: EINVAL past the last.
	static Result<FieldRef<R, value_type>> try_at(usize i)
	{
		if (i >= Count)
			return code::EINVAL;
		// INVARIANT: i < Count, and every element fits (static_assert above).
		return FieldRef<R, value_type>(static_cast<unsigned>(i) * Stride, Width);
	}
};

template <typename F> concept field_array_type = __is_base_of(detail::FieldArrayTag, F);

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

	/// Field `f` (an element of one of R's FieldArrays) of this value.
	template <typename V> constexpr V get(FieldRef<R, V> f) const { return f.get(raw_); }

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

template <typename A> concept register_array_type = __is_base_of(detail::RegisterArrayTag, A);

/// A register of an array, chosen at run time: made by RegisterArray only,
/// so holding one proves its index is in range.
///
/// # Invariants
/// index_ < A::count.
template <typename A> class ElementRef {
public:
	constexpr usize index() const { return index_; }
	/// Byte offset in the register block.
	constexpr usize offset() const { return A::offset + index_ * A::stride; }

private:
	friend A;

	constexpr explicit ElementRef(usize index) : index_(index) {}

	usize index_;
};

/**
 * `Count` registers like `R`, the first at R's offset, each `Stride` bytes
 * after the previous: GPFSEL0..5, Pn_CFG0..3, a PL061's 256 data aliases.
 * The fields of R apply to every element.
 *
 *	struct Fsel : Register<u32, 0x00> { ... };
 *	using Fsels = RegisterArray<Fsel, 6>;
 *	io.read(Fsels::at<2>());		 // index checked when compiled
 *	io.modify(TRY(Fsels::try_at(n)), ...);	 // EINVAL past the last
 *
 * List the array, not R, in the map's RegisterList: IoMem checks that its
 * last element fits.
 *
 * # Invariants
 * Stride is a non-zero multiple of the register's width, so every element is
 * naturally aligned when the first is.
 */
template <typename R, usize Count, usize Stride = sizeof(typename R::value_type)>
struct RegisterArray : detail::RegisterArrayTag {
	static_assert(kcxx::register_type<R>, "kcxx::RegisterArray: R must be a Register");
	static_assert(Count >= 1, "kcxx::RegisterArray: an array has at least one register");
	static_assert(Stride >= sizeof(typename R::value_type) &&
			      Stride % sizeof(typename R::value_type) == 0,
		      "kcxx::RegisterArray: the stride must be a multiple of the register's width");

	using element_type = R;
	using value_type = typename R::value_type;
	static constexpr usize offset = R::offset;
	static constexpr usize count = Count;
	static constexpr usize stride = Stride;
	/// Bytes from the first element's start to the end of the last.
	static constexpr usize extent = (Count - 1) * Stride + sizeof(value_type);

	/// Element I; I >= Count does not compile.
	template <usize I> static constexpr ElementRef<RegisterArray> at()
	{
		static_assert(I < Count, "kcxx::RegisterArray: index out of range");
		return ElementRef<RegisterArray>(I);
	}

	/// Element `i`, checked at run time: EINVAL past the last.
	static Result<ElementRef<RegisterArray>> try_at(usize i)
	{
		if (i >= Count)
			return code::EINVAL;
		// INVARIANT: i < Count, checked just above.
		return ElementRef<RegisterArray>(i);
	}
};

/// Field values for one element of array A: what IoMem::write() and modify()
/// take for a FieldAt.
template <register_array_type A> struct ElementValue {
	ElementRef<A> reg;
	FieldValue<typename A::element_type> fields;
};

/// One field of one register of an array, both chosen at run time.
template <register_array_type A, typename V> struct FieldAt {
	using value_type = V;

	ElementRef<A> reg;
	FieldRef<typename A::element_type, V> field;

	constexpr ElementValue<A> val(V v) const { return { reg, field.val(v) }; }
	constexpr ElementValue<A> set() const { return { reg, field.set() }; }
	constexpr ElementValue<A> clear() const { return { reg, field.clear() }; }
};

/**
 * A FieldArray repeated over a RegisterArray and numbered straight through:
 * element i is field i % FA::count of register i / FA::count. That is how a
 * data sheet numbers pins across GPFSEL0..5 (10 per register) or GPSET0..1
 * (32 per register), so a driver indexes by pin and shifts nothing.
 *
 *	using Functions = ArrayField<Fsels, Fsel::Pin>;
 *	io.modify(TRY(Functions::try_at(pin)).val(Fsel::Function::Output));
 */
template <register_array_type A, field_array_type FA> struct ArrayField {
	static_assert(__is_same(typename FA::register_type, typename A::element_type),
		      "kcxx::ArrayField: the fields belong to another register");

	using array = A;
	using value_type = typename FA::value_type;
	static constexpr usize count = A::count * FA::count;

	/// Element `i`: EINVAL past the last.
	static Result<FieldAt<A, value_type>> try_at(usize i)
	{
		return FieldAt<A, value_type>{ TRY(A::try_at(i / FA::count)),
					       TRY(FA::try_at(i % FA::count)) };
	}
};

/// The registers of a RegisterMap, for IoMem to check at compile time:
/// Register and RegisterArray types.
template <typename... Rs> struct RegisterList {
	static_assert(((kcxx::register_type<Rs> || register_array_type<Rs>) && ... && true),
		      "kcxx::RegisterList: list Register and RegisterArray types only");
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
