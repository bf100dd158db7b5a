// SPDX-License-Identifier: GPL-2.0
/*
 * I/O-port bridge: request_region() and release_region() are macros over
 * __request_region() and ioport_resource.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/logic_pio.h>
#include <kcxx/bridge/ioport.h>

#ifdef CONFIG_INDIRECT_PIO
/* kcxx/detail/io_arm64.h declares these itself: keep it honest. */
static_assert(__same_type(&logic_inb, u8 (*)(unsigned long)));
static_assert(__same_type(&logic_inw, u16 (*)(unsigned long)));
static_assert(__same_type(&logic_inl, u32 (*)(unsigned long)));
static_assert(__same_type(&logic_outb, void (*)(u8, unsigned long)));
static_assert(__same_type(&logic_outw, void (*)(u16, unsigned long)));
static_assert(__same_type(&logic_outl, void (*)(u32, unsigned long)));
#endif

/**
 * kcxx_request_region() - claim @n I/O ports from @start
 * @start: first port
 * @n: number of ports
 * @name: owner shown in /proc/ioports; must outlive the claim
 *
 * Return: the claimed region, or NULL when any port is taken or out of range.
 */
struct resource *kcxx_request_region(unsigned long start, unsigned long n, const char *name)
{
	return request_region(start, n, name);
}

/**
 * kcxx_release_region() - give back ports claimed by kcxx_request_region()
 * @start: first port
 * @n: number of ports
 */
void kcxx_release_region(unsigned long start, unsigned long n)
{
	release_region(start, n);
}

/**
 * kcxx_region_has_bus_window() - whether a claimed region lies in a bus's ports
 * @region: from kcxx_request_region()
 *
 * Outside x86 the port space exists only where a bus (a PCI host bridge)
 * mapped a window into it; a region claimed directly under ioport_resource
 * has nothing behind it, and an access would fault.
 *
 * Return: 1 when ports there reach hardware, else 0.
 */
int kcxx_region_has_bus_window(const struct resource *region)
{
	return IS_ENABLED(CONFIG_X86) || region->parent != &ioport_resource;
}
