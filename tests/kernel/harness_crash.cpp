// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_harness_crash - a harness fixture: the pipeline test with a case that
 * dereferences NULL. The host must see the oops and the missing results.
 */
#define KCXX_HARNESS_INJECT_CRASH
#define KCXX_SUITE_NAME "kcxx_harness_crash"
#include "pipeline_test.cpp" // NOLINT(bugprone-suspicious-include): the fixture is that test plus one case
