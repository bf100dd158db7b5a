/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LockClass: a lockdep class (struct lock_class_key) with its name, one per
 * place in the code that defines a lock.
 *
 *	Mutex<Config> config_{ KCXX_LOCK_CLASS("kcxx_leds.config") };
 *
 * Lockdep reasons about classes, not lock instances: two locks of one class
 * nested are "possible recursive locking", and an inversion between locks
 * of different definitions can only be seen if they are different classes.
 * The kernel's spin_lock_init() and mutex_init() are macros so that each
 * call site gets its own static key; KCXX_LOCK_CLASS does the same for C++.
 * Without CONFIG_LOCKDEP the key is empty and costs nothing.
 */
#ifndef KCXX_LOCK_CLASS_H
#define KCXX_LOCK_CLASS_H

#include <kcxx/generated/kconsts.h>
#include <kcxx/utility.h>

namespace kcxx {

/**
 * A lockdep class key and the name lockdep prints for it.
 *
 * # Invariants
 * Has static storage duration (lockdep refuses keys that could be freed):
 * only KCXX_LOCK_CLASS makes one, as a function-local static of a lambda
 * that is unique to the place the macro is written.
 */
class LockClass : Pinned {
public:
	/// Only KCXX_LOCK_CLASS names this.
	struct StaticToken {
		explicit consteval StaticToken() = default;
	};

	consteval LockClass(StaticToken, const char *name) : name_(name) {}

	const char *name() const { return name_; }
	void *key() { return key_.get(); }

private:
	Opaque<KCXX_SIZEOF_LOCK_CLASS_KEY, KCXX_ALIGNOF_LOCK_CLASS_KEY> key_{};
	const char *name_;
};

} // namespace kcxx

/**
 * KCXX_LOCK_CLASS("name") - a LockClass of its own for the lock defined
 * here, by the name lockdep prints (e.g. "kcxx_vserial.wiring").
 *
 * Each expansion is a distinct lambda, hence a distinct static key; written
 * inside a template, one per instantiation.
 */
#define KCXX_LOCK_CLASS(name)                                       \
	([]() -> ::kcxx::LockClass & {                              \
		static constinit ::kcxx::LockClass kcxx_lock_class{ \
			::kcxx::LockClass::StaticToken{}, name      \
		};                                                  \
		return kcxx_lock_class;                             \
	}())

#endif // KCXX_LOCK_CLASS_H
