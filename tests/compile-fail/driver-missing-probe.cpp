// SPDX-License-Identifier: GPL-2.0
// Bug class: a driver that cannot be probed (C: a platform_driver with no
// .probe compiles and silently never binds). A missing probe is a compile
// error saying what to write.
// expect-error: kcxx platform driver: declare `static Result<Box<D>> probe\(PlatformDevice &pdev, const MatchData &match\);`
#include <kcxx/platform.h>

using namespace kcxx;

class Leds : public PlatformDriver<Leds> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = { { "kcxx,example", {} } };
#ifndef KCXX_COMPILE_FAIL
	static Result<Box<Leds>> probe(PlatformDevice &, const MatchData &)
	{
		return Box<Leds>::try_new(gfp::KERNEL);
	}
#endif
};

KCXX_PLATFORM_DRIVER(Leds, example, "example")
