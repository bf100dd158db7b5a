# SPDX-License-Identifier: GPL-2.0
"""bench/*: make bench still runs end to end (tools/kcxx-bench --smoke: one
short round of every pair, both boots, the sizes, the table, the JSON and the
plot). No timing is asserted: that is what make bench is for."""
import json
import os
import xml.etree.ElementTree as ET

from kcxx_test import LOGS, sh, test, tool


@test("bench/smoke/virt+q35+raspi3b-6.1")
def _(log):
    out = os.path.join(LOGS, "bench-smoke")
    if not sh([tool("kcxx-bench"), "--smoke", "--out", out], log):
        return False
    res = json.load(open(os.path.join(out, "results.json")))
    ok = True
    for r in res["pairs"]:
        sides = (r["kcxx"] or {}).get("samples"), (r["c"] or {}).get("samples")
        good = r["rounds"] >= 1 and all(s and all(v > 0 for v in s) for s in sides)
        log.write(f"{'ok' if good else 'MISSING'}: {r['benchmark']} {r['kcxx_side']} vs {r['c_side']}\n")
        ok &= good
    want = {"led", "serial-bulk", "serial-latency", "micro-kmem-cache", "micro-box", "micro-percpu",
            "micro-spinlock", "micro-result-try", "micro-iomem", "dma-4096"}
    ok &= want <= {r["benchmark"] for r in res["pairs"]}
    ok &= sorted(s["baud"] for s in res["paced"]) == [9600, 115200, 1000000]
    ok &= all(0.5 < s["median"] < 1.5 for s in res["paced"])  # a paced line is not unpaced
    ok &= len(res["sizes"]) >= 4 and all(s["own_text"] > 0 and s["bridge_text"] > 0 for s in res["sizes"])
    svg = ET.parse(os.path.join(out, "ratios.svg")).getroot()
    dots = svg.findall(".//{http://www.w3.org/2000/svg}circle")
    log.write(f"plot: {len(dots)} points for {len(res['pairs'])} pairs\n")
    return ok and len(dots) == len(res["pairs"])
