"""Reference minimum of the problem table's logistic problem (Problems.logistic, ProblemTableSpec).

f(a, b) = sum_i softplus(-y_i * (u_i a + v_i b)) + 0.1 (a^2 + b^2) on six fixed points (u, v, y).
Minimized with scipy.optimize.minimize (trust-exact with the exact gradient and Hessian, gtol 1e-14),
then checked: the gradient's inf-norm at the answer is printed. Writes logistic_reference.json beside
this script. Run: /usr/bin/python3 logistic_reference.py
"""
import json
import os

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
import scipy

data = np.array([[1, 2, 1], [2, 1, 1], [-1, -1, -1], [-2, 0.5, -1], [0.5, -1.5, 1], [-0.5, 1, -1]], dtype=float)
A = data[:, :2] * (-data[:, 2:3])     # rows of -y_i * (u_i, v_i)


def f(w):
    return np.logaddexp(0, A @ w).sum() + 0.1 * w @ w


def grad(w):
    return A.T @ expit(A @ w) + 0.2 * w


def hess(w):
    s = expit(A @ w)
    return A.T @ np.diag(s * (1 - s)) @ A + 0.2 * np.eye(2)


r = minimize(f, np.zeros(2), jac=grad, hess=hess, method='trust-exact', options={'gtol': 1e-14})
out = {"a": r.x[0], "b": r.x[1], "f": r.fun, "gradInfNorm": float(np.abs(grad(r.x)).max()),
       "method": "scipy.optimize.minimize trust-exact, gtol 1e-14", "scipy": scipy.__version__}
print(json.dumps(out, indent=2))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "logistic_reference.json"), "w") as fh:
    json.dump(out, fh, indent=2)
    fh.write("\n")
