/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CallGate: calls from the kernel into an object that is about to go away.
 * Each call enters the gate and leaves it; revoke() shuts the gate and
 * returns once every call that got in has left, so the object can be dropped
 * while the kernel still holds the structure that points at it (a tty port
 * kept by an open tty, a file kept by its opener).
 *
 * Example (compiled):
 *	struct Port {
 *		u32 writes = 0;
 *	};
 *
 *	inline u32 write(CallGate &gate, Port &port) // the kernel calls this
 *	{
 *		if (auto in = gate.enter())
 *			return ++port.writes; // port is alive until `in` ends
 *		return 0;		      // revoked: port may be gone
 *	}
 *
 *	inline void unregister(CallGate &gate) { gate.revoke(); } // before port goes
 *
 * This is the C pattern "atomic_inc(active); smp_mb(); if (dead) back out",
 * its smp_mb() pairing and wait_event(), written once, with a lock instead of
 * barriers to reason about.
 */
#ifndef KCXX_CALL_GATE_H
#define KCXX_CALL_GATE_H

#include <kcxx/completion.h>
#include <kcxx/context.h>
#include <kcxx/lock_class.h>
#include <kcxx/spinlock.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A gate calls pass through while it is open.
 *
 * # Invariants
 * state_.active counts the Entries alive; once state_.revoked is set it
 * never clears and no Entry is made; drained_ is completed exactly once,
 * by the last Entry to leave after revocation (or by revoke() itself when
 * none was inside).
 */
class CallGate : Pinned {
	struct State {
		u32 active = 0;
		bool revoked = false;
	};

public:
	/// A call inside the gate; leaves it when dropped. False when the gate
	/// was already revoked: the call must not touch the object.
	class [[nodiscard]] Entry {
	public:
		Entry(Entry &&other) : gate_(exchange(other.gate_, nullptr)) {}
		Entry(const Entry &) = delete;
		Entry &operator=(const Entry &) = delete;
		Entry &operator=(Entry &&) = delete;
		~Entry()
		{
			if (gate_)
				gate_->leave();
		}

		explicit operator bool() const { return gate_ != nullptr; }

	private:
		friend class CallGate;
		explicit Entry(CallGate *gate) : gate_(gate) {}

		CallGate *gate_;
	};

	explicit CallGate(LockClass &cls) : state_(cls) {}

	/// Enters the gate, from any context (interrupts off inside).
	Entry enter()
	{
		auto s = state_.lock();
		if (s->revoked)
			return Entry(nullptr);
		s->active++;
		return Entry(this);
	}

	/// Shuts the gate: no call enters from now on, and this returns when the
	/// calls inside have left. Process context; the second call returns at
	/// once.
	void revoke() KCXX_MAY_SLEEP
	{
		bool wait;
		{
			auto s = state_.lock();
			if (s->revoked)
				return;
			s->revoked = true;
			wait = s->active > 0;
		}
		if (wait)
			drained_.wait();
	}

	bool is_revoked() { return state_.lock()->revoked; }

private:
	void leave()
	{
		bool last;
		{
			auto s = state_.lock();
			last = --s->active == 0 && s->revoked;
		}
		// A Completion, not a wake-up: revoke() may return, and the gate's
		// owner free it, as soon as complete() lets go of its lock.
		if (last)
			drained_.complete();
	}

	SpinLockIrq<State> state_;
	Completion drained_;
};

} // namespace kcxx

#endif // KCXX_CALL_GATE_H
