"""Differentiable Neural Computer (Graves et al. 2016, "Hybrid computing using a neural network with
dynamic external memory", Nature 538; Methods), batched in PyTorch, after google-deepmind/dnc
(dnc/access.py, dnc/addressing.py): the spec of longlag's DncCell, its speed reference and its oracle.

One step (one write head, R read heads, N x W memory, LSTM controller of size C; o is elementwise):
  controller ("Controller network")
    u_t = [x_t, r_{t-1}^1 .. r_{t-1}^R]
    h_t, c_t = LSTM(u_t, h_{t-1}, c_{t-1})               longlag LstmCell, gates i f g o
    xi_t = clip(h_t Wxi + bxi, -clip, clip)              d/dxi = 1 where |xi| < clip, else 0 (as the NTM's)
  interface ("Interface parameters"), xi_t split in this order (widths):
    k^{r,i} (R W) raw | beta^{r,i} (R) oneplus | k^w (W) raw | beta^w (1) oneplus | e (W) sigmoid |
    v (W) raw | f^i (R) sigmoid | g^a (1) sigmoid | g^w (1) sigmoid | pi^i (3 R) softmax over each head's 3
    oneplus(x) = 1 + softplus(x); pi^i = [backward, content, forward] (the paper's pi[1], pi[2], pi[3])
  content lookup ("Content-based addressing"), the NTM's eq. (6) and (5) with CONTENT_NORM_EPS for its 1e-8:
    C(M, k, beta)[i] = softmax_i(beta D(k, M[i])),  D(u, v) = u . v / (|u|_e |v|_e),
    |v|_e = sqrt(|v|^2 + CONTENT_NORM_EPS^2)
  dynamic memory allocation ("Dynamic memory allocation"):
    psi_t = prod_i (1 - f^i w_{t-1}^{r,i})                                          retention
    u_t   = (u_{t-1} + w_{t-1}^w - u_{t-1} o w_{t-1}^w) o psi_t                      usage
    u^_t  = ALLOCATION_EPS + (1 - ALLOCATION_EPS) u_t                                (reference's guard)
    phi_t = indices of u^_t sorted ascending, ties by lower index (a stable sort)     free list
    a_t[phi_t[j]] = (1 - u^_t[phi_t[j]]) prod_{i<j} u^_t[phi_t[i]]                    allocation
      (phi_t is held fixed in backward: gradients flow through the gathered values only; the products
      underflow to 0 for many free locations, so a backward may divide by one factor u^ >= 1e-6 but
      never by a product)
  write ("Write weighting", "Reading and writing to memory"):
    c^w_t = C(M_{t-1}, k^w, beta^w)
    w^w_t = g^w (g^a a_t + (1 - g^a) c^w_t)
    M_t   = M_{t-1} o (E - w^w_t e^T) + w^w_t v^T
  temporal linkage ("Temporal memory linkage"):
    L_t[i, j] = (1 - w^w_t[i] - w^w_t[j]) L_{t-1}[i, j] + w^w_t[i] p_{t-1}[j],   L_t[i, i] = 0
    p_t = (1 - sum_i w^w_t[i]) p_{t-1} + w^w_t
  read ("Read weighting"):
    f^i_t = L_t w^{r,i}_{t-1},  b^i_t = L_t^T w^{r,i}_{t-1}
    c^{r,i}_t = C(M_t, k^{r,i}, beta^{r,i})
    w^{r,i}_t = pi^i[0] b^i_t + pi^i[1] c^{r,i}_t + pi^i[2] f^i_t
    r^i_t = M_t^T w^{r,i}_t
  output (state part 0) [h_t, r_t^1 .. r_t^R]; the paper's y_t = W_y h_t + W_r r_t is the linear
  readout outside the cell.

Named numeric guards (copy them into Java):
  CONTENT_NORM_EPS = 1e-3  every norm in D is sqrt(|v|^2 + 1e-6): the reference's _vector_norms
                           (sqrt(sum v^2 + 1e-6)); its further "+ 1e-6" in the denominator is dropped
                           (the two norms already bound it below by 1e-6). Zero memory rows (M_0 = 0)
                           give D = 0 with a bounded derivative.
  ALLOCATION_EPS = 1e-6    u^ in [1e-6, 1]: no factor of the cumulative product is below 1e-6, so a
                           product and its derivative never collapse to 0 when locations are free.
  CLIP = 20                interface clip (the reference clips controller output and state at 20; a
                           tanh output never reaches it, so the clip is put on xi, as in longlag's NTM).
  No other guard is needed: usages stay in [0, 1], retention and the link's factor 1 - w_i - w_j lie
  in [0, 1] because every weighting sums to at most 1, the softmaxes subtract their maximum. (In
  float32 a sum of weights can round to 1 + 1 ulp, making p or L entries ~ -1e-7: harmless.)

Differences from the reference, on purpose: the reference stops the gradient of w^w_{t-1} in the
usage update (Freeness._build); here the usage is differentiated fully, so that backward is the
derivative of forward (longlag's contract test checks it against central differences). The
paper's oneplus is used for both strengths (the reference uses softplus). Read modes are in the
paper's order [backward, content, forward] (the reference's: backward, forward, content).

Parameters (Java block names, ModelSpec prefixes "cell."), layout order, U = D + R W,
P = R W + 3 W + 5 R + 3:
    controller.Wx [U x 4C], controller.Wh [C x 4C], controller.b [4C]
    Wxi [C x P], bxi [P]
Init: the LSTM as longlag's LstmCell (U(-1/sqrt(C), 1/sqrt(C)), forget bias 1, other biases 0; the
reference's Sonnet LSTM adds forget_bias 1 too); Wxi ~ N(0, 1/C), bxi = 0 (as the NTM's interface).
Initial state: all zeros, as the reference's (DncCell's z_0 needs no parameters).

State parts in Java's order and layout (flat_state; each (B, size)):
    0 out [h_t (C), r_t^1 (W) .. r_t^R (W)]
    1 c [C]
    2 memory [W N]      transposed as the NTM's: component j of location i at j N + i (here (B, N, W))
    3 usage [N]
    4 write weighting [N]
    5 read weightings [R N]: head i at i N
    6 precedence [N]
    7 link [N N]        row-major, L[i][j] at i N + j
"""
import math
from collections import OrderedDict

import torch

from cells_common import RecurrentCell, clip_interface, lstm_parameters, lstm_step, parameter, softplus

CONTENT_NORM_EPS = 1e-3
ALLOCATION_EPS = 1e-6
CLIP = 20.0


def content_weights(memory, keys, strengths):
    """C(M, k, beta) for several keys at once: memory (B, N, W), keys (B, K, W), strengths (B, K, 1)."""
    e2 = CONTENT_NORM_EPS * CONTENT_NORM_EPS
    row_norm = torch.sqrt((memory * memory).sum(2) + e2)             # (B, N)
    key_norm = torch.sqrt((keys * keys).sum(2, keepdim=True) + e2)   # (B, K, 1)
    sim = torch.bmm(keys, memory.transpose(1, 2)) / (key_norm * row_norm.unsqueeze(1))
    return torch.softmax(strengths * sim, -1)


def allocation(usage):
    """a_t from u_t: the free list sorted ascending (stable), exclusive cumulative product."""
    u = ALLOCATION_EPS + (1.0 - ALLOCATION_EPS) * usage
    sorted_u, order = torch.sort(u, dim=1, stable=True)
    prod = torch.cumprod(sorted_u, 1)
    exclusive = torch.cat([torch.ones_like(prod[:, :1]), prod[:, :-1]], 1)
    return torch.zeros_like(u).scatter(1, order, (1.0 - sorted_u) * exclusive)


def update_link(link_prev, prec_prev, ww, off_diagonal):
    """L_t[i, j] = (1 - w[i] - w[j]) L_{t-1}[i, j] + w[i] p_{t-1}[j], zero diagonal: L[i, j] ~ "j was written
    just before i"."""
    return ((1.0 - ww.unsqueeze(2) - ww.unsqueeze(1)) * link_prev + ww.unsqueeze(2) * prec_prev.unsqueeze(1)) \
        * off_diagonal


def update_precedence(prec_prev, ww):
    """p_t = (1 - sum_i w[i]) p_{t-1} + w."""
    return (1.0 - ww.sum(1, keepdim=True)) * prec_prev + ww


def directional_weights(link, read_prev):
    """Forward f = L w (the locations written after the ones read) and backward b = L^T w, per read head:
    read_prev (B, R, N) -> two (B, R, N)."""
    return torch.bmm(read_prev, link.transpose(1, 2)), torch.bmm(read_prev, link)


class DncCell(RecurrentCell):
    def __init__(self, input_size, controller_size, memory_rows=128, memory_width=20, read_heads=1, clip=CLIP,
                 seed=0, dtype=torch.float32):
        super().__init__()
        if min(input_size, controller_size, memory_rows, memory_width, read_heads) < 1:
            raise ValueError("every size must be at least 1")
        self.D, self.C, self.N, self.W, self.R, self.clip = input_size, controller_size, memory_rows, memory_width, \
            read_heads, clip
        self.P = read_heads * memory_width + 3 * memory_width + 5 * read_heads + 3
        gen = torch.Generator().manual_seed(seed)
        lstm_parameters(self, "controller", input_size + read_heads * memory_width, controller_size, gen, dtype)
        self.Wxi = parameter((controller_size, self.P), gen, "normal", 1.0 / math.sqrt(controller_size), dtype)
        self.bxi = parameter((self.P,), gen, "zeros", dtype=dtype)
        self.register_buffer("off_diagonal", 1.0 - torch.eye(memory_rows, dtype=dtype), persistent=False)

    def state_parts(self):
        N = self.N
        return [("out", self.C + self.R * self.W), ("c", self.C), ("memory", self.W * N), ("usage", N),
                ("write_weighting", N), ("read_weightings", self.R * N), ("precedence", N), ("link", N * N)]

    def zero_state(self, batch, dtype=None):
        dtype = dtype or self.dtype()
        z = lambda *s: torch.zeros(batch, *s, dtype=dtype)
        N = self.N
        return (z(self.C + self.R * self.W), z(self.C), z(N, self.W), z(N), z(N), z(self.R, N), z(N), z(N, N))

    def flat_state(self, state):
        out = OrderedDict()
        for (name, _), s in zip(self.state_parts(), state):
            if name == "memory":
                s = s.transpose(1, 2)
            out[name] = s.reshape(s.shape[0], -1)
        return out

    def unflat_state(self, parts):
        vals = list(parts.values()) if isinstance(parts, dict) else list(parts)
        res = []
        for (name, _), v in zip(self.state_parts(), vals):
            b = v.shape[0]
            if name == "memory":
                v = v.reshape(b, self.W, self.N).transpose(1, 2)
            elif name == "read_weightings":
                v = v.reshape(b, self.R, self.N)
            elif name == "link":
                v = v.reshape(b, self.N, self.N)
            res.append(v)
        return tuple(res)

    def step(self, x, state):
        out, c, memory, usage_prev, ww_prev, wr_prev, prec_prev, link_prev = state
        C, N, W, R = self.C, self.N, self.W, self.R
        b = x.shape[0]
        h, c = lstm_step(torch.cat([x, out[:, C:]], 1), out[:, :C], c,
                         self.controller__Wx, self.controller__Wh, self.controller__b)
        xi = clip_interface(torch.addmm(self.bxi, h, self.Wxi), self.clip)

        o = 0
        read_keys = xi[:, o:o + R * W].reshape(b, R, W); o += R * W
        read_strengths = 1.0 + softplus(xi[:, o:o + R]).unsqueeze(2); o += R
        write_key = xi[:, o:o + W].unsqueeze(1); o += W
        write_strength = 1.0 + softplus(xi[:, o:o + 1]).unsqueeze(2); o += 1
        erase = torch.sigmoid(xi[:, o:o + W]); o += W
        write_vector = xi[:, o:o + W]; o += W
        free_gates = torch.sigmoid(xi[:, o:o + R]); o += R
        alloc_gate = torch.sigmoid(xi[:, o:o + 1]); o += 1
        write_gate = torch.sigmoid(xi[:, o:o + 1]); o += 1
        modes = torch.softmax(xi[:, o:o + 3 * R].reshape(b, R, 3), -1)

        # usage and allocation
        retention = torch.prod(1.0 - free_gates.unsqueeze(2) * wr_prev, 1)            # psi_t
        usage = (usage_prev + ww_prev - usage_prev * ww_prev) * retention
        alloc = allocation(usage)

        # write weighting, erase and add
        write_content = content_weights(memory, write_key, write_strength).squeeze(1)
        ww = write_gate * (alloc_gate * alloc + (1.0 - alloc_gate) * write_content)
        memory = memory * (1.0 - ww.unsqueeze(2) * erase.unsqueeze(1)) + ww.unsqueeze(2) * write_vector.unsqueeze(1)

        # temporal link matrix (zero diagonal) and precedence
        link = update_link(link_prev, prec_prev, ww, self.off_diagonal)
        prec = update_precedence(prec_prev, ww)

        # read weightings from the three modes, reads of M_t
        forward, backward = directional_weights(link, wr_prev)
        read_content = content_weights(memory, read_keys, read_strengths)
        wr = modes[..., 0:1] * backward + modes[..., 1:2] * read_content + modes[..., 2:3] * forward
        reads = torch.bmm(wr, memory).reshape(b, R * W)
        return torch.cat([h, reads], 1), c, memory, usage, ww, wr, prec, link


def build(hidden, input_size=2, dtype=torch.float32, seed=0, memory_rows=128, memory_width=20, read_heads=1, **_):
    """The bench's DNC: controller size `hidden`, by default the NTM's memory (N = 128, W = 20) and one read head."""
    return DncCell(input_size, hidden, memory_rows, memory_width, read_heads, seed=seed, dtype=dtype)
