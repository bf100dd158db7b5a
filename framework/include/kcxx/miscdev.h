/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MiscDevice<D>: a character device /dev/<name> (<linux/miscdevice.h>) whose
 * file operations are methods of D.
 *
 *	class Echo {
 *	public:
 *		struct File { ... };			// per open(2); its destructor is release
 *		Result<Box<File>> open();		// required
 *		Result<usize> read(File &, UserSlice &buf, s64 &pos);		// optional
 *		Result<usize> write(File &, UserSlice &buf, s64 &pos);		// optional
 *		Result<long> ioctl(File &, unsigned int cmd, uintptr arg);	// optional
 *		PollMask poll(File &, PollTable &);				// optional
 *		Result<void> fasync(File &, FasyncRequest &);			// optional
 *	};
 *	auto dev = TRY(MiscDevice<Echo>::try_register("kcxx-echo", echo));
 *
 * An operation D does not define answers -EINVAL (-ENOTTY for ioctl; poll
 * reports always ready). A hook with the wrong signature is a compile error
 * saying which one and how it should look.
 *
 * Lifetime: open files hold the module, and dropping the MiscDevice removes
 * /dev/<name> and then waits until every file still open is closed, so no
 * file operation or File destructor can run on an owner that is gone. An
 * unbind or unload therefore blocks while a process keeps the device open.
 */
#ifndef KCXX_MISCDEV_H
#define KCXX_MISCDEV_H

#include <kcxx/box.h>
#include <kcxx/bridge/miscdev.h>
#include <kcxx/completion.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/spinlock.h>
#include <kcxx/user_ptr.h>
#include <kcxx/wait_queue.h>

namespace kcxx {

/// Poll readiness bits (EPOLL*).
struct PollMask {
	unsigned int bits = 0;

	static constexpr PollMask readable() { return { KCXX_EPOLLIN | KCXX_EPOLLRDNORM }; }
	static constexpr PollMask writable() { return { KCXX_EPOLLOUT | KCXX_EPOLLWRNORM }; }
	static constexpr PollMask hangup() { return { KCXX_EPOLLHUP }; }
	static constexpr PollMask error() { return { KCXX_EPOLLERR }; }
	constexpr PollMask operator|(PollMask o) const { return { bits | o.bits }; }
};

/// What a poll hook registers its wait queues with.
class PollTable {
public:
	PollTable(struct file *file, struct poll_table_struct *pt) : file_(file), pt_(pt) {}

	/// poll_wait(): wake the poller when `queue` is woken.
	void wait(WaitQueue &queue) { kcxx_poll_wait(file_, queue.raw(), pt_); }

private:
	struct file *file_;
	struct poll_table_struct *pt_;
};

/// An fcntl(F_SETFL, O_ASYNC) change, to hand to a FasyncList.
struct FasyncRequest {
	int fd;
	struct file *file;
	bool on;

	Result<void> apply(FasyncList &list) const { return list.update(fd, file, on); }
};

/**
 * A registered misc device serving D's file operations.
 *
 * # Invariants
 * While registered_, raw_ is a struct kcxx_miscdev registered with the misc
 * core whose context is this object (Pinned). files_ counts the files open on
 * it; each holds a Box<Open> freed by release. The destructor returns only
 * when files_ is zero after deregistration, so owner_ (which outlives this
 * object) is alive for every file operation and every File destructor.
 */
template <typename D> class MiscDevice : Pinned {
	using File = typename D::File;

public:
	/// Creates /dev/<name>; `owner` must outlive the returned device.
	static Result<Box<MiscDevice>> try_register(const char *name, D &owner)
	{
		check();
		auto dev = TRY(Box<MiscDevice>::try_new(gfp::KERNEL, owner));
		TRY(to_result(kcxx_misc_register(dev->raw_.get(), name, &ops, dev.get())));
		// INVARIANT: registered just above, with this object as context.
		dev->registered_ = true;
		return dev;
	}

	explicit MiscDevice(D &owner) : owner_(owner) {}

	/// Removes /dev/<name>, then waits for the files still open to close.
	~MiscDevice()
	{
		if (!registered_)
			return;
		kcxx_misc_deregister(raw_.get()); // no open can start after this
		bool wait;
		{
			auto files = files_.lock();
			files->closing = true;
			wait = files->open > 0;
		}
		if (wait)
			all_closed_.wait();
	}

	int minor() { return kcxx_misc_minor(raw_.get()); }

private:
	static constexpr bool has_read = requires { &D::read; };
	static constexpr bool has_write = requires { &D::write; };
	static constexpr bool has_ioctl = requires { &D::ioctl; };
	static constexpr bool has_poll = requires { &D::poll; };
	static constexpr bool has_fasync = requires { &D::fasync; };

	// Optional hooks are checked only inside `if constexpr (has_...)`: a
	// condition like `has && !same<&D::hook>` would still name a missing hook.
	static constexpr void check()
	{
		static_assert(is_same_v<decltype(&D::open), Result<Box<File>> (D::*)()>,
			      "misc device: open must be `Result<Box<File>> open();`");
		if constexpr (has_read)
			static_assert(is_same_v<decltype(&D::read), Result<usize> (D::*)(File &, UserSlice &, s64 &)>,
				      "misc device: read must be `Result<usize> read(File &, UserSlice &buf, s64 &pos);`");
		if constexpr (has_write)
			static_assert(is_same_v<decltype(&D::write), Result<usize> (D::*)(File &, UserSlice &, s64 &)>,
				      "misc device: write must be `Result<usize> write(File &, UserSlice &buf, s64 &pos);`");
		if constexpr (has_ioctl)
			static_assert(is_same_v<decltype(&D::ioctl), Result<long> (D::*)(File &, unsigned int, uintptr)>,
				      "misc device: ioctl must be `Result<long> ioctl(File &, unsigned int cmd, uintptr arg);`");
		if constexpr (has_poll)
			static_assert(is_same_v<decltype(&D::poll), PollMask (D::*)(File &, PollTable &)>,
				      "misc device: poll must be `PollMask poll(File &, PollTable &);`");
		if constexpr (has_fasync)
			static_assert(is_same_v<decltype(&D::fasync), Result<void> (D::*)(File &, FasyncRequest &)>,
				      "misc device: fasync must be `Result<void> fasync(File &, FasyncRequest &);`");
	}

	// Each open file: its device and its File (D's per-open state).
	struct Open {
		MiscDevice *dev;
		D *owner;
		Box<File> file;
	};

	struct Files {
		int open = 0;
		bool closing = false;
	};

	static Open &open_of(void *state) { return *static_cast<Open *>(state); }

	static int do_open(void *ctx, void **state)
	{
		auto *dev = static_cast<MiscDevice *>(ctx);
		auto file = dev->owner_.open();
		if (file.is_error())
			return file.error().to_errno();
		auto open = Box<Open>::try_new(gfp::KERNEL, Open{ dev, &dev->owner_, file.release_value() });
		if (open.is_error())
			return open.error().to_errno();
		dev->files_.lock()->open++;
		*state = move(open.release_value()).into_raw();
		return 0;
	}

	static void do_release(void *state)
	{
		MiscDevice *dev = open_of(state).dev;
		{
			// SAFETY: do_open stored a Box<Open>; release runs once per open.
			Box<Open> open = Box<Open>::unsafe_from_raw(static_cast<Open *>(state));
		} // the File is destroyed while the owner is alive
		bool last;
		{
			auto files = dev->files_.lock();
			last = --files->open == 0 && files->closing;
		}
		// A Completion, not a wake-up: the waiter may free dev as soon as
		// complete() lets go of the completion's own lock.
		if (last)
			dev->all_closed_.complete();
	}

	static long ret(Result<usize> r) { return r.is_error() ? r.error().to_errno() : static_cast<long>(r.value()); }

	static long do_read(void *state, unsigned long buf, unsigned long len, long long *pos)
	{
		if constexpr (has_read) {
			Open &o = open_of(state);
			UserSlice slice(buf, len);
			s64 p = *pos;
			auto r = o.owner->read(*o.file, slice, p);
			*pos = p;
			return ret(move(r));
		}
		return code::EINVAL.to_errno();
	}

	static long do_write(void *state, unsigned long buf, unsigned long len, long long *pos)
	{
		if constexpr (has_write) {
			Open &o = open_of(state);
			UserSlice slice(buf, len);
			s64 p = *pos;
			auto r = o.owner->write(*o.file, slice, p);
			*pos = p;
			return ret(move(r));
		}
		return code::EINVAL.to_errno();
	}

	static long do_ioctl(void *state, unsigned int cmd, unsigned long arg)
	{
		if constexpr (has_ioctl) {
			Open &o = open_of(state);
			auto r = o.owner->ioctl(*o.file, cmd, arg);
			return r.is_error() ? r.error().to_errno() : r.value();
		}
		return code::ENOTTY.to_errno();
	}

	static unsigned int do_poll(void *state, struct file *file, struct poll_table_struct *pt)
	{
		if constexpr (has_poll) {
			Open &o = open_of(state);
			PollTable table(file, pt);
			return o.owner->poll(*o.file, table).bits;
		}
		return 0;
	}

	static int do_fasync(void *state, int fd, struct file *file, int on)
	{
		if constexpr (has_fasync) {
			Open &o = open_of(state);
			FasyncRequest req{ fd, file, on != 0 };
			auto r = o.owner->fasync(*o.file, req);
			return r.is_error() ? r.error().to_errno() : 0;
		}
		return code::EINVAL.to_errno();
	}

	static constexpr kcxx_misc_ops ops = {
		.open = &do_open,
		.release = &do_release,
		.read = has_read ? &do_read : nullptr,
		.write = has_write ? &do_write : nullptr,
		.ioctl = has_ioctl ? &do_ioctl : nullptr,
		.poll = has_poll ? &do_poll : nullptr,
		.fasync = has_fasync ? &do_fasync : nullptr,
	};

	Opaque<KCXX_SIZEOF_MISCDEV, KCXX_ALIGNOF_MISCDEV> raw_{};
	D &owner_;
	SpinLock<Files> files_{ Files{} };
	Completion all_closed_;
	bool registered_ = false;
};

} // namespace kcxx

#endif // KCXX_MISCDEV_H
