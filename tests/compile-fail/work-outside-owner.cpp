// SPDX-License-Identifier: GPL-2.0
// Bug class: a work item that outlives what it works on (C: INIT_WORK() on
// a struct that is freed, or copied, while the work is queued). A Work is a
// Pinned member of its owner: it cannot be moved or copied out of it, and
// dropping the owner cancels it.
// expect-error: use of deleted function .kcxx::Work<Sensor, &Sensor::refresh>::Work\(const
#include <kcxx/workqueue.h>

using namespace kcxx;

struct Sensor {
	void refresh() {}
	Work<Sensor, &Sensor::refresh> work{ *this, KCXX_LOCK_CLASS("example.work") };
};

void schedule(Sensor &s)
{
#ifdef KCXX_COMPILE_FAIL
	auto escaped = s.work;
	escaped.schedule();
#else
	s.work.schedule();
#endif
}
