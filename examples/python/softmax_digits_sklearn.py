"""Reference for the softmax-regression example (examples/softmax_digits.opt): scikit-learn's
LogisticRegression (multinomial, lbfgs) on examples/digits.csv with an L2 penalty, written as the
Gradus objective

    mean over rows of crossEntropy(W x + b, y) + lam * l2(W)          (l2(W) = sum of W_ij**2)

sklearn minimizes C * sum_i loss_i + 1/2 * ||W||^2 (the intercept b not penalized); divided by C*n this is
mean loss + 1/(2*C*n) * ||W||^2, so C = 1 / (2 * lam * n). The values are written to
engine/src/test/resources/org/gradus/arrays/softmax_digits_sklearn.json (read by SoftmaxRegressionSpec).

    /usr/bin/python3 examples/python/softmax_digits_sklearn.py
"""
import json
import os

import numpy as np
import sklearn
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression

LAM = 0.001
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
data = np.loadtxt(os.path.join(root, "examples", "digits.csv"), delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)
n = X.shape[0]
C = 1.0 / (2 * LAM * n)
kw = dict(C=C, solver="lbfgs", tol=1e-14, max_iter=100000)
if tuple(int(p) for p in sklearn.__version__.split(".")[:2]) < (1, 5):
    kw["multi_class"] = "multinomial"   # the default (and only) behaviour for lbfgs from 1.5 on
model = LogisticRegression(**kw).fit(X, y)
W, b = model.coef_, model.intercept_


def objective(W, b):
    Z = X @ W.T + b
    return float(np.mean(logsumexp(Z, axis=1) - Z[np.arange(n), y]) + LAM * np.sum(W * W))


def gradient(W, b):
    Z = X @ W.T + b
    G = np.exp(Z - logsumexp(Z, axis=1, keepdims=True))
    G[np.arange(n), y] -= 1
    return G.T @ X / n + 2 * LAM * W, G.mean(axis=0)


def newton_step(W, b):
    """One exact Newton step on (W, b): the Hessian of the mean cross-entropy is
    (1/n) sum_i A_i^T (diag(p_i) - p_i p_i^T) A_i, plus 2*lam on W; b's common shift is its null space."""
    K, d = W.shape
    Xt = np.hstack([X, np.ones((n, 1))])
    Z = Xt @ np.hstack([W, b[:, None]]).T
    P = np.exp(Z - logsumexp(Z, axis=1, keepdims=True))
    H = np.zeros((K, d + 1, K, d + 1))
    for k in range(K):
        for l in range(K):
            s = P[:, k] * ((k == l) - P[:, l])
            H[k, :, l, :] = (Xt * s[:, None]).T @ Xt / n
    for k in range(K):
        H[k, :d, k, :d] += 2 * LAM * np.eye(d)
    gW, gb = gradient(W, b)
    g = np.hstack([gW, gb[:, None]]).reshape(-1)
    step = np.linalg.lstsq(H.reshape(K * (d + 1), -1), g, rcond=1e-13)[0].reshape(K, d + 1)
    return W - step[:, :d], b - step[:, d]


# sklearn stops on its own tolerances (|grad| about 1e-5 here); three exact Newton steps from its answer
# reach the optimum to rounding (|grad| < 1e-12), and the distance moved is reported.
W0, b0 = W.copy(), b - b.mean()
for _ in range(3):
    W, b = newton_step(W, b)
# sklearn's intercept is only determined up to a common shift (softmax is shift-invariant); the penalty
# does not touch it, so centre it (mean 0) as the test does.
b = b - b.mean()
gW, gb = gradient(W, b)
out = {
    "source": "sklearn %s LogisticRegression(C=1/(2*lam*n), solver='lbfgs', tol=1e-14), multinomial, then 3 Newton steps (numpy)" % sklearn.__version__,
    "lam": LAM, "rows": n, "C": C,
    "objective": objective(W, b),
    "sklearn_objective": objective(W0, b0),
    "sklearn_max_difference": float(max(np.abs(W - W0).max(), np.abs(b - b0).max())),
    "gradient_norm_at_optimum": float(np.sqrt(np.sum(gW * gW) + np.sum(gb * gb))),
    "train_accuracy": float(np.mean(np.argmax(X @ W.T + b, axis=1) == y)),
    "W": W.tolist(), "b": b.tolist(),
}
dest = os.path.join(root, "engine", "src", "test", "resources", "org", "gradus", "arrays")
os.makedirs(dest, exist_ok=True)
with open(os.path.join(dest, "softmax_digits_sklearn.json"), "w") as f:
    json.dump(out, f, indent=1)
print("objective %.12f (sklearn %.12f, max |diff| %.1e), |grad| %.2e, train accuracy %.4f" % (out["objective"], out["sklearn_objective"], out["sklearn_max_difference"], out["gradient_norm_at_optimum"], out["train_accuracy"]))
