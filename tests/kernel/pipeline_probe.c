// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own answers, compiled as C against the target's headers, for
 * the pipeline test to compare with what C++ sees in kcxx/generated/kconsts.h.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/utsname.h>
#include <linux/version.h>
#include "pipeline_probe.h"

unsigned long kcxx_probe_sizeof_mutex(void)
{
	return sizeof(struct mutex);
}

unsigned long kcxx_probe_sizeof_spinlock(void)
{
	return sizeof(spinlock_t);
}

unsigned int kcxx_probe_gfp_kernel(void)
{
	return (__force unsigned int)GFP_KERNEL;
}

unsigned int kcxx_probe_version_code(void)
{
	return LINUX_VERSION_CODE;
}

int kcxx_probe_eprobe_defer(void)
{
	return -EPROBE_DEFER;
}

const char *kcxx_probe_uts_release(void)
{
	return init_utsname()->release;
}
