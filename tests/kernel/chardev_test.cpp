// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_chardev_test - /dev/kcxx-test-chardev, a misc device built on kcxx for
 * tests/guest/chardev_client.c: an echo buffer (write stores, read returns,
 * blocking until there is data), typed ioctls, poll and SIGIO. Every user
 * copy goes through UserSlice/UserPtr, so bad pointers give -EFAULT.
 */
#include <kcxx/atomic.h>
#include <kcxx/ioctl.h>
#include <kcxx/miscdev.h>
#include <kcxx/module.h>
#include <kcxx/mutex.h>
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

	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL, *this); }

	Result<usize> write(File &, UserSlice &buf, s64 &)
	{
		u8 chunk[256];
		usize total = 0;

		while (buf.len() > 0) {
			usize n = buf.len() < sizeof(chunk) ? buf.len() : sizeof(chunk);
			auto part = TRY(Span<u8>(chunk).subspan(0, n));
			TRY(buf.read(part));
			{
				auto s = state_.lock();
				if (s->len + n > sizeof(s->data))
					return total ? Result<usize>(total) : Result<usize>(code::ENOSPC);
				for (usize i = 0; i < n; i++)
					s->data[s->len + i] = chunk[i];
				s->len += n;
				s->bytes_written += n;
				available_.store(s->len);
			}
			total += n;
		}
		readers_.wake_up_interruptible();
		async_.notify_readable();
		return total;
	}

	Result<usize> read(File &, UserSlice &buf, s64 &)
	{
		// The predicate must not sleep: it reads the Atomic, not the Mutex.
		TRY(readers_.wait_interruptible([this] { return available_.load() > 0; }));
		auto s = state_.lock();
		usize n = buf.len() < s->len ? buf.len() : s->len;
		auto out = TRY(Span<u8>(s->data).subspan(0, n));
		// On -EFAULT nothing is consumed: the data stays for the next read.
		TRY(buf.write(out));
		for (usize i = n; i < s->len; i++)
			s->data[i - n] = s->data[i];
		s->len -= n;
		available_.store(s->len);
		return n;
	}

	Result<long> ioctl(File &, unsigned int cmd, uintptr arg)
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
				     static_cast<unsigned int>(s->len), s->bytes_written };
			TRY(GET_STATS.user_arg(arg).write(stats));
			return 0;
		}
		default:
			return code::ENOTTY;
		}
	}

	PollMask poll(File &, PollTable &table)
	{
		table.wait(readers_);
		PollMask mask = PollMask::writable();
		if (available_.load() > 0)
			mask = mask | PollMask::readable();
		return mask;
	}

	Result<void> fasync(File &, FasyncRequest &req) { return req.apply(async_); }

private:
	struct State {
		u8 data[4096];
		usize len;
		u64 bytes_written;
	};

	Mutex<State> state_{ State{} }; // user copies under it may fault and sleep
	Atomic<usize> available_{ 0 };  // state_->len, for waits and poll
	Mutex<Params> params_{ Params{} };
	WaitQueue readers_;
	FasyncList async_;
	Atomic<int> opens_{ 0 };
};

// What the module holds while loaded. Members are destroyed in reverse
// order: the device is deregistered before the Echo it serves goes.
struct Loaded {
	Box<Echo> echo;
	Box<MiscDevice<Echo>> dev;
};

constinit Loaded *loaded;

Result<Box<Loaded>> load()
{
	auto echo = TRY(Box<Echo>::try_new(gfp::KERNEL));
	auto dev = TRY(MiscDevice<Echo>::try_register("kcxx-test-chardev", *echo));
	pr_info("kcxx_chardev_test: /dev/kcxx-test-chardev, minor %d\n", dev->minor());
	return Box<Loaded>::try_new(gfp::KERNEL, Loaded{ move(echo), move(dev) });
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
