/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KTAP output for kcxx's static guest programs (tests/guest/): numbered
 * results with "#" diagnostics for each failed CHECK, read on the host by
 * tools/ktap. A test function sets `int ok = 1;`, CHECKs, then calls result().
 */
#ifndef KCXX_GUEST_KTAP_H
#define KCXX_GUEST_KTAP_H

#include <errno.h>
#include <stdio.h>

static int number;
static int failures;

/* The KTAP header: version, the suite name tools/ktap --suite matches, plan. */
static inline void ktap_header(const char *suite, int plan)
{
	printf("KTAP version 1\n# kcxx suite: %s\n1..%d\n", suite, plan);
	fflush(stdout);
}

static inline void result(int ok, const char *name)
{
	printf("%s %d %s\n", ok ? "ok" : "not ok", ++number, name);
	fflush(stdout);
	failures += !ok;
}

/* On failure: a diagnostic with the condition and errno, and ok = 0. */
#define CHECK(cond)                                                                           \
	do {                                                                                  \
		if (!(cond)) {                                                                \
			printf("# %s:%d: %s (errno %d)\n", __FILE__, __LINE__, #cond, errno); \
			fflush(stdout);                                                       \
			ok = 0;                                                               \
		}                                                                             \
	} while (0)

#endif /* KCXX_GUEST_KTAP_H */
