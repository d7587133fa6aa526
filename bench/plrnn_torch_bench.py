#!/usr/bin/python3
"""PyTorch CPU reference for longlag's PLRNN training throughput (bench/run PlrnnThroughput).

The same work, written the way the reg-PLRNN reference writes its model (a Python loop over time):
    z_t = A z_{t-1} + W relu(z_{t-1}) + h + C s_t     A diagonal (a vector), W off-diagonal
    y   = B z_T (no bias),  z_0 learned (one vector for the batch, started U[0, 1))
MSE at the last step, Adam (lr 1e-3), float32, addition task inputs (value, marker), batch B,
length T, the same batch every step (only the training step is timed).
W's diagonal is masked out in the forward pass, as the reference's OffDiagLinear does.

Set-up (Debian packages): apt-get install -y python3-torch libopenblas0-pthread
Run:    /usr/bin/python3 bench/plrnn_torch_bench.py [--hidden 40,64,128,256] [--batch 32]
        [--lengths 100,500] [--threads 1] [--seconds 6]
Prints one line per configuration: 'torch VERSION threads=N M=.. B=.. T=..: train X seq/s, Y seq/cpu-s'
(Y counts the process's CPU time instead of wall time: steadier on a shared machine).
OpenBLAS runs one thread; flush-to-zero is on (without it long BPTT in float32 slows down many
times on denormals).
"""
import argparse
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402


def addition_batch(b, t, gen):
    """reg-PLRNN protocol: values U[0,1), first marker in [0,10), second in [0,T/2), distinct."""
    x = torch.zeros(b, t, 2)
    x[:, :, 0] = torch.rand(b, t, generator=gen)
    first = torch.randint(0, min(10, t), (b,), generator=gen)
    second = torch.randint(0, max(1, t // 2), (b,), generator=gen)
    same = first == second
    second[same] = (second[same] + 1) % max(2, t // 2)
    rows = torch.arange(b)
    x[rows, first, 1] = 1.0
    x[rows, second, 1] = 1.0
    y = (x[:, :, 0] * x[:, :, 1]).sum(1, keepdim=True)
    return x, y


class Plrnn(torch.nn.Module):
    def __init__(self, m, d_in=2, d_out=1):
        super().__init__()
        std = m ** -0.5
        self.A = torch.nn.Parameter(torch.rand(m) * 0.9)
        self.W = torch.nn.Parameter(torch.randn(m, m) * std)
        self.h = torch.nn.Parameter(torch.randn(m) * std)
        self.C = torch.nn.Parameter(torch.randn(m, d_in) * std)
        self.B = torch.nn.Parameter(torch.randn(d_out, m) * std)
        self.z0 = torch.nn.Parameter(torch.rand(m))
        self.register_buffer("off_diagonal", 1.0 - torch.eye(m))

    def forward(self, x):
        b, t, _ = x.shape
        w = (self.W * self.off_diagonal).t()
        inputs = x @ self.C.t() + self.h  # [b, t, m]: one product for all steps, hoisted out of the loop
        z = self.z0.expand(b, -1)
        for s_t in inputs.unbind(1):  # unbind, not inputs[:, k]: its backward is one stack, not T zero-filled copies
            z = self.A * z + torch.relu(z) @ w + s_t
        return z @ self.B.t()


def measure(m, b, t, seconds):
    gen = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    model = Plrnn(m)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    x, y = addition_batch(b, t, gen)

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds or n < 3:
        step()
        n += 1
    return b * n / (time.perf_counter() - start), b * n / (time.process_time() - cpu)


def ints(s):
    return [int(v) for v in s.split(",")]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hidden", default="40,64,128,256")
    p.add_argument("--batch", default="32")
    p.add_argument("--lengths", default="100,500")
    p.add_argument("--threads", default="1")
    p.add_argument("--seconds", type=float, default=6.0)
    a = p.parse_args()
    torch.set_flush_denormal(True)
    for threads in ints(a.threads):
        torch.set_num_threads(threads)
        for b in ints(a.batch):
            for t in ints(a.lengths):
                for m in ints(a.hidden):
                    wall, cpu = measure(m, b, t, a.seconds)
                    print(f"torch {torch.__version__} threads={threads} M={m} B={b} T={t}: "
                          f"train {wall:.1f} seq/s, {cpu:.1f} seq/cpu-s", flush=True)


if __name__ == "__main__":
    main()
