/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation flags: <linux/gfp.h>'s GFP_* as a type, so an allocation cannot
 * be handed a size or a random int where its flags belong.
 */
#ifndef KCXX_GFP_H
#define KCXX_GFP_H

#include <kcxx/generated/kconsts.h>

namespace kcxx {

/// A set of GFP flags. Only the combinations named in namespace gfp exist.
struct Gfp {
	unsigned int bits;

	constexpr Gfp operator|(Gfp other) const { return Gfp{ bits | other.bits }; }
};

namespace gfp {
/// May sleep: process context only.
inline constexpr Gfp KERNEL{ KCXX_GFP_KERNEL };
/// Never sleeps; may use emergency reserves: interrupt and atomic context.
inline constexpr Gfp ATOMIC{ KCXX_GFP_ATOMIC };
/// Never sleeps, no reserves.
inline constexpr Gfp NOWAIT{ KCXX_GFP_NOWAIT };
/// Modifier: zero the memory.
inline constexpr Gfp ZERO{ KCXX_GFP_ZERO };
/// Modifier: no warning on failure (the caller handles it).
inline constexpr Gfp NOWARN{ KCXX_GFP_NOWARN };
} // namespace gfp

} // namespace kcxx

#endif // KCXX_GFP_H
