/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Slots: up to 32 numbers a driver hands out to its devices (the N of
 * /dev/mydev<N>), each held by a Slot from probe to unbind.
 *
 * Example (compiled):
 *	constinit Slots device_numbers; // a global: constinit
 *
 *	inline Result<int> first_free()
 *	{
 *		auto slot = TRY(device_numbers.take()); // EBUSY when all 32 are taken
 *		return slot.index();			// and free again here
 *	}
 *
 * A number is free again when its Slot is dropped.
 */
#ifndef KCXX_SLOTS_H
#define KCXX_SLOTS_H

#include <kcxx/atomic.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

class Slots;

/**
 * One number of a Slots, held.
 *
 * # Invariants
 * index_ is -1 (moved from) or a bit of owner_'s set that this object set.
 */
class Slot {
public:
	Slot(Slot &&other) : owner_(other.owner_), index_(exchange(other.index_, -1)) {}
	Slot(const Slot &) = delete;
	Slot &operator=(const Slot &) = delete;
	Slot &operator=(Slot &&) = delete;
	inline ~Slot();

	int index() const { return index_; }

private:
	friend Slots;
	Slot(Slots &owner, int index) : owner_(&owner), index_(index) {}

	Slots *owner_;
	int index_;
};

/// A set of 32 numbers, free or taken; lock-free, so it can be a global.
class Slots {
public:
	constexpr Slots() = default;
	Slots(const Slots &) = delete;
	Slots &operator=(const Slots &) = delete;

	/// The lowest free number, held by the returned Slot; EBUSY when none.
	Result<Slot> take()
	{
		u32 cur = taken_.load();
		for (;;) {
			if (cur == ~0u)
				return code::EBUSY;
			int n = __builtin_ctz(~cur);
			if (taken_.compare_exchange(cur, cur | (1u << n)))
				return Slot(*this, n);
		}
	}

private:
	friend Slot;
	void give_back(int n)
	{
		u32 cur = taken_.load();
		while (!taken_.compare_exchange(cur, cur & ~(1u << n)))
			;
	}

	Atomic<u32> taken_{ 0 };
};

inline Slot::~Slot()
{
	if (index_ >= 0)
		owner_->give_back(index_);
}

} // namespace kcxx

#endif // KCXX_SLOTS_H
