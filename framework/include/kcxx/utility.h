/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few pieces of <utility>, <type_traits> and <new> kcxx needs: C++ in the
 * kernel has no standard library.
 */
#ifndef KCXX_UTILITY_H
#define KCXX_UTILITY_H

#include <kcxx/types.h>

#if __has_include(<new>)
#include <new> // host tools (clang-tidy, unit tests) have the real one
#else
/// Placement new: constructs an object in memory the caller already owns.
[[nodiscard]] inline void *operator new(kcxx::usize, void *place) noexcept
{
	return place;
}
#endif

namespace kcxx {

template <typename T> struct remove_reference {
	using type = T;
};
template <typename T> struct remove_reference<T &> {
	using type = T;
};
template <typename T> struct remove_reference<T &&> {
	using type = T;
};
template <typename T> using remove_reference_t = typename remove_reference<T>::type;

template <typename T> constexpr remove_reference_t<T> &&move(T &&v) noexcept
{
	return static_cast<remove_reference_t<T> &&>(v);
}

template <typename T> constexpr T &&forward(remove_reference_t<T> &v) noexcept
{
	return static_cast<T &&>(v);
}

template <typename T> constexpr T &&forward(remove_reference_t<T> &&v) noexcept
{
	return static_cast<T &&>(v);
}

template <typename T, typename U = T> constexpr T exchange(T &obj, U &&value)
{
	T old = move(obj);
	obj = forward<U>(value);
	return old;
}

template <typename A, typename B> inline constexpr bool is_same_v = false;
template <typename A> inline constexpr bool is_same_v<A, A> = true;

template <typename T> struct remove_cv {
	using type = T;
};
template <typename T> struct remove_cv<const T> {
	using type = T;
};
template <typename T> struct remove_cv<volatile T> {
	using type = T;
};
template <typename T> struct remove_cv<const volatile T> {
	using type = T;
};
template <typename T> using remove_cvref_t = typename remove_cv<remove_reference_t<T>>::type;

template <typename T> inline constexpr bool is_void_v = is_same_v<T, void>;

template <typename T> inline constexpr bool is_integral_v = false;
template <> inline constexpr bool is_integral_v<bool> = true;
template <> inline constexpr bool is_integral_v<char> = true;
template <> inline constexpr bool is_integral_v<signed char> = true;
template <> inline constexpr bool is_integral_v<unsigned char> = true;
template <> inline constexpr bool is_integral_v<short> = true;
template <> inline constexpr bool is_integral_v<unsigned short> = true;
template <> inline constexpr bool is_integral_v<int> = true;
template <> inline constexpr bool is_integral_v<unsigned int> = true;
template <> inline constexpr bool is_integral_v<long> = true;
template <> inline constexpr bool is_integral_v<unsigned long> = true;
template <> inline constexpr bool is_integral_v<long long> = true;
template <> inline constexpr bool is_integral_v<unsigned long long> = true;

template <typename T>
inline constexpr bool is_trivially_copyable_v = __is_trivially_copyable(T);

/// True when every bit of a T is part of its value: no padding that could
/// carry stale kernel memory to user space.
template <typename T>
inline constexpr bool has_unique_object_representations_v = __has_unique_object_representations(T);

template <typename T, typename... Args>
inline constexpr bool is_constructible_v = __is_constructible(T, Args...);

/// The number of elements of an array, as std::size() (array_size() is a
/// kernel macro). Unlike sizeof(a) / sizeof(a[0]), it does not compile for
/// a pointer.
template <typename T, usize N> constexpr usize countof(const T (&)[N]) noexcept
{
	return N;
}

/// Marks a type that must not be copied (or moved): it has kernel identity,
/// such as a lock the kernel links into lists.
struct Pinned {
	Pinned() = default;
	Pinned(const Pinned &) = delete;
	Pinned &operator=(const Pinned &) = delete;
	Pinned(Pinned &&) = delete;
	Pinned &operator=(Pinned &&) = delete;
};

/// Storage for a kernel object C++ cannot name, sized and aligned from the
/// target's headers (kcxx/generated/kconsts.h).
template <usize Size, usize Align> struct alignas(Align) Opaque {
	unsigned char bytes[Size];

	void *get() { return bytes; }
	const void *get() const { return bytes; }
};

/// A kernel object that is empty in this configuration (a lock_class_key
/// without lockdep): C++ objects cannot have size 0, the kernel's can.
template <usize Align> struct alignas(Align) Opaque<0, Align> {
	void *get() { return this; }
	const void *get() const { return this; }
};

} // namespace kcxx

#endif // KCXX_UTILITY_H
