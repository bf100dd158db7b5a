/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed module parameters: <linux/moduleparam.h>'s module_param() for C++,
 * with the value's range part of its declaration.
 *
 *	KCXX_MODULE_PARAM_RANGE(ports, uint, 0, 0, 16, 0444, "Ports to create");
 *	...
 *	for (u32 i = 0; i < ports.get(); i++)
 *
 * declares `ports`, a ModuleParam<u32> that `insmod m.ko ports=N` sets,
 * /sys/module/m/parameters/ports shows (and sets, with a writable mode) and
 * `modinfo` lists as "parm: ports:Ports to create (uint)". A value outside
 * the range or not a number fails the load (or the sysfs write) with -EINVAL
 * or -ERANGE and a message naming the parameter; the old value stays.
 *
 * The kernel walks a module's "__param" section at load for struct
 * kernel_param records: KCXX_MODULE_PARAM emits one, laid out as the target's
 * struct (checked against kconsts at compile time), whose operations are
 * ModuleParam's own set/get. Each record is aligned as the struct, no more:
 * the kernel walks the section as an array, and GCC would otherwise align a
 * 40-byte object to 32 bytes on x86_64, leaving holes it would read as
 * records (found by the q35 boot). Types: bool, int, uint, long, ulong, short,
 * ushort, byte, llong, ullong (module_param()'s names).
 */
#ifndef KCXX_MODULE_PARAM_H
#define KCXX_MODULE_PARAM_H

#include <kcxx/bridge/sysfs.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/module.h>
#include <kcxx/print.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

extern "C" struct module __this_module;

#ifdef KBUILD_MODNAME
#define KCXX_PARAM_PREFIX_ KBUILD_MODNAME ": "
#else
#define KCXX_PARAM_PREFIX_ ""
#endif

namespace kcxx {

namespace detail {

struct KernelParam;

/// The layout of struct kernel_param_ops.
struct KernelParamOps {
	unsigned int flags;
	int (*set)(const char *val, const KernelParam *kp);
	int (*get)(char *buffer, const KernelParam *kp);
	void (*free)(void *arg);
};

/// The layout of struct kernel_param (its union is the one pointer used here).
struct KernelParam {
	const char *name;
	struct module *mod;
	const KernelParamOps *ops;
	u16 perm;
	s8 level;
	u8 flags;
	void *arg;
};

static_assert(sizeof(KernelParam) == KCXX_SIZEOF_KERNEL_PARAM &&
		      alignof(KernelParam) == KCXX_ALIGNOF_KERNEL_PARAM &&
		      __builtin_offsetof(KernelParam, ops) == KCXX_OFFSETOF_KERNEL_PARAM_OPS &&
		      __builtin_offsetof(KernelParam, perm) == KCXX_OFFSETOF_KERNEL_PARAM_PERM &&
		      __builtin_offsetof(KernelParam, level) == KCXX_OFFSETOF_KERNEL_PARAM_LEVEL &&
		      __builtin_offsetof(KernelParam, arg) == KCXX_OFFSETOF_KERNEL_PARAM_ARG,
	      "struct kernel_param changed layout: teach <kcxx/module_param.h> the new one");
static_assert(
	sizeof(KernelParamOps) == KCXX_SIZEOF_KERNEL_PARAM_OPS &&
		__builtin_offsetof(KernelParamOps, set) == KCXX_OFFSETOF_KERNEL_PARAM_OPS_SET &&
		__builtin_offsetof(KernelParamOps, get) == KCXX_OFFSETOF_KERNEL_PARAM_OPS_GET &&
		__builtin_offsetof(KernelParamOps, free) == KCXX_OFFSETOF_KERNEL_PARAM_OPS_FREE,
	"struct kernel_param_ops changed layout: teach <kcxx/module_param.h> the new one");

/// module_param()'s type names, as the C++ types they hold.
#define KCXX_PARAM_TYPE_(name, T) using ParamType_##name = T;
KCXX_PARAM_TYPE_(bool, bool)
KCXX_PARAM_TYPE_(int, int)
KCXX_PARAM_TYPE_(uint, unsigned int)
KCXX_PARAM_TYPE_(long, long)
KCXX_PARAM_TYPE_(ulong, unsigned long)
KCXX_PARAM_TYPE_(short, short)
KCXX_PARAM_TYPE_(ushort, unsigned short)
KCXX_PARAM_TYPE_(byte, unsigned char)
KCXX_PARAM_TYPE_(llong, long long)
KCXX_PARAM_TYPE_(ullong, unsigned long long)
#undef KCXX_PARAM_TYPE_

template <typename T> constexpr T lowest()
{
	return T(-1) < T(0) ? T(T(1) << (sizeof(T) * 8 - 1)) : T(0);
}
template <typename T> constexpr T highest()
{
	if constexpr (is_same_v<T, bool>)
		return true;
	else
		return T(~lowest<T>());
}

/// What sysfs may do with the file: read by anyone, written by root at most
/// (VERIFY_OCTAL_PERMISSIONS's rules).
constexpr bool param_perm_ok(unsigned int perm)
{
	return perm <= 0777 && !(perm & 0002) && (!(perm & 0020) || (perm & 0040)) &&
	       (!(perm & 0200) || (perm & 0400)) && (!(perm & 0020) || (perm & 0200));
}

} // namespace detail

/**
 * A module parameter holding a T in [min, max].
 *
 * # Invariants
 * value_ is always in [min_, max_]: set() checks before it stores. It is read
 * and written with relaxed atomics: sysfs may set it (under the kernel's
 * parameter lock) while the driver reads it.
 */
template <typename T> class ModuleParam : Pinned {
	static_assert(is_integral_v<T>, "a module parameter holds an integer or a bool");

public:
	constexpr ModuleParam(const char *name, T initial, T min, T max)
		: name_(name), value_(initial), min_(min), max_(max)
	{
	}

	/// The current value (what the load set, or sysfs since).
	T get() const { return __atomic_load_n(&value_, __ATOMIC_RELAXED); }

private:
	static ModuleParam &of(const detail::KernelParam *kp)
	{
		// SAFETY: KCXX_MODULE_PARAM points kp->arg at the ModuleParam
		// whose ops these are.
		return *static_cast<ModuleParam *>(kp->arg);
	}

	static int set(const char *val, const detail::KernelParam *kp)
	{
		ModuleParam &p = of(kp);
		T v;

		if constexpr (is_same_v<T, bool>) {
			int b;
			// "name" alone, as for param_set_bool(), means true.
			int ret = kcxx_kstrtobool(val ? val : "1", &b);
			if (ret)
				return p.reject(val, ret);
			v = b != 0;
		} else if constexpr (T(-1) < T(0)) {
			long long n;
			int ret = val ? kcxx_kstrtoll(val, 0, &n) : -KCXX_EINVAL;
			if (ret)
				return p.reject(val, ret);
			if (n < static_cast<long long>(p.min_) ||
			    n > static_cast<long long>(p.max_))
				return p.out_of_range(val);
			v = static_cast<T>(n);
		} else {
			unsigned long long n;
			int ret = val ? kcxx_kstrtoull(val, 0, &n) : -KCXX_EINVAL;
			if (ret)
				return p.reject(val, ret);
			if (n < static_cast<unsigned long long>(p.min_) ||
			    n > static_cast<unsigned long long>(p.max_))
				return p.out_of_range(val);
			v = static_cast<T>(n);
		}
		__atomic_store_n(&p.value_, v, __ATOMIC_RELAXED);
		return 0;
	}

	static int show(char *buffer, const detail::KernelParam *kp)
	{
		T v = of(kp).get();

		if constexpr (is_same_v<T, bool>)
			return print(buffer, "%c\n", v ? 'Y' : 'N');
		else if constexpr (T(-1) < T(0))
			return print(buffer, "%lld\n", static_cast<long long>(v));
		else
			return print(buffer, "%llu\n", static_cast<unsigned long long>(v));
	}

	int reject(const char *val, int err) const
	{
		pr_err(KCXX_PARAM_PREFIX_ "%s: '%.*s' is not a valid value\n", name_, shown(val),
		       val ? val : "");
		return err;
	}

	int out_of_range(const char *val) const
	{
		if constexpr (T(-1) < T(0))
			pr_err(KCXX_PARAM_PREFIX_ "%s=%.*s is outside %lld..%lld\n", name_,
			       shown(val), val, static_cast<long long>(min_),
			       static_cast<long long>(max_));
		else
			pr_err(KCXX_PARAM_PREFIX_ "%s=%.*s is outside %llu..%llu\n", name_,
			       shown(val), val, static_cast<unsigned long long>(min_),
			       static_cast<unsigned long long>(max_));
		return -KCXX_EINVAL;
	}

	/// How much of a value to quote: a sysfs write's trailing newline is not.
	static int shown(const char *val)
	{
		int n = 0;

		while (val && val[n] && n < 64)
			n++;
		return n && val[n - 1] == '\n' ? n - 1 : n;
	}

	[[gnu::format(printf, 2, 3)]] static int print(char *buffer, const char *fmt, ...)
	{
		__builtin_va_list args;

		__builtin_va_start(args, fmt);
		// SAFETY: a get operation's buffer is the page sysfs allocated.
		int n = kcxx_vscnprintf(buffer, KCXX_PAGE_SIZE, fmt, &args);
		__builtin_va_end(args);
		return n;
	}

	const char *name_;
	T value_;
	T min_, max_;

public:
	/// The kernel's operations on this type: parse, check, store; print. A
	/// bool may be given bare ("insmod m.ko verbose"), as module_param's.
	static constexpr detail::KernelParamOps ops = {
		is_same_v<T, bool> ? KCXX_KERNEL_PARAM_OPS_FL_NOARG : 0u, &set, &show, nullptr
	};
};

} // namespace kcxx

/**
 * KCXX_MODULE_PARAM_RANGE(name, type, initial, min, max, perm, "description")
 * - a module parameter `name` of module_param() type `type` (uint, int, bool,
 * ...), `initial` until the load or sysfs sets it, accepted in [min, max].
 * `perm` is its sysfs mode (0 for none, 0444 read-only, 0644 root-writable).
 * Use at namespace scope; `name.get()` reads it.
 */
// NOLINTBEGIN(bugprone-macro-parentheses): `name` is the object declared
#define KCXX_MODULE_PARAM_RANGE(name, type, initial, min, max, perm, description)               \
	static_assert(::kcxx::detail::param_perm_ok(perm),                                      \
		      "module parameter " #name ": mode must be 0, 0444, 0644 or similar "      \
		      "(never world-writable)");                                                \
	constinit ::kcxx::ModuleParam<::kcxx::detail::ParamType_##type> name{ #name, (initial), \
									      (min), (max) };   \
	[[gnu::used, gnu::section("__param"),                                                   \
	  gnu::aligned(alignof(                                                                 \
		  ::kcxx::detail::KernelParam))]] constinit const ::kcxx::detail::KernelParam   \
		kcxx_param_##name = { #name, &__this_module, &decltype(name)::ops, (perm), -1,  \
				      0,     &name };                                           \
	KCXX_MODULE_INFO(parmtype, #name ":" #type);                                            \
	KCXX_MODULE_INFO(parm, #name ":" description)
// NOLINTEND(bugprone-macro-parentheses)

/// KCXX_MODULE_PARAM(name, type, initial, perm, "description") - a module
/// parameter that takes any value of its type.
#define KCXX_MODULE_PARAM(name, type, initial, perm, description)                                \
	KCXX_MODULE_PARAM_RANGE(                                                                 \
		name, type, initial, ::kcxx::detail::lowest<::kcxx::detail::ParamType_##type>(), \
		::kcxx::detail::highest<::kcxx::detail::ParamType_##type>(), perm, description)

#endif // KCXX_MODULE_PARAM_H
