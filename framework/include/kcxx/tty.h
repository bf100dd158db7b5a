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
#include <kcxx/bitmap.h>
#include <kcxx/box.h>
#include <kcxx/bridge/tty.h>
#include <kcxx/call_gate.h>
#include <kcxx/device.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/span.h>
#include <kcxx/spinlock.h>
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

class TtyDriver;
template <typename Impl> class TtyPort;

namespace detail {

/**
 * What the kernel's port points to (its ops' context): the gate every call
 * into the TtyPort passes, and the line it holds. It lives until the port's
 * last reference, which an open tty may keep after the TtyPort is gone.
 *
 * # Invariants
 * port is the TtyPort while the gate is open; line is reserved in driver,
 * and released when this is dropped.
 */
struct TtyPortCore : Pinned {
	TtyPortCore(LockClass &cls, void *port, TtyDriver &driver, u32 line)
		: gate(cls), port(port), driver(&driver), line(line)
	{
	}
	~TtyPortCore();

	CallGate gate;
	void *port;
	TtyDriver *driver;
	u32 line;
	struct kcxx_tty_port *raw = nullptr;
};

} // namespace detail

/**
 * A registered tty driver: /dev/<name><N> for each port registered on it.
 * It keeps which lines are taken and which port serves each: a line stays
 * taken until its port's last reference is gone (a hung-up tty still open
 * holds it), so a new port never meets the old one's tty.
 *
 * # Invariants
 * raw_ is a registered driver whose lookup is this object's, unregistered
 * and freed by the destructor. Ports must be gone first: every port's last
 * reference is dropped before its TtyDriver (an open tty holds the module).
 */
class TtyDriver : Pinned {
public:
	static constexpr u32 MAX_LINES = 256;

	/// `driver_name` (for /proc/tty/drivers) and `name` must outlive the
	/// driver; `lines` is 1..MAX_LINES.
	static Result<Box<TtyDriver>> try_register(const char *driver_name, const char *name,
						   u32 lines)
	{
		if (lines == 0 || lines > MAX_LINES)
			return code::EINVAL;
		auto drv = TRY(Box<TtyDriver>::try_new(gfp::KERNEL, lines));
		// INVARIANT: registered with this object's lookup; it does not move.
		drv->raw_ = TRY(from_err_ptr(
			kcxx_tty_driver_register(driver_name, name, lines, &lookup, drv.get())));
		return drv;
	}

	explicit TtyDriver(u32 lines) : lines_(lines) {}
	~TtyDriver()
	{
		if (raw_)
			kcxx_tty_driver_unregister(raw_);
	}

	u32 lines() const { return lines_; }
	struct kcxx_tty_driver *raw() { return raw_; }

private:
	template <typename> friend class TtyPort;
	friend struct detail::TtyPortCore;

	struct Table {
		Bitmap<MAX_LINES> taken;
		detail::TtyPortCore *serving[MAX_LINES] = {};
	};

	/// Line `index`, or the first free one for -1: EINVAL past the lines,
	/// EBUSY when taken, ENOSPC when all are.
	Result<u32> reserve(int index)
	{
		auto t = table_.lock();
		if (index >= static_cast<int>(lines_))
			return code::EINVAL;
		if (index < 0)
			return static_cast<u32>(TRY(t->taken.take_first_free(lines_)));
		TRY(t->taken.take(static_cast<usize>(index)));
		return static_cast<u32>(index);
	}

	void release(u32 line) { table_.lock()->taken.clear(line); }

	void serve(u32 line, detail::TtyPortCore *core) { table_.lock()->serving[line] = core; }

	/// install: the port serving `index`, with a reference for the tty.
	static struct kcxx_tty_port *lookup(void *ctx, int index)
	{
		auto &self = *static_cast<TtyDriver *>(ctx);
		auto t = self.table_.lock();

		if (index < 0 || index >= static_cast<int>(self.lines_) || !t->serving[index])
			return nullptr;
		// SAFETY: a port is served only between add_device() and unregister(),
		// while its owner's reference keeps it; this one is the tty's.
		return kcxx_tty_port_get(t->serving[index]->raw);
	}

	SpinLock<Table> table_{ KCXX_LOCK_CLASS("kcxx_tty.lines") };
	u32 lines_;
	struct kcxx_tty_driver *raw_ = nullptr;
};

inline detail::TtyPortCore::~TtyPortCore()
{
	driver->release(line);
}

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
 * context is core_; its hooks reach impl_ only through core_->gate, which
 * unregister() revokes (waiting for those inside); impl_ outlives this
 * object (it is normally Impl's member).
 */
template <typename Impl> class TtyPort : Pinned {
	using Core = detail::TtyPortCore;

public:
	explicit TtyPort(Impl &impl) : impl_(impl) {}
	~TtyPort()
	{
		unregister();
		if (raw_)
			kcxx_tty_port_put(raw_); // the last reference frees core_
	}

	/**
	 * Reserves the line /dev/<name><index> (index -1: the first free
	 * one), starting at `baud` on its first open. No hook runs yet: index()
	 * is known, the device appears with add_device(). EINVAL: index beyond
	 * the driver's lines; EBUSY: the line is in use (also by a port whose
	 * hung-up tty is not yet released); ENOSPC: every line is.
	 */
	Result<void> create(TtyDriver &drv, int index, u32 baud)
	{
		check();
		u32 line = TRY(drv.reserve(index));
		auto core = Box<Core>::try_new(gfp::KERNEL, KCXX_LOCK_CLASS("kcxx_tty.gate"),
					       static_cast<void *>(this), drv, line);
		if (core.is_error()) {
			drv.release(line);
			return core.error();
		}
		auto raw = from_err_ptr(
			kcxx_tty_port_create(drv.raw(), line, baud, &ops, core.value().get()));
		if (raw.is_error())
			return raw.error(); // dropping core releases the line
		// INVARIANT: the port holds core (freed by its release hook) and one
		// reference for this object.
		core_ = move(core.release_value()).into_raw();
		core_->raw = raw_ = raw.value();
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
		// In the table before the device exists: the first open, which may
		// come as soon as the node appears, finds the port.
		core_->driver->serve(core_->line, core_);
		auto added = to_result(kcxx_tty_port_add_device(raw_, parent, groups, &impl_));
		if (added.is_error()) {
			core_->driver->serve(core_->line, nullptr);
			return added;
		}
		has_device_ = true;
		return {};
	}

	/// create() and add_device(), for a port that needs nothing in between.
	Result<void> register_with(TtyDriver &drv, int index, u32 baud, struct device *parent)
	{
		TRY(create(drv, index, baud));
		return add_device(parent);
	}

	/// See the class comment; does nothing the second time.
	void unregister() KCXX_MAY_SLEEP
	{
		if (!registered_)
			return;
		registered_ = false;
		if (has_device_) {
			// Out of the table first: no new tty installs this port. The
			// hang-up still calls Impl::hangup(), through the open gate.
			core_->driver->serve(core_->line, nullptr);
			kcxx_tty_port_remove_device(raw_);
		}
		core_->gate.revoke(); // returns when no hook runs; none starts
	}

	u32 index() { return core_->line; }

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
	/// Queues a break (read as NUL, or per BRKINT/IGNBRK/PARMRK); true when
	/// queued or ignored by the termios, false when the buffer was full.
	bool insert_break() { return kcxx_tty_port_insert_break(raw_) == 1; }
	/// Hands what was inserted to the line discipline. Any context.
	void push() { kcxx_tty_port_push(raw_); }
	/// Room left in the receive buffer.
	u32 buffer_space() { return kcxx_tty_port_buffer_space(raw_); }
	/// Caps the receive buffer at `bytes` (the kernel's default is 640 KiB,
	/// a pty's 8 KiB). A sender that waits for room keeps less in flight.
	/// EINVAL: below the smallest buffer. After create().
	Result<void> limit_buffer(u32 bytes)
	{
		return to_result(kcxx_tty_port_set_buffer_limit(raw_, bytes));
	}
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

	/// Runs `call(impl)` inside the port's gate, or returns `revoked` once
	/// the TtyPort is unregistering (its Impl may be gone).
	template <typename R, typename F> static R gated(void *ctx, R revoked, F call)
	{
		// SAFETY: ctx is the Core create() gave the kernel's port, which
		// keeps it until release.
		Core &core = *static_cast<Core *>(ctx);
		auto in = core.gate.enter();
		if (!in)
			return revoked;
		return call(static_cast<TtyPort *>(core.port)->impl_);
	}
	template <typename F> static void gated(void *ctx, F call)
	{
		Core &core = *static_cast<Core *>(ctx);
		if (auto in = core.gate.enter())
			call(static_cast<TtyPort *>(core.port)->impl_);
	}

	static constexpr int ENODEV_ = code::ENODEV.to_errno();
	static constexpr int EIO_ = code::EIO.to_errno();

	static int do_open(void *ctx, int count)
	{
		return gated(ctx, ENODEV_, [&](Impl &impl) {
			if constexpr (has_open)
				return to_c_return(impl.open(static_cast<u32>(count)));
			return 0;
		});
	}
	static int do_activate(void *ctx, const kcxx_termios *t)
	{
		return gated(ctx, ENODEV_, [&](Impl &impl) {
			if constexpr (has_activate)
				return to_c_return(impl.activate(Termios::from(*t)));
			return 0;
		});
	}
	static void do_shutdown(void *ctx)
	{
		if constexpr (has_shutdown)
			gated(ctx, [](Impl &impl) { impl.shutdown(); });
	}
	static long do_write(void *ctx, const unsigned char *buf, unsigned long count)
	{
		return gated(ctx, 0L, [&](Impl &impl) {
			// SAFETY: the tty layer hands a kernel buffer of `count` bytes,
			// valid for the duration of the call.
			return static_cast<long>(
				impl.write(Span<const u8>::unsafe_from_raw(buf, count)));
		});
	}
	static unsigned int do_write_room(void *ctx)
	{
		return gated(ctx, 0U, [](Impl &impl) -> unsigned int { return impl.write_room(); });
	}
	static unsigned int do_chars_in_buffer(void *ctx)
	{
		return gated(ctx, 0U, [](Impl &impl) -> unsigned int {
			if constexpr (has_chars_in_buffer)
				return impl.chars_in_buffer();
			return 0;
		});
	}
	static unsigned int do_set_termios(void *ctx, const kcxx_termios *now,
					   const kcxx_termios *old)
	{
		return gated(ctx, now->ospeed, [&](Impl &impl) -> unsigned int {
			if constexpr (has_set_termios)
				return impl.set_termios(Termios::from(*now), Termios::from(*old));
			return now->ospeed;
		});
	}
	static void do_throttle(void *ctx, int on)
	{
		if constexpr (has_throttle)
			gated(ctx, [&](Impl &impl) { impl.throttle(on != 0); });
	}
	static int do_tiocmget(void *ctx)
	{
		return gated(ctx, EIO_, [](Impl &impl) {
			if constexpr (has_tiocmget)
				return static_cast<int>(impl.tiocmget());
			return 0;
		});
	}
	static int do_tiocmset(void *ctx, unsigned int set, unsigned int clear)
	{
		return gated(ctx, EIO_, [&](Impl &impl) {
			if constexpr (has_tiocmset)
				impl.tiocmset(set, clear);
			return 0;
		});
	}
	static int do_get_icount(void *ctx, kcxx_icount *ic)
	{
		return gated(ctx, EIO_, [&](Impl &impl) {
			if constexpr (has_get_icount)
				impl.get_icount(*ic);
			return 0;
		});
	}
	static int do_break_ctl(void *ctx, int on)
	{
		return gated(ctx, EIO_, [&](Impl &impl) {
			if constexpr (has_break_ctl)
				impl.break_ctl(on != 0);
			return 0;
		});
	}
	static void do_flush_buffer(void *ctx)
	{
		if constexpr (has_flush_buffer)
			gated(ctx, [](Impl &impl) { impl.flush_buffer(); });
	}
	static void do_hangup(void *ctx)
	{
		if constexpr (has_hangup)
			gated(ctx, [](Impl &impl) { impl.hangup(); });
	}
	static long do_ioctl(void *ctx, unsigned int cmd, unsigned long arg)
	{
		return gated(ctx, static_cast<long>(EIO_), [&](Impl &impl) -> long {
			if constexpr (has_ioctl)
				return to_c_return(impl.ioctl(cmd, arg));
			return code::ENOTTY.to_errno();
		});
	}
	static int do_carrier_raised(void *ctx)
	{
		return gated(ctx, 1, [](Impl &impl) {
			if constexpr (has_carrier_raised)
				return impl.carrier_raised() ? 1 : 0;
			return 1;
		});
	}
	static void do_dtr_rts(void *ctx, int active)
	{
		if constexpr (has_dtr_rts)
			gated(ctx, [&](Impl &impl) { impl.dtr_rts(active != 0); });
	}
	/// The kernel's port is gone: free the core, which releases the line.
	static void do_release(void *ctx)
	{
		// SAFETY: ctx came from into_raw() in create(); the port calls
		// this once, from its destructor.
		Box<Core>::unsafe_from_raw(static_cast<Core *>(ctx));
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
		.release = &do_release,
	};

	Impl &impl_;
	struct kcxx_tty_port *raw_ = nullptr;
	Core *core_ = nullptr; // the port's, freed by do_release()
	bool registered_ = false;
	bool has_device_ = false;
};

} // namespace kcxx

#endif // KCXX_TTY_H
