// SPDX-License-Identifier: GPL-2.0
// Bug class: a module parameter any user can change (module_param(x, int,
// 0666)); the kernel's VERIFY_OCTAL_PERMISSIONS rejects it, and so does kcxx.
// expect-error: static assertion failed: module parameter depth: mode must be 0, 0444, 0644 or similar
#include <kcxx/module_param.h>

#ifdef KCXX_COMPILE_FAIL
KCXX_MODULE_PARAM(depth, uint, 4, 0666, "Queue depth");
#else
KCXX_MODULE_PARAM(depth, uint, 4, 0644, "Queue depth");
#endif
