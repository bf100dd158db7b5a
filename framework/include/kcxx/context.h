/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Execution context, as clang's thread-safety analysis sees it: code that
 * runs in atomic context (a hard interrupt handler, an hrtimer or timer
 * callback) holds the capability `atomic_context`, and every kcxx
 * function that may sleep requires that it is not held. Sleeping in an
 * interrupt handler is then a build error of the thread-safety gate:
 *
 *	IrqReturn handle() KCXX_ATOMIC	// a hard handler
 *	{
 *		auto g = config_.lock();	// Mutex::lock() is KCXX_MAY_SLEEP:
 *		...				// "cannot call function 'lock' while
 *	}					//  context 'atomic_context' is held"
 *
 * Only callers that hold the capability are checked (a negative
 * requirement asks nothing of the rest), so process-context code needs no
 * annotation. GCC ignores all of it; the debug kernel's DEBUG_ATOMIC_SLEEP
 * (KCXX_MIGHT_SLEEP, kcxx/sched.h) catches at run time what the analysis
 * cannot see, such as a sleeping call through a C function pointer.
 */
#ifndef KCXX_CONTEXT_H
#define KCXX_CONTEXT_H

#include <kcxx/thread_safety.h>

namespace kcxx {

/// The capability of atomic context; an object only for the analysis.
struct KCXX_CAPABILITY("context") AtomicContext {
	// What `!atomic_context` (a negative requirement) evaluates to.
	const AtomicContext &operator!() const { return *this; }
};

/// Where the capability lives. A static member, not a global: clang makes
/// every caller of a function that excludes a *global* capability repeat
/// the exclusion, while one held by a class is checked only against the
/// callers that hold it. Declared, never defined: nothing uses it at run time.
struct ExecutionContext {
	static AtomicContext atomic_context;
};

} // namespace kcxx

/// Marks a callback that runs in atomic context (it may not sleep).
#define KCXX_ATOMIC KCXX_REQUIRES(::kcxx::ExecutionContext::atomic_context)
/// Marks a function that may sleep: not to be called in atomic context.
#define KCXX_MAY_SLEEP KCXX_REQUIRES(!::kcxx::ExecutionContext::atomic_context)
/// Marks a function for process context only, sleeping or not (a plain
/// spinlock, which an interrupt handler must not share).
#define KCXX_PROCESS_CONTEXT KCXX_REQUIRES(!::kcxx::ExecutionContext::atomic_context)

#endif // KCXX_CONTEXT_H
