/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/uaccess.h>. User addresses cross as unsigned long, so C++
 * never holds a pointer it could dereference.
 */
#ifndef KCXX_BRIDGE_UACCESS_H
#define KCXX_BRIDGE_UACCESS_H

#ifdef __cplusplus
extern "C" {
#endif

unsigned long kcxx_copy_from_user(void *to, unsigned long from, unsigned long n);
unsigned long kcxx_copy_to_user(unsigned long to, const void *from, unsigned long n);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_UACCESS_H */
