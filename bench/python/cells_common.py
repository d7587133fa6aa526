"""What the reference cells in this directory share: the cell interface, longlag's conventions, and
the small functions whose exact form the Java cells copy.

Conventions (the same as longlag's Java cells, so that parameters and states map one to one):
  * batch first: x is (B, T, D), one step's x_t is (B, D);
  * row vectors: a layer is y = x W + b with W of shape [fan_in x fan_out] (Java's Mat layout), never
    torch.nn.Linear's [fan_out x fan_in]; a bias or other vector parameter is 1-D of length n (Java: a
    [1 x n] block);
  * a state is a tuple of tensors; flat_state() gives its parts in Java's layout, each (B, size), in
    Java's part order, part 0 being the output that a readout sees; unflat_state() is its inverse;
  * float32 or float64, whatever dtype the parameters and inputs have; nothing global is set here.

A cell is a torch.nn.Module with
  step(x_t, state) -> state          one step, as torch.nn.LSTMCell
  output(state) -> (B, O)            what the readout sees (state part 0)
  zero_state(batch) -> state         the reference's initial state (zeros unless a module says otherwise)
  forward(x, state=None) -> (out (B, T, O), final state)   the loop over time
  java_parameters() -> {name: tensor} the parameters under their Java block names, in layout order
  state_parts() -> [(name, size)]    Java's state parts, in order
"""
import math
from collections import OrderedDict

import torch
import torch.nn.functional as F


class RecurrentCell(torch.nn.Module):
    """Base of the reference cells: the loop over time and the Java-layout views."""

    def step(self, x, state):
        raise NotImplementedError

    def zero_state(self, batch, dtype=None):
        raise NotImplementedError

    def state_parts(self):
        raise NotImplementedError

    def output(self, state):
        return state[0]

    def flat_state(self, state):
        """The state's parts in Java's layout and order: {name: (B, size)}."""
        return OrderedDict((name, s.reshape(s.shape[0], -1)) for (name, _), s in zip(self.state_parts(), state))

    def unflat_state(self, parts):
        """Inverse of flat_state (parts: a dict or a sequence in Java's order)."""
        vals = list(parts.values()) if isinstance(parts, dict) else list(parts)
        return tuple(vals)

    def java_parameters(self):
        """{Java block name: parameter}: a torch name's "__" is Java's "." ("controller__Wx" is
        "controller.Wx"), in registration order, which is Java's layout order."""
        return OrderedDict((n.replace("__", "."), p) for n, p in self.named_parameters())

    def forward(self, x, state=None):
        if state is None:
            state = self.zero_state(x.shape[0], x.dtype)
        outs = []
        for t in range(x.shape[1]):
            state = self.step(x[:, t], state)
            outs.append(self.output(state))
        return torch.stack(outs, 1), state

    def dtype(self):
        return next(self.parameters()).dtype


def parameter(shape, gen, kind, scale=1.0, dtype=torch.float32):
    """A parameter drawn from the generator: kind 'uniform' U(-scale, scale), 'normal' N(0, scale^2),
    'zeros', or 'ones' (then scale is ignored)."""
    if kind == "uniform":
        v = (torch.rand(shape, generator=gen, dtype=torch.float64) * 2 - 1) * scale
    elif kind == "normal":
        v = torch.randn(shape, generator=gen, dtype=torch.float64) * scale
    elif kind == "zeros":
        v = torch.zeros(shape, dtype=torch.float64)
    elif kind == "ones":
        v = torch.ones(shape, dtype=torch.float64)
    else:
        raise ValueError("unknown initializer " + kind)
    return torch.nn.Parameter(v.to(dtype))


def softplus(x):
    """log(1 + e^x) written as longlag's Mat.setSoftplus computes it: max(x, 0) + log1p(exp(-|x|))
    (no overflow for large |x|; derivative sigmoid(x))."""
    return torch.relu(x) + torch.log1p(torch.exp(-x.abs()))


def clip_interface(xi, clip):
    """xi clipped to [-clip, clip] (clip > 0; 0 turns it off), with longlag's derivative: 1 where
    |xi| < clip, else 0 (HeadParameters.backward, Mat.multiplyClipDerivative)."""
    if clip <= 0:
        return xi
    return torch.where(xi.abs() < clip, xi, xi.clamp(-clip, clip).detach())


def lstm_step(x, h, c, wx, wh, b):
    """longlag's LstmCell: a = x Wx + h Wh + b, gates [i f g o] of width H each (PyTorch's order),
    c' = sigmoid(f) c + sigmoid(i) tanh(g), h' = sigmoid(o) tanh(c')."""
    a = torch.addmm(torch.addmm(b, x, wx), h, wh)
    i, f, g, o = a.chunk(4, 1)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c), c


def lstm_parameters(module, prefix, inputs, hidden, gen, dtype, forget_bias=1.0):
    """longlag's LstmCell parameters and initialization: Wx [D x 4H], Wh [H x 4H] ~ U(-1/sqrt(H), 1/sqrt(H))
    (PyTorch's nn.LSTM), b [4H] = 0 except the forget-gate block = forget_bias (Gers et al. 2000: 1)."""
    k = 1.0 / math.sqrt(hidden)
    wx = parameter((inputs, 4 * hidden), gen, "uniform", k, dtype)
    wh = parameter((hidden, 4 * hidden), gen, "uniform", k, dtype)
    b = parameter((4 * hidden,), gen, "zeros", dtype=dtype)
    with torch.no_grad():
        b[hidden:2 * hidden] = forget_bias
    module.register_parameter(prefix + "__Wx", wx)
    module.register_parameter(prefix + "__Wh", wh)
    module.register_parameter(prefix + "__b", b)


def gelu_tanh(x):
    """GELU in its tanh form, 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) (flax's default, which
    minimal-LRU uses; no erf needed in Java)."""
    return F.gelu(x, approximate="tanh")
