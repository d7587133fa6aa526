"""Neural Turing Machine (Graves, Wayne & Danihelka 2014, arXiv:1410.5401) exactly as longlag's Java
NtmCell computes it (models/.../cell/ntm: NtmCell, HeadParameters, NtmAddressing, NtmMemory,
FeedForwardController, NtmInitialState), batched in PyTorch: the speed reference and the numeric oracle.

One step (every matrix batched over B; H = R + W heads, read heads first):
    u_t   = [x_t, r_{t-1}^1 .. r_{t-1}^R]                       read vectors of the last step fed back
    h_t, c_t = LSTM(u_t, h_{t-1}, c_{t-1})                      controller (longlag LstmCell, gates i f g o)
        or h_t = tanh(u_t Wu + b)                               feed-forward controller (Sec. 4)
    xi_t  = clip(h_t Wxi + bxi, -clip, clip)                    interface; d/dxi = 1 where |xi| < clip, else 0
  per head, from its slice [k | beta | g | gamma | s] of xi_t (HeadParameters):
    k = tanh(.)  beta = softplus(.)  g = sigmoid(.)  gamma = 1 + softplus(.)  s = softmax(.) over 2S+1 shifts
    K(i)  = k . M_{t-1}(i) / (|k|_e |M_{t-1}(i)|_e),  |v|_e = sqrt(|v|^2 + NORM_EPS^2)      eq. (6)
    w^c   = softmax_i(beta K(i))                                                           eq. (5)
    w^g   = w_{t-1} + g (w^c - w_{t-1})                         (= g w^c + (1 - g) w_{t-1})  eq. (7)
    w~(i) = sum_{k=-S..S} s[k + S] w^g((i - k) mod N)                                      eq. (8)
    w_t   = softmax_i(gamma log(max(w~(i), 0) + SHARPEN_FLOOR))  (= w~^gamma / sum w~^gamma) eq. (9)
  reads of M_{t-1} (before this step's writes), read heads 1..R:
    r_t^j = sum_i w_t^j(i) M_{t-1}(i)                                                      eq. (2)
  writes, write heads v = 1..W, with [e | a] per write head after all heads' slices:
    e_v = sigmoid(.)  a_v = tanh(.)
    M~(i) = M_{t-1}(i) o prod_v (1 - w_t^v(i) e_v)      every erase before any add        eq. (3)
    M_t(i) = M~(i) + sum_v w_t^v(i) a_v                                                    eq. (4)
  output (state part 0, what the readout sees) [h_t, r_t^1 .. r_t^R], as pytorch-ntm.

Derivatives at the kinks, as Java: max(w~, 0)' = 0 where w~ <= 0 (torch.relu); clip' as above.
Epsilons: NORM_EPS = 1e-8 (NtmAddressing.NORM_EPS), SHARPEN_FLOOR = 1e-16 (NtmAddressing.SHARPEN_FLOOR).
In float32 Java also flushes subnormal weights to zero; run torch with torch.set_flush_denormal(True).

Parameters, Java block names (ModelSpec prefixes them "cell."), in layout order (U = D + R M,
P = H (M + 3 + 2S + 1) + 2 W M, C = controller size):
    controller.Wx [U x 4C], controller.Wh [C x 4C], controller.b [4C]   LSTM controller, gates i f g o
      (or controller.Wu [U x C], controller.b [C] for the feed-forward controller)
    Wxi [C x P], bxi [P]
  interface layout: head j (read heads 0..R-1, then write heads) at j (M + 3 + 2S + 1):
    [k (M) | beta (1) | g (1) | gamma (1) | s (2S + 1, shift -S first)];
  then write head v's [e (M) | a (M)] at H (M + 3 + 2S + 1) + 2 M v.
Init (NtmCell.initialize): LSTM Wx, Wh ~ U(-1/sqrt(C), 1/sqrt(C)), b = 0 but forget block 1
(feed-forward: Wu, b ~ U(-1/sqrt(U), 1/sqrt(U))); Wxi ~ N(0, 1/C), bxi = 0.

Initial state z_0 (NtmInitialState; Java names prefixed "init."), in layout order:
    h0 [C], c0 [C] (LSTM only) ~ N(0, 0.05^2); r0 [R M] ~ N(0, 0.01^2);
    w0 [H N] logits ~ U(-sqrt(6/(1+N)), sqrt(6/(1+N))), w_0 = softmax per head;
    M0 [N M] only for memory init LEARNED (M_0 = tanh(M0), M0 ~ U(+-sqrt(6/(1+N M)))) or RANDOM
    (M_0 = M0 = tanh(N(0, 0.5^2)) drawn once, no gradient); CONSTANT (the default) fills M_0 with 1e-6.
  The M0 block is in Java's memory layout (below).

State parts in Java's order and layout (flat_state; each (B, size)):
    0 out [h_t (C), r_t^1 (M) .. r_t^R (M)]
    1 c   [C]        (LSTM controller only)
    2 memory [M N]   transposed: component j of location i at j N + i (this module holds (B, N, M))
    3 weightings [H N]: head j's w_t at j N (read heads first)
"""
import math
from collections import OrderedDict

import torch
import torch.nn.functional as F

from cells_common import RecurrentCell, clip_interface, lstm_parameters, lstm_step, parameter, softplus

NORM_EPS = 1e-8
SHARPEN_FLOOR = 1e-16
DEFAULT_CONSTANT = 1e-6


def circular_shift(w, s, S):
    """Eq. (8): w~(i) = sum_{k=-S..S} s[k + S] w((i - k) mod N); shift k = +1 moves weight from i to i + 1."""
    return sum(s[..., k + S:k + S + 1] * torch.roll(w, k, -1) for k in range(-S, S + 1))


class NtmCell(RecurrentCell):
    def __init__(self, input_size, controller_size, memory_rows=128, memory_width=20, read_heads=1, write_heads=1,
                 shift_range=1, clip=20.0, controller="lstm", memory_init="constant", memory_constant=DEFAULT_CONSTANT,
                 seed=0, dtype=torch.float32):
        super().__init__()
        if controller not in ("lstm", "feedforward"):
            raise ValueError("controller must be lstm or feedforward, got " + str(controller))
        if 2 * shift_range + 1 > memory_rows:
            raise ValueError("2 shift_range + 1 must be <= memory_rows")
        if read_heads < 1 or write_heads < 0:
            raise ValueError("need at least one read head and no negative write heads")
        self.D, self.C, self.N, self.M = input_size, controller_size, memory_rows, memory_width
        self.R, self.W, self.S, self.clip = read_heads, write_heads, shift_range, clip
        self.H = read_heads + write_heads
        self.lstm = controller == "lstm"
        self.per_head = memory_width + 3 + 2 * shift_range + 1
        self.P = self.H * self.per_head + 2 * memory_width * write_heads
        gen = torch.Generator().manual_seed(seed)
        u = input_size + read_heads * memory_width
        if self.lstm:
            lstm_parameters(self, "controller", u, controller_size, gen, dtype)
        else:
            k = 1.0 / math.sqrt(u)
            self.controller__Wu = parameter((u, controller_size), gen, "uniform", k, dtype)
            self.controller__b = parameter((controller_size,), gen, "uniform", k, dtype)
        self.Wxi = parameter((controller_size, self.P), gen, "normal", 1.0 / math.sqrt(controller_size), dtype)
        self.bxi = parameter((self.P,), gen, "zeros", dtype=dtype)
        self.initial = NtmInitialState(self, memory_init, memory_constant, gen, dtype)

    # ------------------------------------------------------------------ layouts

    def java_parameters(self):
        return OrderedDict((k, v) for k, v in super().java_parameters().items() if not k.startswith("initial."))

    def initial_parameters(self):
        """The initial state's blocks under their Java names (ModelSpec prefixes them "init.")."""
        return self.initial.java_parameters()

    def state_parts(self):
        parts = [("out", self.C + self.R * self.M)]
        if self.lstm:
            parts.append(("c", self.C))
        return parts + [("memory", self.M * self.N), ("weightings", self.H * self.N)]

    def flat_state(self, state):
        out = OrderedDict()
        for (name, _), s in zip(self.state_parts(), state):
            if name == "memory":
                s = s.transpose(1, 2)  # (B, M, N): component j of location i at j N + i
            out[name] = s.reshape(s.shape[0], -1)
        return out

    def unflat_state(self, parts):
        vals = list(parts.values()) if isinstance(parts, dict) else list(parts)
        res = []
        for (name, _), v in zip(self.state_parts(), vals):
            if name == "memory":
                v = v.reshape(v.shape[0], self.M, self.N).transpose(1, 2)
            elif name == "weightings":
                v = v.reshape(v.shape[0], self.H, self.N)
            res.append(v)
        return tuple(res)

    def zero_state(self, batch, dtype=None):
        """z_0 from the initial state (NtmInitialState.fill), not zeros."""
        return self.initial.fill(batch)

    # ------------------------------------------------------------------ one step

    def step(self, x, state):
        if self.lstm:
            out, c, memory, w_prev = state
        else:
            out, memory, w_prev = state
        C, N, M, R, W, H, S = self.C, self.N, self.M, self.R, self.W, self.H, self.S
        b = x.shape[0]
        u = torch.cat([x, out[:, C:]], 1)
        if self.lstm:
            h, c = lstm_step(u, out[:, :C], c, self.controller__Wx, self.controller__Wh, self.controller__b)
        else:
            h = torch.tanh(torch.addmm(self.controller__b, u, self.controller__Wu))
        xi = clip_interface(torch.addmm(self.bxi, h, self.Wxi), self.clip)

        heads = xi[:, :H * self.per_head].reshape(b, H, self.per_head)
        key = torch.tanh(heads[..., :M])                               # (B, H, M)
        beta = softplus(heads[..., M:M + 1])                           # (B, H, 1)
        gate = torch.sigmoid(heads[..., M + 1:M + 2])
        gamma = 1.0 + softplus(heads[..., M + 2:M + 3])
        shift = torch.softmax(heads[..., M + 3:], -1)                  # (B, H, 2S + 1)

        # eq. (6): cosine similarity with smooth norms
        row_norm = torch.sqrt((memory * memory).sum(2) + NORM_EPS * NORM_EPS)   # (B, N)
        key_norm = torch.sqrt((key * key).sum(2, keepdim=True) + NORM_EPS * NORM_EPS)  # (B, H, 1)
        sim = torch.bmm(key, memory.transpose(1, 2)) / (key_norm * row_norm.unsqueeze(1))
        content = torch.softmax(beta * sim, -1)                         # eq. (5)
        gated = w_prev + gate * (content - w_prev)                      # eq. (7)
        shifted = circular_shift(gated, shift, S)                      # eq. (8)
        w = torch.softmax(gamma * torch.log(torch.relu(shifted) + SHARPEN_FLOOR), -1)  # eq. (9)

        reads = torch.bmm(w[:, :R], memory).reshape(b, R * M)          # eq. (2), of M_{t-1}
        if W > 0:
            tail = xi[:, H * self.per_head:].reshape(b, W, 2 * M)
            erase = torch.sigmoid(tail[..., :M])                        # (B, W, M)
            add = torch.tanh(tail[..., M:])
            ww = w[:, R:]                                               # (B, W, N)
            keep = torch.prod(1.0 - ww.unsqueeze(3) * erase.unsqueeze(2), 1)  # eq. (3), (B, N, M)
            memory = memory * keep + torch.bmm(ww.transpose(1, 2), add)       # eq. (4)
        out = torch.cat([h, reads], 1)
        return (out, c, memory, w) if self.lstm else (out, memory, w)


class NtmInitialState(torch.nn.Module):
    """longlag's NtmInitialState: learned h0, c0, r0 and weighting logits w0, and the memory."""

    def __init__(self, cell, memory_init, memory_constant, gen, dtype):
        super().__init__()
        if memory_init not in ("constant", "learned", "random"):
            raise ValueError("memory_init must be constant, learned or random, got " + str(memory_init))
        self.cell_shape = (cell.C, cell.N, cell.M, cell.R, cell.H, cell.lstm)
        self.memory_init, self.memory_constant = memory_init, memory_constant
        C, N, M, R, H = cell.C, cell.N, cell.M, cell.R, cell.H
        if cell.lstm:
            self.h0 = parameter((C,), gen, "normal", 0.05, dtype)
            self.c0 = parameter((C,), gen, "normal", 0.05, dtype)
        self.r0 = parameter((R * M,), gen, "normal", 0.01, dtype)
        self.w0 = parameter((H * N,), gen, "uniform", math.sqrt(6.0 / (1 + N)), dtype)
        if memory_init == "learned":
            self.M0 = parameter((M * N,), gen, "uniform", math.sqrt(6.0 / (1 + N * M)), dtype)
        elif memory_init == "random":
            m0 = torch.tanh(torch.randn(M * N, generator=gen, dtype=torch.float64) * 0.5).to(dtype)
            self.M0 = torch.nn.Parameter(m0, requires_grad=False)  # stored with the parameters, no gradient

    def java_parameters(self):
        return OrderedDict(self.named_parameters())

    def fill(self, batch):
        C, N, M, R, H, lstm = self.cell_shape
        ref = self.r0
        out = torch.cat([self.h0 if lstm else ref.new_zeros(C), self.r0]).expand(batch, -1)
        w = torch.softmax(self.w0.reshape(H, N), -1).expand(batch, H, N)
        if self.memory_init == "constant":
            memory = ref.new_full((batch, N, M), self.memory_constant)
        else:
            m = torch.tanh(self.M0) if self.memory_init == "learned" else self.M0
            memory = m.reshape(M, N).t().expand(batch, N, M)
        if lstm:
            return out, self.c0.expand(batch, C), memory, w
        return out, memory, w


def build(hidden, input_size=2, dtype=torch.float32, seed=0, memory_rows=128, memory_width=20, read_heads=1,
          write_heads=1, **_):
    """The bench's NTM: longlag's ntm kind defaults (N = 128, M = 20, one read and one write head, shifts
    -1..1, clip 20, LSTM controller of size `hidden`)."""
    return NtmCell(input_size, hidden, memory_rows, memory_width, read_heads, write_heads, seed=seed, dtype=dtype)
