"""mLSTM (Beck et al., "xLSTM: Extended Long Short-Term Memory", NeurIPS 2024, arXiv:2405.04517,
Sec. 2.3; equation numbers of the arXiv version) as one recurrent cell, after NX-AI/xlstm's
recurrent step (xlstm/blocks/mlstm/backends.py, recurrent_step_stabilized_simple): the spec of
longlag's MlstmCell, its speed reference and its oracle.

The cell is the paper's mLSTM: the projections of x_t to q, k, v, the gates and o are inside it;
there is no recurrence through h (the mLSTM has no memory mixing), no up/down-projection, no causal
convolution and no output norm (those belong to the mLSTM block: the reference also computes the
gates from [q, k, v] of the block's inner stream, here from x_t). H = K heads * d units; head k
owns units k d .. k d + d - 1 and one scalar input and forget gate.

One step, per head (q, k, v, o of width d; i~, f~, m scalars; o elementwise):
    q_t = x_t Wq + bq                                         eq. (22)
    k_t = (x_t Wk + bk) / sqrt(d)                             eq. (23) (the reference scales the projection)
    v_t = x_t Wv + bv                                         eq. (24)
    i~_t = x_t wi + bi,  log i_t = i~_t                       eq. (25), i_t = exp(i~_t)
    log f_t = logsigmoid(x_t wf + bf)                         eq. (26), sigmoid forget gate (the reference's)
    o_t = sigmoid(x_t Wo + bo)                                eq. (27)
    m_t = max(log f_t + m_{t-1}, log i_t)                     stabilizer (as the sLSTM's eq. 15)
    i'_t = exp(log i_t - m_t),  f'_t = exp(log f_t + m_{t-1} - m_t)
    C_t = f'_t C_{t-1} + i'_t v_t k_t^T        (d x d, C[a][b] = row a = value index) eq. (19)
    n_t = f'_t n_{t-1} + i'_t k_t                                                    eq. (20)
    h_t = o_t o (C_t q_t) / (max(|n_t . q_t|, exp(-m_t)) + DENOMINATOR_EPS)           eq. (21)
  With the stabilizer, max(|n . q|, exp(-m)) is exp(-m) max(|n~ . q|, 1) for the unstabilized n~:
  the paper's max(|n^T q|, 1). The gradient flows through m_t (as the reference's); at a tie of a
  max torch.maximum splits it evenly (ties do not occur in the oracle).
Epsilon: DENOMINATOR_EPS = 1e-6 (the reference's eps).

Parameters (Java block names, layout order), D = input width, K heads:
    Wx [D x (4H + 2K)]   column blocks [q (H) | k (H) | v (H) | o (H) | i~ (K) | f~ (K)],
                         unit k d + j of head k within q, k, v, o; head k's gate at column 4H + k, 4H + K + k
    b  [4H + 2K]         the same blocks
Init (the reference's): q, k, v and o columns ~ N(0, 2 / (5 D)) (small init), their biases 0; the
i~ and f~ columns 0; the i~ biases ~ N(0, 0.1^2); the f~ biases linspace(3, 6, K).

State parts (each (B, size)): 0 h [H]; 1 C [K d d], head k's C[a][b] at k d d + a d + b; 2 n [H]
(head k at k d); 3 m [K]. The reference's initial state is zero.
"""
import math

import torch
import torch.nn.functional as F

from cells_common import RecurrentCell, parameter

DENOMINATOR_EPS = 1e-6


class MlstmCell(RecurrentCell):
    def __init__(self, input_size, hidden_size, heads=4, seed=0, dtype=torch.float32):
        super().__init__()
        if hidden_size % heads != 0:
            raise ValueError(f"hidden_size {hidden_size} must be a multiple of heads {heads}")
        self.D, self.H, self.K, self.d = input_size, hidden_size, heads, hidden_size // heads
        H, K = hidden_size, heads
        gen = torch.Generator().manual_seed(seed)
        self.Wx = parameter((input_size, 4 * H + 2 * K), gen, "normal", math.sqrt(2.0 / (5.0 * input_size)), dtype)
        self.b = parameter((4 * H + 2 * K,), gen, "zeros", dtype=dtype)
        with torch.no_grad():
            self.Wx[:, 4 * H:] = 0.0
            self.b[4 * H:4 * H + K] = (torch.randn(K, generator=gen, dtype=torch.float64) * 0.1).to(dtype)
            self.b[4 * H + K:] = torch.linspace(3.0, 6.0, K, dtype=torch.float64).to(dtype)

    def state_parts(self):
        return [("h", self.H), ("C", self.K * self.d * self.d), ("n", self.H), ("m", self.K)]

    def zero_state(self, batch, dtype=None):
        dtype = dtype or self.dtype()
        return (torch.zeros(batch, self.H, dtype=dtype), torch.zeros(batch, self.K, self.d, self.d, dtype=dtype),
                torch.zeros(batch, self.K, self.d, dtype=dtype), torch.zeros(batch, self.K, dtype=dtype))

    def unflat_state(self, parts):
        h, C, n, m = list(parts.values()) if isinstance(parts, dict) else list(parts)
        b = h.shape[0]
        return h, C.reshape(b, self.K, self.d, self.d), n.reshape(b, self.K, self.d), m

    def step(self, x, state):
        _, C, n, m = state
        H, K, d = self.H, self.K, self.d
        bsz = x.shape[0]
        a = torch.addmm(self.b, x, self.Wx)
        q = a[:, :H].reshape(bsz, K, d)
        k = a[:, H:2 * H].reshape(bsz, K, d) / math.sqrt(d)
        v = a[:, 2 * H:3 * H].reshape(bsz, K, d)
        o = torch.sigmoid(a[:, 3 * H:4 * H])
        i_raw = a[:, 4 * H:4 * H + K]
        log_f = F.logsigmoid(a[:, 4 * H + K:])
        m_new = torch.maximum(log_f + m, i_raw)
        f_gate = torch.exp(log_f + m - m_new).unsqueeze(2)
        i_gate = torch.exp(i_raw - m_new).unsqueeze(2)
        C = f_gate.unsqueeze(3) * C + (i_gate * v).unsqueeze(3) * k.unsqueeze(2)      # v k^T
        n = f_gate * n + i_gate * k
        num = torch.matmul(C, q.unsqueeze(3)).squeeze(3)                               # C q
        den = torch.maximum((n * q).sum(2).abs(), torch.exp(-m_new)) + DENOMINATOR_EPS
        h = o * (num / den.unsqueeze(2)).reshape(bsz, H)
        return h, C, n, m_new


def build(hidden, input_size=2, dtype=torch.float32, seed=0, heads=4, **_):
    """The bench's mLSTM: H = `hidden` in 4 heads (the reference's default head count)."""
    return MlstmCell(input_size, hidden, heads, seed=seed, dtype=dtype)
