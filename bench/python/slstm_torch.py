"""sLSTM (Beck et al., "xLSTM: Extended Long Short-Term Memory", NeurIPS 2024, arXiv:2405.04517,
Sec. 2.2; equation numbers of the arXiv version) as one recurrent cell, after NX-AI/xlstm's vanilla
backend (xlstm/blocks/slstm/src/vanilla/slstm.py, cell.py): the spec of longlag's SlstmCell, its
speed reference and its oracle.

The cell is the paper's sLSTM itself: the input projections W x_t are inside it, the recurrent
matrices are block-diagonal per head (memory mixing within a head, eq. 8-14 with "heads");
no causal convolution, no group norm and no up/down-projection (those belong to the sLSTM block,
outside a cell). H = heads * d units, unit j of head k at index k d + j.

One step (o elementwise; every gate pre-activation has width H):
    [i~ f~ z~ o~] = x_t Wx + h_{t-1} blockdiag(R) + b         eq. (11)-(14) pre-activations
    z_t = tanh(z~)                                           eq. (11)
    log i_t = i~                                             eq. (12), i_t = exp(i~)
    log f_t = logsigmoid(f~)   (forget_gate "sigmoid", the reference's; or f~ for "exp")  eq. (13)
    o_t = sigmoid(o~)                                        eq. (14)
    m_t = max(log f_t + m_{t-1}, log i_t)                    eq. (15) stabilizer
          but m_t = log i_t where n_{t-1} = 0 (a fresh cell: the reference does this when n = 0,
          i.e. the first step from the zero state; it keeps n_1 = 1 instead of a possibly
          underflowing exp(i~ - log f))
    i'_t = exp(log i_t - m_t)                                eq. (16)
    f'_t = exp(min(log f_t + m_{t-1} - m_t, 0)), 0 where n_{t-1} = 0      eq. (17)
           (the min changes nothing where n_{t-1} > 0, where the argument is <= 0 anyway; d/da min(a, 0)
           = 1 for a <= 0, torch.clamp's convention)
    c_t = f'_t c_{t-1} + i'_t z_t                            eq. (8)
    n_t = f'_t n_{t-1} + i'_t                                eq. (9)
    h_t = o_t o c_t / n_t                                    eq. (10)
Since one of i', f' is 1 and n_1 = 1, n_t >= 1 for t >= 1 from the zero state: no division guard.
A valid state has n > 0, or n = 0 and c = 0. The test is n_{t-1} == 0 exactly, per element; there
f' = 0, so c_{t-1}, n_{t-1} and m_{t-1} get no gradient from the step. The reference's min(., 1) clamps on i', f' are no-ops
(both are <= 1 by construction) and are left out. The gradient flows through m_t (as the vanilla
backend); at a tie of the max torch.maximum splits it evenly (ties do not occur in the oracle).
h_t does not depend on the stabilizer's trajectory (c/n is invariant), but the state Jacobian
with respect to m_{t-1} is not zero: c_{t-1}, n_{t-1} mean exp(m_{t-1}) times themselves.

Parameters (Java block names, layout order), D = input width:
    Wx [D x 4H]   columns gate-major [i | f | z | o], unit k d + j within a gate
    R  [H x 4d]   head k's recurrent block in rows k d .. k d + d - 1: R[k d + l][g d + j] is the
                  weight from unit l of head k to gate g's unit j of head k (g = 0 i, 1 f, 2 z, 3 o)
    b  [4H]       gate-major as Wx
Init (the reference's defaults): Wx ~ N(0, 2 / (5 D)) ("small init" of the sLSTM layer's input
projections); R = 0 (recurrent_weight_init "zeros"); b = 0 except the forget gate's
"powerlaw_blockdependent" bias, per head, unit j: -(-5 + 12 (j / (d - 1))^0.3) (from 5 down to -7;
5 for d = 1).

State parts (each (B, size)): 0 h [H], 1 c [H], 2 n [H], 3 m [H]. The reference's initial state is zero.
"""
import math

import torch
import torch.nn.functional as F

from cells_common import RecurrentCell, parameter


class SlstmCell(RecurrentCell):
    def __init__(self, input_size, hidden_size, heads=4, forget_gate="sigmoid", seed=0, dtype=torch.float32):
        super().__init__()
        if hidden_size % heads != 0:
            raise ValueError(f"hidden_size {hidden_size} must be a multiple of heads {heads}")
        if forget_gate not in ("sigmoid", "exp"):
            raise ValueError("forget_gate must be sigmoid or exp, got " + str(forget_gate))
        self.D, self.H, self.heads, self.d = input_size, hidden_size, heads, hidden_size // heads
        self.exp_forget = forget_gate == "exp"
        gen = torch.Generator().manual_seed(seed)
        H, d = hidden_size, self.d
        self.Wx = parameter((input_size, 4 * H), gen, "normal", math.sqrt(2.0 / (5.0 * input_size)), dtype)
        self.R = parameter((H, 4 * d), gen, "zeros", dtype=dtype)
        self.b = parameter((4 * H,), gen, "zeros", dtype=dtype)
        with torch.no_grad():
            ramp = torch.arange(d, dtype=torch.float64) / (d - 1) if d > 1 else torch.zeros(1, dtype=torch.float64)
            self.b[H:2 * H] = (-(-5.0 + 12.0 * ramp ** 0.3)).repeat(heads).to(dtype)

    def state_parts(self):
        return [("h", self.H), ("c", self.H), ("n", self.H), ("m", self.H)]

    def zero_state(self, batch, dtype=None):
        z = torch.zeros(batch, self.H, dtype=dtype or self.dtype())
        return z, z, z, z

    def recurrent(self, h):
        """h blockdiag(R) in the gate-major layout of Wx: (B, H) -> (B, 4H)."""
        b, k, d = h.shape[0], self.heads, self.d
        r = torch.bmm(h.reshape(b, k, d).transpose(0, 1), self.R.reshape(k, d, 4 * d))  # (k, B, 4d)
        return r.reshape(k, b, 4, d).permute(1, 2, 0, 3).reshape(b, 4 * self.H)

    def step(self, x, state):
        h, c, n, m = state
        a = torch.addmm(self.b, x, self.Wx) + self.recurrent(h)
        i_raw, f_raw, z_raw, o_raw = a.chunk(4, 1)
        log_f = f_raw if self.exp_forget else F.logsigmoid(f_raw)
        fresh = n == 0
        m_new = torch.where(fresh, i_raw, torch.maximum(log_f + m, i_raw))
        i_gate = torch.exp(i_raw - m_new)
        f_gate = torch.where(fresh, torch.zeros_like(m), torch.exp(torch.clamp(log_f + m - m_new, max=0.0)))
        c = f_gate * c + i_gate * torch.tanh(z_raw)
        n = f_gate * n + i_gate
        h = torch.sigmoid(o_raw) * c / n
        return h, c, n, m_new


def build(hidden, input_size=2, dtype=torch.float32, seed=0, heads=4, **_):
    """The bench's sLSTM: H = `hidden` units in 4 heads (the reference's default head count)."""
    return SlstmCell(input_size, hidden, heads, seed=seed, dtype=dtype)
