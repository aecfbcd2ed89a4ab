#!/usr/bin/python3
"""torch.optim.Adam on linear regression: 10^5 rows x 100 features, batch 256, 5 epochs.

Model: y_hat = X @ w + b (torch.nn.Linear(100, 1), float32 default and float64), MSE loss,
lr=1e-2, per-epoch shuffle with torch.randperm. Reports time per epoch.
"""
import os
import statistics
import sys
import time

from machine_info import dump, machine_info

try:
    import torch
except ImportError:
    torch = None

ROWS = 10**5
FEATURES = 100
BATCH = 256
EPOCHS = 5


def run(dtype, threads):
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(0)
    X = torch.randn(ROWS, FEATURES, generator=g, dtype=dtype)
    w_true = torch.randn(FEATURES, 1, generator=g, dtype=dtype)
    y = X @ w_true + 0.5 + 0.1 * torch.randn(ROWS, 1, generator=g, dtype=dtype)
    torch.manual_seed(0)
    model = torch.nn.Linear(FEATURES, 1).to(dtype)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss_fn = torch.nn.MSELoss()
    epoch_ms, losses = [], []
    steps = 0
    for _ in range(EPOCHS):
        t0 = time.perf_counter()
        perm = torch.randperm(ROWS, generator=g)
        for i in range(0, ROWS, BATCH):
            idx = perm[i:i + BATCH]
            xb, yb = X[idx], y[idx]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            steps += 1
        epoch_ms.append((time.perf_counter() - t0) * 1e3)
        with torch.no_grad():
            losses.append(float(loss_fn(model(X), y)))
    steps_per_epoch = steps // EPOCHS
    return {
        "dtype": str(dtype).replace("torch.", ""),
        "threads": threads,
        "steps_per_epoch": steps_per_epoch,
        "epoch_ms": [round(t, 1) for t in epoch_ms],
        "epoch_ms_median": round(statistics.median(epoch_ms), 1),
        "epoch_ms_median_excl_first": round(statistics.median(epoch_ms[1:]), 1),
        "us_per_step_median": round(statistics.median(epoch_ms) * 1e3 / steps_per_epoch, 1),
        "full_mse_after_each_epoch": [round(l, 6) for l in losses],
        "noise_floor_mse": 0.01,
    }


def main():
    out = {"benchmark": "torch.optim.Adam linear regression", "rows": ROWS, "features": FEATURES,
           "batch": BATCH, "epochs": EPOCHS, "lr": 1e-2, "machine": machine_info()}
    if torch is None:
        out["torch"] = "not available"
        dump(out)
        return
    default_threads = torch.get_num_threads()
    thread_set = [default_threads]
    if (os.cpu_count() or 1) != default_threads:
        thread_set.append(os.cpu_count())
    out["results"] = [run(dt, th) for dt in (torch.float32, torch.float64) for th in thread_set]
    dump(out)


if __name__ == "__main__":
    sys.exit(main())
