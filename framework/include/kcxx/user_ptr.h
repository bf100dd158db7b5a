/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User memory: UserPtr<T> and UserSlice, over <linux/uaccess.h>.
 *
 * A user address is a number, not a pointer: it cannot be dereferenced, only
 * copied from or to, and every copy says whether it faulted (-EFAULT). Copies
 * out of the kernel take only types without padding, so no stale kernel bytes
 * can leak to user space through a struct's holes.
 *
 *	Params p = TRY(UserPtr<Params>(arg).read());
 *	TRY(UserPtr<Stats>(arg).write(stats));
 */
#ifndef KCXX_USER_PTR_H
#define KCXX_USER_PTR_H

#include <kcxx/bridge/uaccess.h>
#include <kcxx/context.h>
#include <kcxx/result.h>
#include <kcxx/span.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A T at an address in the calling process's memory.
 *
 * # Invariants
 * None on the address: user space may pass anything; the copies check it.
 */
template <typename T> class UserPtr {
	static_assert(is_trivially_copyable_v<T>,
		      "UserPtr<T>: only trivially copyable types cross to user space");

public:
	/// From an ioctl argument or a syscall's user pointer.
	explicit UserPtr(uintptr addr) : addr_(addr) {}

	/// Copies a T in from user space; EFAULT if any byte is unreadable.
	Result<T> read() const KCXX_MAY_SLEEP
	{
		T value;

		if (kcxx_copy_from_user(&value, addr_, sizeof(T)))
			return code::EFAULT;
		return value;
	}

	/// Copies `value` out to user space; EFAULT if any byte is unwritable.
	Result<void> write(const T &value) const KCXX_MAY_SLEEP
	{
		static_assert(has_unique_object_representations_v<T>,
			      "UserPtr<T>::write: T has padding that would leak kernel "
			      "memory to user space; make the padding explicit fields");
		if (kcxx_copy_to_user(addr_, &value, sizeof(T)))
			return code::EFAULT;
		return {};
	}

	uintptr addr() const { return addr_; }

private:
	uintptr addr_;
};

/**
 * `len` bytes of user memory at `addr`, as read(2)/write(2) pass them.
 * Reads and writes go through a cursor; each returns EFAULT on a fault.
 */
class UserSlice {
public:
	UserSlice(uintptr addr, usize len) : addr_(addr), len_(len) {}

	usize len() const { return len_; }

	/// Copies the next `dst.size()` bytes in; EFAULT, or EINVAL past the end.
	Result<void> read(Span<u8> dst) KCXX_MAY_SLEEP
	{
		if (dst.size() > len_)
			return code::EINVAL;
		if (kcxx_copy_from_user(dst.data(), addr_, dst.size()))
			return code::EFAULT;
		advance(dst.size());
		return {};
	}

	/// Copies `src` out to the next bytes; EFAULT, or EINVAL past the end.
	Result<void> write(Span<const u8> src) KCXX_MAY_SLEEP
	{
		if (src.size() > len_)
			return code::EINVAL;
		if (kcxx_copy_to_user(addr_, src.data(), src.size()))
			return code::EFAULT;
		advance(src.size());
		return {};
	}

private:
	void advance(usize n)
	{
		addr_ += n;
		len_ -= n;
	}

	uintptr addr_;
	usize len_;
};

} // namespace kcxx

#endif // KCXX_USER_PTR_H
