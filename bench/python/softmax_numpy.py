"""The full-batch softmax-regression pass on the digits with numpy (issue 13's benchmark): value and gradient of
the mean cross-entropy of W x + b plus 0.001 * sum(W**2), W 10 x 64, b 10, 1797 rows, as bench/softmax_pass.opt,
then the same gradient-descent step (lr 0.05). Prints the median time of one iteration over 5 rounds of 2000, and
f after 2200 iterations from zero (the Gradus script prints its own: the two must agree).

    /usr/bin/python3 bench/python/softmax_numpy.py      (from the project root)
"""
import time

import numpy as np

data = np.loadtxt("examples/digits.csv", delimiter=",", skiprows=1)
X, labels = data[:, :-1], data[:, -1].astype(int)
classes = np.unique(labels)
y = np.searchsorted(classes, labels)
n, d = X.shape
K = len(classes)
Y = np.zeros((n, K))
Y[np.arange(n), y] = 1.0
lam, lr = 0.001, 0.05


def value_and_gradient(W, b):
    Z = X @ W.T + b                                  # n x K logits
    m = Z.max(axis=1, keepdims=True)
    E = np.exp(Z - m)
    S = E.sum(axis=1, keepdims=True)
    f = np.mean(np.log(S[:, 0]) + m[:, 0] - Z[np.arange(n), y]) + lam * np.sum(W * W)
    G = (E / S - Y) / n                              # d f / d Z
    return f, G.T @ X + 2 * lam * W, G.sum(axis=0)


def run(iterations):
    W, b = np.zeros((K, d)), np.zeros(K)
    for _ in range(iterations):
        f, gW, gb = value_and_gradient(W, b)
        W -= lr * gW
        b -= lr * gb
    return value_and_gradient(W, b)[0]           # f at the last point, as Gradus reports it


run(200)                                             # warm-up
rounds = []
for _ in range(5):
    t = time.perf_counter()
    f = run(2000)
    rounds.append((time.perf_counter() - t) / 2000)
print(f"numpy softmax regression on digits ({n} x {d}, {K} classes): {np.median(rounds) * 1e6:.1f} us per value+gradient pass "
      f"(gd iteration); f after 2200 iterations {run(2200):.6f}")
