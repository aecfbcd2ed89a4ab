#!/usr/bin/python3
"""Extended Rosenbrock, n = 10^6: vectorized numpy value / value+gradient, and torch autograd.

f(x) = sum_{i=0}^{n/2-1} [100 (x[2i+1] - x[2i]^2)^2 + (1 - x[2i])^2]
"""
import sys

import numpy as np

from machine_info import dump, machine_info, time_median_ms

N = 10**6
RUNS = 20


def rosen_value(x):
    a = x[0::2]
    b = x[1::2]
    t = b - a * a
    s = 1.0 - a
    return float(100.0 * np.dot(t, t) + np.dot(s, s))


def rosen_value_grad(x):
    a = x[0::2]
    b = x[1::2]
    t = b - a * a
    s = 1.0 - a
    f = float(100.0 * np.dot(t, t) + np.dot(s, s))
    g = np.empty_like(x)
    g[1::2] = 200.0 * t
    g[0::2] = -400.0 * a * t - 2.0 * s
    return f, g


def rosen_value_sum(x):
    """Literal form with np.sum of the squared terms (for comparison with np.dot)."""
    a = x[0::2]
    b = x[1::2]
    return float(np.sum(100.0 * (b - a**2) ** 2 + (1.0 - a) ** 2))


def check_gradient():
    rng = np.random.default_rng(1)
    x = rng.standard_normal(10)
    f, g = rosen_value_grad(x)
    h = 1e-6
    fd = np.array([(rosen_value(x + h * e) - rosen_value(x - h * e)) / (2 * h) for e in np.eye(10)])
    return float(np.max(np.abs(fd - g)) / max(1.0, np.max(np.abs(g))))


def main():
    out = {"benchmark": "extended Rosenbrock", "n": N, "machine": machine_info()}
    x0 = np.empty(N)
    x0[0::2] = -1.2
    x0[1::2] = 1.0
    rng = np.random.default_rng(0)
    xr = rng.standard_normal(N)

    out["gradient_check_rel_err"] = check_gradient()
    out["f(x0)"] = rosen_value(x0)  # expect 24.2 * n/2 = 1.21e7
    np_res = {
        "value_dot_ms": time_median_ms(lambda: rosen_value(xr), RUNS),
        "value_sum_ms": time_median_ms(lambda: rosen_value_sum(xr), RUNS),
        "value_grad_ms": time_median_ms(lambda: rosen_value_grad(xr), RUNS),
    }
    out["numpy_float64"] = np_res

    try:
        import torch
    except ImportError:
        out["torch"] = "not available"
        dump(out)
        return

    def torch_bench(threads):
        torch.set_num_threads(threads)
        xt = torch.from_numpy(xr.copy())  # float64, CPU

        def tval():
            with torch.no_grad():
                a = xt[0::2]
                b = xt[1::2]
                return float((100.0 * (b - a * a) ** 2 + (1.0 - a) ** 2).sum())

        def tvalgrad():
            x = xt.detach().requires_grad_(True)
            a = x[0::2]
            b = x[1::2]
            f = (100.0 * (b - a * a) ** 2 + (1.0 - a) ** 2).sum()
            f.backward()
            return float(f), x.grad

        # agreement with numpy
        f_t, g_t = tvalgrad()
        f_n, g_n = rosen_value_grad(xr)
        return {
            "threads": threads,
            "value_ms": time_median_ms(tval, RUNS),
            "value_grad_autograd_ms": time_median_ms(tvalgrad, RUNS),
            "max_abs_grad_diff_vs_numpy": float(np.max(np.abs(g_t.numpy() - g_n))),
            "rel_f_diff_vs_numpy": abs(f_t - f_n) / abs(f_n),
        }

    default_threads = torch.get_num_threads()
    res = [torch_bench(default_threads)]
    import os
    if os.cpu_count() and os.cpu_count() != default_threads:
        res.append(torch_bench(os.cpu_count()))
    out["torch_float64_cpu"] = res
    dump(out)


if __name__ == "__main__":
    sys.exit(main())
