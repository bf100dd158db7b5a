/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Module metadata and entry points: <linux/module.h>'s MODULE_* and
 * module_init()/module_exit() for C++.
 *
 * The strings land in .modinfo exactly as MODULE_INFO() puts them, so modpost
 * and modinfo read them as they read a C module's. init_module() and
 * cleanup_module() are the names the module loader looks for.
 */
#ifndef KCXX_MODULE_H
#define KCXX_MODULE_H

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

#endif // KCXX_MODULE_H
