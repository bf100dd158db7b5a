/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/ioport.h>'s I/O-port regions. Shared by the C bridge and
 * C++; plain C types only.
 */
#ifndef KCXX_BRIDGE_IOPORT_H
#define KCXX_BRIDGE_IOPORT_H

#ifdef __cplusplus
extern "C" {
#endif

struct resource;
struct resource *kcxx_request_region(unsigned long start, unsigned long n, const char *name);
void kcxx_release_region(unsigned long start, unsigned long n);
int kcxx_region_has_bus_window(const struct resource *region);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_IOPORT_H */
