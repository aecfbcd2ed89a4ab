"""Writes examples/digits.csv: scikit-learn's copy of the UCI optical handwritten digits (the test part of
"Optical Recognition of Handwritten Digits", 1797 images of 8×8 pixels with grey levels 0..16, ten
classes), as shipped in sklearn/datasets/data/digits.csv.gz (Debian: python3-sklearn).

Columns p0..p63 are the pixels row by row, scaled to 0..1 (divided by 16, as the examples read them);
the last column, label, is the digit 0..9.

    /usr/bin/python3 examples/python/export_digits.py
"""
import os

from sklearn.datasets import load_digits

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "digits.csv")
d = load_digits()
with open(out, "w") as f:
    f.write(",".join([f"p{j}" for j in range(64)] + ["label"]) + "\n")
    for row, label in zip(d.data, d.target):
        f.write(",".join(f"{v / 16:.4f}".rstrip("0").rstrip(".") if v else "0" for v in row) + f",{label}\n")
print(f"wrote {os.path.normpath(out)}: {d.data.shape[0]} rows, {d.data.shape[1]} pixels + label")
