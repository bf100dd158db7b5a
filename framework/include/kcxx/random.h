/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Random numbers, <linux/random.h>'s get_random_u32(): for test patterns and
 * offsets, from any context.
 */
#ifndef KCXX_RANDOM_H
#define KCXX_RANDOM_H

#include <kcxx/bridge/random.h>
#include <kcxx/types.h>

namespace kcxx {

/// 32 random bits.
inline u32 random_u32()
{
	return kcxx_get_random_u32();
}

/// A random number in [0, bound); 0 when bound is 0.
inline u32 random_below(u32 bound)
{
	return bound ? random_u32() % bound : 0;
}

} // namespace kcxx

#endif // KCXX_RANDOM_H
