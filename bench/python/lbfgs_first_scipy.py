#!/usr/bin/python3
"""scipy L-BFGS-B on extended Rosenbrock, n = 10^5, four solves in one fresh process (the reference of
bench/first_solve.opt): each solve's wall and CPU seconds. gtol = 1e-6 as Gradus's tol: 1e-6."""
import sys
import time

import numpy as np
import scipy.optimize as so

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from rosenbrock_numpy import rosen_value_grad

n = 100_000
x0 = np.empty(n)
x0[0::2] = -1.2
x0[1::2] = 1.0
for k in range(4):
    t, c = time.perf_counter(), time.process_time()
    r = so.minimize(rosen_value_grad, x0, method="L-BFGS-B", jac=True,
                    options=dict(gtol=1e-6, maxiter=10**6, maxfun=10**6))
    print("scipy solve %d: %d iterations, %.3f s wall, %.3f s cpu"
          % (k + 1, r.nit, time.perf_counter() - t, time.process_time() - c))
