// SPDX-License-Identifier: GPL-2.0
/*
 * A module that is one platform driver: probe returns the state, and the
 * state's destructor is remove.
 */
#include <kcxx/platform.h>

namespace {

using namespace kcxx;

struct Pl061 : RegisterMap<0x1000> {
	struct Dir : Register<u32, 0x400> {
		using Pin = FieldArray<Dir, 1, 8, bool>;
	};
	using registers = RegisterList<Dir>;
};

class Leds : public PlatformDriver<Leds> {
public:
	struct MatchData {
		u32 pins;
	};
	static constexpr OfMatch<MatchData> of_table[] = {
		{ "kcxx,pl061-leds", { 8 } },
	};

	static Result<Box<Leds>> probe(PlatformDevice &pdev, const MatchData &match)
	{
		Properties props(pdev.dev(), pdev.fwnode());
		u32 pin = TRY(props.read_u32("kcxx,pin"));
		if (pin >= match.pins)
			return props.invalid("kcxx,pin", code::EINVAL, "pin %u, the bank has %u", pin,
					     match.pins);
		auto regs = TRY(pdev.ioremap_resource<Pl061{}>());
		regs.modify(TRY(Pl061::Dir::Pin::try_at(pin)).set()); // an output
		dev_info(pdev.dev(), "LED on pin %u", pin);
		return Box<Leds>::try_new(gfp::KERNEL, move(regs), pin);
	}

	Leds(IoMem<Pl061{}> &&regs, u32 pin) : regs_(move(regs)), pin_(pin) {}

	// remove: the pin back to an input
	~Leds()
	{
		if (auto bit = Pl061::Dir::Pin::try_at(pin_); bit.is_ok())
			regs_.modify(bit.value().clear());
	}

private:
	IoMem<Pl061{}> regs_;
	u32 pin_;
};

} // namespace

KCXX_MODULE_PLATFORM_DRIVER(Leds, kcxx_leds,
			    .driver = "kcxx-leds",
			    .license = "GPL",
			    .author = "Jane Doe",
			    .description = "An LED on a PL061 GPIO bank");
