#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Every lint gate fails when its own tool cannot run (issue 10).

For each gate of tools/kcxx-lint, its tool is replaced, through PATH, by:
  - a stub that exits with an error,
  - a stub that exits 0 and prints nothing (a tool that silently does nothing),
  - for spatch, a stub that prints the error of a Coccinelle without Python
    and exits 0, as Debian's spatch does without libpython3.11,
and then removed from PATH altogether; and spatch once more as a tool that
finds the canary but then loses Python. kcxx-lint must fail every time and say
that the tool is broken or missing; the real tool must pass the same check.
"""
import os
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LINT = os.path.join(TOP, "tools", "kcxx-lint")
sys.path.insert(0, os.path.join(TOP, "tools"))

STUBS = {
    "exits-with-error": "#!/bin/sh\necho \"$0: internal error\" >&2\nexit 3\n",
    "does-nothing": "#!/bin/sh\nexit 0\n",
    "spatch-without-python": "#!/bin/sh\necho 'Py.find_library: unable to find the Python library "
                             "[libpython3.11.so]' >&2\nexit 0\n",
}


def gates_and_tools():
    """(gate, the gate's first tool) from kcxx-lint's own table."""
    import importlib.machinery
    import importlib.util
    loader = importlib.machinery.SourceFileLoader("kcxx_lint", LINT)
    spec = importlib.util.spec_from_loader("kcxx_lint", loader)
    lint = importlib.util.module_from_spec(spec)
    loader.exec_module(lint)
    return [(gate, tools[0][0]) for gate, tools in lint.TOOLS.items()]


def lint(gate, path, *flags):
    env = dict(os.environ, PATH=path)
    p = subprocess.run([sys.executable, LINT, *flags, gate], cwd=TOP, env=env,
                       capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def path_without(tool, scratch):
    """A PATH with every command of this one but `tool` (symlinks)."""
    d = os.path.join(scratch, "path-without-" + tool)
    os.makedirs(d)
    for entry in os.environ["PATH"].split(":"):
        if not os.path.isdir(entry):
            continue
        for name in os.listdir(entry):
            dst = os.path.join(d, name)
            if name != tool and not os.path.lexists(dst):
                os.symlink(os.path.join(entry, name), dst)
    return d


def main():
    failures = 0
    checks = 0
    with tempfile.TemporaryDirectory() as scratch:
        for gate, tool in gates_and_tools():
            cases = []
            # The real tool first: the check must be able to pass (the
            # lint/GATE tests run the whole gate with it).
            status, out = lint(gate, os.environ["PATH"], "--canary-only")
            cases.append(("real tool", status == 0, status, out))
            for stub, text in STUBS.items():
                if stub == "spatch-without-python" and tool != "spatch":
                    continue
                d = os.path.join(scratch, f"{gate}-{stub}")
                os.makedirs(d)
                with open(os.path.join(d, tool), "w") as f:
                    f.write(text)
                os.chmod(os.path.join(d, tool), 0o755)
                status, out = lint(gate, d + ":" + os.environ["PATH"])
                cases.append((stub, status != 0 and "tool broken" in out, status, out))
            status, out = lint(gate, path_without(tool, scratch))
            cases.append(("missing", status != 0 and f"{tool} is not installed" in out, status, out))
            if tool == "spatch":
                # Finds the canary, then loses Python on the project's rules:
                # the gate's own run must notice.
                d = os.path.join(scratch, "spatch-breaks-later")
                os.makedirs(d)
                real = shutil.which("spatch")
                with open(os.path.join(d, "spatch"), "w") as f:
                    f.write(f"#!/bin/sh\ncase \"$*\" in *canary.cocci*) exec {real} \"$@\";; esac\n"
                            + STUBS["spatch-without-python"].split("\n", 1)[1])
                os.chmod(os.path.join(d, "spatch"), 0o755)
                status, out = lint(gate, d + ":" + os.environ["PATH"])
                cases.append(("breaking after the canary", status != 0 and "tool error" in out, status, out))
            for what, ok, status, out in cases:
                checks += 1
                print(f"{'ok  ' if ok else 'FAIL'} {gate}: {tool} {what}: status {status}")
                if not ok:
                    failures += 1
                    print("    | " + "\n    | ".join(out.strip().splitlines()[-8:]))
    print(f"{checks - failures}/{checks} checks as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
