// SPDX-License-Identifier: GPL-2.0
/*
 * User-memory bridge: copy_{from,to}_user() are inlines with access checks.
 */
#include <linux/uaccess.h>
#include <kcxx/bridge/uaccess.h>

/**
 * kcxx_copy_from_user() - copy @n bytes from user address @from
 * @to: kernel buffer of at least @n bytes
 * @from: user address
 * @n: bytes
 *
 * Context: process context (user memory may fault in and sleep).
 * Return: bytes NOT copied; 0 on success.
 */
unsigned long kcxx_copy_from_user(void *to, unsigned long from, unsigned long n)
{
	return copy_from_user(to, (const void __user *)from, n);
}

/**
 * kcxx_copy_to_user() - copy @n bytes to user address @to
 * @to: user address
 * @from: kernel buffer
 * @n: bytes
 *
 * Context: process context (user memory may fault in and sleep).
 * Return: bytes NOT copied; 0 on success.
 */
unsigned long kcxx_copy_to_user(unsigned long to, const void *from, unsigned long n)
{
	return copy_to_user((void __user *)to, from, n);
}
