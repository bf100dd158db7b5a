// SPDX-License-Identifier: GPL-2.0
// Bug class: a probe whose result the bus cannot use (C: returning a
// positive value, or state nobody frees). probe must return the driver's
// state as Result<Box<D>>.
// expect-error: kcxx platform driver: probe must be exactly
#include <kcxx/platform.h>

using namespace kcxx;

class Leds : public PlatformDriver<Leds> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = { { "kcxx,example", {} } };
#ifdef KCXX_COMPILE_FAIL
	static int probe(PlatformDevice &, const MatchData &) { return 1; }
#else
	static Result<Box<Leds>> probe(PlatformDevice &, const MatchData &)
	{
		return Box<Leds>::try_new(gfp::KERNEL);
	}
#endif
};

KCXX_PLATFORM_DRIVER(Leds, example, "example")
