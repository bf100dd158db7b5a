/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel error codes: the negative errno values of <linux/errno.h>.
 */
#ifndef KCXX_ERROR_H
#define KCXX_ERROR_H

#include <kcxx/generated/kconsts.h>
#include <kcxx/types.h>

namespace kcxx {

/**
 * A kernel error: one negative errno.
 *
 * # Invariants
 * to_errno() is in [-MAX_ERRNO, -1]: an Error is never "success" and never a
 * value the kernel would not read as an error (IS_ERR_VALUE).
 */
class Error {
public:
	/// Wraps a negative errno from the kernel. Anything else is a caller bug:
	/// it becomes -EINVAL, and in a constant expression, a compile error.
	static constexpr Error from_errno(int errno_value)
	{
		if (errno_value < -KCXX_MAX_ERRNO || errno_value >= 0) {
			if (__builtin_is_constant_evaluated())
				invalid_errno_in_constant_expression();
			return Error(-KCXX_EINVAL);
		}
		// INVARIANT: checked just above.
		return Error(errno_value);
	}

	/// The negative errno, for the one place that hands it back to C.
	constexpr int to_errno() const { return code_; }

	/// The argument printk's %pe prints as the errno's name ("-ENOMEM"):
	/// an ERR_PTR, which is the errno as an address.
	const void *for_pe() const
	{
		return reinterpret_cast<const void *>(static_cast<long>(code_));
	}

	constexpr bool operator==(const Error &) const = default;

private:
	constexpr explicit Error(int code) : code_(code) {}
	static void invalid_errno_in_constant_expression(); // not constexpr: errors at compile time

	int code_;
};

/// The kernel's error codes, named as in <linux/errno.h>.
namespace code {
inline constexpr Error EPERM = Error::from_errno(-KCXX_EPERM);
inline constexpr Error ENOENT = Error::from_errno(-KCXX_ENOENT);
inline constexpr Error EINTR = Error::from_errno(-KCXX_EINTR);
inline constexpr Error EIO = Error::from_errno(-KCXX_EIO);
inline constexpr Error ENXIO = Error::from_errno(-KCXX_ENXIO);
inline constexpr Error EAGAIN = Error::from_errno(-KCXX_EAGAIN);
inline constexpr Error ENOMEM = Error::from_errno(-KCXX_ENOMEM);
inline constexpr Error EFAULT = Error::from_errno(-KCXX_EFAULT);
inline constexpr Error EBUSY = Error::from_errno(-KCXX_EBUSY);
inline constexpr Error EEXIST = Error::from_errno(-KCXX_EEXIST);
inline constexpr Error ENODEV = Error::from_errno(-KCXX_ENODEV);
inline constexpr Error EINVAL = Error::from_errno(-KCXX_EINVAL);
inline constexpr Error ENOSPC = Error::from_errno(-KCXX_ENOSPC);
inline constexpr Error ENOTTY = Error::from_errno(-KCXX_ENOTTY);
inline constexpr Error ERANGE = Error::from_errno(-KCXX_ERANGE);
inline constexpr Error ENODATA = Error::from_errno(-KCXX_ENODATA);
inline constexpr Error EPROTO = Error::from_errno(-KCXX_EPROTO);
inline constexpr Error EOVERFLOW = Error::from_errno(-KCXX_EOVERFLOW);
inline constexpr Error ETIMEDOUT = Error::from_errno(-KCXX_ETIMEDOUT);
inline constexpr Error ERESTARTSYS = Error::from_errno(-KCXX_ERESTARTSYS);
inline constexpr Error EPROBE_DEFER = Error::from_errno(-KCXX_EPROBE_DEFER);
inline constexpr Error EOPNOTSUPP = Error::from_errno(-KCXX_EOPNOTSUPP);
inline constexpr Error ECANCELED = Error::from_errno(-KCXX_ECANCELED);
inline constexpr Error E2BIG = Error::from_errno(-KCXX_E2BIG);
} // namespace code

/// Whether a kernel return value (an int, or an ERR_PTR as a long) is a
/// negative errno rather than a result.
constexpr bool is_errno(long value)
{
	return value < 0 && value >= -KCXX_MAX_ERRNO;
}

} // namespace kcxx

#endif // KCXX_ERROR_H
