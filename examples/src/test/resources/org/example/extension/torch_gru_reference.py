# The reference numbers of GruCellTest.forwardIsTorchNnGru: torch.nn.GRU in float64 on fixed
# weights, inputs and initial state, each given by a formula of its index (the test builds the same
# ones). Run: /usr/bin/python3 torch_gru_reference.py (PyTorch 1.13).
import math
import torch

I, H, B, T = 3, 4, 2, 3
gru = torch.nn.GRU(I, H, batch_first=False).double()
with torch.no_grad():
    for r in range(3 * H):
        for c in range(I):
            gru.weight_ih_l0[r, c] = 0.5 * math.sin(1 + r * I + c)
        for c in range(H):
            gru.weight_hh_l0[r, c] = 0.5 * math.cos(2 + r * H + c)
        gru.bias_ih_l0[r] = 0.3 * math.sin(3 + r)
        gru.bias_hh_l0[r] = 0.3 * math.cos(4 + r)
x = torch.tensor([[[math.sin(5 + (t * B + b) * I + i) for i in range(I)] for b in range(B)] for t in range(T)], dtype=torch.float64)
h0 = torch.tensor([[[0.8 * math.cos(6 + b * H + j) for j in range(H)] for b in range(B)]], dtype=torch.float64)
out, _ = gru(x, h0)
for t in range(T):
    for b in range(B):
        print("{" + ", ".join(repr(v) for v in out[t, b].tolist()) + "},")
