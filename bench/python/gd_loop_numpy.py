#!/usr/bin/python3
"""The optimizer loop's own cost in numpy, beside OptimizerLoopBenchmark: extended Rosenbrock, n = 10^6,
one gradient-descent iteration (value + gradient, x -= lr*g, the inf-norm of g for the stopping test) and
one Adam iteration, against the value + gradient alone. Prints the loop's time outside the function and its
ratio to one value + gradient, as the JMH benchmark does.

    /usr/bin/python3 bench/python/gd_loop_numpy.py [n]
"""
import sys
import time

import numpy as np

from rosenbrock_numpy import rosen_value_grad


def median_ms(fn, runs=20):
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return sorted(times)[len(times) // 2]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10**6
    x = np.tile([-1.2, 1.0], n // 2)
    lr = 1e-4

    def value_grad():
        rosen_value_grad(x)

    def gd_iteration():
        f, g = rosen_value_grad(x)
        np.max(np.abs(g))
        x.__isub__(lr * g)

    m = np.zeros(n)
    v = np.zeros(n)
    state = {"t": 0}

    def adam_iteration():
        f, g = rosen_value_grad(x)
        np.max(np.abs(g))
        state["t"] += 1
        t = state["t"]
        m.__imul__(0.9); m.__iadd__(0.1 * g)
        v.__imul__(0.999); v.__iadd__(0.001 * g * g)
        x.__isub__(lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8))

    vg = median_ms(value_grad)
    for name, fn in (("gd", gd_iteration), ("adam", adam_iteration)):
        x[:] = np.tile([-1.2, 1.0], n // 2)
        it = median_ms(fn)
        print("numpy %s n=%d: iteration %.3f ms, value+gradient %.3f ms; loop overhead %.3f ms = %.2f x value+gradient"
              % (name, n, it, vg, it - vg, (it - vg) / vg))


if __name__ == "__main__":
    main()
