"""minGRU (Feng et al. 2024, "Were RNNs All We Needed?", arXiv:2410.01201, Sec. 3.1 and Appendix B)
as one recurrent cell in sequential mode: the spec of longlag's MinGruCell, its speed reference and
its oracle.

One step (o elementwise, width H):
    [k_z, k_h] = x_t Wx + b
    z_t  = sigmoid(k_z)
    h~_t = g(k_h)        variant "log" (default), g(a) = a + 0.5 for a >= 0, sigmoid(a) for a < 0
         = k_h           variant "plain"
    h_t  = (1 - z_t) o h_{t-1} + z_t o h~_t
Variant: the paper's experiments use the log-space minGRU (Appendix B.3), whose parallel mode needs
h~ > 0; its sequential mode is the recurrence above with h~ = g(k_h) (lucidrains/minGRU-pytorch does
the same), so "log" is the default and gives the same numbers as the log-space parallel scan. "plain" is
the minGRU of Sec. 3.1 (h~ = Linear(x_t)). g is continuous at 0; its derivative is 1 for a >= 0 and
sigmoid'(a) for a < 0 (torch.where's choice at a = 0; Java: a >= 0).
No guard is needed: z in (0, 1) makes h a convex combination.

Parameters (Java block names, layout order), D = input width:
    Wx [D x 2H]   column blocks [z (H) | h (H)]
    b  [2H]
Init: U(-1/sqrt(D), 1/sqrt(D)) for Wx and b (PyTorch's nn.Linear, as the paper's Linear layers).
State parts: 0 h [H]; h_0 = 0.
"""
import math

import torch

from cells_common import RecurrentCell, parameter


def g(a):
    return torch.where(a >= 0, a + 0.5, torch.sigmoid(a))


class MinGruCell(RecurrentCell):
    def __init__(self, input_size, hidden_size, variant="log", seed=0, dtype=torch.float32):
        super().__init__()
        if variant not in ("log", "plain"):
            raise ValueError("variant must be log or plain, got " + str(variant))
        self.D, self.H, self.log_space = input_size, hidden_size, variant == "log"
        gen = torch.Generator().manual_seed(seed)
        k = 1.0 / math.sqrt(input_size)
        self.Wx = parameter((input_size, 2 * hidden_size), gen, "uniform", k, dtype)
        self.b = parameter((2 * hidden_size,), gen, "uniform", k, dtype)

    def state_parts(self):
        return [("h", self.H)]

    def zero_state(self, batch, dtype=None):
        return (torch.zeros(batch, self.H, dtype=dtype or self.dtype()),)

    def step(self, x, state):
        h = state[0]
        a = torch.addmm(self.b, x, self.Wx)
        z = torch.sigmoid(a[:, :self.H])
        cand = g(a[:, self.H:]) if self.log_space else a[:, self.H:]
        return ((1.0 - z) * h + z * cand,)


def build(hidden, input_size=2, dtype=torch.float32, seed=0, variant="log", **_):
    return MinGruCell(input_size, hidden, variant, seed=seed, dtype=dtype)
