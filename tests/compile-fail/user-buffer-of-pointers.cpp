// SPDX-License-Identifier: GPL-2.0
// Bug class: `char *buf[32]` used as a 32-byte buffer (it is 32 pointers: the
// copy scribbles over them, or copies 256 bytes where 32 were meant).
// User copies take a Span<u8>, which an array of pointers does not become.
// expect-error: cannot convert .char\* \[32\]. to .kcxx::Span<unsigned char>.
#include <kcxx/user_ptr.h>

using namespace kcxx;

Result<void> take(UserSlice &from_user)
{
#ifdef KCXX_COMPILE_FAIL
	char *buf[32];
	TRY(from_user.read(buf));
#else
	u8 buf[32];
	TRY(from_user.read(buf));
#endif
	return {};
}
