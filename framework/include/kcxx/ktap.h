/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A minimal in-kernel test runner printing KTAP version 1, the format of
 * Documentation/dev-tools/ktap.rst, for kcxx's C++ test modules.
 *
 *	static void adds(kcxx::ktap::Test &t) { KTAP_EXPECT_EQ(t, 1 + 1, 2); }
 *	static constinit kcxx::ktap::Case cases[] = { { "adds", adds } };
 *	static int suite_init() { kcxx::ktap::run("example", cases); return 0; }
 *
 * Each case is one numbered result; every failed expectation is reported as a
 * "#" diagnostic above it. The host (tools/ktap) reads the console and fails on
 * "not ok", a missing plan or missing results.
 */
#ifndef KCXX_KTAP_H
#define KCXX_KTAP_H

#include <kcxx/print.h>
#include <kcxx/types.h>

namespace kcxx::ktap {

/// The state of one running test case.
class Test {
public:
	explicit Test(const char *name) : name_(name) {}
	Test(const Test &) = delete;
	Test &operator=(const Test &) = delete;

	/// Records a failure with a diagnostic when cond is false; returns cond.
	bool expect(bool cond, const char *what, const char *file, int line)
	{
		if (!cond) {
			failures_++;
			pr_info("    # %s: EXPECTATION FAILED at %s:%d: %s\n",
				name_, file, line, what);
		}
		return cond;
	}

	bool passed() const { return failures_ == 0; }

private:
	const char *name_;
	unsigned int failures_ = 0;
};

struct Case {
	const char *name;
	void (*run)(Test &);
};

/// Runs every case of a suite and prints the KTAP report; returns the failures.
template <usize N> unsigned int run(const char *suite, const Case (&cases)[N])
{
	unsigned int failed = 0;

	pr_info("KTAP version 1\n");
	pr_info("# kcxx suite: %s\n", suite);
	pr_info("1..%lu\n", static_cast<unsigned long>(N));
	for (usize i = 0; i < N; i++) {
		Test test(cases[i].name);

		cases[i].run(test);
		if (!test.passed())
			failed++;
		pr_info("%s %lu %s\n", test.passed() ? "ok" : "not ok",
			static_cast<unsigned long>(i + 1), cases[i].name);
	}
	pr_info("# %s: pass:%lu fail:%u\n", suite,
		static_cast<unsigned long>(N - failed), failed);
	return failed;
}

} // namespace kcxx::ktap

/// Expects a condition; the diagnostic quotes it.
#define KTAP_EXPECT(test, cond) (test).expect(!!(cond), #cond, __FILE__, __LINE__)

/// Expects two values to compare equal; the diagnostic quotes both expressions.
#define KTAP_EXPECT_EQ(test, a, b)                                             \
	(test).expect((a) == (b), #a " == " #b, __FILE__, __LINE__)

#endif // KCXX_KTAP_H
