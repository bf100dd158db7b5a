// SPDX-License-Identifier: GPL-2.0
/* Random numbers: get_random_u32() (<linux/random.h>). */
#include <linux/random.h>
#include <kcxx/bridge/random.h>

/** kcxx_get_random_u32() - 32 random bits from the kernel's CRNG; any context */
unsigned int kcxx_get_random_u32(void)
{
	return get_random_u32();
}
