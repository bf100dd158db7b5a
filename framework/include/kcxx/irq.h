/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupts: <linux/interrupt.h>'s request_threaded_irq()/free_irq() for a
 * handler object that the registration owns.
 *
 *	struct Alarm {				// what the handler touches
 *		IrqReturn handle() KCXX_ATOMIC	// hard interrupt context
 *		{
 *			regs->write<Icr>(1);	// acknowledge
 *			count.add(1);
 *			return IrqReturn::WakeThread;
 *		}
 *		IrqReturn thread()		// a kernel thread: may sleep
 *		{
 *			*log.lock() += 1;
 *			return IrqReturn::Handled;
 *		}
 *		...
 *	};
 *	IrqLine line = TRY(pdev.irq(0));
 *	auto alarm = TRY(Irq<Alarm>::request(line, irq::none, "kcxx-alarm", regs));
 *
 * The Irq owns the handler object: its destructor frees the line, which
 * waits until no handler is running, and only then destroys the object.
 * "A handler runs after its state is gone" cannot be written. The cookie
 * the kernel needs for shared lines is the registration itself, never NULL.
 */
#ifndef KCXX_IRQ_H
#define KCXX_IRQ_H

#include <kcxx/box.h>
#include <kcxx/bridge/irq.h>
#include <kcxx/context.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

/// What a handler says about an interrupt (irqreturn_t).
enum class IrqReturn : int {
	None = KCXX_IRQ_NONE,		   // not this device's (a shared line)
	Handled = KCXX_IRQ_HANDLED,	   // dealt with
	WakeThread = KCXX_IRQ_WAKE_THREAD, // run the threaded handler
};

/// How a line is requested: trigger and sharing (IRQF_*), combined with |.
struct IrqFlags {
	unsigned long bits;

	constexpr IrqFlags operator|(IrqFlags o) const { return { bits | o.bits }; }
	constexpr bool has(IrqFlags o) const { return (bits & o.bits) == o.bits; }
};

namespace irq {
inline constexpr IrqFlags none{ 0 }; // the trigger the firmware describes
inline constexpr IrqFlags rising{ KCXX_IRQF_TRIGGER_RISING };
inline constexpr IrqFlags falling{ KCXX_IRQF_TRIGGER_FALLING };
inline constexpr IrqFlags both_edges{ KCXX_IRQF_TRIGGER_RISING | KCXX_IRQF_TRIGGER_FALLING };
inline constexpr IrqFlags high{ KCXX_IRQF_TRIGGER_HIGH };
inline constexpr IrqFlags low{ KCXX_IRQF_TRIGGER_LOW };
/// Other devices' handlers share the line: the handler must say None when
/// the interrupt is not its device's.
inline constexpr IrqFlags shared{ KCXX_IRQF_SHARED };
/// The line stays masked until the threaded handler has run.
inline constexpr IrqFlags oneshot{ KCXX_IRQF_ONESHOT };
} // namespace irq

/**
 * An interrupt line, as a device describes it (PlatformDevice::irq(),
 * GpioDesc::to_irq()).
 *
 * # Invariants
 * number_ is a valid Linux interrupt number (> 0).
 */
class IrqLine {
public:
	unsigned int number() const { return number_; }

	/// A line number from the kernel (a platform_get_irq() or gpiod_to_irq()
	/// return): a negative errno is an error, 0 is no interrupt (ENXIO).
	static Result<IrqLine> from_kernel(int number)
	{
		if (number < 0)
			return Error::from_errno(number);
		if (number == 0)
			return code::ENXIO;
		// INVARIANT: checked just above.
		return IrqLine(static_cast<unsigned int>(number));
	}

private:
	explicit IrqLine(unsigned int number) : number_(number) {}

	unsigned int number_;
};

/**
 * An interrupt line registered to a handler object H, which it owns.
 *
 * H has `IrqReturn handle()`, run in hard interrupt context (mark it
 * KCXX_ATOMIC, so the thread-safety gate refuses a sleeping call in it),
 * and/or `IrqReturn thread()`, run in a kernel thread (process context; it
 * may sleep) when handle() returns WakeThread, or for every interrupt when H
 * has no handle() (the line then stays masked until it returns: oneshot).
 * Data both share with process context goes in a SpinLockIrq or Atomics.
 *
 * # Invariants
 * While requested_, raw_ is registered with the kernel for line_, its
 * context this object (Pinned), and the kernel may call H's handlers at any
 * time; the destructor frees the line, which waits for running handlers,
 * before h_ (a member, destroyed after the destructor's body) goes.
 */
template <typename H> class Irq : Pinned {
	static constexpr bool has_hard = requires { &H::handle; };
	static constexpr bool has_thread = requires { &H::thread; };

	static consteval bool check()
	{
		static_assert(
			has_hard || has_thread,
			"kcxx irq: the handler needs `IrqReturn handle() KCXX_ATOMIC;` (hard "
			"interrupt context) or `IrqReturn thread();` (a kernel thread), or both");
		if constexpr (has_hard)
			static_assert(is_same_v<decltype(&H::handle), IrqReturn (H::*)()>,
				      "kcxx irq: handle must be `IrqReturn handle() KCXX_ATOMIC;`");
		if constexpr (has_thread)
			static_assert(is_same_v<decltype(&H::thread), IrqReturn (H::*)()>,
				      "kcxx irq: thread must be `IrqReturn thread();`");
		return true;
	}

public:
	/**
	 * Requests `line` for a handler object made from `args`; `name` (shown
	 * in /proc/interrupts) must outlive it. EBUSY when another driver holds
	 * the line unshared; EINVAL for flags the line cannot have.
	 */
	template <typename... Args> static Result<Box<Irq>>
	request(IrqLine line, IrqFlags flags, const char *name, Args &&...args)
	{
		static_assert(check());
		auto self = TRY(Box<Irq>::try_new(gfp::KERNEL, line, forward<Args>(args)...));
		if constexpr (!has_hard)
			flags = flags | irq::oneshot; // required without a hard handler
		// SAFETY: raw_ is storage for a struct kcxx_irq that lives as long
		// as the registration (this Box); the trampolines get `self`.
		TRY(to_result(kcxx_request_threaded_irq(
			self->raw_.get(), line.number(), has_hard ? &hard : nullptr,
			has_thread ? &threaded : nullptr, flags.bits, name, self.get())));
		// INVARIANT: registered just above.
		self->requested_ = true;
		return self;
	}

	template <typename... Args> explicit Irq(IrqLine line, Args &&...args)
		: h_(forward<Args>(args)...), line_(line)
	{
	}

	/// Frees the line; returns when no handler is running (none runs again).
	~Irq()
	{
		if (requested_)
			kcxx_free_irq(raw_.get(), line_.number());
	}

	/// The handler's object, for process context.
	H &handler() { return h_; }
	IrqLine line() const { return line_; }

	/// Waits until the handlers running now have returned.
	void synchronize() KCXX_MAY_SLEEP { kcxx_synchronize_irq(line_.number()); }

	/// The line masked for the guard's life: no handler is running once
	/// this returns, and none starts until the guard is dropped.
	class [[nodiscard]] Disabled : Pinned {
	public:
		explicit Disabled(Irq &irq) KCXX_MAY_SLEEP : irq_(irq)
		{
			kcxx_disable_irq(irq_.line_.number());
		}
		~Disabled() { kcxx_enable_irq(irq_.line_.number()); }

	private:
		Irq &irq_;
	};

	Disabled disabled() KCXX_MAY_SLEEP { return Disabled(*this); }

private:
	static int hard(void *ctx) KCXX_NO_THREAD_SAFETY_ANALYSIS
	{
		if constexpr (has_hard)
			return static_cast<int>(static_cast<Irq *>(ctx)->h_.handle());
		return static_cast<int>(IrqReturn::WakeThread);
	}

	static int threaded(void *ctx) KCXX_NO_THREAD_SAFETY_ANALYSIS
	{
		if constexpr (has_thread)
			return static_cast<int>(static_cast<Irq *>(ctx)->h_.thread());
		return static_cast<int>(IrqReturn::None);
	}

	Opaque<KCXX_SIZEOF_IRQ, KCXX_ALIGNOF_IRQ> raw_{};
	H h_;
	IrqLine line_;
	bool requested_ = false;
};

} // namespace kcxx

#endif // KCXX_IRQ_H
