"""matplotlib's rendering of the pictures examples/pictures.opt draws, for the side-by-side in docs/pictures.md.

Each figure is drawn as a matplotlib user would draw it (contourf + contour + plot, fill_between, axvspan,
scatter) with defaults left alone except where the same picture needs them (viridis, log levels, 800x600 at
100 dpi). The runs are recomputed here with numpy/scipy (the same methods, learning rates and starts as the
.opt script), so the numbers are matplotlib's own, not Gradus's.
Run: /usr/bin/python3 docs/pictures/matplotlib_pictures.py   (writes docs/pictures/matplotlib/*.png)"""
import csv
import os

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import BoundaryNorm
import numpy as np
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "matplotlib")
EXAMPLES = os.path.join(HERE, "..", "..", "examples")


def rosen(p):
    x, y = p
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def rosen_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


def rosen_hess(p):
    x, y = p
    return np.array([[2 - 400 * (y - x * x) + 800 * x * x, -400 * x], [-400 * x, 200]])


START = np.array([-1.2, 1.0])


def gd(lr, steps, momentum=0.0):
    p, v, path = START.copy(), np.zeros(2), [START.copy()]
    for _ in range(steps):
        v = momentum * v + rosen_grad(p)
        p = p - lr * v
        path.append(p.copy())
    return np.array(path)


def adam(lr, steps, b1=0.9, b2=0.999, eps=1e-8):
    p, m, s, path = START.copy(), np.zeros(2), np.zeros(2), [START.copy()]
    for t in range(1, steps + 1):
        g = rosen_grad(p)
        m = b1 * m + (1 - b1) * g
        s = b2 * s + (1 - b2) * g * g
        p = p - lr * (m / (1 - b1 ** t)) / (np.sqrt(s / (1 - b2 ** t)) + eps)
        path.append(p.copy())
    return np.array(path)


def scipy_path(method, **kw):
    path = [START.copy()]
    minimize(rosen, START, jac=rosen_grad, method=method, callback=lambda p, *a: path.append(np.array(p)), **kw)
    return np.array(path)


def save(fig, name):
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, name))
    plt.close(fig)


def level_sets(paths, name, title=None):
    X, Y = np.meshgrid(np.linspace(-2, 2, 241), np.linspace(-1, 3, 181))
    Z = rosen((X, Y))
    levels = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    cs = ax.contourf(X, Y, Z, levels=levels, cmap="viridis", norm=BoundaryNorm(levels, 256))
    ax.contour(X, Y, Z, levels=levels[1:-1], colors="k", linewidths=0.5, alpha=0.35)
    for (label, p), c in zip(paths, ["#ff3b30", "white", "#ff9f0a", "#5ac8fa"]):
        ax.plot(p[:, 0], p[:, 1], color=c, lw=2, label="%s: %d iterations, f = %.3g" % (label, len(p) - 1, rosen(p[-1])))
        ax.plot(p[0, 0], p[0, 1], "o", mfc="none", mec=c, ms=9, mew=2)
        ax.plot(p[-1, 0], p[-1, 1], "x", color=c, ms=9, mew=2.5)
    fig.colorbar(cs, ax=ax, label="f")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="upper right")
    save(fig, name)


def convergence(runs, name, xlabel="iteration"):
    fstar = min(min(f) for _, _, f, _ in runs)
    fig, (a1, a2) = plt.subplots(2, 1, figsize=(8, 6), dpi=100)
    for label, x, f, g in runs:
        gap = np.array(f) - fstar
        a1.semilogy(x, np.where(gap > 0, gap, np.nan), label=label)
        a2.semilogy(x, g)
    a1.set_title("f - f*, f* = %.3g" % fstar)
    a1.set_xlabel(xlabel)
    a2.set_xlabel(xlabel)
    a1.set_ylabel("f - f*")
    a2.set_ylabel("|grad f|_inf")
    a1.legend()
    save(fig, name)


def one_variable():
    x = np.linspace(-2, 2, 400)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.plot(x, np.exp(x), label="exp(x)")
    ax.plot(x, 1 + x, "--", label="tangent at 0: 1 + x")
    ax.plot(x, 1 + x + x * x / 2, ":", label="Taylor order 2 at 0")
    ax.plot([0], [1], "ko")
    ax.set_ylim(-0.2, 7.5)
    ax.set_xlabel("x")
    ax.legend()
    save(fig, "exp-taylor.png")

    for f, a, b, lo, hi, name in [(lambda t: t * t, -1.5, 1, -2, 2, "secant-convex.png"),
                                   (lambda t: t ** 3 - 3 * t, -2, 0.5, -2.5, 2.5, "secant-nonconvex.png")]:
        x = np.linspace(lo, hi, 400)
        fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
        ax.plot(x, f(x), label="f")
        s = np.linspace(a, b, 200)
        chord = f(a) + (f(b) - f(a)) * (s - a) / (b - a)
        ax.plot([a, b], [f(a), f(b)], "o-", label="secant on [%g, %g]" % (a, b))
        ax.fill_between(s, chord, f(s), where=chord < f(s), color="tab:red", alpha=0.3, label="chord below the graph")
        ax.set_xlabel("x")
        ax.legend()
        save(fig, name)

    x = np.linspace(-2.5, 2.5, 400)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.plot(x, x ** 3 - 3 * x, label="x**3 - 3*x")
    ax.axvspan(-2.5, -1, color="tab:green", alpha=0.15, label="f' > 0")
    ax.axvspan(-1, 1, color="tab:red", alpha=0.15, label="f' < 0")
    ax.axvspan(1, 2.5, color="tab:green", alpha=0.15)
    ax.plot([-1], [2], "k^")
    ax.annotate("maximum", (-1, 2), xytext=(5, 5), textcoords="offset points")
    ax.plot([1], [-2], "k*")
    ax.annotate("minimum", (1, -2), xytext=(5, 5), textcoords="offset points")
    ax.set_xlim(-2.5, 2.5)
    ax.set_xlabel("x")
    ax.legend()
    save(fig, "monotonicity.png")

    x = np.linspace(-4, 4, 400)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    for f, label in [(np.sin, "sin(x)"), (np.cos, "cos(x)"), (np.tanh, "tanh(x)")]:
        ax.plot(x, f(x), label=label)
    ax.set_xlabel("x")
    ax.legend()
    save(fig, "functions.png")


def surfaces():
    t = np.linspace(-2, 2, 49)
    X, Y = np.meshgrid(t, t)
    fig = plt.figure(figsize=(8, 6), dpi=100)
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(X, Y, X ** 2 - Y ** 2, cmap="viridis")
    ax.plot([0], [0], [0], "o", color="white", mec="k", ms=10)
    ax.text(0.1, 0.1, 0.3, "saddle")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("f")
    save(fig, "saddle-surface.png")

    def bowl(x, y):
        return (x - 1) ** 2 + 3 * (y + 0.5) ** 2
    p, path = np.array([-1.5, 1.5]), []
    for _ in range(200):
        path.append(p.copy())
        g = np.array([2 * (p[0] - 1), 6 * (p[1] + 0.5)])
        if np.abs(g).max() <= 1e-6:
            break
        p = p - 0.05 * g
    path = np.array(path)
    fig = plt.figure(figsize=(8, 6), dpi=100)
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(X, Y, bowl(X, Y), cmap="viridis", alpha=0.9)
    ax.plot(path[:, 0], path[:, 1], bowl(path[:, 0], path[:, 1]), color="tab:red", lw=2, label="gd: %d iterations" % (len(path) - 1))
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("f")
    ax.legend()
    save(fig, "bowl-surface.png")


def continuity():
    # matplotlib joins the samples either side of sign's jump with a vertical segment; sin(x)/x's sample at 0 is nan
    x = np.linspace(-2, 2, 801)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.plot(x, np.sign(x), label="sign(x)")
    ax.set_xlabel("x")
    ax.legend()
    save(fig, "jump.png")
    x = np.linspace(-10, 10, 801)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    with np.errstate(invalid="ignore"):
        ax.plot(x, np.sin(x) / x, label="sin(x)/x")
    ax.set_xlabel("x")
    ax.legend()
    save(fig, "removable.png")


def schedules():
    t = np.arange(0, 301)
    cosine = np.where(t < 100, 0.5 * (1 + np.cos(np.pi * np.minimum(t, 100) / 100)), 0)
    restarts, start, period = [], 0, 50
    for k in t:
        while k >= start + period:
            start, period = start + period, period * 2
        restarts.append(0.5 * (1 + np.cos(np.pi * (k - start) / period)))
    step = 0.5 ** (t // 60)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.plot(t, cosine, label="cosine(period: 100)")
    ax.plot(t, restarts, label="warmRestarts(period: 50, mult: 2)")
    ax.plot(t, step, label="stepDecay(every: 60, factor: 0.5)")
    ax.set_xlabel("step")
    ax.set_ylabel("lr / lr0")
    ax.legend()
    save(fig, "schedules.png")


def read(name, target):
    with open(os.path.join(EXAMPLES, name)) as fh:
        rows = list(csv.DictReader(fh))
    cols = [c for c in rows[0] if c != target]
    return np.array([[float(r[c]) for c in cols] for r in rows]), np.array([float(r[target]) for r in rows]), cols


def price_histogram():
    _, price, _ = read("regression.csv", "price")
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.hist(price)
    ax.set_xlabel("price")
    ax.set_ylabel("count")
    save(fig, "price-histogram.png")


def sgd_vs_full():
    X, y, _ = read("regression.csv", "price")
    A = np.hstack([X, np.ones((len(X), 1))])
    full = lambda w: np.mean((A @ w - y) ** 2)
    rng = np.random.default_rng(7)
    w, it, batch_f, epoch_x, epoch_f = np.zeros(A.shape[1]), 0, [], [0], [full(np.zeros(A.shape[1]))]
    for epoch in range(20):
        for i in rng.permutation(len(y)):
            r = A[i] @ w - y[i]
            batch_f.append(r * r)
            w = w - 0.01 * 2 * r * A[i]
            it += 1
        epoch_x.append(it)
        epoch_f.append(full(w))
    w, full_f = np.zeros(A.shape[1]), []
    for _ in range(200):
        full_f.append(full(w))
        w = w - 0.1 * 2 * A.T @ (A @ w - y) / len(y)
    fstar = min(min(epoch_f), min(full_f))
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.semilogy(np.arange(len(batch_f)), np.where(np.array(batch_f) > fstar, np.array(batch_f) - fstar, np.nan), lw=0.8, alpha=0.5, label="SGD (batch 1): batch f")
    ax.semilogy(epoch_x, np.array(epoch_f) - fstar, "o-", label="SGD: full objective per epoch")
    ax.semilogy(np.arange(len(full_f)), np.array(full_f) - fstar, label="full-batch gd")
    ax.set_xlabel("iteration")
    ax.set_ylabel("f - f*")
    ax.legend()
    save(fig, "sgd-vs-full-batch.png")


def logistic_boundary():
    X, y, cols = read("classification.csv", "label")
    A = np.hstack([X, np.ones((len(X), 1))])

    def loss(w):
        z = A @ w
        return np.mean(np.logaddexp(0, z) - y * z)

    w = minimize(loss, np.zeros(3), method="L-BFGS-B").x
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    for k in (0, 1):
        ax.scatter(X[y == k, 0], X[y == k, 1], label="label = %d" % k)
    xs = np.array([X[:, 0].min(), X[:, 0].max()])
    ax.plot(xs, -(w[0] * xs + w[2]) / w[1], "k--", label="decision boundary")
    ax.set_ylim(X[:, 1].min() - 0.3, X[:, 1].max() + 0.3)
    ax.set_xlabel(cols[0])
    ax.set_ylabel(cols[1])
    ax.legend()
    save(fig, "logistic-boundary.png")


def softmax_regions():
    with open(os.path.join(EXAMPLES, "three_classes.csv")) as fh:
        rows = list(csv.DictReader(fh))
    X = np.array([[float(r["x1"]), float(r["x2"])] for r in rows])
    names = sorted({r["label"] for r in rows})
    y = np.array([names.index(r["label"]) for r in rows])
    K, lam = len(names), 0.01

    def loss(p):                                   # mean cross-entropy of W x + b, plus lam * ||W||^2
        W, b = p[:2 * K].reshape(K, 2), p[2 * K:]
        Z = X @ W.T + b
        return np.mean(np.logaddexp.reduce(Z, axis=1) - Z[np.arange(len(y)), y]) + lam * np.sum(W * W)

    p = minimize(loss, np.zeros(3 * K), method="L-BFGS-B", options={"gtol": 1e-9}).x
    W, b = p[:2 * K].reshape(K, 2), p[2 * K:]
    pad = 0.05 * (X.max(0) - X.min(0))
    g1, g2 = np.meshgrid(np.linspace(X[:, 0].min() - pad[0], X[:, 0].max() + pad[0], 400),
                         np.linspace(X[:, 1].min() - pad[1], X[:, 1].max() + pad[1], 400))
    pred = np.argmax(np.stack([g1, g2], -1) @ W.T + b, axis=-1)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    ax.contourf(g1, g2, pred, levels=np.arange(K + 1) - 0.5, colors=["C%d" % k for k in range(K)], alpha=0.2)
    for k, name in enumerate(names):
        ax.scatter(X[y == k, 0], X[y == k, 1], label="label = " + name, color="C%d" % k, edgecolor="k", linewidth=0.5)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.legend(loc="upper left")
    save(fig, "softmax-regions.png")


def balls():
    loss = lambda x, y: (x - 2) ** 2 + 2 * (y - 0.3) ** 2
    X, Y = np.meshgrid(np.linspace(-1.3, 1.3, 261), np.linspace(-1.3, 1.3, 261))
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    cs = ax.contourf(X, Y, loss(X, Y), levels=10, cmap="viridis")
    ax.contour(X, Y, loss(X, Y), levels=cs.levels, colors="k", linewidths=0.5, alpha=0.35)
    ax.fill([1, 0, -1, 0], [0, 1, 0, -1], color="orange", alpha=0.3, ec="orange", lw=2, label="L1 ball")
    ax.add_patch(plt.Circle((0, 0), 1, color="deepskyblue", alpha=0.25, ec="deepskyblue", lw=2, label="L2 ball"))
    cons = {"type": "ineq", "fun": lambda p: 1 - abs(p[0]) - abs(p[1])}
    l1 = minimize(lambda p: loss(*p), [0.1, 0.1], constraints=[cons], method="SLSQP").x
    l2 = minimize(lambda p: loss(*p), [0.1, 0.1], constraints=[{"type": "ineq", "fun": lambda p: 1 - p @ p}], method="SLSQP").x
    ax.plot(*l1, "*", color="orange", ms=14, mec="k")
    ax.annotate("L1 minimum (%.3g, %.3g)" % tuple(l1), l1, xytext=(8, -14), textcoords="offset points")
    ax.plot(*l2, "*", color="deepskyblue", ms=14, mec="k")
    ax.annotate("L2 minimum (%.3g, %.3g)" % tuple(l2), l2, xytext=(8, 6), textcoords="offset points")
    ax.set_aspect("equal")
    fig.colorbar(cs, ax=ax, label="f")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="upper left")
    save(fig, "l1-l2-balls.png")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    g = gd(0.001, 3000)
    level_sets([("gd", g)], "gd-path.png")
    m, a, lb = gd(0.0005, 3000, 0.9), adam(0.02, 3000), scipy_path("L-BFGS-B")
    level_sets([("gd", g), ("momentum", m), ("adam", a), ("lbfgs", lb)], "optimizers.png")
    newton = scipy_path("Newton-CG", hess=rosen_hess, options={"xtol": 1e-12})
    convergence([("newton", range(len(newton)), [rosen(p) for p in newton], [np.abs(rosen_grad(p)).max() for p in newton]),
                 ("adam", range(len(a)), [rosen(p) for p in a], [np.abs(rosen_grad(p)).max() for p in a])], "newton-vs-adam.png")
    one_variable()
    surfaces()
    continuity()
    schedules()
    sgd_vs_full()
    logistic_boundary()
    softmax_regions()
    price_histogram()
    balls()
