#!/usr/bin/env python3
"""Markdown table of CellStepBenchmark results: python3 bench/jmh_table.py results.json

Per (cell, hidden, batch): forward and forward+backward, microseconds per step, as
mean +- JMH's 99.9% error, and the fastest measurement iteration (the least disturbed
one on a shared machine)."""
import json
import sys

ORDER = ["elman", "lstm", "plrnn", "shplrnn", "ntm"]


def main(path):
    rows = {}
    for r in json.load(open(path)):
        p = r["params"]
        m = r["primaryMetric"]
        raw = [v for fork in m["rawData"] for v in fork]
        key = (p["cell"], int(p["hidden"]), int(p["batch"]))
        rows.setdefault(key, {})[r["benchmark"].rsplit(".", 1)[1]] = (m["score"], m["scoreError"], min(raw))
    print("| cell | H | B | forward us/step (mean +- err) | forward min | fwd+bwd us/step (mean +- err) | fwd+bwd min |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key in sorted(rows, key=lambda k: (ORDER.index(k[0]) if k[0] in ORDER else 99, k[1], k[2])):
        cells = []
        for bench in ("forward", "forwardBackward"):
            s, e, lo = rows[key].get(bench, (float("nan"),) * 3)
            cells += ["%.3g +- %.2g" % (s, e), "%.3g" % lo]
        print("| %s | %d | %d | %s |" % (key[0], key[1], key[2], " | ".join(cells)))


if __name__ == "__main__":
    main(sys.argv[1])
