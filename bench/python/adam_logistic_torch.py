#!/usr/bin/python3
"""torch reference for SPEC §6 "10 epochs of Adam, batch 256": logistic regression on ROWS x 100 float64.

Model nn.Linear(100, 1) in float64, loss BCEWithLogitsLoss (mean over the batch), torch.optim.Adam(lr=0.01),
a fresh permutation per epoch (torch.randperm), batches X[idx] as a DataLoader without drop_last would give.
Data: N(0,1) features, Bernoulli(sigmoid(x.w*)) labels, fixed seed (as bench/make_data.py).
Prints JSON: total seconds for the 10 epochs, microseconds per step, threads.
Usage: adam_logistic_torch.py [ROWS=1e6] [EPOCHS=10] [THREADS=all]
"""
import json
import os
import sys
import time

import numpy as np
import torch

ROWS = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**6
EPOCHS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else (os.cpu_count() or 1)
FEATURES, BATCH = 100, 256


def main():
    torch.set_num_threads(THREADS)
    rng = np.random.default_rng(0)
    w_true = rng.standard_normal(FEATURES) / np.sqrt(FEATURES)
    X = rng.standard_normal((ROWS, FEATURES))
    y = (rng.random(ROWS) < 1 / (1 + np.exp(-(X @ w_true)))).astype(np.float64)
    X, y = torch.from_numpy(X), torch.from_numpy(y).unsqueeze(1)
    torch.manual_seed(7)
    model = torch.nn.Linear(FEATURES, 1).double()
    torch.nn.init.zeros_(model.weight)
    torch.nn.init.zeros_(model.bias)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    g = torch.Generator().manual_seed(7)
    steps = 0
    t0 = time.perf_counter()
    for _ in range(EPOCHS):
        perm = torch.randperm(ROWS, generator=g)
        for i in range(0, ROWS, BATCH):
            idx = perm[i:i + BATCH]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(X[idx]), y[idx])
            loss.backward()
            opt.step()
            steps += 1
    secs = time.perf_counter() - t0
    with torch.no_grad():
        full = float(loss_fn(model(X), y))
    print(json.dumps({"benchmark": "adam logistic torch", "rows": ROWS, "epochs": EPOCHS, "batch": BATCH, "threads": THREADS,
                      "torch": torch.__version__, "seconds": round(secs, 3), "us_per_step": round(secs * 1e6 / steps, 1),
                      "steps": steps, "final_full_loss": round(full, 6)}))


if __name__ == "__main__":
    main()
