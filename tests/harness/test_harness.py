#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests of the host-side harness: the KTAP check and the console-log check
must accept a clean run and reject each way a run can go wrong."""
import os
import subprocess
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def run(tool, *args):
    p = subprocess.run([os.path.join(TOP, "tools", tool), *args], capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fixture(name):
    return os.path.join(HERE, "fixtures", name)


class KtapCheck(unittest.TestCase):
    def test_clean_report_passes(self):
        status, out = run("ktap", "--suite", "kcxx_pipeline", "--expect", "3", fixture("good.log"))
        self.assertEqual(status, 0, out)
        self.assertIn("2 passed, 0 failed, 1 skipped", out)

    def test_not_ok_fails(self):
        status, out = run("ktap", fixture("not-ok.log"))
        self.assertEqual(status, 1, out)
        self.assertIn("not ok 2 virtual_dispatch_without_rtti", out)

    def test_missing_plan_fails(self):
        status, out = run("ktap", fixture("no-plan.log"))
        self.assertEqual(status, 1, out)
        self.assertIn("no plan", out)

    def test_crashed_run_fails(self):
        status, out = run("ktap", fixture("crashed.log"))
        self.assertEqual(status, 1, out)
        self.assertIn("plan says 3 tests, 1 reported", out)

    def test_missing_suite_fails(self):
        status, out = run("ktap", "--suite", "other", fixture("good.log"))
        self.assertEqual(status, 1, out)

    def test_wrong_plan_size_fails(self):
        status, out = run("ktap", "--expect", "4", fixture("good.log"))
        self.assertEqual(status, 1, out)

    def test_log_without_ktap_fails(self):
        status, out = run("ktap", fixture("no-ktap.log"))
        self.assertEqual(status, 1, out)
        self.assertIn("no KTAP report", out)


class ConsoleLogCheck(unittest.TestCase):
    def check(self, name):
        return run("kcxx-qemu", "--check-log", fixture(name))

    def test_clean_log_passes(self):
        status, out = self.check("good.log")
        self.assertEqual(status, 0, out)

    def test_oops_fails(self):
        status, out = self.check("crashed.log")
        self.assertEqual(status, 1, out)
        self.assertIn("kernel oops", out)
        self.assertIn("call trace", out)
        self.assertIn("(D)", out)  # taint D: died

    def test_warning_fails(self):
        status, out = self.check("warning.log")
        self.assertEqual(status, 1, out)
        self.assertIn("kernel WARNING", out)

    # Excerpts of real reports from the debug kernel (tests/kernel/harness_bugs.c):
    # each fails the run under its own name.
    def test_each_checker_report_fails_by_name(self):
        for kind, what in [("kasan", "KASAN report"), ("kfence", "KFENCE report"),
                           ("ubsan", "UBSAN report"), ("lockdep", "lockdep report"),
                           ("atomic-sleep", "atomic-context violation"),
                           ("dma-api", "DMA-API report"), ("debugobjects", "debug-objects report"),
                           ("kmemleak", "kmemleak leak")]:
            with self.subTest(kind=kind):
                status, out = self.check(f"report-{kind}.log")
                self.assertEqual(status, 1, out)
                self.assertIn(f"FAIL: {what}:", out)

    def test_leaks_from_before_the_run_are_not_the_runs(self):
        status, out = self.check("report-kmemleak-boot-only.log")
        self.assertEqual(status, 0, out)

    def test_dma_api_debugging_banner_is_not_a_report(self):
        status, out = self.check("good.log")  # a debug kernel's boot says it has DMA-API debugging
        self.assertEqual(status, 0, out)

    def test_taint_beyond_o_e_fails(self):
        status, out = self.check("taint.log")
        self.assertEqual(status, 1, out)
        self.assertIn("tainted beyond O/E: 4097 (P)", out)

    def test_unfinished_guest_fails(self):
        status, out = self.check("unfinished.log")
        self.assertEqual(status, 1, out)
        self.assertIn("did not finish", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
