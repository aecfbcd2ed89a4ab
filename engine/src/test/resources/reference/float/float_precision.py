"""Reference values for precision: 'float' (FloatPrecisionSpec): a logistic loss over a table stored as
32-bit floats, summed in float64 — what numpy computes with float32 storage and float64 arithmetic.

Writes beside this script:
  table.csv        700 rows x 10 features (N(0,1), printed with 9 significant digits, so most cells are
                   not floats and float storage differs from double storage) and a 0/1 target y;
  reference.txt    at a fixed point (w, b): the value and gradient of
                   mean(data) { row -> softplus(dot(w, row.x) + b) - row.y*(dot(w, row.x) + b) }
                   with X stored as float32 (each cell rounded once to the nearest float32, checked
                   exactly with fractions below), and the same with float64 storage for contrast; the
                   same over the mini-batch of rows `batch` (in that order).
Run: /usr/bin/python3 float_precision.py   (numpy; fixed seed, so the files are reproducible)
"""
import os
from fractions import Fraction

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261204)
rows, features = 700, 10
X = rng.standard_normal((rows, features))
y = (rng.random(rows) < 1 / (1 + np.exp(-X[:, 0] + 0.5 * X[:, 1]))).astype(float)

cells = [["%.9g" % v for v in r] for r in X]
with open(os.path.join(here, "table.csv"), "w") as fh:
    fh.write(",".join(["f%d" % k for k in range(features)] + ["y"]) + "\n")
    for r in range(rows):
        fh.write(",".join(cells[r] + ["%d" % y[r]]) + "\n")

X64 = np.array([[float(c) for c in r] for r in cells])   # the text read as doubles


def nearest_float32(text):
    """The float32 nearest to the decimal text, by exact arithmetic (ties to even)."""
    exact = Fraction(text)
    c = np.float32(float(text))
    lo, hi = np.nextafter(c, np.float32(-np.inf)), np.nextafter(c, np.float32(np.inf))
    best = min((abs(Fraction(float(v)) - exact), v) for v in (lo, c, hi))
    ties = [v for v in (lo, c, hi) if abs(Fraction(float(v)) - exact) == best[0]]
    assert len(ties) == 1, text
    return best[1]


X32 = np.array([[nearest_float32(c) for c in r] for r in cells], dtype=np.float32)
assert np.array_equal(X32, X64.astype(np.float32))   # here rounding through a double changes nothing
assert (X32.astype(np.float64) != X64).mean() > 0.9    # most cells are not floats: the storages differ

w = np.linspace(-0.6, 0.7, features)
b = 0.15


def loss_and_grad(X, idx):
    Xi, yi = X[idx].astype(np.float64), y[idx]
    z = Xi @ w + b
    value = np.mean(np.logaddexp(0, z) - yi * z)
    d = (1 / (1 + np.exp(-z)) - yi) / len(idx)
    return float(value), [float(v) for v in Xi.T @ d], float(d.sum())


everything = np.arange(rows)
batch = [int(v) for v in rng.permutation(rows)[:64]]
out = {"rows": rows, "features": features, "w": list(w), "b": b, "batch": batch}
for name, X in (("float", X32), ("double", X64)):
    v, gw, gb = loss_and_grad(X, everything)
    out[name] = {"value": v, "gradW": gw, "gradB": gb}
    v, gw, gb = loss_and_grad(X, np.array(batch))
    out[name + "Batch"] = {"value": v, "gradW": gw, "gradB": gb}
with open(os.path.join(here, "reference.txt"), "w") as fh:   # one 'key numbers...' line each
    fh.write("# made by float_precision.py, numpy %s\n" % np.__version__)
    for key in ("rows", "features", "b"):
        fh.write("%s %r\n" % (key, out[key]))
    fh.write("w " + " ".join(repr(float(v)) for v in w) + "\n")
    fh.write("batch " + " ".join(str(v) for v in batch) + "\n")
    for name in ("float", "double", "floatBatch", "doubleBatch"):
        r = out[name]
        fh.write("%s.value %r\n" % (name, r["value"]))
        fh.write("%s.gradW %s\n" % (name, " ".join(repr(v) for v in r["gradW"])))
        fh.write("%s.gradB %r\n" % (name, r["gradB"]))
print(out["float"]["value"], out["double"]["value"])
