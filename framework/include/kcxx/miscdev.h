/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MiscDevice<D>: a character device /dev/<name> (<linux/miscdevice.h>) whose
 * file operations are methods of D.
 *
 *	class Echo {
 *	public:
 *		struct File { ... };	// per open(2); its destructor is release
 *		Result<Box<File>> open();					// required
 *		Result<usize> read(File &, FileFlags, UserSlice &buf, s64 &pos);	// optional
 *		Result<usize> write(File &, FileFlags, UserSlice &buf, s64 &pos);	// optional
 *		Result<long> ioctl(File &, FileFlags, unsigned int cmd, uintptr arg);	// optional
 *		PollMask poll(File &, PollTable &);				// optional
 *		Result<void> fasync(File &, FasyncRequest &);			// optional
 *		Result<void> mmap(File &, Vma &);				// optional
 *		void revoke_files();						// optional
 *	};
 *	auto dev = TRY(MiscDevice<Echo>::try_register("kcxx-echo", echo));
 *
 * An operation D does not define answers -EINVAL (-ENOTTY for ioctl; poll
 * reports always ready). A hook with the wrong signature is a compile error
 * saying which one and how it should look. FileFlags carries O_NONBLOCK:
 * an operation that would sleep for something else answers -EAGAIN then.
 *
 * Lifetime: the device can go while files are open on it (a driver unbinds
 * while a process holds /dev/<name>), and dropping the MiscDevice never
 * waits for them to be closed. It removes /dev/<name>, refuses every
 * operation from then on (-ENODEV; poll reports EPOLLHUP | EPOLLERR), calls
 * D's revoke_files() hook, which must wake and end anything sleeping in an
 * operation, waits until no operation is running, and destroys every File
 * still open, while D is alive. The files themselves close later; nothing
 * of them points into D, and pollers sleep on PollQueues, which the files
 * keep alive. So no operation, File destructor or poller ever touches an
 * owner that is gone. Memory mapped with Vma::map() (kcxx/user_mapping.h)
 * is revoked with the files: every mapping is zapped (later accesses get
 * SIGBUS) and the memory freed, before the Files are destroyed.
 */
#ifndef KCXX_MISCDEV_H
#define KCXX_MISCDEV_H

#include <kcxx/arc.h>
#include <kcxx/box.h>
#include <kcxx/bridge/miscdev.h>
#include <kcxx/completion.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/option.h>
#include <kcxx/poll_queue.h>
#include <kcxx/result.h>
#include <kcxx/spinlock.h>
#include <kcxx/user_mapping.h>
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

/// The open file's flags (file->f_flags) at the time of an operation.
struct FileFlags {
	unsigned int bits = 0;

	/// O_NONBLOCK: answer -EAGAIN rather than sleep for another party.
	constexpr bool nonblocking() const { return bits & KCXX_O_NONBLOCK; }
};

/// The PollQueues one open file has slept on, kept alive as long as it is open.
class PollRefs {
public:
	static constexpr usize capacity = 4;

	/// Keeps `queue` alive with this file; false when already holding
	/// `capacity` other queues.
	bool keep(const PollQueue &queue)
	{
		for (auto &q : queues_) {
			if (q.held && &*q.ref == &queue.queue())
				return true;
		}
		for (auto &q : queues_) {
			if (!q.held) {
				new (&q.ref) Arc<WaitQueue>(queue.share());
				q.held = true;
				return true;
			}
		}
		return false;
	}

	/// Wakes every queue this file has slept on (the device is going away).
	void wake_all()
	{
		for (auto &q : queues_) {
			if (q.held)
				q.ref->wake_up_all();
		}
	}

	PollRefs() = default;
	PollRefs(const PollRefs &) = delete;
	PollRefs &operator=(const PollRefs &) = delete;
	~PollRefs()
	{
		for (auto &q : queues_) {
			if (q.held)
				q.ref.~Arc();
		}
	}

private:
	struct Slot {
		Slot() {}
		~Slot() {}
		bool held = false;
		union {
			Arc<WaitQueue> ref;
		};
	};
	Slot queues_[capacity];
};

/// What a poll hook registers its PollQueues with.
class PollTable {
public:
	PollTable(struct file *file, struct poll_table_struct *pt, PollRefs &refs)
		: file_(file), pt_(pt), refs_(refs)
	{
	}

	/// poll_wait(): wake the poller when `queue` is woken.
	void wait(PollQueue &queue)
	{
		if (!refs_.keep(queue)) {
			overflow_ = true; // the poller would not be safe there: report an error
			return;
		}
		kcxx_poll_wait(file_, queue.queue().raw(), pt_);
	}

	bool overflow() const { return overflow_; }

private:
	struct file *file_;
	struct poll_table_struct *pt_;
	PollRefs &refs_;
	bool overflow_ = false;
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
 * core whose context is this object (Pinned), and core_->owner is the D it
 * serves, alive. Every open file holds an Open (and through it core_) until
 * its release. core_->gate says whether operations may still run (not
 * revoked) and how many are running; D is used only by an operation that
 * entered the gate, and after revocation only until the last one leaves.
 * Each Open's File is destroyed exactly once, while D is alive: by release,
 * or by the revocation for files still open then.
 */
template <typename D> class MiscDevice : Pinned {
	using File = typename D::File;
	struct Core;
	struct Open;

public:
	/// Creates /dev/<name>; `owner` must outlive the returned device.
	static Result<Box<MiscDevice>> try_register(const char *name, D &owner)
	{
		check();
		auto mappings = TRY(Arc<detail::MappingRegistry>::try_new(gfp::KERNEL));
		auto core = TRY(Arc<Core>::try_new(gfp::KERNEL, owner, move(mappings)));
		auto dev = TRY(Box<MiscDevice>::try_new(gfp::KERNEL, move(core)));
		TRY(to_result(kcxx_misc_register(dev->raw_.get(), name, &ops, dev.get())));
		// INVARIANT: registered just above, with this object as context.
		dev->registered_ = true;
		return dev;
	}

	explicit MiscDevice(Arc<Core> &&core) : core_(move(core)) {}

	/// Removes /dev/<name> and revokes the files still open (see above).
	~MiscDevice()
	{
		if (!registered_)
			return;
		kcxx_misc_deregister(raw_.get()); // no open can start after this
		Core &c = *core_;
		bool wait;
		{
			auto g = c.gate.lock();
			g->revoked = true;
			wait = g->active > 0;
			for (Open *o = g->first; o; o = o->next)
				o->polls.wake_all(); // pollers see the hangup
		}
		if constexpr (requires { &D::revoke_files; })
			c.owner->revoke_files();
		if (wait)
			c.drained.wait();
		// No mmap() runs: zap what user space mapped, then free it.
		if constexpr (has_mmap)
			c.mappings->revoke_all();
		// No operation runs and none can start: the files still open lose
		// their File now, while the owner is alive.
		Open *list;
		{
			auto g = c.gate.lock();
			list = exchange(g->first, nullptr);
		}
		for (Open *o = list; o; o = o->next)
			o->file = none;
		c.files_revoked.complete_all();
	}

	int minor() { return kcxx_misc_minor(raw_.get()); }

private:
	static constexpr bool has_read = requires { &D::read; };
	static constexpr bool has_write = requires { &D::write; };
	static constexpr bool has_ioctl = requires { &D::ioctl; };
	static constexpr bool has_poll = requires { &D::poll; };
	static constexpr bool has_fasync = requires { &D::fasync; };
	static constexpr bool has_mmap = requires { &D::mmap; };

	// Optional hooks are checked only inside `if constexpr (has_...)`: a
	// condition like `has && !same<&D::hook>` would still name a missing hook.
	static constexpr void check()
	{
		static_assert(is_same_v<decltype(&D::open), Result<Box<File>> (D::*)()>,
			      "misc device: open must be `Result<Box<File>> open();`");
		if constexpr (has_read)
			static_assert(
				is_same_v<decltype(&D::read),
					  Result<usize> (D::*)(File &, FileFlags, UserSlice &,
							       s64 &)>,
				"misc device: read must be `Result<usize> read(File &, FileFlags, "
				"UserSlice &buf, s64 &pos);`");
		if constexpr (has_write)
			static_assert(is_same_v<decltype(&D::write),
						Result<usize> (D::*)(File &, FileFlags, UserSlice &,
								     s64 &)>,
				      "misc device: write must be `Result<usize> write(File &, "
				      "FileFlags, "
				      "UserSlice &buf, s64 &pos);`");
		if constexpr (has_ioctl)
			static_assert(
				is_same_v<decltype(&D::ioctl),
					  Result<long> (D::*)(File &, FileFlags, unsigned int,
							      uintptr)>,
				"misc device: ioctl must be `Result<long> ioctl(File &, FileFlags, "
				"unsigned int cmd, uintptr arg);`");
		if constexpr (has_poll)
			static_assert(
				is_same_v<decltype(&D::poll), PollMask (D::*)(File &, PollTable &)>,
				"misc device: poll must be `PollMask poll(File &, PollTable &);`");
		if constexpr (has_fasync)
			static_assert(is_same_v<decltype(&D::fasync),
						Result<void> (D::*)(File &, FasyncRequest &)>,
				      "misc device: fasync must be `Result<void> fasync(File &, "
				      "FasyncRequest &);`");
		if constexpr (has_mmap)
			static_assert(
				is_same_v<decltype(&D::mmap), Result<void> (D::*)(File &, Vma &)>,
				"misc device: mmap must be `Result<void> mmap(File &, Vma &);`");
		if constexpr (requires { &D::revoke_files; })
			static_assert(is_same_v<decltype(&D::revoke_files), void (D::*)()>,
				      "misc device: revoke_files must be `void revoke_files();`");
	}

	struct Gate {
		int active = 0;	       // operations running in the owner
		bool revoked = false;  // the device is gone: no operation may start
		Open *first = nullptr; // files whose File is alive
	};

	// What the registration and every open file share.
	struct Core {
		Core(D &o, Arc<detail::MappingRegistry> &&m) : owner(&o), mappings(move(m)) {}
		D *owner;
		Arc<detail::MappingRegistry> mappings; // what the files mapped
		SpinLock<Gate> gate{ KCXX_LOCK_CLASS("kcxx_misc.gate") };
		Completion drained;	  // the last operation left after revocation
		Completion files_revoked; // the revocation destroyed the Files
	};

	// One open file; `file` is empty once its File is destroyed.
	struct Open {
		explicit Open(Arc<Core> &&c) : core(move(c)) {}
		Arc<Core> core;
		Option<Box<File>> file;
		PollRefs polls;
		Open *prev = nullptr, *next = nullptr;
	};

	/// Enters the gate: false once the device is revoked.
	static bool enter(Core &c)
	{
		auto g = c.gate.lock();
		if (g->revoked)
			return false;
		g->active++;
		return true;
	}

	static void leave(Core &c)
	{
		bool last;
		{
			auto g = c.gate.lock();
			last = --g->active == 0 && g->revoked;
		}
		// A Completion, not a wake-up: the revoking thread may go on as
		// soon as complete() lets go of its lock; c lives on (the caller's
		// file holds it).
		if (last)
			c.drained.complete();
	}

	static Open &open_of(void *state) { return *static_cast<Open *>(state); }

	static int do_open(void *ctx, void **state)
	{
		auto *dev = static_cast<MiscDevice *>(ctx);
		Core &c = *dev->core_;
		// misc_open() holds the misc lock the destructor's deregistration
		// takes: the device is not revoked while this runs.
		if (!enter(c))
			return code::ENODEV.to_errno();
		Result<void> r = [&]() -> Result<void> {
			auto open = TRY(Box<Open>::try_new(gfp::KERNEL, dev->core_.clone()));
			open->file = TRY(c.owner->open());
			Open *o = move(open).into_raw();
			auto g = c.gate.lock();
			o->next = g->first;
			if (g->first)
				g->first->prev = o;
			g->first = o;
			*state = o;
			return {};
		}();
		leave(c);
		return to_c_return(r);
	}

	static void do_release(void *state)
	{
		// SAFETY: do_open stored a Box<Open>; release runs once per open.
		Box<Open> open = Box<Open>::unsafe_from_raw(static_cast<Open *>(state));
		Core &c = *open->core;
		if (enter(c)) {
			{
				auto g = c.gate.lock();
				if (open->prev)
					open->prev->next = open->next;
				else
					g->first = open->next;
				if (open->next)
					open->next->prev = open->prev;
			}
			open->file = none; // the File goes while the owner lives
			leave(c);
		} else {
			// Revoked: the revocation destroys this File (the Open is on
			// its list); wait until it has, then free the rest.
			c.files_revoked.wait();
		}
	}


	/// Runs `op` on the owner inside the gate; -ENODEV once revoked.
	template <typename Op> static long call(void *state, Op op)
	{
		Open &o = open_of(state);
		Core &c = *o.core;
		if (!enter(c))
			return code::ENODEV.to_errno();
		long r = op(*c.owner, **o.file);
		leave(c);
		return r;
	}

	static long do_read(void *state, unsigned int flags, unsigned long buf, unsigned long len,
			    long long *pos)
	{
		if constexpr (has_read) {
			return call(state, [&](D &owner, File &file) {
				UserSlice slice(buf, len);
				s64 p = *pos;
				auto r = owner.read(file, FileFlags{ flags }, slice, p);
				*pos = p;
				return to_c_return(r);
			});
		}
		return code::EINVAL.to_errno();
	}

	static long do_write(void *state, unsigned int flags, unsigned long buf, unsigned long len,
			     long long *pos)
	{
		if constexpr (has_write) {
			return call(state, [&](D &owner, File &file) {
				UserSlice slice(buf, len);
				s64 p = *pos;
				auto r = owner.write(file, FileFlags{ flags }, slice, p);
				*pos = p;
				return to_c_return(r);
			});
		}
		return code::EINVAL.to_errno();
	}

	static long do_ioctl(void *state, unsigned int flags, unsigned int cmd, unsigned long arg)
	{
		if constexpr (has_ioctl) {
			return call(state, [&](D &owner, File &file) {
				auto r = owner.ioctl(file, FileFlags{ flags }, cmd, arg);
				return to_c_return(r);
			});
		}
		return code::ENOTTY.to_errno();
	}

	static unsigned int do_poll(void *state, struct file *file, struct poll_table_struct *pt)
	{
		constexpr unsigned int gone = (PollMask::hangup() | PollMask::error()).bits;
		if constexpr (has_poll) {
			Open &o = open_of(state);
			long r = call(state, [&](D &owner, File &f) {
				PollTable table(file, pt, o.polls);
				PollMask mask = owner.poll(f, table);
				return static_cast<long>(
					table.overflow() ? mask.bits | KCXX_EPOLLERR : mask.bits);
			});
			return r < 0 ? gone : static_cast<unsigned int>(r);
		}
		Core &c = *open_of(state).core;
		if (!enter(c))
			return gone;
		leave(c);
		return (PollMask::readable() | PollMask::writable()).bits; // always ready
	}

	static int do_fasync(void *state, int fd, struct file *file, int on)
	{
		if constexpr (has_fasync) {
			return static_cast<int>(call(state, [&](D &owner, File &f) {
				FasyncRequest req{ fd, file, on != 0 };
				auto r = owner.fasync(f, req);
				return static_cast<long>(to_c_return(r));
			}));
		}
		return code::EINVAL.to_errno();
	}

	static int do_mmap(void *state, struct vm_area_struct *vma)
	{
		if constexpr (has_mmap) {
			return static_cast<int>(call(state, [&](D &owner, File &f) {
				Vma view(vma, open_of(state).core->mappings);
				auto r = owner.mmap(f, view);
				return static_cast<long>(to_c_return(r));
			}));
		}
		return code::ENODEV.to_errno();
	}

	static constexpr kcxx_misc_ops ops = {
		.open = &do_open,
		.release = &do_release,
		.read = has_read ? &do_read : nullptr,
		.write = has_write ? &do_write : nullptr,
		.ioctl = has_ioctl ? &do_ioctl : nullptr,
		.poll = &do_poll,
		.fasync = has_fasync ? &do_fasync : nullptr,
		.mmap = has_mmap ? &do_mmap : nullptr,
	};

	Opaque<KCXX_SIZEOF_MISCDEV, KCXX_ALIGNOF_MISCDEV> raw_{};
	Arc<Core> core_;
	bool registered_ = false;
};

} // namespace kcxx

#endif // KCXX_MISCDEV_H
