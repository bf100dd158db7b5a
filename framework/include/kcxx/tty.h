/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TTY drivers: <linux/tty_driver.h>, <linux/tty_port.h> and
 * <linux/tty_flip.h> for C++. A TtyDriver is one driver (one /dev name
 * prefix, one major); each TtyPort<Impl> is one line of it, /dev/<name><N>,
 * whose operations are methods of Impl. The kernel's tty layer and line
 * discipline do termios, canonical and raw modes, O_NONBLOCK, poll and SIGIO.
 *
 *	class Port {
 *		usize write(Span<const u8> bytes);	// required: how many were taken
 *		u32 write_room();			// required
 *		...					// optional hooks, see TtyPort
 *		TtyPort<Port> tty_{ *this };
 *	};
 *	auto drv = TRY(TtyDriver::try_register("kcxx-vserial", "ttyVS", 64));
 *	TRY(port->tty_.register_with(*drv, -1, 115200, nullptr));
 *	...
 *	~Port() { tty_.unregister(); }		// first thing: see TtyPort
 */
#ifndef KCXX_TTY_H
#define KCXX_TTY_H

#include <kcxx/attribute_group.h>
#include <kcxx/box.h>
#include <kcxx/bridge/tty.h>
#include <kcxx/device.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/span.h>
#include <kcxx/utility.h>

namespace kcxx {

/// Modem-control lines (TIOCM_* bits), as TIOCMGET/TIOCMSET carry them.
namespace tiocm {
inline constexpr u32 DTR = KCXX_TIOCM_DTR;
inline constexpr u32 RTS = KCXX_TIOCM_RTS;
inline constexpr u32 CTS = KCXX_TIOCM_CTS;
inline constexpr u32 CD = KCXX_TIOCM_CD;
inline constexpr u32 RI = KCXX_TIOCM_RI;
inline constexpr u32 DSR = KCXX_TIOCM_DSR;
} // namespace tiocm

/// TIOCMIWAIT: sleep until one of the modem lines in `arg` changes.
inline constexpr unsigned int TIOCMIWAIT = KCXX_TIOCMIWAIT;

/// A snapshot of a tty's termios; `baud` is the effective output rate,
/// arbitrary (BOTHER) rates included, 0 for B0 (hang up).
struct Termios {
	u32 iflag = 0, oflag = 0, cflag = 0, lflag = 0;
	u32 baud = 0;

	static Termios from(const kcxx_termios &t)
	{
		return { t.iflag, t.oflag, t.cflag, t.lflag, t.ospeed };
	}

	u32 data_bits() const
	{
		switch (cflag & KCXX_CSIZE) {
		case KCXX_CS5:
			return 5;
		case KCXX_CS6:
			return 6;
		case KCXX_CS7:
			return 7;
		default:
			return 8;
		}
	}
	bool parity() const { return cflag & KCXX_PARENB; }
	u32 stop_bits() const { return (cflag & KCXX_CSTOPB) ? 2 : 1; }
	bool crtscts() const { return cflag & KCXX_CRTSCTS; }

	/// Bits on the wire per character: start + data + parity + stop.
	u32 char_bits() const { return 1 + data_bits() + (parity() ? 1 : 0) + stop_bits(); }
};

/// The counters TIOCGICOUNT reports (struct serial_icounter_struct).
using SerialIcount = kcxx_icount;

/**
 * A registered tty driver: /dev/<name><N> for each port registered on it.
 *
 * # Invariants
 * raw_ is a registered driver, unregistered and freed by the destructor.
 * Ports must be gone first: each TtyPort is dropped before its TtyDriver.
 */
class TtyDriver : Pinned {
public:
	/// `driver_name` (for /proc/tty/drivers) and `name` must outlive the driver.
	static Result<Box<TtyDriver>> try_register(const char *driver_name, const char *name,
						   u32 lines)
	{
		auto *raw = TRY(from_err_ptr(kcxx_tty_driver_register(driver_name, name, lines)));
		// INVARIANT: registered just above; Box::try_new failing unregisters.
		auto drv = Box<TtyDriver>::try_new(gfp::KERNEL, raw);
		if (drv.is_error())
			kcxx_tty_driver_unregister(raw);
		return drv;
	}

	explicit TtyDriver(struct kcxx_tty_driver *raw) : raw_(raw) {}
	~TtyDriver() { kcxx_tty_driver_unregister(raw_); }

	u32 lines() { return kcxx_tty_driver_lines(raw_); }
	struct kcxx_tty_driver *raw() { return raw_; }

private:
	struct kcxx_tty_driver *raw_;
};

/**
 * One line of a TtyDriver, served by Impl. Hooks (each optional unless
 * marked; a wrong signature is a compile error quoting the right one):
 *
 * ==========================================================  =====================
 * ``usize write(Span<const u8>)`` (required)                  bytes taken, never sleeps
 * ``u32 write_room()`` (required)                             room for write
 * ``u32 chars_in_buffer()``                                   queued, for tcdrain
 * ``Result<void> open(u32 open_count)``                       each open (after the first-open activate)
 * ``Result<void> activate(const Termios &)``                  first open
 * ``void shutdown()``                                         last close, or hang-up
 * ``u32 set_termios(const Termios &now, const Termios &old)``  tcsetattr & co; returns the
 *                                                             rate in use, which the tty then
 *                                                             reports (cfgetospeed, TCGETS2)
 * ``void throttle(bool)``                                     the reader wants less / more
 * ``u32 tiocmget()`` / ``void tiocmset(u32 set, u32 clear)``  modem lines
 * ``void get_icount(SerialIcount &)``                         TIOCGICOUNT
 * ``void break_ctl(bool on)``                                 TCSBRK and friends
 * ``void flush_buffer()``                                     TCOFLUSH: drop queued output
 * ``void hangup()``                                           hang-up: wake own sleepers
 * ``Result<long> ioctl(unsigned int cmd, uintptr arg)``       ENOTTY = not mine
 * ``bool carrier_raised()`` / ``void dtr_rts(bool)``          tty_port's carrier and DTR/RTS
 * ==========================================================  =====================
 *
 * Context: write, write_room, chars_in_buffer, throttle, flush_buffer and
 * break_ctl must not sleep (the tty layer may hold spinlocks); the others
 * run in process context and may sleep. Data touched from hrtimers belongs
 * in a SpinLockIrq.
 *
 * Tear-down: ~Impl must call unregister() first, before any member a hook or
 * a timer uses is destroyed: it removes /dev/<name><N>, hangs the tty up
 * (blocked readers see EOF, later I/O -EIO), and returns when no hook is
 * running; none runs afterwards. The kernel object is refcounted: a tty still
 * open keeps it, not Impl, alive.
 *
 * # Invariants
 * raw_ is null or a port on which this object holds one reference, whose
 * hooks call impl_ until registered_ turns false (unregister() waited for
 * them); impl_ outlives this object (it is normally Impl's member).
 */
template <typename Impl> class TtyPort : Pinned {
public:
	explicit TtyPort(Impl &impl) : impl_(impl) {}
	~TtyPort()
	{
		unregister();
		if (raw_)
			kcxx_tty_port_put(raw_);
	}

	/**
	 * Reserves the line /dev/<name><index> (index -1: the first free
	 * one), starting at `baud` on its first open. No hook runs yet: index()
	 * is known, the device appears with add_device(). EINVAL: index beyond
	 * the driver's lines; EBUSY: the line is in use; ENOSPC: every line is.
	 */
	Result<void> create(TtyDriver &drv, int index, u32 baud)
	{
		check();
		raw_ = TRY(from_err_ptr(kcxx_tty_port_create(drv.raw(), index, baud, &ops, this)));
		// INVARIANT: created with this object as context, one reference held.
		registered_ = true;
		return {};
	}

	/**
	 * Creates /dev/<name><N> and /sys/class/tty/<name><N> under `parent`
	 * (may be null), with Impl::attributes as its files if Impl declares
	 * them (attribute_group.h; they exist before the device is announced).
	 * Hooks may run from now on.
	 */
	Result<void> add_device(struct device *parent)
	{
		const void *const *groups = nullptr;
		if constexpr (requires { Impl::attributes; })
			groups = AttributeGroup<Impl>::groups();
		return to_result(kcxx_tty_port_add_device(raw_, parent, groups, &impl_));
	}

	/// create() and add_device(), for a port that needs nothing in between.
	Result<void> register_with(TtyDriver &drv, int index, u32 baud, struct device *parent)
	{
		TRY(create(drv, index, baud));
		return add_device(parent);
	}

	/// See the class comment; does nothing the second time.
	void unregister()
	{
		if (registered_)
			kcxx_tty_port_unregister(raw_);
		registered_ = false;
	}

	u32 index() { return kcxx_tty_port_index(raw_); }

	/// The tty class device, /sys/class/tty/<name><N>, while registered.
	Device device()
	{
		// SAFETY: the class device lives while the port is registered, which
		// is as long as this TtyPort.
		return Device::unsafe_from_raw(kcxx_tty_port_device(raw_));
	}

	/// Queues received bytes; returns how many fitted. Any context; the
	/// caller serialises everything that inserts into one port.
	usize insert(Span<const u8> bytes)
	{
		return kcxx_tty_port_insert(raw_, bytes.data(), bytes.size());
	}
	/// Queues a break (read as NUL, or per BRKINT/IGNBRK/PARMRK).
	bool insert_break() { return kcxx_tty_port_insert_break(raw_) == 1; }
	/// Hands what was inserted to the line discipline. Any context.
	void push() { kcxx_tty_port_push(raw_); }
	/// Room left in the receive buffer.
	u32 buffer_space() { return kcxx_tty_port_buffer_space(raw_); }
	/// Wakes writers waiting for write_room() (and tcdrain). Any context.
	void wake_writers() { kcxx_tty_port_wakeup(raw_); }

private:
#define KCXX_TTY_HOOK(name, type, sig)                                          \
	static constexpr bool has_##name = requires { &Impl::name; };           \
	static constexpr void check_##name()                                    \
	{                                                                       \
		if constexpr (has_##name)                                       \
			static_assert(is_same_v<decltype(&Impl::name), type>,   \
				      "tty port: " #name " must be `" sig "`"); \
	}
	KCXX_TTY_HOOK(write, usize (Impl::*)(Span<const u8>), "usize write(Span<const u8> bytes);")
	KCXX_TTY_HOOK(write_room, u32 (Impl::*)(), "u32 write_room();")
	KCXX_TTY_HOOK(chars_in_buffer, u32 (Impl::*)(), "u32 chars_in_buffer();")
	KCXX_TTY_HOOK(open, Result<void> (Impl::*)(u32), "Result<void> open(u32 open_count);")
	KCXX_TTY_HOOK(activate, Result<void> (Impl::*)(const Termios &),
		      "Result<void> activate(const Termios &);")
	KCXX_TTY_HOOK(shutdown, void (Impl::*)(), "void shutdown();")
	KCXX_TTY_HOOK(set_termios, u32 (Impl::*)(const Termios &, const Termios &),
		      "u32 set_termios(const Termios &now, const Termios &old);")
	KCXX_TTY_HOOK(throttle, void (Impl::*)(bool), "void throttle(bool throttled);")
	KCXX_TTY_HOOK(tiocmget, u32 (Impl::*)(), "u32 tiocmget();")
	KCXX_TTY_HOOK(tiocmset, void (Impl::*)(u32, u32), "void tiocmset(u32 set, u32 clear);")
	KCXX_TTY_HOOK(get_icount, void (Impl::*)(SerialIcount &),
		      "void get_icount(SerialIcount &);")
	KCXX_TTY_HOOK(break_ctl, void (Impl::*)(bool), "void break_ctl(bool on);")
	KCXX_TTY_HOOK(flush_buffer, void (Impl::*)(), "void flush_buffer();")
	KCXX_TTY_HOOK(hangup, void (Impl::*)(), "void hangup();")
	KCXX_TTY_HOOK(ioctl, Result<long> (Impl::*)(unsigned int, uintptr),
		      "Result<long> ioctl(unsigned int cmd, uintptr arg);")
	KCXX_TTY_HOOK(carrier_raised, bool (Impl::*)(), "bool carrier_raised();")
	KCXX_TTY_HOOK(dtr_rts, void (Impl::*)(bool), "void dtr_rts(bool active);")
#undef KCXX_TTY_HOOK

	static constexpr void check()
	{
		static_assert(has_write && has_write_room,
			      "tty port: Impl needs `usize write(Span<const u8>);` and `u32 "
			      "write_room();`");
		check_write();
		check_write_room();
		check_chars_in_buffer();
		check_open();
		check_activate();
		check_shutdown();
		check_set_termios();
		check_throttle();
		check_tiocmget();
		check_tiocmset();
		check_get_icount();
		check_break_ctl();
		check_flush_buffer();
		check_hangup();
		check_ioctl();
		check_carrier_raised();
		check_dtr_rts();
	}

	static Impl &of(void *ctx) { return static_cast<TtyPort *>(ctx)->impl_; }

	static int do_open(void *ctx, int count)
	{
		if constexpr (has_open)
			return to_c_return(of(ctx).open(static_cast<u32>(count)));
		return 0;
	}
	static int do_activate(void *ctx, const kcxx_termios *t)
	{
		if constexpr (has_activate)
			return to_c_return(of(ctx).activate(Termios::from(*t)));
		return 0;
	}
	static void do_shutdown(void *ctx)
	{
		if constexpr (has_shutdown)
			of(ctx).shutdown();
	}
	static long do_write(void *ctx, const unsigned char *buf, unsigned long count)
	{
		// SAFETY: the tty layer hands a kernel buffer of `count` bytes,
		// valid for the duration of the call.
		return static_cast<long>(
			of(ctx).write(Span<const u8>::unsafe_from_raw(buf, count)));
	}
	static unsigned int do_write_room(void *ctx) { return of(ctx).write_room(); }
	static unsigned int do_chars_in_buffer(void *ctx)
	{
		if constexpr (has_chars_in_buffer)
			return of(ctx).chars_in_buffer();
		return 0;
	}
	static unsigned int do_set_termios(void *ctx, const kcxx_termios *now,
					   const kcxx_termios *old)
	{
		if constexpr (has_set_termios)
			return of(ctx).set_termios(Termios::from(*now), Termios::from(*old));
		return now->ospeed;
	}
	static void do_throttle(void *ctx, int on)
	{
		if constexpr (has_throttle)
			of(ctx).throttle(on != 0);
	}
	static int do_tiocmget(void *ctx)
	{
		if constexpr (has_tiocmget)
			return static_cast<int>(of(ctx).tiocmget());
		return 0;
	}
	static void do_tiocmset(void *ctx, unsigned int set, unsigned int clear)
	{
		if constexpr (has_tiocmset)
			of(ctx).tiocmset(set, clear);
	}
	static void do_get_icount(void *ctx, kcxx_icount *ic)
	{
		if constexpr (has_get_icount)
			of(ctx).get_icount(*ic);
	}
	static void do_break_ctl(void *ctx, int on)
	{
		if constexpr (has_break_ctl)
			of(ctx).break_ctl(on != 0);
	}
	static void do_flush_buffer(void *ctx)
	{
		if constexpr (has_flush_buffer)
			of(ctx).flush_buffer();
	}
	static void do_hangup(void *ctx)
	{
		if constexpr (has_hangup)
			of(ctx).hangup();
	}
	static long do_ioctl(void *ctx, unsigned int cmd, unsigned long arg)
	{
		if constexpr (has_ioctl) {
			auto r = of(ctx).ioctl(cmd, arg);
			return to_c_return(r);
		}
		return code::ENOTTY.to_errno();
	}
	static int do_carrier_raised(void *ctx)
	{
		if constexpr (has_carrier_raised)
			return of(ctx).carrier_raised();
		return 1;
	}
	static void do_dtr_rts(void *ctx, int active)
	{
		if constexpr (has_dtr_rts)
			of(ctx).dtr_rts(active != 0);
	}

	static constexpr kcxx_tty_port_ops ops = {
		.open = has_open ? &do_open : nullptr,
		.activate = &do_activate,
		.shutdown = has_shutdown ? &do_shutdown : nullptr,
		.write = &do_write,
		.write_room = &do_write_room,
		.chars_in_buffer = &do_chars_in_buffer,
		.set_termios = has_set_termios ? &do_set_termios : nullptr,
		.throttle = has_throttle ? &do_throttle : nullptr,
		.tiocmget = has_tiocmget ? &do_tiocmget : nullptr,
		.tiocmset = has_tiocmset ? &do_tiocmset : nullptr,
		.get_icount = has_get_icount ? &do_get_icount : nullptr,
		.break_ctl = has_break_ctl ? &do_break_ctl : nullptr,
		.flush_buffer = has_flush_buffer ? &do_flush_buffer : nullptr,
		.hangup = has_hangup ? &do_hangup : nullptr,
		.ioctl = has_ioctl ? &do_ioctl : nullptr,
		.carrier_raised = has_carrier_raised ? &do_carrier_raised : nullptr,
		.dtr_rts = has_dtr_rts ? &do_dtr_rts : nullptr,
	};

	Impl &impl_;
	struct kcxx_tty_port *raw_ = nullptr;
	bool registered_ = false;
};

} // namespace kcxx

#endif // KCXX_TTY_H
