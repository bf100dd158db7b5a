// SPDX-License-Identifier: GPL-2.0
// thread-safety fixture: data guarded by a kcxx lock, touched without it.
// The same accesses under the lock's guard are fine.
//
// lint-expect: :26: .*writing variable 'rx_count' requires holding lock 'lock' exclusively
// lint-expect: :31: .*reading variable 'config' requires holding lock 'config_lock'
#include <kcxx/mutex.h>
#include <kcxx/spinlock.h>

using namespace kcxx;

struct Port {
	SpinLock<int> lock{ KCXX_LOCK_CLASS("fixture.lock") };
	unsigned long rx_count KCXX_GUARDED_BY(lock) = 0;
	Mutex<int> config_lock{ KCXX_LOCK_CLASS("fixture.config_lock") };
	int config KCXX_GUARDED_BY(config_lock) = 0;

	void rx_locked()
	{
		auto held = lock.lock();
		rx_count++;
	}

	void rx_unlocked()
	{
		rx_count++;
	}

	int config_unlocked()
	{
		return config;
	}

	int config_locked()
	{
		auto held = config_lock.lock();
		return config;
	}
};
