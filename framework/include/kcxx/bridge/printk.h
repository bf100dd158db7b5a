/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/printk.h>. Shared by the C bridge and C++; plain C types only.
 */
#ifndef KCXX_BRIDGE_PRINTK_H
#define KCXX_BRIDGE_PRINTK_H

#ifdef __cplusplus
extern "C" {
#endif

__attribute__((format(printf, 2, 0)))
int kcxx_vprintk(char level, const char *fmt, __builtin_va_list *args);
__attribute__((format(printf, 3, 0)))
int kcxx_vsnprintf(char *buf, unsigned long size, const char *fmt, __builtin_va_list *args);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_PRINTK_H */
