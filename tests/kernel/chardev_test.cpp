// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_chardev_test - /dev/kcxx-test-chardev, a misc device built on kcxx for
 * tests/guest/chardev_client.c: an echo buffer (an InlineFifo filled and
 * drained straight from and to user memory; write stores, read returns,
 * blocking until there is data, or -EAGAIN with O_NONBLOCK), typed ioctls,
 * poll and SIGIO. Every user copy goes through UserSlice/UserPtr, so bad
 * pointers give -EFAULT.
 *
 * /dev/kcxx-test-chardev-ctl takes "revoke" (drop the echo device while its
 * files are open, as an unbind would) and "restore" (register it again).
 */
#include <kcxx/atomic.h>
#include <kcxx/fifo.h>
#include <kcxx/hrtimer.h>
#include <kcxx/ioctl.h>
#include <kcxx/miscdev.h>
#include <kcxx/module.h>
#include <kcxx/mutex.h>
#include <kcxx/option.h>
#include <kcxx/poll_queue.h>
#include <kcxx/print.h>
#include <kcxx/wait_queue.h>

#include "chardev_test.h"

namespace {

using namespace kcxx;

using Params = kcxx_test_params;
using Stats = kcxx_test_stats;

constexpr IoctlCmd<IoctlDir::Write, KCXX_TEST_IOC_TYPE, 1, Params> SET_PARAMS;
constexpr IoctlCmd<IoctlDir::Read, KCXX_TEST_IOC_TYPE, 2, Params> GET_PARAMS;
constexpr IoctlCmd<IoctlDir::Read, KCXX_TEST_IOC_TYPE, 3, Stats> GET_STATS;

class Echo {
public:
	struct File {
		explicit File(Echo &echo) : echo_(echo) { echo_.opens_.add(1); }
		~File() { echo_.opens_.sub(1); }

	private:
		Echo &echo_;
	};

	static Result<Box<Echo>> try_new()
	{
		return Box<Echo>::try_new(gfp::KERNEL, TRY(PollQueue::try_new()));
	}
	explicit Echo(PollQueue &&readable) : readable_(move(readable)) {}

	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL, *this); }

	Result<usize> write(File &, FileFlags, UserSlice &buf, s64 &)
	{
		usize total;
		{
			auto s = state_.lock();
			if (buf.len() > 0 && s->fifo.is_full())
				return code::ENOSPC;
			// On -EFAULT nothing is queued.
			total = TRY(s->fifo.push_from_user(buf, buf.len()));
			s->bytes_written += total;
			available_.store(s->fifo.len());
		}
		readers_.wake_up_interruptible();
		readable_.wake();
		async_.notify_readable();
		return total;
	}

	Result<usize> read(File &, FileFlags flags, UserSlice &buf, s64 &)
	{
		if (flags.nonblocking() && available_.load() == 0)
			return code::EAGAIN;
		// The predicate must not sleep: it reads Atomics, not the Mutex.
		TRY(readers_.wait_interruptible(
			[this] { return available_.load() > 0 || revoked_.load(); }));
		if (revoked_.load())
			return code::ENODEV;
		auto s = state_.lock();
		// On -EFAULT nothing is consumed: the data stays for the next read.
		usize n = TRY(s->fifo.pop_to_user(buf, buf.len()));
		available_.store(s->fifo.len());
		return n;
	}

	Result<long> ioctl(File &, FileFlags, unsigned int cmd, uintptr arg)
	{
		switch (cmd) {
		case SET_PARAMS.number: {
			// Read from user memory first, then lock: -Wthread-safety
			// cannot follow an early return from TRY inside the locked
			// assignment.
			auto params = TRY(SET_PARAMS.user_arg(arg).read());
			*params_.lock() = params;
			return 0;
		}
		case GET_PARAMS.number:
			TRY(GET_PARAMS.user_arg(arg).write(*params_.lock()));
			return 0;
		case GET_STATS.number: {
			auto s = state_.lock();
			Stats stats{ static_cast<unsigned int>(opens_.load()),
				     static_cast<unsigned int>(s->fifo.len()), s->bytes_written };
			TRY(GET_STATS.user_arg(arg).write(stats));
			return 0;
		}
		default:
			return code::ENOTTY;
		}
	}

	PollMask poll(File &, PollTable &table)
	{
		table.wait(readable_);
		PollMask mask = PollMask::writable();
		if (available_.load() > 0)
			mask = mask | PollMask::readable();
		return mask;
	}

	Result<void> fasync(File &, FasyncRequest &req) { return req.apply(async_); }

	// The device is going: end every read sleeping for data.
	void revoke_files()
	{
		revoked_.store_release(1);
		readers_.wake_up_all();
	}

	void restore() { revoked_.store(0); }

private:
	struct State {
		InlineFifo<u8, 4096> fifo;
		u64 bytes_written = 0;
	};

	// User copies under it may fault and sleep: a Mutex.
	Mutex<State> state_{ KCXX_LOCK_CLASS(
		"kcxx_chardev_test.state") }; // value-initialised in place
	Atomic<usize> available_{ 0 };	      // state_->fifo.len(), for waits and poll
	Atomic<u32> revoked_{ 0 };
	Mutex<Params> params_{ KCXX_LOCK_CLASS("kcxx_chardev_test.params"), Params{} };
	WaitQueue readers_;
	PollQueue readable_;
	FasyncList async_;
	Atomic<int> opens_{ 0 };
};

constexpr const char *echo_name = "kcxx-test-chardev";

/// /dev/kcxx-test-chardev-ctl: drops and brings back the echo device.
class Control {
public:
	struct File {};

	Control(Echo &echo, Mutex<Option<Box<MiscDevice<Echo>>>> &dev) : echo_(echo), dev_(dev) {}

	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL); }

	Result<usize> write(File &, FileFlags, UserSlice &buf, s64 &)
	{
		u8 bytes[16] = {};
		usize total = buf.len();
		usize n = total < sizeof(bytes) - 1 ? total : sizeof(bytes) - 1;
		auto part = TRY(Span<u8>(bytes).subspan(0, n));
		TRY(buf.read(part));
		const char *cmd = reinterpret_cast<const char *>(bytes);
		auto dev = TRY(dev_.lock_interruptible());
		if (__builtin_strncmp(cmd, "revoke", 6) == 0) {
			u64 start = monotonic_ns();
			*dev = none; // as an unbind would: files stay open
			pr_info("kcxx_chardev_test: revoked in %llu us\n",
				static_cast<unsigned long long>((monotonic_ns() - start) / 1000));
		} else if (__builtin_strncmp(cmd, "restore", 7) == 0 && dev->is_none()) {
			echo_.restore();
			*dev = TRY(MiscDevice<Echo>::try_register(echo_name, echo_));
		} else {
			return code::EINVAL;
		}
		return total;
	}

private:
	Echo &echo_;
	Mutex<Option<Box<MiscDevice<Echo>>>> &dev_;
};

// What the module holds while loaded. Members are destroyed in reverse
// order: the devices are deregistered before what they serve goes.
struct Loaded : Pinned {
	explicit Loaded(Box<Echo> &&e) : echo(move(e)) {}
	Box<Echo> echo;
	Mutex<Option<Box<MiscDevice<Echo>>>> echo_dev{ KCXX_LOCK_CLASS(
		"kcxx_chardev_test.echo_dev") };
	Control control{ *echo, echo_dev };
	Option<Box<MiscDevice<Control>>> control_dev;
};

constinit Loaded *loaded;

Result<Box<Loaded>> load()
{
	auto state = TRY(Box<Loaded>::try_new(gfp::KERNEL, TRY(Echo::try_new())));
	auto dev = TRY(MiscDevice<Echo>::try_register(echo_name, *state->echo));
	pr_info("kcxx_chardev_test: /dev/%s, minor %d\n", echo_name, dev->minor());
	*state->echo_dev.lock() = move(dev);
	state->control_dev =
		TRY(MiscDevice<Control>::try_register("kcxx-test-chardev-ctl", state->control));
	return state;
}

int chardev_test_init()
{
	auto state = load();
	if (state.is_error())
		return state.error().to_errno();
	loaded = move(state.release_value()).into_raw();
	return 0;
}

void chardev_test_exit()
{
	// SAFETY: init stored the Box; exit runs once, after every file closed.
	Box<Loaded> state = Box<Loaded>::unsafe_from_raw(loaded);
}

} // namespace

KCXX_MODULE_INIT(chardev_test_init)
KCXX_MODULE_EXIT(chardev_test_exit)
KCXX_MODULE_LICENSE("GPL");
KCXX_MODULE_AUTHOR("kcxx developers");
KCXX_MODULE_DESCRIPTION("kcxx misc device and user-copy test device");
