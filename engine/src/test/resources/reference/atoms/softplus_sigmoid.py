"""softplus(x) = log(1 + e^x) and sigmoid(x) = 1/(1 + e^-x) to 50 digits (mpmath), rounded to the nearest
double, at 1200 points: a fixed random sample of |x| on log scales from 1e-12 to 700, both signs, and
the edges (0, ±1e-300, where e^x underflows, where softplus(x) = x). SoftplusAccuracySpec checks the
atoms' values against these within a few units in the last place.
Writes softplus_sigmoid.txt beside this script ('x softplus sigmoid', Python repr, one point a line).
Run: /usr/bin/python3 softplus_sigmoid.py
"""
import os
import random

import mpmath

mpmath.mp.dps = 50
rnd = random.Random(20261204)
xs = [0.0, 1e-300, -1e-300, 36.0, 37.0, -36.0, -37.0, 709.0, -709.0, -745.0, 40.0, -40.0, 1.0, -1.0]
while len(xs) < 1200:
    x = 10 ** rnd.uniform(-12, 2.85)
    xs.append(x if rnd.random() < 0.5 else -x)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "softplus_sigmoid.txt"), "w") as fh:
    fh.write("# x softplus(x) sigmoid(x), mpmath %s at 50 digits, rounded to double\n" % mpmath.__version__)
    for x in xs:
        m = mpmath.mpf(x)
        sp = mpmath.log1p(mpmath.exp(m))
        sg = 1 / (1 + mpmath.exp(-m))
        fh.write("%r %r %r\n" % (x, float(sp), float(sg)))
