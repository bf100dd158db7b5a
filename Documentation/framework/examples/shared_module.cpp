// SPDX-License-Identifier: GPL-2.0
/*
 * A module whose state several platform drivers share: each driver's probe
 * gets the state as `Shared &`, and the state registers the drivers, so
 * unloading unregisters them (unbinding every device) before the state
 * they use goes.
 */
#include <kcxx/atomic.h>
#include <kcxx/module.h>
#include <kcxx/platform.h>

namespace {

using namespace kcxx;

/// What every device of both drivers counts into.
struct Counter : Pinned {
	Atomic<u32> devices{ 0 };
};

template <const char *Compatible> class Sensor : public PlatformDriver<Sensor<Compatible>> {
public:
	using MatchData = NoMatchData;
	using Shared = Counter;
	static constexpr OfMatch<MatchData> of_table[] = { { Compatible, {} } };

	static Result<Box<Sensor>> probe(PlatformDevice &, const MatchData &, Counter &counter)
	{
		auto self = TRY(Box<Sensor>::try_new(gfp::KERNEL, counter));
		counter.devices.add(1);
		return self;
	}

	explicit Sensor(Counter &counter) : counter_(counter) {}
	~Sensor() { counter_.devices.sub(1); }

private:
	Counter &counter_;
};

constexpr char temperature[] = "vendor,temperature";
constexpr char humidity[] = "vendor,humidity";

} // namespace

KCXX_PLATFORM_DRIVER(Sensor<temperature>, vendor_temperature, "vendor-temperature")
KCXX_PLATFORM_DRIVER(Sensor<humidity>, vendor_humidity, "vendor-humidity")

namespace {

/// Members drop in reverse order: both drivers, then the counter.
class Sensors {
public:
	static Result<Box<Sensors>> init()
	{
		auto counter = TRY(Box<Counter>::try_new(gfp::KERNEL));
		auto t = TRY(PlatformRegistration::try_new(kcxx_platform_vendor_temperature, *counter));
		auto h = TRY(PlatformRegistration::try_new(kcxx_platform_vendor_humidity, *counter));
		return Box<Sensors>::try_new(gfp::KERNEL, move(counter), move(t), move(h));
	}

	Sensors(Box<Counter> &&c, PlatformRegistration &&t, PlatformRegistration &&h)
		: counter_(move(c)), temperature_(move(t)), humidity_(move(h))
	{
	}

private:
	Box<Counter> counter_;
	PlatformRegistration temperature_, humidity_;
};

} // namespace

KCXX_MODULE(Sensors,
	    .license = "GPL",
	    .description = "Two sensor drivers sharing one counter");
