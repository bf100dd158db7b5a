/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Clang thread-safety analysis attributes (-Wthread-safety). kcxx's lock
 * types are capabilities, so clang rejects code that touches data guarded by
 * a lock it does not hold. GCC, which builds the modules, ignores them.
 */
#ifndef KCXX_THREAD_SAFETY_H
#define KCXX_THREAD_SAFETY_H

#if defined(__clang__)
#define KCXX_TSA(x) __attribute__((x))
#else
#define KCXX_TSA(x)
#endif

#define KCXX_CAPABILITY(name) KCXX_TSA(capability(name))
#define KCXX_SCOPED_CAPABILITY KCXX_TSA(scoped_lockable)
#define KCXX_GUARDED_BY(lock) KCXX_TSA(guarded_by(lock))
#define KCXX_PT_GUARDED_BY(lock) KCXX_TSA(pt_guarded_by(lock))
#define KCXX_REQUIRES(...) KCXX_TSA(requires_capability(__VA_ARGS__))
#define KCXX_ACQUIRE(...) KCXX_TSA(acquire_capability(__VA_ARGS__))
#define KCXX_TRY_ACQUIRE(...) KCXX_TSA(try_acquire_capability(__VA_ARGS__))
#define KCXX_RELEASE(...) KCXX_TSA(release_capability(__VA_ARGS__))
#define KCXX_RETURN_CAPABILITY(x) KCXX_TSA(lock_returned(x))
#define KCXX_NO_THREAD_SAFETY_ANALYSIS KCXX_TSA(no_thread_safety_analysis)

#endif // KCXX_THREAD_SAFETY_H
