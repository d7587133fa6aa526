#!/usr/bin/python3
"""Numeric oracles of the reference cells for longlag's Java tests, and the cells' self-checks.

    /usr/bin/python3 bench/python/oracle.py OUT_DIR [--cases ntm,dnc,...] [--no-checks] [--long-steps 2000]

For every case, OUT_DIR/<case>.npz (numpy's uncompressed zip of .npy files, float64, C order) and
OUT_DIR/<case>.json (the cell's options, every array's name and shape, the loss) hold one tiny
deterministic run in float64:
    x                    (B, T, D)       inputs
    param.cell.<name>    Java layout     the cell's parameter blocks (names and layouts: the module's docstring;
                                         a vector is 1-D, a matrix [rows x cols])
    param.init.<name>                    the initial state's blocks, where the cell has them (NTM)
    state0.<part>        (B, size)       z_0, every state part in Java's layout (the NTM's comes from its
                                         initial state's parameters, the others' are random valid states)
    out                  (B, T, O)       the output (state part 0) after every step
    states.<part>        (T, B, size)    every state part after every step t = 1 .. T
    final.<part>         (B, size)       the state after the last step
    R                    (B, T, O)       fixed random weights of the loss
    loss                 ()              L = sum_t sum(R_t * out_t)
    grad.param.cell.<name>, grad.param.init.<name>, grad.x, grad.state0.<part>: dL/d(each), autograd
The parameters are the cell's initialization nudged by N(0, 0.2^2) noise (so that no block is
exactly zero or one, as longlag's contract test does), except where a case says otherwise.

Self-checks (unless --no-checks): torch.autograd.gradcheck in float64 of every case's cell on a
tiny run (parameters, inputs and initial state); and for every cell a long run (T = --long-steps of
random inputs, batch 4, float32, flush-to-zero on) whose outputs, states and gradients must all be
finite; for the DNC also with a saturated interface and with its write, allocation and free gates
pinned (usage driven to 1, to 0 where the allocation's products underflow, freed at every read),
checking usage in [0, 1], a zero link diagonal, link entries in [0, 1] and weightings summing to at
most 1; for the sLSTM and mLSTM also with large gate pre-activations; and small hand-worked examples
(allocation order and ties, link direction, NTM shift direction, a fresh sLSTM cell). Exits
non-zero if any check fails.
"""
import argparse
import json
import os
import sys
import time
from collections import OrderedDict

sys.dont_write_bytecode = True
import numpy as np  # noqa: E402
import torch
from torch.nn.utils.stateless import functional_call

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dnc_torch  # noqa: E402
import lru_torch  # noqa: E402
import mingru_torch  # noqa: E402
import mlstm_torch  # noqa: E402
import ntm_torch  # noqa: E402
import slstm_torch  # noqa: E402

F64 = torch.float64


# ---------------------------------------------------------------------- valid random states

def random_state(cell, batch, gen, fresh_first=False):
    """A random state every part of which is in its valid range (weightings are sub-probability
    vectors, usages in [0, 1], normalizers positive, the link's diagonal zero)."""
    def n(*s):
        return torch.randn(batch, *s, generator=gen, dtype=F64) * 0.5

    def u(*s):
        return torch.rand(batch, *s, generator=gen, dtype=F64)

    def simplex(*s, mass=1.0):
        return torch.softmax(torch.randn(batch, *s, generator=gen, dtype=F64), -1) * mass

    if isinstance(cell, ntm_torch.NtmCell):
        parts = [n(cell.C + cell.R * cell.M)] + ([n(cell.C)] if cell.lstm else [])
        return tuple(parts + [n(cell.N, cell.M), simplex(cell.H, cell.N)])
    if isinstance(cell, dnc_torch.DncCell):
        N = cell.N
        link = u(N, N) / N * (1.0 - torch.eye(N, dtype=F64))
        return (n(cell.C + cell.R * cell.W), n(cell.C), n(N, cell.W), u(N), simplex(N) * (0.2 + 0.8 * u(1)),
                simplex(cell.R, N) * (0.5 + 0.5 * u(cell.R, 1)), simplex(N) * 0.8, link)
    if isinstance(cell, slstm_torch.SlstmCell):
        H = cell.H
        h, c, nn, m = n(H), n(H), 0.5 + 1.5 * u(H), 2 * n(H)
        if fresh_first:  # sample 0 is a fresh cell (n = 0, c = 0), as the zero state is
            c[0], nn[0] = 0.0, 0.0
        return h, c, nn, m
    if isinstance(cell, mlstm_torch.MlstmCell):
        return n(cell.H), n(cell.K, cell.d, cell.d), n(cell.K, cell.d), 2 * n(cell.K)
    if isinstance(cell, lru_torch.LruCell):
        return (n(cell.H),) + tuple(n(cell.N) for _ in range(2 * cell.L))
    if isinstance(cell, mingru_torch.MinGruCell):
        return (n(cell.H),)
    raise TypeError(type(cell))


# ---------------------------------------------------------------------- cases

def case(module, cls, kwargs, batch=3, steps=5, start="random", noise=0.2, note=""):
    return dict(module=module, cls=cls, kwargs=kwargs, batch=batch, steps=steps, start=start, noise=noise, note=note)


CASES = OrderedDict([
    ("ntm", case(ntm_torch, "NtmCell", dict(input_size=3, controller_size=5, memory_rows=6, memory_width=4,
                                            read_heads=2, write_heads=2, shift_range=1, clip=20.0),
                 start="initial", note="LSTM controller; z_0 from NtmInitialState (constant memory 1e-6)")),
    ("ntm_feedforward", case(ntm_torch, "NtmCell", dict(input_size=3, controller_size=5, memory_rows=5, memory_width=3,
                                                        read_heads=1, write_heads=1, shift_range=2, clip=20.0,
                                                        controller="feedforward", memory_init="learned"),
                             start="initial", note="feed-forward controller, learned memory init, shifts -2..2")),
    ("dnc", case(dnc_torch, "DncCell", dict(input_size=3, controller_size=5, memory_rows=6, memory_width=4, read_heads=2),
                 note="random valid z_0")),
    ("dnc_zero_start", case(dnc_torch, "DncCell", dict(input_size=3, controller_size=5, memory_rows=6, memory_width=4,
                                                       read_heads=2), start="zero", steps=6,
                            note="the reference's zero z_0: at step 1 all usages tie (stable sort order)")),
    ("slstm", case(slstm_torch, "SlstmCell", dict(input_size=3, hidden_size=6, heads=2), start="random_fresh_first",
                   note="sigmoid forget gate; sample 0 starts fresh (n = c = 0)")),
    ("slstm_expforget", case(slstm_torch, "SlstmCell", dict(input_size=3, hidden_size=6, heads=2, forget_gate="exp"),
                             start="random_fresh_first", note="exponential forget gate")),
    ("mlstm", case(mlstm_torch, "MlstmCell", dict(input_size=3, hidden_size=6, heads=2))),
    ("lru", case(lru_torch, "LruCell", dict(input_size=3, hidden_size=4, state_size=5, blocks=2),
                 note="two stacked blocks, r_min 0, r_max 1, max_phase 6.28")),
    ("mingru", case(mingru_torch, "MinGruCell", dict(input_size=3, hidden_size=5), note="log-space variant (g)")),
    ("mingru_plain", case(mingru_torch, "MinGruCell", dict(input_size=3, hidden_size=5, variant="plain"))),
])


def make_cell(c, seed, dtype=F64):
    cell = getattr(c["module"], c["cls"])(seed=seed, dtype=dtype, **c["kwargs"])
    gen = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for p in cell.parameters():
            if p.requires_grad and c["noise"] > 0:
                p.add_(torch.randn(p.shape, generator=gen, dtype=F64).to(p.dtype) * c["noise"])
    return cell


def initial_leaves(cell, c, gen):
    """z_0 as flat leaves in Java's layout, and (NTM) the state computed from the initial state's parameters."""
    if c["start"] == "initial":
        filled = cell.flat_state(cell.zero_state(c["batch"]))
    elif c["start"] == "zero":
        filled = cell.flat_state(cell.zero_state(c["batch"], F64))
    else:
        filled = cell.flat_state(random_state(cell, c["batch"], gen, fresh_first=c["start"] == "random_fresh_first"))
    leaves = OrderedDict((k, v.detach().clone().contiguous().requires_grad_(True)) for k, v in filled.items())
    return leaves, filled


def run_case(name, c, seed):
    gen = torch.Generator().manual_seed(seed + 2)
    cell = make_cell(c, seed)
    B, T = c["batch"], c["steps"]
    x = torch.randn(B, T, cell.D, generator=gen, dtype=F64).requires_grad_(True)
    leaves, filled = initial_leaves(cell, c, gen)
    state = cell.unflat_state(leaves)
    outs, states = [], []
    for t in range(T):
        state = cell.step(x[:, t], state)
        outs.append(cell.output(state))
        states.append(cell.flat_state(state))
    out = torch.stack(outs, 1)
    R = torch.randn(out.shape, generator=gen, dtype=F64)
    loss = (R * out).sum()

    cell_params = cell.java_parameters()
    init_params = cell.initial_parameters() if hasattr(cell, "initial_parameters") else OrderedDict()
    wrt = [p for p in cell_params.values()] + [x] + list(leaves.values())
    grads = torch.autograd.grad(loss, wrt, allow_unused=True)  # the mLSTM's and LRU's h_0 feeds nothing
    grads = [torch.zeros_like(w) if g is None else g for w, g in zip(wrt, grads)]
    arrays = OrderedDict()
    arrays["x"] = x
    for k, p in cell_params.items():
        arrays["param.cell." + k] = p
    for k, p in init_params.items():
        arrays["param.init." + k] = p
    for k, v in leaves.items():
        arrays["state0." + k] = v
    arrays["out"] = out
    for k in states[0]:
        arrays["states." + k] = torch.stack([s[k] for s in states], 0)
    for k, v in states[-1].items():
        arrays["final." + k] = v
    arrays["R"] = R
    arrays["loss"] = loss
    np_ = len(cell_params)
    for (k, _), g in zip(cell_params.items(), grads[:np_]):
        arrays["grad.param.cell." + k] = g
    arrays["grad.x"] = grads[np_]
    grad_leaves = grads[np_ + 1:]
    for k, g in zip(leaves, grad_leaves):
        arrays["grad.state0." + k] = g
    if init_params:
        trainable = [(k, p) for k, p in init_params.items() if p.requires_grad]
        pairs = [(v, g) for v, g in zip(filled.values(), grad_leaves) if v.requires_grad]
        gi = torch.autograd.grad([v for v, _ in pairs], [p for _, p in trainable], grad_outputs=[g for _, g in pairs],
                                 allow_unused=True)
        for (k, p), g in zip(trainable, gi):
            arrays["grad.param.init." + k] = torch.zeros_like(p) if g is None else g
    return cell, {k: v.detach().to(F64).numpy() for k, v in arrays.items()}


def write_case(out_dir, name, c, seed):
    cell, arrays = run_case(name, c, seed)
    for k, v in arrays.items():
        if not np.all(np.isfinite(v)):
            raise AssertionError(f"{name}: {k} is not finite")
    np.savez(os.path.join(out_dir, name + ".npz"), **arrays)
    meta = OrderedDict(
        case=name, module=c["module"].__name__, cell=c["cls"], options=c["kwargs"], note=c["note"],
        batch=c["batch"], steps=c["steps"], input_size=cell.D, output_size=int(arrays["out"].shape[2]),
        initial_state=c["start"], parameter_noise=c["noise"], seed=seed,
        parameters=[dict(name=k, shape=list(p.shape)) for k, p in cell.java_parameters().items()],
        initial_parameters=[dict(name=k, shape=list(p.shape), trainable=p.requires_grad)
                            for k, p in (cell.initial_parameters().items() if hasattr(cell, "initial_parameters") else [])],
        state_parts=[dict(name=k, size=s) for k, s in cell.state_parts()],
        arrays=OrderedDict((k, list(v.shape)) for k, v in arrays.items()),
        loss=float(arrays["loss"]), dtype="float64", torch=torch.__version__)
    with open(os.path.join(out_dir, name + ".json"), "w") as f:
        json.dump(meta, f, indent=1)
    return arrays


# ---------------------------------------------------------------------- self-checks

def gradcheck_case(name, c, seed):
    """torch.autograd.gradcheck of the cell's T-step map (parameters, inputs, z_0) -> (outputs, z_T)."""
    c = dict(c, batch=2, steps=3)
    cell = make_cell(c, seed)
    gen = torch.Generator().manual_seed(seed + 3)
    x = torch.randn(2, 3, cell.D, generator=gen, dtype=F64).requires_grad_(True)
    # random valid z_0 (also for the NTM: its constant 1e-6 memory is too small for a 1e-6 difference step;
    # and no fresh sLSTM sample: n = 0 is a branch point)
    z0 = cell.flat_state(random_state(cell, 2, gen))
    names = list(z0)
    leaves = [v.detach().clone().requires_grad_(True) for v in z0.values()]
    pnames = [n for n, p in cell.named_parameters() if p.requires_grad]
    params = [p.detach().clone().requires_grad_(True) for n, p in cell.named_parameters() if p.requires_grad]

    def f(*args):
        ps = dict(zip(pnames, args[:len(pnames)]))
        xx = args[len(pnames)]
        st = cell.unflat_state(OrderedDict(zip(names, args[len(pnames) + 1:])))
        out, final = functional_call(cell, ps, (xx, st))
        return (out,) + tuple(cell.flat_state(final).values())

    return torch.autograd.gradcheck(f, tuple(params) + (x,) + tuple(leaves), eps=1e-6, atol=1e-7, rtol=1e-5,
                                    raise_exception=False)


def long_run(cell, steps, batch, gen, scale=1.0):
    """T steps of random inputs in float32 from the zero state; returns (ok, message, final flat state, worst gradient)."""
    x = (torch.randn(batch, steps, cell.D, generator=gen) * scale).requires_grad_(True)
    state = cell.zero_state(batch, torch.float32)
    outs, bad = [], []
    checks = []
    for t in range(steps):
        state = cell.step(x[:, t], state)
        outs.append(cell.output(state))
        if t % 50 == 0 or t == steps - 1:
            checks.append((t, cell.flat_state(state)))
    out = torch.stack(outs, 1)
    loss = (out * torch.randn(out.shape, generator=gen)).sum()
    params = [p for p in cell.parameters() if p.requires_grad]
    grads = torch.autograd.grad(loss, params + [x], allow_unused=True)
    grads = [torch.zeros_like(w) if g is None else g for w, g in zip(params + [x], grads)]
    for t, fs in checks:
        for k, v in fs.items():
            if not torch.isfinite(v).all():
                bad.append(f"state {k} at t={t}")
    if not torch.isfinite(out).all():
        bad.append("outputs")
    for (n, _), g in zip(list((n, p) for n, p in cell.named_parameters() if p.requires_grad) + [("x", x)], grads):
        if not torch.isfinite(g).all():
            bad.append("gradient " + n)
    worst = max(float(g.abs().max()) for g in grads)
    return not bad, "; ".join(bad), cell.flat_state(state), worst, checks


def dnc_invariants(cell, checks):
    problems = []
    N = cell.N
    for t, fs in checks:
        u, link = fs["usage"], fs["link"].reshape(-1, N, N)
        if u.min() < 0 or u.max() > 1:
            problems.append(f"usage outside [0, 1] at t={t}: [{float(u.min())}, {float(u.max())}]")
        if torch.diagonal(link, dim1=1, dim2=2).abs().max() != 0:
            problems.append(f"link diagonal not zero at t={t}")
        if link.min() < -1e-6 or link.max() > 1 + 1e-6:
            problems.append(f"link outside [0, 1] at t={t}")
        for k, width in (("write_weighting", N), ("read_weightings", N), ("precedence", N)):
            s = fs[k].reshape(fs[k].shape[0], -1, width).sum(2)
            if s.max() > 1 + 1e-5 or fs[k].min() < -1e-6:  # float32 round-off: a sum of 1 + ulp, p ~ -1e-7
                problems.append(f"{k} not a sub-probability vector at t={t} (sum {float(s.max())}, "
                                f"min {float(fs[k].min())})")
    return problems


def semantic_checks():
    """Small hand-worked examples of the equations whose direction or order is easy to get wrong."""
    problems = []

    def close(a, b, what, tol=1e-9):
        if not torch.allclose(torch.as_tensor(a, dtype=F64), torch.as_tensor(b, dtype=F64), atol=tol, rtol=0):
            problems.append(f"{what}: {a} vs {b}")

    e = dnc_torch.ALLOCATION_EPS
    # usage [0.5, 0.1, 0.9]: free list 1, 0, 2; a = (1 - u) * product of the usages before it
    u = torch.tensor([[0.5, 0.1, 0.9]], dtype=F64)
    uh = e + (1 - e) * u
    want = [(1 - uh[0, 0]) * uh[0, 1], 1 - uh[0, 1], (1 - uh[0, 2]) * uh[0, 1] * uh[0, 0]]
    close(dnc_torch.allocation(u)[0], want, "allocation of [0.5, 0.1, 0.9]")
    # ties: all usages 0 -> the stable order 0, 1, 2, ...
    a0 = dnc_torch.allocation(torch.zeros(1, 4, dtype=F64))[0]
    close(a0, [(1 - e) * e ** j for j in range(4)], "allocation with tied usages (stable order)")
    # writes to 2 then 4 from an empty link: L[4, 2] = 1; forward from 2 reads 4, backward from 4 reads 2
    N = 6
    off = 1.0 - torch.eye(N, dtype=F64)
    link, prec = torch.zeros(1, N, N, dtype=F64), torch.zeros(1, N, dtype=F64)
    for loc in (2, 4):
        w = torch.zeros(1, N, dtype=F64)
        w[0, loc] = 1.0
        link = dnc_torch.update_link(link, prec, w, off)
        prec = dnc_torch.update_precedence(prec, w)
    close(link[0, 4, 2], 1.0, "link after writes 2 -> 4")
    close(link.sum(), 1.0, "link has one entry")
    read = torch.zeros(1, 2, N, dtype=F64)
    read[0, 0, 2], read[0, 1, 4] = 1.0, 1.0
    fwd, bwd = dnc_torch.directional_weights(link, read)
    close(fwd[0, 0, 4], 1.0, "forward weighting from 2 reaches 4")
    close(bwd[0, 1, 2], 1.0, "backward weighting from 4 reaches 2")
    # NTM: shift +1 moves weight from location i to i + 1 (Java: this[i] += s[k + S] w[i - k])
    w = torch.zeros(1, 1, 5, dtype=F64)
    w[0, 0, 1] = 1.0
    s = torch.tensor([[[0.0, 0.0, 1.0]]], dtype=F64)  # shifts -1, 0, +1
    close(ntm_torch.circular_shift(w, s, 1)[0, 0], [0, 0, 1, 0, 0], "NTM shift +1")
    s = torch.tensor([[[1.0, 0.0, 0.0]]], dtype=F64)
    close(ntm_torch.circular_shift(w, s, 1)[0, 0], [1, 0, 0, 0, 0], "NTM shift -1")
    # sLSTM: a fresh cell (n = 0) gives h = o tanh(z), n_1 = 1, m_1 = i~, whatever m_0 and the forget gate
    cell = slstm_torch.SlstmCell(2, 4, 2, dtype=F64)
    with torch.no_grad():
        cell.R.normal_(0, 1, generator=torch.Generator().manual_seed(1))
    xx = torch.tensor([[0.3, -2.0]], dtype=F64)
    h0 = torch.tensor([[0.1, -0.2, 0.3, 0.4]], dtype=F64)
    z = torch.zeros(1, 4, dtype=F64)
    hh, cc, nn, mm = cell.step(xx, (h0, z, z, torch.full((1, 4), 50.0, dtype=F64)))
    a = xx @ cell.Wx + cell.b + cell.recurrent(h0)
    i_raw, _, z_raw, o_raw = a.chunk(4, 1)
    close(hh, torch.sigmoid(o_raw) * torch.tanh(z_raw), "fresh sLSTM output")
    close(nn, torch.ones(1, 4), "fresh sLSTM normalizer")
    close(mm, i_raw, "fresh sLSTM stabilizer")
    return problems


LONG_CELLS = [
    ("ntm", lambda: ntm_torch.NtmCell(2, 32, 32, 8, 1, 1)),
    ("dnc", lambda: dnc_torch.DncCell(2, 32, 32, 8, 2)),
    ("dnc saturated (interface x 10)", lambda: saturate(dnc_torch.DncCell(2, 32, 32, 8, 2, seed=1), 10.0)),
    ("dnc always writing, never freeing (usage -> 1)", lambda: gated_dnc(write=20.0, alloc=20.0, free=-20.0)),
    ("dnc never writing (usage -> 0, allocation products underflow)", lambda: gated_dnc(write=-20.0, alloc=20.0, free=0.0)),
    ("dnc freeing every read (free gates -> 1)", lambda: gated_dnc(write=20.0, alloc=20.0, free=20.0)),
    ("slstm", lambda: slstm_torch.SlstmCell(2, 32, 4)),
    ("slstm large gates (R random, inputs x 30)", lambda: scaled_slstm()),
    ("slstm exp forget", lambda: slstm_torch.SlstmCell(2, 32, 4, forget_gate="exp")),
    ("mlstm", lambda: mlstm_torch.MlstmCell(2, 32, 4)),
    ("mlstm large gates (gate weights x 30)", lambda: scaled_mlstm()),
    ("lru", lambda: lru_torch.LruCell(2, 32, blocks=2)),
    ("lru long-range ring (r 0.999 .. 1)", lambda: lru_torch.LruCell(2, 32, r_min=0.999, r_max=1.0, max_phase=0.314)),
    ("mingru", lambda: mingru_torch.MinGruCell(2, 32)),
]


def saturate(cell, factor):
    with torch.no_grad():
        cell.Wxi.mul_(factor)
        cell.bxi.normal_(0, 5.0, generator=torch.Generator().manual_seed(5))
    return cell


def gated_dnc(write, alloc, free):
    """A DNC whose write gate, allocation gate and free gates are pinned near 0 or 1 by their biases."""
    cell = dnc_torch.DncCell(2, 32, 32, 8, 2, seed=4)
    R, W = cell.R, cell.W
    o = R * W + R + W + 1 + 2 * W  # free gates, then allocation gate, then write gate
    with torch.no_grad():
        cell.bxi[o:o + R] = free
        cell.bxi[o + R] = alloc
        cell.bxi[o + R + 1] = write
    return cell


def scaled_slstm():
    cell = slstm_torch.SlstmCell(2, 32, 4, seed=2)
    with torch.no_grad():
        cell.Wx.mul_(30.0)
        cell.R.normal_(0, 1.0, generator=torch.Generator().manual_seed(6))
    return cell


def scaled_mlstm():
    cell = mlstm_torch.MlstmCell(2, 32, 4, seed=3)
    with torch.no_grad():
        cell.Wx[:, 4 * cell.H:].normal_(0, 30.0, generator=torch.Generator().manual_seed(7))
    return cell


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--no-checks", action="store_true")
    ap.add_argument("--long-steps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20260101)
    a = ap.parse_args()
    torch.set_num_threads(1)
    os.makedirs(a.out_dir, exist_ok=True)
    names = [s for s in a.cases.split(",") if s]
    for n in names:
        if n not in CASES:
            ap.error(f"unknown case {n}; known: {', '.join(CASES)}")
    failures = []
    for n in names:
        arrays = write_case(a.out_dir, n, CASES[n], a.seed)
        print(f"wrote {n}.npz ({len(arrays)} arrays, loss {float(arrays['loss']):.12g})", flush=True)
    if a.no_checks:
        return
    problems = semantic_checks()
    print("semantic checks: " + ("ok" if not problems else "FAILED: " + "; ".join(problems)), flush=True)
    if problems:
        failures.append("semantic checks")
    for n in names:
        ok = gradcheck_case(n, CASES[n], a.seed)
        print(f"gradcheck {n}: {'ok' if ok else 'FAILED'}", flush=True)
        if not ok:
            failures.append("gradcheck " + n)
    torch.set_flush_denormal(True)
    families = {n.split("_")[0] for n in names}
    for n, make in LONG_CELLS:
        if n.split()[0] not in families:
            continue
        gen = torch.Generator().manual_seed(a.seed)
        cell = make()
        start = time.perf_counter()
        ok, msg, final, worst, checks = long_run(cell, a.long_steps, 4, gen)
        if ok and isinstance(cell, dnc_torch.DncCell):
            problems = dnc_invariants(cell, checks)
            ok, msg = not problems, "; ".join(problems)
        extra = ""
        if isinstance(cell, dnc_torch.DncCell):
            extra = (f", final usage [{float(final['usage'].min()):.3g}, {float(final['usage'].max()):.3g}]"
                     f", max link {float(final['link'].max()):.3g}")
        if isinstance(cell, (slstm_torch.SlstmCell, mlstm_torch.MlstmCell)):
            extra = f", final |m| max {float(final['m'].abs().max()):.3g}"
        print(f"long run {n}: T={a.long_steps} B=4 float32 {'ok' if ok else 'FAILED: ' + msg}"
              f" (max |grad| {worst:.3g}{extra}; {time.perf_counter() - start:.1f} s)", flush=True)
        if not ok:
            failures.append("long run " + n)
    if failures:
        print("FAILED: " + ", ".join(failures))
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
