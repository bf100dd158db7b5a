// SPDX-License-Identifier: GPL-2.0
// Bug class: "success" or a positive value passed off as an error code.
// An Error made from a constant that is not a negative errno does not compile.
// expect-error: invalid_errno_in_constant_expression
#include <kcxx/error.h>

using namespace kcxx;

#ifdef KCXX_COMPILE_FAIL
constexpr Error bogus = Error::from_errno(0);
#else
constexpr Error fine = Error::from_errno(-KCXX_EIO);
#endif
