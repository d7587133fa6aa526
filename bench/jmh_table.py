#!/usr/bin/env python3
"""Markdown table of CellStepBenchmark results: python3 bench/jmh_table.py results.json

Per (cell, hidden, batch): forward and forward+backward, microseconds per step, as
mean +- JMH's 99.9% error, and the fastest measurement iteration (the least disturbed
one on a shared machine). Cells are listed in the order the run measured them (the
model catalog's order, see BenchMain), sizes and batches ascending."""
import json
import sys


def main(path):
    rows = {}
    cells = []
    for r in json.load(open(path)):
        p = r["params"]
        m = r["primaryMetric"]
        raw = [v for fork in m["rawData"] for v in fork]
        if p["cell"] not in cells:
            cells.append(p["cell"])
        key = (p["cell"], int(p["hidden"]), int(p["batch"]))
        # JMH writes the error of a single iteration as the string "NaN"
        rows.setdefault(key, {})[r["benchmark"].rsplit(".", 1)[1]] = (float(m["score"]), float(m["scoreError"]), min(raw))
    print("| cell | H | B | forward us/step (mean +- err) | forward min | fwd+bwd us/step (mean +- err) | fwd+bwd min |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key in sorted(rows, key=lambda k: (cells.index(k[0]), k[1], k[2])):
        out = []
        for bench in ("forward", "forwardBackward"):
            s, e, lo = rows[key].get(bench, (float("nan"),) * 3)
            out += ["%.3g +- %.2g" % (s, e), "%.3g" % lo]
        print("| %s | %d | %d | %s |" % (key[0], key[1], key[2], " | ".join(out)))


if __name__ == "__main__":
    main(sys.argv[1])
