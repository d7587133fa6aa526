#!/usr/bin/env python3
"""The shapes of bench/run SgemmThroughput in PyTorch (Debian's python3-torch calls Debian's OpenBLAS):
c += op(a) b, one thread, best of five rounds of about 3 GFLOP.
   /usr/bin/python3 bench/python/sgemm_torch.py [--shapes 32x256x256,40x500x40t]"""
import argparse
import time

import torch

DEFAULT = "32x128x128,32x256x256,500x40x40,500x64x64,500x256x256,40x500x40t,64x500x64t,256x32x256t,40x4500x40t,256x3200x256t"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", default=DEFAULT)
    args = ap.parse_args()
    torch.set_num_threads(1)
    print(f"sgemm alone in torch {torch.__version__}, 1 thread")
    for shape in args.shapes.split(","):
        trans = shape.endswith("t")
        m, k, n = (int(v) for v in shape.rstrip("t").split("x"))
        a = torch.randn(k, m) if trans else torch.randn(m, k)
        b, c = torch.randn(k, n), torch.zeros(m, n)
        op = a.t() if trans else a
        reps = max(20, int(3e9 / (2 * m * k * n)))
        best = float("inf")
        for r in range(6):  # the first round warms up
            t0 = time.perf_counter()
            for _ in range(reps):
                torch.addmm(c, op, b, out=c)
            us = (time.perf_counter() - t0) / reps * 1e6
            if r > 0:
                best = min(best, us)
        print(f"sgemm {shape}: {best:.1f} us, {2 * m * k * n / best / 1e3:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
