// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx-vserial - virtual serial ports, /dev/ttyVS<N>, as real ttys: loopback
 * lines, null-modem pairs and a letter generator, moving bytes at the line
 * rate a UART would (Documentation/serial/kcxx-vserial.rst, binding
 * Documentation/devicetree/bindings/serial/kcxx,virtual-serial.yaml).
 *
 * Data path: write() queues bytes in the port's transmit FIFO; the port's
 * hrtimer moves them to the receiving port's flip buffer (itself, its peer,
 * or nowhere) at baud / (start + data + parity + stop bits) characters per
 * second, or as fast as the receiver takes them when unpaced (then the
 * writer moves them itself, as a pty's does: the timer only resumes a line
 * whose receiver was full). Every insert into any port's flip buffer happens
 * under the module's wiring lock, which makes it the single producer the tty
 * layer requires.
 */
#include <kcxx/atomic.h>
#include <kcxx/fifo.h>
#include <kcxx/hrtimer.h>
#include <kcxx/module_param.h>
#include <kcxx/percpu.h>
#include <kcxx/platform.h>
#include <kcxx/spinlock.h>
#include <kcxx/sysfs.h>
#include <kcxx/tty.h>
#include <kcxx/vec.h>
#include <kcxx/wait_queue.h>

namespace {

using namespace kcxx;

constexpr u32 kLines = 64; // /dev/ttyVS0 .. ttyVS63
constexpr u32 kDefaultBaud = 115200;
constexpr u32 kMinBaud = 50, kMaxBaud = 4000000;
constexpr u32 kDefaultFifo = 4096, kMinFifo = 16, kMaxFifo = 65536;
constexpr u32 kMaxParamPorts = 16;

KCXX_MODULE_PARAM_RANGE(
	loopback_ports, uint, 0, 0, kMaxParamPorts, 0444,
	"Number of loopback ports to create without a device-tree node (0-16, default 0)");

constexpr usize kChunk = 256;		   // bytes moved per step, on the sender's stack
constexpr u64 kUnpacedBurst = 16 * kChunk; // per tick when unpaced
constexpr u64 kMinTickNs = 1000000;	   // paced: at most 1000 ticks/s
constexpr u64 kUnpacedTickNs = 1000000;	   // unpaced: retry period when the receiver is full
// Each port's flip buffer, as a pty's: an unpaced writer waits for room
// (its reader's unthrottle resumes it) instead of piling up 640 KiB.
constexpr u32 kReceiveBuffer = 8192;

enum class Mode : u32 { Loopback, NullModem, Generator };
constexpr const char *mode_names[] = { "loopback", "null-modem", "generator" };

/// What a port was asked to be, from its node or the module parameter.
struct PortConfig {
	Mode mode = Mode::Loopback;
	u32 baud = kDefaultBaud;
	u32 fifo_size = kDefaultFifo;
	int index = -1;
	bool exclusive = false;
	bool unpaced = false;
	// Identities only, never dereferenced (device-tree nodes of a booted
	// tree without overlay support are never freed).
	const void *node = nullptr;
	const void *peer_node = nullptr;
};

struct Counters {
	u64 tx, rx, dropped, overruns;
};

/// The wire a loopback plug or a null-modem cable makes of the other end's outputs.
constexpr u32 wire(u32 out)
{
	return ((out & tiocm::RTS) ? tiocm::CTS : 0) |
	       ((out & tiocm::DTR) ? tiocm::DSR | tiocm::CD : 0);
}

class Port;

/// Which ports exist and which are cabled together. Guarded by Hub::wiring_;
/// every insert into any port's flip buffer happens under that lock too.
struct Wiring {
	Port *ports[kLines] = {};
	Port *peer[kLines] = {};
};

/**
 * What all ports share: the tty driver and the wiring between its ports.
 *
 * # Invariants
 * Outlives every Port (module exit drops ports first).
 */
class Hub : Pinned {
public:
	explicit Hub(Box<TtyDriver> tty) : tty_(move(tty)) {}

	TtyDriver &tty() { return *tty_; }

	SpinLockIrq<Wiring> wiring_{ KCXX_LOCK_CLASS("kcxx_vserial.wiring") };

private:
	Box<TtyDriver> tty_;
};

/**
 * One virtual serial line.
 *
 * # Invariants
 * line_.fifo holds bytes written and not yet sent (fifo_size of them at most).
 * line_.running is true exactly while timer_ is armed or about to be (set
 * by kick(), cleared by tick() when it stops re-arming). index_ and the
 * Wiring entries for it are valid between link() and unlink(). Destruction
 * order: unlink, sysfs files, tty (no hook runs after), timer, the rest.
 */
class Port : Pinned {
public:
	static Result<Box<Port>> create(Hub &vs, const PortConfig &cfg, struct device *parent)
	{
		auto stats = TRY(PerCpu<Counters>::try_new());
		auto fifo = TRY(Fifo<u8>::try_new(cfg.fifo_size, gfp::KERNEL));
		auto port = TRY(Box<Port>::try_new(gfp::KERNEL, vs, cfg, move(stats), move(fifo)));
		// The line first, then the wiring, then the device: by the time
		// user space can open /dev/ttyVS<N> (and read its files, which
		// come with it), every hook sees a complete port.
		TRY(port->tty_.create(vs.tty(), cfg.index, cfg.baud));
		TRY(port->tty_.limit_buffer(kReceiveBuffer));
		port->index_ = port->tty_.index();
		port->link();
		TRY(port->tty_.add_device(parent));
		return port;
	}

	Port(Hub &vs, const PortConfig &cfg, PerCpu<Counters> &&stats, Fifo<u8> &&fifo)
		: vs_(vs), cfg_(cfg), line_(KCXX_LOCK_CLASS("kcxx_vserial.line"), move(fifo)),
		  stats_(move(stats)), unpaced_(cfg.unpaced ? 1 : 0)
	{
	}

	~Port()
	{
		unlink();
		tty_.unregister(); // its files and /dev node go; no hook runs after this
	}

	u32 index() const { return index_; }

	// --- tty operations (kcxx/tty.h) -------------------------------------

	Result<void> open(u32 open_count)
	{
		if (cfg_.exclusive && open_count > 1)
			return code::EBUSY;
		return {};
	}

	Result<void> activate(const Termios &t)
	{
		{
			auto l = line_.lock();
			l->termios = t;
		}
		hung_.store(0);
		throttled_.store(0);
		open_.store_release(1);
		if (cfg_.mode == Mode::Generator)
			kick();
		return {};
	}

	void shutdown()
	{
		open_.store(0);
		auto l = line_.lock();
		stats_.local()->dropped += l->fifo.clear(); // irqs are off: no torn update
	}

	usize write(Span<const u8> bytes)
	{
		if (cfg_.mode == Mode::Generator) {
			// Its wire carries only its letters: what is written (an
			// echo, say) goes nowhere at once, or tcdrain() would wait
			// for it forever.
			auto l = line_.lock();
			stats_.local()->dropped += bytes.size(); // irqs are off
			return bytes.size();
		}
		usize sent = 0;
		if (unpaced_.load())
			sent = send_now(*vs_.wiring_.lock(), bytes);
		usize n = line_.lock()->fifo.push(bytes.drop_first(sent));

		if (n)
			kick();
		return sent + n;
	}

	u32 write_room()
	{
		auto l = line_.lock();
		return static_cast<u32>(l->fifo.space());
	}

	/// What tcdrain() and close wait to see sent. Bytes held back by CTS
	/// from a peer that is not there will never go: close must not wait
	/// for them (they are dropped at shutdown).
	u32 chars_in_buffer()
	{
		auto w = vs_.wiring_.lock();
		auto l = line_.lock();
		Port *dest = destination(*w);
		bool never = l->termios.crtscts() && !(inputs(*w) & tiocm::CTS) &&
			     (!dest || !dest->open_.load_acquire());
		return never ? 0 : static_cast<u32>(l->fifo.len());
	}

	void flush_buffer()
	{
		line_.lock()->fifo.clear();
		tty_.wake_writers();
	}

	/// Takes the new settings; a rate outside 50..4000000 (BOTHER allows any
	/// number) is clamped, and the rate in use goes back to the tty.
	u32 set_termios(const Termios &requested, const Termios &old)
	{
		Termios now = requested;
		now.baud = now.baud < kMinBaud ? (now.baud ? kMinBaud : 0)
					       : (now.baud > kMaxBaud ? kMaxBaud : now.baud);
		line_.lock()->termios = now;
		if (now.baud == 0 && old.baud != 0) // B0: hang up the modem
			change_lines(0, tiocm::DTR | tiocm::RTS);
		else if (now.baud != 0 && old.baud == 0)
			change_lines(tiocm::DTR | tiocm::RTS, 0);
		return now.baud;
	}

	void throttle(bool on)
	{
		throttled_.store(on ? 1 : 0);
		if (on)
			return;
		// Whoever sends to us stopped when we throttled: start it again.
		auto w = vs_.wiring_.lock();
		Port *sender = cfg_.mode == Mode::NullModem ? w->peer[index_] : this;
		if (sender)
			sender->resume(*w);
	}

	u32 tiocmget()
	{
		auto w = vs_.wiring_.lock();
		return out_.load() | inputs(*w);
	}

	void tiocmset(u32 set, u32 clear) { change_lines(set, clear); }
	void dtr_rts(bool active)
	{
		u32 both = tiocm::DTR | tiocm::RTS;
		change_lines(active ? both : 0, active ? 0 : both);
	}

	bool carrier_raised()
	{
		auto w = vs_.wiring_.lock();
		return inputs(*w) & tiocm::CD;
	}

	void get_icount(SerialIcount &ic)
	{
		ic = line_.lock()->icount;
		ic.tx = static_cast<int>(stats_.sum([](const Counters &c) { return c.tx; }));
		ic.rx = static_cast<int>(stats_.sum([](const Counters &c) { return c.rx; }));
		ic.overrun =
			static_cast<int>(stats_.sum([](const Counters &c) { return c.overruns; }));
	}

	void break_ctl(bool on)
	{
		if (!on)
			return;
		line_.lock()->break_pending = true;
		kick();
	}

	void hangup()
	{
		hung_.store_release(1);
		msr_wait_.wake_up_all();
	}

	Result<long> ioctl(unsigned int cmd, uintptr arg)
	{
		if (cmd != TIOCMIWAIT)
			return code::ENOTTY;
		u32 mask =
			static_cast<u32>(arg) & (tiocm::RI | tiocm::DSR | tiocm::CD | tiocm::CTS);
		if (mask == 0 || arg != mask)
			return code::EINVAL;
		SerialIcount before = line_.lock()->icount;
		TRY(msr_wait_.wait_interruptible(
			[&] { return hung_.load() != 0 || changed(before, mask); }));
		if (hung_.load_acquire())
			return code::EIO;
		return 0L;
	}

private:
	/// The transmit side, the line's settings and its modem-line history.
	struct Line {
		explicit Line(Fifo<u8> &&storage)
			: fifo(move(storage)), rng(0x9e3779b9u ^ static_cast<u32>(monotonic_ns()))
		{
		}

		Fifo<u8> fifo; // under the line lock: several writers
		Termios termios{};
		u64 last_ns = 0, credit_ns = 0;
		bool running = false;
		bool break_pending = false;
		u32 last_inputs = 0;
		SerialIcount icount{};
		u32 rng; // xorshift32 state of the generator

		u64 char_ns() const
		{
			return termios.baud
				       ? u64(termios.char_bits()) * 1000000000ull / termios.baud
				       : 0;
		}

		u64 period_ns(bool unpaced) const
		{
			u64 c = char_ns();
			if (unpaced)
				return kUnpacedTickNs;
			return c > kMinTickNs ? c : kMinTickNs;
		}

		/// Characters the line had time to send since the last tick, at most `cap`.
		u64 earn(u64 now, u64 cap)
		{
			u64 c = char_ns();

			credit_ns += now - last_ns;
			last_ns = now;
			if (c == 0)
				return credit_ns = 0;
			u64 n = credit_ns / c;
			credit_ns -= n * c;
			if (n >= cap) { // the line went idle: no credit for silence
				n = cap;
				credit_ns = 0;
			}
			return n;
		}

		u8 letter()
		{
			rng ^= rng << 13;
			rng ^= rng >> 17;
			rng ^= rng << 5;
			return static_cast<u8>('A' + rng % 26);
		}
	};

	Result<void> show_tx(SysfsOutput &out) { return show(out, &Counters::tx); }
	Result<void> show_rx(SysfsOutput &out) { return show(out, &Counters::rx); }
	Result<void> show_dropped(SysfsOutput &out) { return show(out, &Counters::dropped); }
	Result<void> show_overruns(SysfsOutput &out) { return show(out, &Counters::overruns); }
	Result<void> show(SysfsOutput &out, u64 Counters::*field)
	{
		out.print("%llu\n", static_cast<unsigned long long>(stats_.sum(
					    [&](const Counters &c) { return c.*field; })));
		return {};
	}
	Result<void> show_unpaced(SysfsOutput &out)
	{
		out.print("%d\n", unpaced_.load() ? 1 : 0);
		return {};
	}
	Result<void> store_unpaced(SysfsInput &in)
	{
		unpaced_.store(TRY(in.parse_bool()) ? 1 : 0);
		return {};
	}
	Result<void> show_mode(SysfsOutput &out)
	{
		out.print("%s\n", mode_names[static_cast<u32>(cfg_.mode)]);
		return {};
	}

public:
	/// The files of /sys/class/tty/ttyVS<N>, made with the device.
	static constexpr Attribute<Port> attributes[] = {
		{ "tx", 0444, &Port::show_tx },
		{ "rx", 0444, &Port::show_rx },
		{ "dropped", 0444, &Port::show_dropped },
		{ "overruns", 0444, &Port::show_overruns },
		{ "unpaced", 0644, &Port::show_unpaced, &Port::store_unpaced },
		{ "mode", 0444, &Port::show_mode },
	};

private:
	// --- wiring ------------------------------------------------------------

	void link()
	{
		auto w = vs_.wiring_.lock();
		linked_ = true;
		w->ports[index_] = this;
		if (cfg_.mode != Mode::NullModem)
			return refresh(*w);
		for (Port *p : w->ports) {
			if (p && p != this && p->cfg_.node == cfg_.peer_node &&
			    p->cfg_.peer_node == cfg_.node) {
				w->peer[index_] = p;
				w->peer[p->index_] = this;
				p->refresh(*w);
			}
		}
		refresh(*w);
	}

	void unlink()
	{
		if (!linked_)
			return; // create() failed before linking
		auto w = vs_.wiring_.lock();
		Port *peer = w->peer[index_];

		w->ports[index_] = nullptr;
		w->peer[index_] = nullptr;
		if (peer) {
			w->peer[peer->index_] = nullptr;
			peer->refresh(*w);
		}
	}

	/// CTS, DSR, CD as this port sees them.
	u32 inputs(Wiring &w)
	{
		switch (cfg_.mode) {
		case Mode::Loopback:
			return wire(out_.load());
		case Mode::NullModem: {
			Port *peer = w.peer[index_];
			return peer ? wire(peer->out_.load()) : 0;
		}
		case Mode::Generator:
			break;
		}
		return tiocm::CTS | tiocm::DSR | tiocm::CD;
	}

	/// Counts the input lines that changed since last seen and wakes TIOCMIWAIT.
	void refresh(Wiring &w)
	{
		u32 now = inputs(w), diff;
		{
			auto l = line_.lock();
			diff = now ^ l->last_inputs;
			l->last_inputs = now;
			l->icount.cts += !!(diff & tiocm::CTS);
			l->icount.dsr += !!(diff & tiocm::DSR);
			l->icount.dcd += !!(diff & tiocm::CD);
		}
		if (diff)
			msr_wait_.wake_up_all();
		if (!(diff & now & tiocm::CTS))
			return;
		bool waiting = !line_.lock()->fifo.is_empty();
		if (waiting)
			kick(); // CTS came back: what waited for it can go
	}

	static bool changed(const SerialIcount &a, const SerialIcount &b, u32 mask)
	{
		return ((mask & tiocm::CTS) && a.cts != b.cts) ||
		       ((mask & tiocm::DSR) && a.dsr != b.dsr) ||
		       ((mask & tiocm::CD) && a.dcd != b.dcd) ||
		       ((mask & tiocm::RI) && a.rng != b.rng);
	}

	bool changed(const SerialIcount &before, u32 mask)
	{
		return changed(before, line_.lock()->icount, mask);
	}

	void change_lines(u32 set, u32 clear)
	{
		auto w = vs_.wiring_.lock();
		u32 out = (out_.load() | set) & ~clear & (tiocm::DTR | tiocm::RTS);

		out_.store(out);
		if (cfg_.mode == Mode::Loopback)
			refresh(*w);
		else if (Port *peer = w->peer[index_])
			peer->refresh(*w);
	}

	// --- the line: an hrtimer moving bytes at the line rate ----------------

	void kick()
	{
		bool start = false;
		u64 delay = 0;
		{
			auto l = line_.lock();
			if (!l->running) {
				l->running = start = true;
				l->last_ns = monotonic_ns();
				l->credit_ns = 0;
				delay = unpaced_.load() ? 0 : l->period_ns(false);
			}
		}
		if (start)
			timer_.start(delay);
	}

	TimerRestart tick(TimerExpiry &expiry)
	{
		u64 period = kMinTickNs;
		bool again;
		{
			auto w = vs_.wiring_.lock();
			again = pump(*w, period);
		}
		if (!again)
			return TimerRestart::No;
		expiry.forward_now(period);
		return TimerRestart::Yes;
	}

	Port *destination(Wiring &w)
	{
		if (cfg_.mode == Mode::NullModem)
			return w.peer[index_];
		return w.ports[index_]; // loopback and generator: itself, while linked
	}

	/// One tick's work; true to tick again after `period`. Wiring lock held.
	bool pump(Wiring &w, u64 &period)
	{
		bool generator = cfg_.mode == Mode::Generator;
		bool unpaced = unpaced_.load() != 0;
		Port *dest = destination(w);
		u64 budget;
		bool brk, cts_off;
		{
			auto l = line_.lock();
			period = l->period_ns(unpaced);
			// At most kUnpacedBurst per tick, whatever the rate: the tick
			// runs in hard-interrupt context under the wiring lock.
			budget = unpaced ? kUnpacedBurst
					 : l->earn(monotonic_ns(),
						   generator ? kUnpacedBurst : l->fifo.len());
			if (budget > kUnpacedBurst)
				budget = kUnpacedBurst;
			brk = exchange(l->break_pending, false);
			cts_off = l->termios.crtscts() && !(inputs(w) & tiocm::CTS);
		}
		if (brk)
			deliver_break(dest);
		// Unpaced, a line moves what the receiver's flip buffer takes, as a
		// pty does: its reader's throttle stops it only once that buffer is
		// full (and unthrottling kicks it again).
		bool elastic = unpaced && !generator && dest && dest->open_.load_acquire();
		if (elastic) {
			u64 room = dest->tty_.buffer_space();
			budget = budget < room ? budget : room;
		}
		bool receiver_stopped =
			dest && dest->throttled_.load() && (!elastic || budget == 0);
		bool stalled = !generator && (cts_off || receiver_stopped);
		bool moved = !stalled && send_chunks(dest, budget, generator) > 0;
		if (moved && dest)
			dest->tty_.push();
		if (moved && !generator)
			tty_.wake_writers();

		auto l = line_.lock();
		// Stalled (CTS off, the reader throttled): stop ticking until the
		// stall ends (refresh() and throttle() kick us again).
		if (generator ? open_.load()
			      : (!stalled && (!l->fifo.is_empty() || l->break_pending)))
			return true;
		l->running = false;
		return false;
	}

	/// Unpaced: the writer moves the line itself, as a pty's does, instead
	/// of leaving it to the timer: first what is queued (at most a tick's
	/// burst), then, once nothing is queued before them, `bytes`, each as far
	/// as the other end's flip buffer has room. Returns how many of `bytes`
	/// went; the rest take the FIFO. Order holds: writes to one tty are
	/// serialised, and the pump, the only other sender, runs under the
	/// wiring lock held here. A pending break or CTS off leaves it all to
	/// the pump.
	usize send_now(Wiring &w, Span<const u8> bytes)
	{
		Port *dest = destination(w);
		{
			auto l = line_.lock();
			if (l->break_pending || (l->termios.crtscts() && !(inputs(w) & tiocm::CTS)))
				return 0;
		}
		// Nobody at the other end: everything goes (and is counted dropped).
		u64 room = dest && dest->open_.load_acquire() ? dest->tty_.buffer_space() : ~u64(0);
		u64 moved = send_chunks(dest, room < kUnpacedBurst ? room : kUnpacedBurst, false);
		room -= moved;
		usize sent = 0;
		if (line_.lock()->fifo.is_empty()) {
			sent = room < bytes.size() ? static_cast<usize>(room) : bytes.size();
			if (sent)
				deliver(dest, bytes.first(sent));
		}
		if ((moved || sent) && dest)
			dest->tty_.push();
		if (moved)
			tty_.wake_writers(); // the FIFO has room again (for pollers)
		return sent;
	}

	/// The receiver took what it had: an unpaced line sends what it queued
	/// at once and wakes its writer (a pty's reader wakes its writer so),
	/// and the timer takes on what is left. Wiring lock held.
	void resume(Wiring &w)
	{
		if (unpaced_.load() && cfg_.mode != Mode::Generator) {
			send_now(w, Span<const u8>());
			if (line_.lock()->fifo.is_empty())
				return;
		}
		kick();
	}

	/// Puts up to `budget` bytes on the wire to `dest`, a chunk at a time on
	/// the stack: the FIFO's, or a generator's letters. Returns how many.
	u64 send_chunks(Port *dest, u64 budget, bool letters)
	{
		u8 chunk[kChunk];
		u64 moved = 0;

		while (moved < budget) {
			u64 left = budget - moved;
			usize n = left < kChunk ? static_cast<usize>(left) : kChunk;

			if (letters) {
				auto l = line_.lock();
				for (usize i = 0; i < n; i++)
					chunk[i] = l->letter();
			} else {
				n = line_.lock()->fifo.pop(Span<u8>(chunk).first(n));
			}
			if (n == 0)
				break;
			moved += n;
			deliver(dest, Span<const u8>(chunk).first(n));
		}
		return moved;
	}

	/// Puts bytes on the wire to `dest`, counting what is lost and why.
	void deliver(Port *dest, Span<const u8> bytes)
	{
		usize n = bytes.size();

		stats_.local()->tx += n;
		if (!dest || !dest->open_.load_acquire()) {
			stats_.local()->dropped += n; // nobody at the other end
			return;
		}
		if (cfg_.mode == Mode::Generator && dest->throttled_.load()) {
			dest->stats_.local()->overruns += n; // a generator does not wait
			return;
		}
		usize got = dest->tty_.insert(bytes);
		auto s = dest->stats_.local();
		s->rx += got;
		s->overruns += n - got;
	}

	void deliver_break(Port *dest)
	{
		if (!dest || !dest->open_.load_acquire())
			return;
		if (dest->tty_.insert_break())
			dest->line_.lock()->icount.brk++;
		dest->tty_.push();
	}

	Hub &vs_;
	const PortConfig cfg_;
	u32 index_ = 0;
	bool linked_ = false;
	SpinLockIrq<Line> line_;
	PerCpu<Counters> stats_;
	Atomic<u32> out_{ 0 }; // our DTR and RTS
	Atomic<u32> open_{ 0 };
	Atomic<u32> throttled_{ 0 }; // our reader wants no more for now
	Atomic<u32> hung_{ 0 };
	Atomic<u32> unpaced_;
	WaitQueue msr_wait_; // TIOCMIWAIT sleepers
	TtyPort<Port> tty_{ *this };
	HrTimer<Port, &Port::tick> timer_{ *this };
};

/// A port described by a device-tree node.
class VSerialNode : public PlatformDriver<VSerialNode> {
public:
	using MatchData = NoMatchData;
	using Shared = Hub;
	static constexpr OfMatch<MatchData> of_table[] = {
		{ "kcxx,virtual-serial", {} },
	};

	static Result<Box<VSerialNode>> probe(PlatformDevice &pdev, const MatchData &, Hub &hub)
	{
		Properties props(pdev.dev(), pdev.fwnode());
		PortConfig cfg = TRY(parse(props));
		auto port = Port::create(hub, cfg, pdev.dev().raw());

		if (port.is_error() && port.error() == code::EBUSY && cfg.index >= 0)
			return props.invalid("kcxx,index", code::EBUSY, "ttyVS%d is already in use",
					     cfg.index);
		auto node = TRY(Box<VSerialNode>::try_new(gfp::KERNEL, TRY(move(port))));
		dev_info(pdev.dev(), "ttyVS%u: %s, %u baud%s", node->port_->index(),
			 mode_names[static_cast<u32>(cfg.mode)], cfg.baud,
			 cfg.unpaced ? ", unpaced" : "");
		return node;
	}

	explicit VSerialNode(Box<Port> port) : port_(move(port)) {}

private:
	static Result<PortConfig> parse(const Properties &props)
	{
		FwNode node = props.node();
		PortConfig cfg;

		cfg.node = node.raw();
		if (node.has("kcxx,mode")) {
			const char *mode = TRY(props.read_string("kcxx,mode"));
			auto which = node.read_choice("kcxx,mode", mode_names);
			if (which.is_error())
				return props.invalid(
					"kcxx,mode", code::EINVAL,
					"unknown mode '%s' (loopback, null-modem or generator)",
					mode);
			cfg.mode = static_cast<Mode>(which.value());
		}
		cfg.baud = TRY(props.read_u32_or("current-speed", kDefaultBaud));
		if (cfg.baud < kMinBaud || cfg.baud > kMaxBaud)
			return props.invalid("current-speed", code::EINVAL,
					     "%u baud is outside %u..%u", cfg.baud, kMinBaud,
					     kMaxBaud);
		cfg.fifo_size = TRY(props.read_u32_or("kcxx,fifo-size", kDefaultFifo));
		if (cfg.fifo_size & (cfg.fifo_size - 1) || cfg.fifo_size < kMinFifo ||
		    cfg.fifo_size > kMaxFifo)
			return props.invalid("kcxx,fifo-size", code::EINVAL,
					     "%u is not a power of two in %u..%u", cfg.fifo_size,
					     kMinFifo, kMaxFifo);
		if (node.has("kcxx,index")) {
			u32 index = TRY(props.read_u32("kcxx,index"));
			if (index >= kLines)
				return props.invalid("kcxx,index", code::EINVAL,
						     "%u is beyond ttyVS%u", index, kLines - 1);
			cfg.index = static_cast<int>(index);
		}
		cfg.exclusive = node.has("kcxx,exclusive");
		cfg.unpaced = node.has("kcxx,unpaced");

		if (cfg.mode != Mode::NullModem) {
			if (node.has("kcxx,peer"))
				return props.invalid("kcxx,peer", code::EINVAL,
						     "only a null-modem port has a peer");
			return cfg;
		}
		auto peer = node.find_reference("kcxx,peer");
		if (peer.is_error())
			return props.invalid("kcxx,peer", peer.error(), "%s",
					     node.has("kcxx,peer") ? "is not a phandle"
								   : "is missing");
		FwNode other = peer.value().get();
		static constexpr const char *compatible[] = { "kcxx,virtual-serial" };
		if (other.raw() == node.raw())
			return props.invalid("kcxx,peer", code::EINVAL, "points back at this node");
		if (other.read_choice("compatible", compatible).is_error())
			return props.invalid("kcxx,peer", code::EINVAL,
					     "%pfw is not a kcxx,virtual-serial node", other.raw());
		auto back = other.find_reference("kcxx,peer");
		if (back.is_error() || back.value().get().raw() != node.raw())
			return props.invalid("kcxx,peer", code::EINVAL,
					     "%pfw is not cabled back to this node", other.raw());
		cfg.peer_node = other.raw();
		return cfg;
	}

	Box<Port> port_;
};

} // namespace

KCXX_PLATFORM_DRIVER(VSerialNode, kcxx_vserial, "kcxx-vserial");

namespace {

/**
 * The module's state: the tty driver's hub, the platform driver whose
 * device-tree nodes add ports, and the ports the module parameter asked for.
 *
 * # Invariants
 * Members drop in reverse order: the parameter's ports, then the device-tree
 * ones (dropping nodes_ unbinds them), then the hub they all live on.
 */
class VSerial : Pinned {
public:
	/// Device-tree ports first, so that their fixed kcxx,index lines are
	/// free; the parameter's ports take the first lines left.
	static Result<Box<VSerial>> init()
	{
		auto tty = TRY(TtyDriver::try_register("kcxx-vserial", "ttyVS", kLines));
		auto hub = TRY(Box<Hub>::try_new(gfp::KERNEL, move(tty)));
		auto nodes = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_vserial, *hub));
		Vec<Box<Port>> ports;
		for (u32 i = 0; i < loopback_ports.get(); i++)
			TRY(ports.try_push(TRY(Port::create(*hub, PortConfig{}, nullptr))));
		return Box<VSerial>::try_new(gfp::KERNEL, move(hub), move(nodes), move(ports));
	}

	VSerial(Box<Hub> &&hub, PlatformRegistration &&nodes, Vec<Box<Port>> &&ports)
		: hub_(move(hub)), nodes_(move(nodes)), param_ports_(move(ports))
	{
	}

private:
	Box<Hub> hub_;
	PlatformRegistration nodes_; // registered with *hub_, which does not move
	Vec<Box<Port>> param_ports_;
};

} // namespace

KCXX_MODULE(
	VSerial, .license = "GPL", .author = "kcxx developers",
	.description =
		"Virtual serial ports (loopback, null-modem, generator) as ttys, built on kcxx");
