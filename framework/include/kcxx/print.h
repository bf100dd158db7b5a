/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel log output: <linux/printk.h>'s pr_<level>() for C++.
 *
 * Formats are checked by the compiler like printk()'s; the kernel's %p
 * extensions (%pe, %pOF...) pass through unchanged.
 */
#ifndef KCXX_PRINT_H
#define KCXX_PRINT_H

#include <kcxx/bridge/printk.h>

namespace kcxx {

/// Log levels, as the KERN_<LEVEL> digits printk() understands.
enum class LogLevel : char {
	emerg = '0',
	alert = '1',
	crit = '2',
	err = '3',
	warning = '4',
	notice = '5',
	info = '6',
	debug = '7',
};

[[gnu::format(printf, 2, 0)]] inline int vprint(LogLevel level, const char *fmt,
						 __builtin_va_list *args)
{
	// SAFETY: fmt and args were checked against each other by the caller's
	// format attribute; the bridge hands both to printk() unchanged.
	return kcxx_vprintk(static_cast<char>(level), fmt, args);
}

#define KCXX_DEFINE_PRINT(name, level)                                         \
	[[gnu::format(printf, 1, 2)]] inline int name(const char *fmt, ...)    \
	{                                                                      \
		__builtin_va_list args;                                        \
		__builtin_va_start(args, fmt);                                 \
		int n = vprint(level, fmt, &args);                              \
		__builtin_va_end(args);                                        \
		return n;                                                      \
	}

KCXX_DEFINE_PRINT(pr_emerg, LogLevel::emerg)
KCXX_DEFINE_PRINT(pr_alert, LogLevel::alert)
KCXX_DEFINE_PRINT(pr_crit, LogLevel::crit)
KCXX_DEFINE_PRINT(pr_err, LogLevel::err)
KCXX_DEFINE_PRINT(pr_warn, LogLevel::warning)
KCXX_DEFINE_PRINT(pr_notice, LogLevel::notice)
KCXX_DEFINE_PRINT(pr_info, LogLevel::info)

#undef KCXX_DEFINE_PRINT

} // namespace kcxx

#endif // KCXX_PRINT_H
