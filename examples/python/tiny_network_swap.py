"""Reference values for HiddenUnitSwapSpec: a 2-3-3 tanh network on four rows, three classes.

The loss is mean cross-entropy of W2 @ tanh(W1 @ x + b1) + b2. Swapping hidden units i and j (rows of W1,
entries of b1, columns of W2) gives the same loss; halfway between the start point and its swap the two units
coincide. This prints, for each pair (i, j) in the order 0-1, 0-2, 1-2: f(a), f(b) and f(mid), and the gap
f(mid) - (f(a) + f(b)) / 2, computed with mpmath at 50 significant digits (the inputs are exact binary numbers). Run: /usr/bin/python3 examples/python/tiny_network_swap.py
"""
import itertools

import mpmath
import numpy as np

mpmath.mp.dps = 50

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 2])
W1 = np.array([[1, -0.5], [0.25, 2], [-1.5, 0.75]])
b1 = np.array([0.5, -0.25, 0])
W2 = np.array([[1, -1, 0.5], [-0.5, 2, 1], [0.25, 0.5, -2]])
b2 = np.zeros(3)


def loss(W1, b1, W2, b2):
    total = mpmath.mpf(0)
    for x, k in zip(X, y):
        h = [mpmath.tanh(sum(mpmath.mpf(W1[u, c]) * mpmath.mpf(x[c]) for c in range(2)) + mpmath.mpf(b1[u])) for u in range(3)]
        z = [sum(mpmath.mpf(W2[o, u]) * h[u] for u in range(3)) + mpmath.mpf(b2[o]) for o in range(3)]
        total += mpmath.log(sum(mpmath.exp(v) for v in z)) - z[k]
    return total / len(X)


def swap(i, j):
    P = np.eye(3)
    P[[i, j]] = P[[j, i]]
    return P @ W1, P @ b1, W2 @ P.T, b2


for i, j in itertools.combinations(range(3), 2):
    sw = swap(i, j)
    mid = [(p + q) / 2 for p, q in zip((W1, b1, W2, b2), sw)]
    fa, fb, fm = loss(W1, b1, W2, b2), loss(*sw), loss(*mid)
    print(f"units {i},{j}: f(a) = {mpmath.nstr(fa, 17)}, f(b) = {mpmath.nstr(fb, 17)}, f(mid) = {mpmath.nstr(fm, 17)}, "
          f"gap = {mpmath.nstr(fm - (fa + fb) / 2, 17)}")
