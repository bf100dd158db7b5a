// SPDX-License-Identifier: GPL-2.0
/*
 * printk bridge: C++ cannot expand the printk() macro family.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <kcxx/bridge/printk.h>

/**
 * kcxx_vprintk() - log one message through printk()
 * @level: a KERN_<LEVEL> digit, '0' (emerg) to '7' (debug), or 'c' (cont)
 * @fmt: printf-style format, with the kernel's %p extensions
 * @args: arguments for @fmt; a pointer, because va_list is an array on x86_64
 *        and a va_list parameter cannot be pointed to as one
 *
 * The level travels as an argument: printk() reads the KERN_SOH prefix from the
 * formatted text, so a prefix made by "%c" counts like a literal one.
 *
 * Context: any context printk() may be called from.
 * Return: the number of characters printed.
 */
int kcxx_vprintk(char level, const char *fmt, va_list *args)
{
	struct va_format vaf = { .fmt = fmt, .va = args };

	return printk(KERN_SOH "%c%pV", level, &vaf);
}

/**
 * kcxx_vsnprintf() - format into a buffer, truncating to @size
 * @buf: the buffer
 * @size: its size, including the terminating NUL
 * @fmt: printf-style format
 * @args: its arguments
 *
 * Return: the length the whole output would have had.
 */
int kcxx_vsnprintf(char *buf, unsigned long size, const char *fmt, va_list *args)
{
	return vsnprintf(buf, size, fmt, *args);
}
