/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation flags: <linux/gfp.h>'s GFP_* as a type, so an allocation cannot
 * be handed a size or a random int where its flags belong.
 */
#ifndef KCXX_GFP_H
#define KCXX_GFP_H

#include <kcxx/generated/kconsts.h>

namespace kcxx {

namespace detail {
struct GfpFromKernel;
} // namespace detail

/**
 * A set of GFP flags.
 *
 * # Invariants
 * bits_ is a combination of the flags named in namespace gfp: no number
 * becomes a Gfp (a size passed where the flags belong does not compile).
 */
class Gfp {
public:
	constexpr Gfp operator|(Gfp other) const { return Gfp(bits_ | other.bits_); }

	/// The flags, for a bridge call.
	constexpr unsigned int bits() const { return bits_; }

private:
	friend struct detail::GfpFromKernel;
	constexpr explicit Gfp(unsigned int bits) : bits_(bits) {}

	unsigned int bits_;
};

namespace detail {
/// The one maker of Gfp values: the kernel's own constants.
struct GfpFromKernel {
	static constexpr Gfp make(unsigned int bits) { return Gfp(bits); }
};
} // namespace detail

namespace gfp {
/// May sleep: process context only.
inline constexpr Gfp KERNEL = detail::GfpFromKernel::make(KCXX_GFP_KERNEL);
/// Never sleeps; may use emergency reserves: interrupt and atomic context.
inline constexpr Gfp ATOMIC = detail::GfpFromKernel::make(KCXX_GFP_ATOMIC);
/// Never sleeps, no reserves.
inline constexpr Gfp NOWAIT = detail::GfpFromKernel::make(KCXX_GFP_NOWAIT);
/// Modifier: zero the memory.
inline constexpr Gfp ZERO = detail::GfpFromKernel::make(KCXX_GFP_ZERO);
/// Modifier: no warning on failure (the caller handles it).
inline constexpr Gfp NOWARN = detail::GfpFromKernel::make(KCXX_GFP_NOWARN);
} // namespace gfp

} // namespace kcxx

#endif // KCXX_GFP_H
