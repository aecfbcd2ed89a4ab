"""The reference for Gradus's PlotTiming (SPEC §6): matplotlib's contourf + contour + plot of Rosenbrock over
[-2, 2] x [-1, 3] (241 x 181 grid, log-spaced levels as Gradus chooses them) with three descent paths (gd,
momentum, L-BFGS from (-1.2, 1), computed here with numpy/scipy before the clock starts), 800x600 PNG at
100 dpi. Prints the first (after imports) and the median of 10 more figures, in ms.
Run: /usr/bin/python3 bench/python/plot_matplotlib.py [repeats]"""
import os
import sys
import tempfile
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import BoundaryNorm
import numpy as np
from scipy.optimize import minimize


def f(p):
    x, y = p
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


def gd(lr, steps, momentum=0.0):
    p, v, path = np.array([-1.2, 1.0]), np.zeros(2), []
    for _ in range(steps + 1):
        path.append(p.copy())
        v = momentum * v + grad(p)
        p = p - lr * v
    return np.array(path)


def lbfgs():
    path = [np.array([-1.2, 1.0])]
    minimize(f, path[0], jac=grad, method="L-BFGS-B", callback=lambda p: path.append(p.copy()))
    return np.array(path)


PATHS = [("gd", gd(0.001, 2000)), ("momentum", gd(0.0005, 2000, 0.9)), ("lbfgs", lbfgs())]
LEVELS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]


def figure(out):
    X, Y = np.meshgrid(np.linspace(-2, 2, 241), np.linspace(-1, 3, 181))
    Z = (1 - X) ** 2 + 100 * (Y - X * X) ** 2
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    cs = ax.contourf(X, Y, Z, levels=LEVELS, cmap="viridis", norm=BoundaryNorm(LEVELS, 256))
    ax.contour(X, Y, Z, levels=LEVELS[1:-1], colors="k", linewidths=0.5, alpha=0.35)
    for (name, p), c in zip(PATHS, ["#ff3b30", "white", "#ff9f0a"]):
        ax.plot(p[:, 0], p[:, 1], color=c, lw=2, label="%s: %d iterations, f = %.4g" % (name, len(p) - 1, f(p[-1])))
        ax.plot(p[0, 0], p[0, 1], "o", mfc="none", mec=c, ms=9, mew=2)
        ax.plot(p[-1, 0], p[-1, 1], "x", color=c, ms=9, mew=2.5)
    fig.colorbar(cs, ax=ax, label="f")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


if __name__ == "__main__":
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    out = os.environ.get("PLOT_OUT") or os.path.join(tempfile.mkdtemp(), "rosen.png")
    times, cpu = [], []
    for k in range(repeats + 1):
        t0, c0 = time.perf_counter(), time.thread_time()
        figure(out)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    med = lambda v: sorted(v[1:])[len(v[1:]) // 2] if len(v) > 1 else float("nan")
    print("matplotlib contourf + contour + plot, 800x600 PNG: first %.0f ms wall (%.0f ms CPU) after imports, "
          "warm median %.0f ms wall (%.0f ms CPU)" % (times[0], cpu[0], med(times), med(cpu)))
