#!/usr/bin/python3
"""Logistic regression loss + gradient, ROWS (argv[1], default 10^6) rows x 100 features, float64, numpy.

loss(w) = mean_i [ log1p(exp(-|z_i|)) + max(z_i, 0) - y_i z_i ],  z = X @ w
grad(w) = X.T @ (sigmoid(z) - y) / m
sigmoid computed stably from the same e = exp(-|z|).
"""
import sys
import time

import numpy as np

from machine_info import dump, machine_info, time_median_ms

ROWS = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**6
# optional: the binary table of bench/make_data.py ROWS --binary (the numbers the JMH benchmark reads with -p table=)
TABLE = sys.argv[2] if len(sys.argv) > 2 else None
FEATURES = 100
RUNS = 10


def loss_grad(X, y, w):
    m = X.shape[0]
    z = X @ w                                   # read X once
    e = np.exp(-np.abs(z))
    loss = float(np.mean(np.log1p(e) + np.maximum(z, 0.0) - y * z))
    sig = np.where(z >= 0.0, 1.0 / (1.0 + e), e / (1.0 + e))
    r = sig - y
    g = (X.T @ r) / m                           # read X a second time
    return loss, g


def main():
    out = {
        "benchmark": "logistic regression value+gradient (mean BCE with logits)",
        "rows": ROWS, "features": FEATURES, "dtype": "float64",
        "machine": machine_info(),
    }
    try:  # which OpenBLAS kernel numpy runs (run_all.sh unsets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for this command)
        import threadpoolctl
        out["blas"] = [{k: i.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
                       for i in threadpoolctl.threadpool_info()]
    except ImportError:
        out["blas"] = "threadpoolctl not installed"
    rng = np.random.default_rng(0)
    t0 = time.perf_counter()
    if TABLE:
        Xy = np.fromfile(TABLE, dtype="<f8").reshape(ROWS, FEATURES + 1)
        X = np.ascontiguousarray(Xy[:, :FEATURES])
        y = Xy[:, FEATURES].copy()
        del Xy
        out["table"] = TABLE
    else:
        X = rng.standard_normal((ROWS, FEATURES))
        w_true = rng.standard_normal(FEATURES) / np.sqrt(FEATURES)
        p = 1.0 / (1.0 + np.exp(-(X @ w_true)))
        y = (rng.random(ROWS) < p).astype(np.float64)
    w = 0.1 * rng.standard_normal(FEATURES)
    out["data_gen_s"] = round(time.perf_counter() - t0, 2)

    # correctness: finite-difference check of the gradient on a row subset
    Xs, ys = X[:2000], y[:2000]
    _, gs = loss_grad(Xs, ys, w)
    h = 1e-6
    fd = np.array([(loss_grad(Xs, ys, w + h * e)[0] - loss_grad(Xs, ys, w - h * e)[0]) / (2 * h)
                   for e in np.eye(FEATURES)[:10]])
    out["gradient_check_max_abs_err_first10"] = float(np.max(np.abs(fd - gs[:10])))

    loss, g = loss_grad(X, y, w)
    out["loss_at_w"] = loss
    out["grad_inf_norm_at_w"] = float(np.max(np.abs(g)))

    r = np.random.default_rng(1).standard_normal(ROWS)
    vg = time_median_ms(lambda: loss_grad(X, y, w), RUNS, warmup=2)
    mv = time_median_ms(lambda: X @ w, RUNS, warmup=2)
    rmv = time_median_ms(lambda: X.T @ r, RUNS, warmup=2)
    xbytes = 8 * ROWS * FEATURES
    out["value_grad"] = vg
    out["value_grad_bytes_per_s_GBps"] = round(2 * xbytes / (vg["median_ms"] / 1e3) / 1e9, 2)
    out["X@w_ms"] = mv
    out["X@w_GBps"] = round(xbytes / (mv["median_ms"] / 1e3) / 1e9, 2)
    out["X.T@r_ms"] = rmv
    out["X.T@r_GBps"] = round(xbytes / (rmv["median_ms"] / 1e3) / 1e9, 2)

    # memory bandwidth reference on the same 800 MB array
    s = time_median_ms(lambda: X.sum(), RUNS, warmup=2)
    # same sum split over nproc Python threads (numpy releases the GIL in the reduction)
    from concurrent.futures import ThreadPoolExecutor
    import os
    nt = os.cpu_count() or 1
    parts = np.array_split(X, nt, axis=0)
    pool = ThreadPoolExecutor(nt)
    st = time_median_ms(lambda: sum(pool.map(np.sum, parts)), RUNS, warmup=2)
    pool.shutdown()
    dst = np.empty_like(X)
    c = time_median_ms(lambda: np.copyto(dst, X), RUNS, warmup=2)
    out["membw_reference"] = {
        "array_MB": xbytes / 1e6,
        "sum_ms": s,
        "sum_read_GBps": round(xbytes / (s["median_ms"] / 1e3) / 1e9, 2),
        "sum_threads": nt,
        "sum_threaded_ms": st,
        "sum_threaded_read_GBps": round(xbytes / (st["median_ms"] / 1e3) / 1e9, 2),
        "copy_ms": c,
        "copy_GBps_read_plus_write": round(2 * xbytes / (c["median_ms"] / 1e3) / 1e9, 2),
        "note": "numpy sum and copyto are single-threaded (sum_threaded: one numpy sum per thread on row blocks); X@w / X.T@r go through OpenBLAS dgemv "
                "(threads = openblas_threads above)",
    }
    dump(out)


if __name__ == "__main__":
    sys.exit(main())
