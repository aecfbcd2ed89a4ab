#!/usr/bin/python3
"""Synthetic logistic-regression data for the data benchmarks (SPEC §6), deterministic.

Features x ~ N(0, 1) (float64), labels y ~ Bernoulli(sigmoid(x . w_true)) with w_true ~ N(0, 1/features),
all from numpy's default_rng(seed). Written as CSV with a header (f0..f{F-1}, y), features with 9 significant digits (about 92 MB per
10^5 rows of 100 features); every tool reads the same file.

Usage: make_data.py ROWS [FEATURES=100] [OUT=bench/data/logit-ROWS.csv] [SEED=0]
       make_data.py ROWS --binary     the same numbers as raw float64 (little-endian, row by row, the label
                                      last) in bench/data/logit-ROWS.f64: seconds to write and read at 10^6 rows
                                      where the CSV takes minutes; the JMH pass benchmark (-p table=FILE) and
                                      bench/python/logistic_numpy.py ROWS FILE read it.
Prints the file name; an existing file of the same name is kept (delete it to regenerate).
"""
import os
import sys

import numpy as np


def generate(rows, features, seed=0):
    rng = np.random.default_rng(seed)
    w_true = rng.standard_normal(features) / np.sqrt(features)
    X = rng.standard_normal((rows, features))
    p = 1.0 / (1.0 + np.exp(-(X @ w_true)))
    y = (rng.random(rows) < p).astype(np.float64)
    return X, y


def write_binary(rows, out, seed=0):
    X, y = generate(rows, 100, seed)
    tmp = out + ".part"
    np.column_stack([X, y]).astype("<f8").tofile(tmp)
    os.replace(tmp, out)


def main():
    rows = int(float(sys.argv[1]))
    if "--binary" in sys.argv[2:]:
        here = os.path.dirname(os.path.abspath(__file__))
        out = os.path.join(here, "data", f"logit-{rows}.f64")
        if not os.path.exists(out):
            os.makedirs(os.path.dirname(out), exist_ok=True)
            write_binary(rows, out)
        print(out)
        return
    features = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "data", f"logit-{rows}.csv")
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    if os.path.exists(out):
        print(out)
        return
    os.makedirs(os.path.dirname(out), exist_ok=True)
    X, y = generate(rows, features, seed)
    tmp = out + ".part"
    with open(tmp, "w") as f:
        f.write(",".join([f"f{k}" for k in range(features)] + ["y"]) + "\n")
        step = 20000
        for lo in range(0, rows, step):
            block = np.column_stack([X[lo:lo + step], y[lo:lo + step]])
            lines = [",".join(format(v, ".9g") for v in row[:-1]) + "," + str(int(row[-1])) for row in block.tolist()]
            f.write("\n".join(lines) + "\n")
    os.replace(tmp, out)
    print(out)


if __name__ == "__main__":
    main()
