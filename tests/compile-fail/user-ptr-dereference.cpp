// SPDX-License-Identifier: GPL-2.0
// Bug class: an ioctl that dereferences its user pointer argument (crashes or
// reads kernel memory user space chose). A UserPtr can only be copied from.
// expect-error: no match for .operator\*. \(operand type is .kcxx::UserPtr<int>.\)
#include <kcxx/user_ptr.h>

using namespace kcxx;

Result<long> ioctl_get(uintptr arg)
{
	UserPtr<int> user(arg);
#ifdef KCXX_COMPILE_FAIL
	return *user;
#else
	return TRY(user.read());
#endif
}
