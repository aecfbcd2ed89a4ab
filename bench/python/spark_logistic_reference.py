"""Reference optimum of examples/spark_logistic.opt (stored in spark/src/test/.../SparkDataSpec.groovy):
mean over rows of log(1 + exp(z)) - y*z, z = v·x + c, plus 0.01*(v0² + v1²), minimized with scipy's BFGS.
Run: /usr/bin/python3 bench/python/spark_logistic_reference.py"""
import numpy as np
from scipy.optimize import minimize

d = np.loadtxt('examples/classification.csv', delimiter=',', skiprows=1)
X, y = d[:, :2], d[:, 2]

def f(p):
    z = X @ p[:2] + p[2]
    return np.mean(np.logaddexp(0, z) - y * z) + 0.01 * p[:2] @ p[:2]

def g(p):
    z = X @ p[:2] + p[2]
    s = 1 / (1 + np.exp(-z)) - y
    return np.concatenate([X.T @ s / len(y) + 0.02 * p[:2], [s.mean()]])

r = minimize(f, np.zeros(3), jac=g, method='BFGS', options={'gtol': 1e-12})
print(repr(r.x.tolist()), repr(float(r.fun)))
