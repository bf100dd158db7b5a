// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx-mmio-leds - LEDs driven straight through a GPIO bank's registers (the
 * classic tutorial LED driver, made safe): "kcxx,pl061-leds",
 * "kcxx,bcm2835-leds", "kcxx,exynos4412-leds", "kcxx,sunxi-leds"
 * (Documentation/devicetree/bindings/leds/kcxx,mmio-leds.yaml).
 *
 * `reg` is the bank's register block, mapped with devm_ioremap_resource and
 * checked against the layout's size; each child node's `reg` is a pin of the
 * bank and `active-low` inverts it. Register updates that need a
 * read-modify-write take the bank's lock, with interrupts off since LED
 * triggers set brightness from timers.
 */
#include <kcxx/bitmap.h>
#include <kcxx/io_mem.h>
#include <kcxx/led.h>
#include <kcxx/platform.h>
#include <kcxx/spinlock.h>
#include <kcxx/vec.h>

#include "banks.h"
#include "led_node.h"

namespace {

using namespace kcxx;
using namespace kcxx_leds;

template <typename Layout> class MmioLeds : public PlatformDriver<MmioLeds<Layout>> {
	using Regs = IoMem<Layout{}>;
	using Bank = SpinLockIrq<Regs>;

	/// One LED on one pin of the bank.
	struct BankLed {
		Bank *bank;
		u32 pin;
		bool active_low;

		Result<void> set_brightness(u32 value)
		{
			auto regs = bank->lock();
			return Layout::set(*regs, pin, (value != 0) != active_low);
		}
		bool can_sleep() const { return false; }
	};

public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = { { Layout::compatible, {} } };

	/// Every child is read and checked before the bank is mapped: a
	/// malformed node never touches the hardware.
	static Result<Box<MmioLeds>> probe(PlatformDevice &pdev, const MatchData &)
	{
		Vec<Spec> specs;
		Bitmap<64> used;

		for (FwNode child : pdev.fwnode().children())
			TRY(specs.try_push(TRY(parse(pdev.dev(), child, used))));
		if (specs.empty())
			return dev_err_probe(pdev.dev(), code::ENODEV, "%pfw: no LED child nodes\n",
					     pdev.fwnode().raw());
		Regs regs = TRY(pdev.ioremap_resource<Layout{}>(0));
		auto self = TRY(Box<MmioLeds>::try_new(gfp::KERNEL, move(regs)));
		for (const Spec &spec : specs)
			TRY(self->leds_.try_push(TRY(self->add_led(pdev.dev(), spec))));
		return self;
	}

	explicit MmioLeds(Regs &&regs) : bank_(KCXX_LOCK_CLASS("kcxx_mmio_leds.bank"), move(regs)) {}

private:
	/// What a child node asks for.
	struct Spec {
		LedNode node;
		u32 pin;
		bool active_low;
	};

	static Result<Spec> parse(const Device &dev, FwNode child, Bitmap<64> &used)
	{
		Properties props(dev, child);
		u32 pin = TRY(props.read_u32("reg"));

		if (pin >= Layout::pins)
			return props.invalid("reg", code::EINVAL, "pin %u is beyond the bank's %u pins", pin,
					     Layout::pins);
		if (used.take(pin).is_error())
			return props.invalid("reg", code::EBUSY, "pin %u is already another LED's", pin);
		return Spec{ TRY(LedNode::parse(dev, child)), pin, child.has("active-low") };
	}

	Result<Box<Led<BankLed>>> add_led(const Device &dev, const Spec &spec)
	{
		bool lit;
		{
			auto regs = bank_.lock();
			bool now = TRY(Layout::get(*regs, spec.pin)) != spec.active_low;
			lit = spec.node.initially_on(now);
			TRY(set_output<Layout>(*regs, spec.pin, lit != spec.active_low));
		}
		auto led = TRY(Box<Led<BankLed>>::try_new(gfp::KERNEL, BankLed{ &bank_, spec.pin, spec.active_low }));
		TRY(led->register_with(dev, spec.node.config(lit)));
		return led;
	}

	Bank bank_;
	// After bank_: the LEDs are unregistered (turned off) while the bank lives.
	Vec<Box<Led<BankLed>>> leds_;
};

} // namespace

KCXX_PLATFORM_DRIVER(MmioLeds<Pl061>, kcxx_pl061_leds, Pl061::driver_name)
KCXX_PLATFORM_DRIVER(MmioLeds<Bcm2835>, kcxx_bcm2835_leds, Bcm2835::driver_name)
KCXX_PLATFORM_DRIVER(MmioLeds<Exynos4412>, kcxx_exynos4412_leds, Exynos4412::driver_name)
KCXX_PLATFORM_DRIVER(MmioLeds<Sunxi>, kcxx_sunxi_leds, Sunxi::driver_name)

namespace {

/// The module: one platform driver per bank layout, registered in this order
/// and unregistered in the reverse one.
struct MmioLedsModule {
	static Result<Box<MmioLedsModule>> init()
	{
		auto pl061 = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_pl061_leds));
		auto bcm2835 = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_bcm2835_leds));
		auto exynos4412 = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_exynos4412_leds));
		auto sunxi = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_sunxi_leds));
		return Box<MmioLedsModule>::try_new(gfp::KERNEL, move(pl061), move(bcm2835),
						    move(exynos4412), move(sunxi));
	}

	PlatformRegistration pl061, bcm2835, exynos4412, sunxi;
};

} // namespace

KCXX_MODULE(MmioLedsModule,
	    .license = "GPL",
	    .author = "kcxx developers",
	    .description = "LEDs on GPIO bank registers (PL061, BCM2835, Exynos4412, sunxi), built on kcxx");
