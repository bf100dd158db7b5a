/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width integer types, as the kernel names them, for C++ code that
 * includes neither kernel nor compiler headers.
 */
#ifndef KCXX_TYPES_H
#define KCXX_TYPES_H

namespace kcxx {

using u8 = __UINT8_TYPE__;
using u16 = __UINT16_TYPE__;
using u32 = __UINT32_TYPE__;
using u64 = unsigned long long; // as the kernel's u64, so %llu fits it
using s8 = __INT8_TYPE__;
using s16 = __INT16_TYPE__;
using s32 = __INT32_TYPE__;
using s64 = long long;
using usize = __SIZE_TYPE__;
using isize = __PTRDIFF_TYPE__;
using uintptr = __UINTPTR_TYPE__;
using nullptr_t = decltype(nullptr);

static_assert(sizeof(u64) == 8 && sizeof(usize) == sizeof(void *),
	      "kcxx supports 64-bit kernels only");

} // namespace kcxx

#endif // KCXX_TYPES_H
