"""AdamW's fixed point on f = (x - 3)^2 + 100 (y - 3)^2 with weight decay 0.5 (FixedPointSpec).

The same iteration as torch.optim.AdamW (bias-corrected moments, decoupled decay), in NumPy, from (0, 0)
with lr 0.01. Prints x - 2, y - 2 and the fixed-point residual max |g + wd x (|g| + eps)| every 5000 steps.
Run: /usr/bin/python3 adamw_fixed_point.py
Output (2026-12-04): at step 100000, x - 2 = -1.00001716e-08, y - 2 = -1.00188524e-10, residual 1.88e-11;
the residual first falls below 1e-9 between steps 75000 and 80000.
"""
import numpy as np


def run(T, lr=0.01, wd=0.5, b1=0.9, b2=0.999, eps=1e-8):
    x = np.zeros(2); c = np.array([2., 200.]); a = 3.0
    m = np.zeros(2); v = np.zeros(2); b1t = 1; b2t = 1
    for t in range(T):
        g = c * (x - a)
        b1t *= b1; b2t *= b2
        m = b1 * m + (1 - b1) * g; v = b2 * v + (1 - b2) * g * g
        u = m / (1 - b1t) / (np.sqrt(v / (1 - b2t)) + eps)
        x = x * (1 - lr * wd) - lr * u
        if t % 5000 == 0 or t == T - 1:
            g = c * (x - a)
            r = g + wd * x * (np.abs(g) + eps)
            print(t, x - 2, np.abs(r).max())


run(100001)
