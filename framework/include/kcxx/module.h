/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A module: its state and its metadata, <linux/module.h>'s module_init(),
 * module_exit() and MODULE_*() for C++.
 *
 * Example (compiled):
 *	class Hub {
 *	public:
 *		static Result<Box<Hub>> init() { return Box<Hub>::try_new(gfp::KERNEL); }
 *		~Hub() {} // unload
 *	};
 *
 *	KCXX_MODULE(Hub,
 *		    .license = "GPL",
 *		    .author = "Jane Doe",
 *		    .description = "What it is");
 *
 * init() acquires everything the module needs (platform drivers to register,
 * a tty driver, ...) into the state it returns; unloading drops it, so no
 * module writes an exit function or unwinds a failed init by hand. Modules
 * that are one platform driver use KCXX_MODULE_PLATFORM_DRIVER
 * (kcxx/platform.h).
 *
 * The strings land in .modinfo exactly as MODULE_INFO() puts them, so modpost
 * and modinfo read them as they read a C module's. init_module() and
 * cleanup_module() are the names the module loader looks for.
 */
#ifndef KCXX_MODULE_H
#define KCXX_MODULE_H

#include <kcxx/box.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

namespace kcxx {

/**
 * A module's .modinfo, by name, in this order: `.driver` (the platform
 * driver's name, for KCXX_MODULE_PLATFORM_DRIVER), `.license`, `.author`,
 * `.description`. License and description are required (modpost warns
 * without them, and a kcxx build fails on warnings).
 */
struct ModuleInfo {
	const char *driver = nullptr;
	const char *license = nullptr;
	const char *author = nullptr;
	const char *description = nullptr;
};

namespace detail {

consteval usize cstr_len(const char *s)
{
	usize n = 0;

	while (s[n])
		n++;
	return n;
}

/// One `tag=value` .modinfo string, NUL included.
template <usize N> struct ModinfoEntry {
	char text[N];
};

consteval usize modinfo_size(const char *tag, const char *value)
{
	return value ? cstr_len(tag) + 1 + cstr_len(value) + 1 : 1;
}

template <usize N> consteval ModinfoEntry<N> modinfo_entry(const char *tag, const char *value)
{
	ModinfoEntry<N> e{};
	usize at = 0;

	if (!value)
		return e; // an absent optional field: one NUL, which modinfo skips
	for (usize i = 0; tag[i]; i++)
		e.text[at++] = tag[i];
	e.text[at++] = '=';
	for (usize i = 0; value[i]; i++)
		e.text[at++] = value[i];
	return e;
}

// Not constexpr: calling one in check_module_info() is the compile error,
// and its name is the message.
void kcxx_module_info_needs_a_license();
void kcxx_module_info_needs_a_description();

consteval bool check_module_info(const ModuleInfo &info)
{
	if (!info.license)
		kcxx_module_info_needs_a_license();
	if (!info.description)
		kcxx_module_info_needs_a_description();
	return true;
}

/// Where the module's state lives between init_module() and cleanup_module().
template <typename State> struct ModuleSlot {
	static inline constinit State *state = nullptr;

	static int init()
	{
		auto made = State::init();

		if (made.is_error())
			return made.error().to_errno();
		state = move(made.release_value()).into_raw();
		return 0;
	}

	static void exit()
	{
		// SAFETY: state came from into_raw() in init(), which succeeded (or
		// the loader would not call exit); this is the only place it is
		// taken back.
		Box<State>::unsafe_from_raw(exchange(state, nullptr));
	}
};

template <typename State> consteval bool check_module_state()
{
	static_assert(requires { &State::init; },
		      "kcxx module: the state needs `static Result<Box<State>> init();`");
	static_assert(is_same_v<decltype(&State::init), Result<Box<State>> (*)()>,
		      "kcxx module: init must be exactly `static Result<Box<State>> init();`");
	return true;
}

} // namespace detail

} // namespace kcxx

#define KCXX_CONCAT_(a, b) a##b
#define KCXX_CONCAT(a, b) KCXX_CONCAT_(a, b)

/*
 * The loader calls the entry points through pointers: keep their addresses
 * visibly taken, as module_init() does, or objtool (x86 IBT) seals them.
 */
#define KCXX_ADDRESSABLE(fn, secname)                                         \
	[[gnu::used, gnu::section(secname)]]                                   \
	static constinit decltype(&(fn)) KCXX_CONCAT(kcxx_addressable_, fn) = &(fn);

/// One `tag=value` entry of .modinfo.
#define KCXX_MODULE_INFO(tag, value)                                           \
	[[gnu::section(".modinfo"), gnu::used, gnu::aligned(1)]]               \
	static const char KCXX_CONCAT(kcxx_modinfo_, __COUNTER__)[] =          \
		#tag "=" value

#define KCXX_MODULE_LICENSE(name) KCXX_MODULE_INFO(license, name)
#define KCXX_MODULE_AUTHOR(name) KCXX_MODULE_INFO(author, name)
#define KCXX_MODULE_DESCRIPTION(text) KCXX_MODULE_INFO(description, text)

/**
 * KCXX_MODULE_INIT(fn) - run `int fn()` when the module is loaded.
 *
 * fn returns 0 or a negative errno; an error makes insmod fail and the module
 * is not loaded.
 */
#define KCXX_MODULE_INIT(fn)                                                   \
	extern "C" int init_module(void);                                      \
	extern "C" int init_module(void) { return fn(); }                      \
	KCXX_ADDRESSABLE(init_module, ".init.data")

/// KCXX_MODULE_EXIT(fn) - run `void fn()` when the module is unloaded.
#define KCXX_MODULE_EXIT(fn)                                                   \
	extern "C" void cleanup_module(void);                                  \
	extern "C" void cleanup_module(void) { fn(); }                         \
	KCXX_ADDRESSABLE(cleanup_module, ".exit.data")

/// One .modinfo entry of a ModuleInfo field (absent optional ones are empty).
#define KCXX_MODINFO_FIELD(info, tag)                                                      \
	[[gnu::section(".modinfo"), gnu::used, gnu::aligned(1)]] static constexpr auto     \
		KCXX_CONCAT(kcxx_modinfo_, __COUNTER__) = ::kcxx::detail::modinfo_entry<   \
			::kcxx::detail::modinfo_size(#tag, (info).tag)>(#tag, (info).tag)

/// KCXX_MODULE for a ModuleInfo already declared (`info`, a constexpr object).
#define KCXX_MODULE_WITH_INFO(State, info)                                                 \
	static_assert(::kcxx::detail::check_module_info(info));                            \
	static_assert(::kcxx::detail::check_module_state<State>());                        \
	KCXX_MODINFO_FIELD(info, license);                                                 \
	KCXX_MODINFO_FIELD(info, author);                                                  \
	KCXX_MODINFO_FIELD(info, description);                                             \
	KCXX_MODULE_INIT(::kcxx::detail::ModuleSlot<State>::init)                          \
	KCXX_MODULE_EXIT(::kcxx::detail::ModuleSlot<State>::exit)

/**
 * KCXX_MODULE(State, .license = "...", .author = "...", .description = "...")
 * - a module whose state is State: State::init() runs at load, ~State at
 * unload. Use it once, at global scope.
 */
#define KCXX_MODULE(State, ...)                                                            \
	static constexpr ::kcxx::ModuleInfo kcxx_module_info{ __VA_ARGS__ };                \
	KCXX_MODULE_WITH_INFO(State, kcxx_module_info)

#endif // KCXX_MODULE_H
