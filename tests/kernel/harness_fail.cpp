// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_harness_fail - a harness fixture: the pipeline test with one case that
 * fails on purpose. The host's KTAP check must reject its report.
 */
#define KCXX_HARNESS_INJECT_FAILURE
#define KCXX_SUITE_NAME "kcxx_harness_fail"
#include "pipeline_test.cpp" // NOLINT(bugprone-suspicious-include): the fixture is that test plus one case
