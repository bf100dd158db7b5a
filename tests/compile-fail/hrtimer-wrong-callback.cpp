// SPDX-License-Identifier: GPL-2.0
// Bug class: a timer callback with the wrong signature, cast to fit (C:
// (void *) casts of function pointers). The callback's type is checked.
// expect-error: could not convert template argument|no matches converting function
#include <kcxx/hrtimer.h>

using namespace kcxx;

struct Blinker {
#ifdef KCXX_COMPILE_FAIL
	void tick() {}
#else
	TimerRestart tick(TimerExpiry &) { return TimerRestart::No; }
#endif
	HrTimer<Blinker, &Blinker::tick> timer{ *this };
};
