// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx-gpio-button - a push button on a GPIO line, counted through the
 * line's interrupt (compatible "kcxx,gpio-button";
 * Documentation/framework/irq.rst, binding
 * Documentation/devicetree/bindings/misc/kcxx,gpio-button.yaml).
 *
 * Every edge interrupts: the hard handler only counts the edge and
 * (re)schedules a debounce work item; when the line has been quiet for
 * debounce-interval ms, the work item reads it and counts a press if it went
 * down. User space sees:
 *
 * - /sys/bus/platform/devices/<dev>/{presses,edges,pressed}, declared once
 *   as the driver's attribute group;
 * - /dev/kcxx-button<N>: read() blocks until the next press (O_NONBLOCK:
 *   EAGAIN) and returns the press count as text; poll() says readable
 *   while a press is unread; unbind ends the wait with ENODEV.
 */
#include <kcxx/atomic.h>
#include <kcxx/gpio.h>
#include <kcxx/irq.h>
#include <kcxx/miscdev.h>
#include <kcxx/option.h>
#include <kcxx/platform.h>
#include <kcxx/poll_queue.h>
#include <kcxx/slots.h>
#include <kcxx/text_buffer.h>
#include <kcxx/wait_queue.h>
#include <kcxx/workqueue.h>

namespace {

using namespace kcxx;

constexpr u32 DEFAULT_DEBOUNCE_MS = 20, MAX_DEBOUNCE_MS = 1000;

/// /dev/kcxx-button<N>'s N.
constinit Slots device_numbers;

class Button : public PlatformDriver<Button> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = {
		{ "kcxx,gpio-button", {} },
	};

	struct File {
		u64 seen; // presses this file has read
	};

	static Result<Box<Button>> probe(PlatformDevice &pdev, const MatchData &)
	{
		Properties props(pdev.dev(), pdev.fwnode());
		u32 debounce = TRY(props.read_u32_or("debounce-interval", DEFAULT_DEBOUNCE_MS));
		if (debounce > MAX_DEBOUNCE_MS)
			return props.invalid("debounce-interval", code::EINVAL, "%u ms, at most %u",
					     debounce, MAX_DEBOUNCE_MS);
		GpioDesc gpio = TRY(GpioDesc::get(pdev.dev(), pdev.fwnode(), "button"));
		TRY(gpio.direction_input());
		auto line = gpio.to_irq();
		if (line.is_error())
			return props.invalid("gpios", line.error(), "the line has no interrupt");
		auto self = TRY(Box<Button>::try_new(gfp::KERNEL, pdev.dev(), move(gpio), debounce,
						     TRY(PollQueue::try_new()),
						     TRY(device_numbers.take())));
		self->pressed_.store(TRY(self->gpio_.get_value()));
		self->name_.print("kcxx-button%d", self->slot_.index());
		// The edge handler only touches members declared before irq_.
		self->irq_ = TRY(Irq<Edges>::request(line.value(), irq::both_edges,
						     self->name_.c_str(), *self));
		self->misc_ = TRY(MiscDevice<Button>::try_register(self->name_.c_str(), *self));
		dev_info(pdev.dev(), "/dev/%s on irq %u, %u ms debounce", self->name_.c_str(),
			 line.value().number(), debounce);
		return self;
	}

	Button(Device dev, GpioDesc &&gpio, u32 debounce_ms, PollQueue &&pollers, Slot &&slot)
		: dev_(dev), gpio_(move(gpio)), debounce_ms_(debounce_ms), pollers_(move(pollers)),
		  slot_(move(slot))
	{
	}

	// Remove: /dev/kcxx-button<N> is revoked, the interrupt freed (no
	// handler runs after), the debounce work cancelled, then the rest.
	~Button()
	{
		dev_info(dev_, "removed after %llu presses",
			 static_cast<unsigned long long>(presses_.load()));
	}

	// --- sysfs (the driver's attribute group) ------------------------------

	Result<void> show_presses(SysfsOutput &out)
	{
		out.print("%llu\n", static_cast<unsigned long long>(presses_.load()));
		return {};
	}
	Result<void> show_edges(SysfsOutput &out)
	{
		out.print("%llu\n", static_cast<unsigned long long>(edges_.load()));
		return {};
	}
	Result<void> show_pressed(SysfsOutput &out)
	{
		out.print("%u\n", pressed_.load());
		return {};
	}

	static constexpr Attribute<Button> attributes[] = {
		{ "presses", 0444, &Button::show_presses },
		{ "edges", 0444, &Button::show_edges },
		{ "pressed", 0444, &Button::show_pressed },
	};

	// --- /dev/kcxx-button<N> ------------------------------------------------

	Result<Box<File>> open()
	{
		return Box<File>::try_new(gfp::KERNEL, File{ presses_.load() });
	}

	/// The press count as text, once there is a press this file has not seen.
	Result<usize> read(File &file, FileFlags flags, UserSlice &buf, s64 &)
	{
		auto news = [&] { return presses_.load_acquire() != file.seen || gone_.load(); };
		if (!news() && flags.nonblocking())
			return code::EAGAIN;
		TRY(readers_.wait_interruptible(news));
		if (gone_.load())
			return code::ENODEV;
		file.seen = presses_.load_acquire();
		TextBuffer<24> text;
		text.print("%llu\n", static_cast<unsigned long long>(file.seen));
		usize n = buf.len() < text.len() ? buf.len() : text.len();
		TRY(buf.write(TRY(text.as_bytes().subspan(0, n))));
		return n;
	}

	PollMask poll(File &file, PollTable &table)
	{
		table.wait(pollers_);
		return presses_.load_acquire() != file.seen ? PollMask::readable() : PollMask{};
	}

	void revoke_files()
	{
		gone_.store_release(1);
		readers_.wake_up_all();
	}

private:
	/// The interrupt's handler object: counts edges, defers the rest.
	struct Edges {
		explicit Edges(Button &b) : button(b) {}

		IrqReturn handle() KCXX_ATOMIC
		{
			button.edges_.add(1);
			button.debounce_.schedule(button.debounce_ms_);
			return IrqReturn::Handled;
		}

		Button &button;
	};

	/// The line has been quiet for debounce_ms_: read where it settled.
	void settled()
	{
		Result<bool> level = gpio_.get_value();
		if (level.is_error())
			return;
		u32 now = level.value() ? 1 : 0;
		if (pressed_.exchange(now) == now)
			return; // a bounce that came back
		if (!now)
			return; // released
		presses_.fetch_add(1);
		readers_.wake_up_interruptible();
		pollers_.wake();
	}

	Device dev_;
	GpioDesc gpio_;
	const u32 debounce_ms_;
	Atomic<u64> presses_{ 0 };
	Atomic<u64> edges_{ 0 };
	Atomic<u32> pressed_{ 0 };
	Atomic<u32> gone_{ 0 };
	WaitQueue readers_;
	PollQueue pollers_;
	Slot slot_;
	TextBuffer<24> name_;
	DelayedWork<Button, &Button::settled> debounce_{
		*this, KCXX_LOCK_CLASS("kcxx_gpio_button.debounce")
	};
	// Last: dropped first. The interrupt goes before the work it schedules,
	// /dev/kcxx-button<N> before all of it.
	Option<Box<Irq<Edges>>> irq_;
	Option<Box<MiscDevice<Button>>> misc_;
};

} // namespace

KCXX_MODULE_PLATFORM_DRIVER(
	Button, kcxx_gpio_button, .driver = "kcxx-gpio-button", .license = "GPL",
	.author = "kcxx developers",
	.description = "A push button on a GPIO line, through its interrupt, built on kcxx");
