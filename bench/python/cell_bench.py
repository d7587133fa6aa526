#!/usr/bin/python3
"""Training-step throughput of the reference cells in PyTorch (CPU), for side-by-side comparison with
longlag's cells.

The work, for every cell, is torch_lstm_bench.py's: the addition task's inputs (value, marker;
input width 2), the cell unrolled over T steps from its initial state, a linear readout of the
last step's output (state part 0) to one value, MSE, Adam (lr 1e-3), float32, batch B, the same
batch every step (only the training step is timed). "train" times forward + BPTT + Adam,
"forward" the forward pass alone under torch.no_grad(). The cells are the modules of this
directory, one Python-level step per time step (batched over B); "lstm" is torch.nn.LSTM
(PyTorch's fused CPU kernel), as in torch_lstm_bench.py.

Sizes: H = --hidden is the controller size (ntm, dnc), the number of units (slstm, mlstm, mingru,
lstm) or the model width (lru, state width N = H, one block). The NTM has longlag's ntm defaults
(N = 128 locations of width 20, one read and one write head), the DNC the same memory and
--read-heads read heads (1); sLSTM and mLSTM have --heads heads (4).

Run:  /usr/bin/python3 bench/python/cell_bench.py --cell dnc,ntm,slstm,mlstm,lru,mingru,lstm
          [--hidden 64,256] [--batch 16,32] [--lengths 100] [--threads 1] [--seconds 5]
          [--memory-rows 128] [--memory-width 20] [--read-heads 1] [--heads 4]
Prints one line per configuration:
  'torch VERSION cell=C threads=N H=.. B=.. T=.. [sizes]: train X seq/s (Y seq/cpu-s), forward Z seq/s'
(seq/cpu-s counts the process's CPU time instead of wall time: steadier on a shared machine).
OpenBLAS runs one thread; flush-to-zero is on (without it long BPTT in float32 slows down many
times on denormals).
"""
import argparse
import os
import sys
import time

sys.dont_write_bytecode = True
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dnc_torch  # noqa: E402
import lru_torch  # noqa: E402
import mingru_torch  # noqa: E402
import mlstm_torch  # noqa: E402
import ntm_torch  # noqa: E402
import slstm_torch  # noqa: E402

MODULES = {"dnc": dnc_torch, "ntm": ntm_torch, "slstm": slstm_torch, "mlstm": mlstm_torch, "lru": lru_torch,
           "mingru": mingru_torch}
CELLS = list(MODULES) + ["lstm"]


def addition_batch(b, t, gen):
    """torch_lstm_bench.py's inputs: values U[0, 1), two markers, target their sum."""
    x = torch.zeros(b, t, 2)
    x[:, :, 0] = torch.rand(b, t, generator=gen)
    first = torch.randint(0, max(1, min(10, t // 2)), (b,), generator=gen)
    second = torch.randint(t // 2, t, (b,), generator=gen)
    rows = torch.arange(b)
    x[rows, first, 1] = 1.0
    x[rows, second, 1] = 1.0
    y = (x[:, :, 0] * x[:, :, 1]).sum(1, keepdim=True)
    return x, y


class LastStep(torch.nn.Module):
    def __init__(self, name, hidden, options):
        super().__init__()
        if name == "lstm":
            self.cell = torch.nn.LSTM(2, hidden, batch_first=True)
            width = hidden
        else:
            self.cell = MODULES[name].build(hidden, input_size=2, **options)
            width = self.cell.state_parts()[0][1]
        self.lstm = name == "lstm"
        self.readout = torch.nn.Linear(width, 1)

    def forward(self, x):
        out, _ = self.cell(x)
        return self.readout(out[:, -1])


def sizes(name, a):
    if name in ("ntm", "dnc"):
        s = f" N={a.memory_rows} M={a.memory_width} R={a.read_heads if name == 'dnc' else 1}"
        return s + (" W=1" if name == "ntm" else "")
    if name in ("slstm", "mlstm"):
        return f" heads={a.heads}"
    if name == "lru":
        return " N=H blocks=1"
    return ""


def measure(name, hidden, b, t, seconds, options):
    gen = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    model = LastStep(name, hidden, options)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    x, y = addition_batch(b, t, gen)

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()

    for _ in range(2):
        step()
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds or n < 3:
        step()
        n += 1
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    train, train_cpu = b * n / wall, b * n / cpu
    with torch.no_grad():
        model(x)
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds / 2 or n < 3:
            model(x)
            n += 1
        fwd = b * n / (time.perf_counter() - start)
    return train, train_cpu, fwd


def ints(s):
    return [int(v) for v in s.split(",") if v]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cell", default="dnc,ntm,slstm,mlstm,lru,mingru,lstm")
    p.add_argument("--hidden", default="64,256")
    p.add_argument("--batch", default="16,32")
    p.add_argument("--lengths", default="100")
    p.add_argument("--threads", default="1")
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--memory-rows", type=int, default=128)
    p.add_argument("--memory-width", type=int, default=20)
    p.add_argument("--read-heads", type=int, default=1)
    p.add_argument("--heads", type=int, default=4)
    a = p.parse_args()
    names = [s for s in a.cell.split(",") if s]
    for n in names:
        if n not in CELLS:
            p.error(f"unknown cell {n}; known: {', '.join(CELLS)}")
    torch.set_flush_denormal(True)
    for threads in ints(a.threads):
        torch.set_num_threads(threads)
        for name in names:
            options = dict(memory_rows=a.memory_rows, memory_width=a.memory_width, heads=a.heads)
            if name == "dnc":
                options["read_heads"] = a.read_heads
            for hidden in ints(a.hidden):
                for b in ints(a.batch):
                    for t in ints(a.lengths):
                        train, train_cpu, fwd = measure(name, hidden, b, t, a.seconds, options)
                        print(f"torch {torch.__version__} cell={name} threads={threads} H={hidden} B={b} T={t}"
                              f"{sizes(name, a)}: train {train:.1f} seq/s ({train_cpu:.1f} seq/cpu-s), "
                              f"forward {fwd:.1f} seq/s", flush=True)


if __name__ == "__main__":
    main()
