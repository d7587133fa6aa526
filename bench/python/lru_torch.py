"""Linear Recurrent Unit (Orvieto et al., "Resurrecting Recurrent Neural Networks for Long Sequences",
ICML 2023; Appendix A's pseudo-code, the deep architecture of Fig. 1 and Appendix D, as
NicolasZucchet/minimal-LRU writes it) as one recurrent cell of stacked LRU blocks: the spec of
longlag's LruCell, its speed reference and its oracle.

Complex numbers are held as two real tensors (re, im), as the Java cell holds them. H is the
model width (the cell's output), N the state width per block, L the number of blocks.

One step:
    z = x_t Win + bin                                        linear encoder to width H (minimal-LRU's)
  for each block l = 0 .. L-1 (parameters prefixed "block<l>."):
    u = LayerNorm(z) o ln_w + ln_b                           pre-norm (Fig. 1's Norm-Recurrence-GLU-Skip)
        LayerNorm(z) = (z - mean(z)) / sqrt(var(z) + LN_EPS), var biased (over H)
    |lambda| = exp(-exp(nu_log)),  theta = exp(theta_log)    the paper's stable exponential parameterization
    lambda_re = |lambda| cos(theta),  lambda_im = |lambda| sin(theta)
    gamma = exp(gamma_log)                                   the paper's normalization, learned as in App. A
    Bu_re = gamma o (u B_re),  Bu_im = gamma o (u B_im)
    x_re' = lambda_re o x_re - lambda_im o x_im + Bu_re      x_t = Lambda x_{t-1} + gamma o (B u_t)
    x_im' = lambda_re o x_im + lambda_im o x_re + Bu_im
    y = x_re' C_re - x_im' C_im + D o u                      y_t = Re(C x_t) + D o u_t
    g = GELU(y)                                              tanh form: 0.5 g (1 + tanh(sqrt(2/pi)(g + 0.044715 g^3)))
    z = z + (g W1 + b1) o sigmoid(g W2 + b2)                 GLU (minimal-LRU's out1 * sigmoid(out2)), skip
  output (state part 0): z after the last block.
Normalization: LayerNorm before the recurrence. The paper's LRA runs use batch or layer norm;
batch norm needs statistics over a batch of whole sequences, which a one-step cell cannot have, so
this cell uses layer norm (minimal-LRU's "layer" option) in pre-norm position (its "prenorm").
No dropout. Epsilon: LN_EPS = 1e-5.

Parameters (Java block names, layout order; row-vector convention, so B and C are the paper's
transposed):
    Win [D x H], bin [H]
    block<l>.ln_w [H], block<l>.ln_b [H]
    block<l>.nu_log [N], block<l>.theta_log [N], block<l>.gamma_log [N]
    block<l>.B_re [H x N], block<l>.B_im [H x N]      (paper's B = B_re + i B_im is N x H)
    block<l>.C_re [N x H], block<l>.C_im [N x H]      (paper's C is H x N)
    block<l>.D [H]
    block<l>.W1 [H x H], block<l>.b1 [H], block<l>.W2 [H x H], block<l>.b2 [H]
Init (Appendix A, ring initialization; options r_min, r_max, max_phase, defaults 0, 1, 6.28 as
the pseudo-code; long-range tasks use r_min near 1, e.g. 0.9 .. 0.999, and a small max_phase):
    u1, u2 ~ U(0, 1), clipped to [1e-6, 1 - 1e-6] (so that the ring's edges, nu = +-inf, are not drawn)
    nu_log = log(-0.5 log(u1 (r_max^2 - r_min^2) + r_min^2))   (|lambda|^2 uniform on [r_min^2, r_max^2])
    theta_log = log(max_phase u2)
    gamma_log = log(sqrt(1 - |lambda|^2))
    B_re, B_im ~ N(0, 1 / (2 H));  C_re, C_im ~ N(0, 1 / N);  D ~ N(0, 1)
    ln_w = 1, ln_b = 0; Win ~ N(0, 1 / D), W1, W2 ~ N(0, 1 / H) (flax Dense's LeCun normal, untruncated);
    bin, b1, b2 = 0.

State parts (each (B, size)): 0 out [H]; then per block l: x_re [N], x_im [N] (names x_re<l>,
x_im<l>). Only the x parts recur; z_0 = 0.
"""
import math

import torch
import torch.nn.functional as F

from cells_common import RecurrentCell, gelu_tanh, parameter

LN_EPS = 1e-5


class LruCell(RecurrentCell):
    def __init__(self, input_size, hidden_size, state_size=None, blocks=1, r_min=0.0, r_max=1.0, max_phase=6.28,
                 seed=0, dtype=torch.float32):
        super().__init__()
        if not 0.0 <= r_min < r_max <= 1.0:
            raise ValueError(f"need 0 <= r_min < r_max <= 1, got {r_min}, {r_max}")
        if blocks < 1:
            raise ValueError("need at least one block")
        N = state_size or hidden_size
        self.D, self.H, self.N, self.L = input_size, hidden_size, N, blocks
        H = hidden_size
        gen = torch.Generator().manual_seed(seed)
        self.Win = parameter((input_size, H), gen, "normal", 1.0 / math.sqrt(input_size), dtype)
        self.bin = parameter((H,), gen, "zeros", dtype=dtype)
        for l in range(blocks):
            p = f"block{l}__"
            self.register_parameter(p + "ln_w", parameter((H,), gen, "ones", dtype=dtype))
            self.register_parameter(p + "ln_b", parameter((H,), gen, "zeros", dtype=dtype))
            u1 = torch.rand(N, generator=gen, dtype=torch.float64).clamp(1e-6, 1 - 1e-6)
            u2 = torch.rand(N, generator=gen, dtype=torch.float64).clamp(1e-6, 1 - 1e-6)
            nu_log = torch.log(-0.5 * torch.log(u1 * (r_max ** 2 - r_min ** 2) + r_min ** 2))
            theta_log = torch.log(max_phase * u2)
            modulus = torch.exp(-torch.exp(nu_log))
            gamma_log = torch.log(torch.sqrt(1.0 - modulus ** 2))
            for name, v in (("nu_log", nu_log), ("theta_log", theta_log), ("gamma_log", gamma_log)):
                self.register_parameter(p + name, torch.nn.Parameter(v.to(dtype)))
            self.register_parameter(p + "B_re", parameter((H, N), gen, "normal", 1.0 / math.sqrt(2 * H), dtype))
            self.register_parameter(p + "B_im", parameter((H, N), gen, "normal", 1.0 / math.sqrt(2 * H), dtype))
            self.register_parameter(p + "C_re", parameter((N, H), gen, "normal", 1.0 / math.sqrt(N), dtype))
            self.register_parameter(p + "C_im", parameter((N, H), gen, "normal", 1.0 / math.sqrt(N), dtype))
            self.register_parameter(p + "D", parameter((H,), gen, "normal", 1.0, dtype))
            self.register_parameter(p + "W1", parameter((H, H), gen, "normal", 1.0 / math.sqrt(H), dtype))
            self.register_parameter(p + "b1", parameter((H,), gen, "zeros", dtype=dtype))
            self.register_parameter(p + "W2", parameter((H, H), gen, "normal", 1.0 / math.sqrt(H), dtype))
            self.register_parameter(p + "b2", parameter((H,), gen, "zeros", dtype=dtype))

    def state_parts(self):
        parts = [("out", self.H)]
        for l in range(self.L):
            parts += [(f"x_re{l}", self.N), (f"x_im{l}", self.N)]
        return parts

    def zero_state(self, batch, dtype=None):
        dtype = dtype or self.dtype()
        return (torch.zeros(batch, self.H, dtype=dtype),) + tuple(
            torch.zeros(batch, self.N, dtype=dtype) for _ in range(2 * self.L))

    def block(self, l, z, x_re, x_im):
        p = lambda name: getattr(self, f"block{l}__{name}")
        u = F.layer_norm(z, (self.H,), p("ln_w"), p("ln_b"), LN_EPS)
        modulus = torch.exp(-torch.exp(p("nu_log")))
        theta = torch.exp(p("theta_log"))
        lam_re, lam_im = modulus * torch.cos(theta), modulus * torch.sin(theta)
        gamma = torch.exp(p("gamma_log"))
        new_re = lam_re * x_re - lam_im * x_im + gamma * (u @ p("B_re"))
        new_im = lam_re * x_im + lam_im * x_re + gamma * (u @ p("B_im"))
        y = new_re @ p("C_re") - new_im @ p("C_im") + p("D") * u
        g = gelu_tanh(y)
        z = z + torch.addmm(p("b1"), g, p("W1")) * torch.sigmoid(torch.addmm(p("b2"), g, p("W2")))
        return z, new_re, new_im

    def step(self, x, state):
        z = torch.addmm(self.bin, x, self.Win)
        new = []
        for l in range(self.L):
            z, re, im = self.block(l, z, state[1 + 2 * l], state[2 + 2 * l])
            new += [re, im]
        return (z,) + tuple(new)


def build(hidden, input_size=2, dtype=torch.float32, seed=0, state_size=None, blocks=1, **_):
    """The bench's LRU: one block, model width H = `hidden`, state width N = H."""
    return LruCell(input_size, hidden, state_size, blocks, seed=seed, dtype=dtype)
