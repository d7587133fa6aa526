#!/usr/bin/python3
"""Cross-check of learning dynamics: a PyTorch LSTM on longlag's default addition protocol.

Same protocol as longlag's AdditionTask (reg-PLRNN: length T, values U[0,1), first marker in [0,10),
second in [0,T/2), redrawn while equal, target x1+x2 at the last step), same training setup as
`longlag train --model lstm --task addition` (hidden 64, Adam 1e-3, batch 32, global-norm clip 1,
fresh batches, forget-gate bias 1, validation on 500 fixed sequences every 200 steps, stop when
fraction correct (|error| < 0.04) reaches the target). Prints steps and sequences to solve.

Run: /usr/bin/python3 bench/python/torch_addition_learning.py --lag 50 [--target 0.95] [--steps 20000] [--seed 1]
"""
import argparse
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402


def batch(b, t, gen):
    x = torch.zeros(b, t, 2)
    x[:, :, 0] = torch.rand(b, t, generator=gen)
    first = torch.randint(0, min(10, t), (b,), generator=gen)
    second = torch.randint(0, t // 2, (b,), generator=gen)
    while True:
        same = first == second
        if not same.any():
            break
        n = int(same.sum())
        first[same] = torch.randint(0, min(10, t), (n,), generator=gen)
        second[same] = torch.randint(0, t // 2, (n,), generator=gen)
    rows = torch.arange(b)
    x[rows, first, 1] = 1.0
    x[rows, second, 1] = 1.0
    y = x[rows, first, 0] + x[rows, second, 0]
    return x, y.unsqueeze(1)


class Model(torch.nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.lstm = torch.nn.LSTM(2, hidden, batch_first=True)
        with torch.no_grad():  # forget-gate bias 1 (PyTorch gate order i, f, g, o; two bias vectors)
            self.lstm.bias_ih_l0.zero_()
            self.lstm.bias_hh_l0.zero_()
            self.lstm.bias_ih_l0[hidden:2 * hidden] = 1.0
        self.readout = torch.nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.readout(out[:, -1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--lag", type=int, default=50)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--target", type=float, default=0.95)
    p.add_argument("--steps", type=int, default=20000)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(1)
    torch.set_flush_denormal(True)
    torch.manual_seed(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    model = Model(a.hidden)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    vx, vy = batch(500, a.lag, torch.Generator().manual_seed(a.seed + 1000))
    start = time.perf_counter()
    for step in range(1, a.steps + 1):
        x, y = batch(32, a.lag, gen)
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step % 200 == 0:
            with torch.no_grad():
                err = model(vx) - vy
                frac = (err.abs() < 0.04).float().mean().item()
                mse = (err ** 2).mean().item()
            print(f"step {step} seq {32 * step} {time.perf_counter() - start:.0f}s loss {loss.item():.4g} "
                  f"validation mse {mse:.4g} fraction_correct {frac:.3f}", flush=True)
            if frac >= a.target:
                print(f"torch {torch.__version__}: solved T={a.lag} at step {step} ({32 * step} sequences)", flush=True)
                return
    print(f"torch {torch.__version__}: not solved at T={a.lag} within {a.steps} steps", flush=True)


if __name__ == "__main__":
    main()
