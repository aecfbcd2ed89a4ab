"""Writes examples/three_classes.csv: 120 points in three clusters (40 each, N(centre, 0.7²) per
coordinate, centres (0, 0), (3, 0), (1.5, 2.5)), labelled a, b, c — the data of the softmax decision
regions in docs/pictures.md. Run: /usr/bin/python3 examples/python/make_three_classes.py"""
import os

import numpy as np

rng = np.random.default_rng(0)
centres = np.array([[0, 0], [3, 0], [1.5, 2.5]])
X = np.vstack([rng.normal(c, 0.7, (40, 2)) for c in centres])
labels = np.repeat(["a", "b", "c"], 40)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "three_classes.csv")
with open(out, "w") as f:
    f.write("x1,x2,label\n")
    for (a, b), lab in zip(X, labels):
        f.write(f"{a:.4f},{b:.4f},{lab}\n")
