"""Reference values for plot/src/test/.../LevelsSpec: on the grids Gradus samples (241 x 181 nodes),
the ratio (max f - min f) / (q25 - min f) that decides log-spaced levels (> 50 means log), and the
values of f. Run: /usr/bin/python3 plot/python/level_reference.py"""
import numpy as np

def ratio(z):
    m = z.min()
    return (z.max() - m) / (np.percentile(z, 25) - m)

def grid(x0, x1, y0, y1):
    return np.meshgrid(np.linspace(x0, x1, 241), np.linspace(y0, y1, 181))

X, Y = grid(-2, 2, -1, 3)
print("rosenbrock [-2,2]x[-1,3]: ratio %.2f, max %.4f" % (ratio((1 - X)**2 + 100*(Y - X**2)**2), ((1 - X)**2 + 100*(Y - X**2)**2).max()))
X, Y = grid(-4.5, 4.5, -4.5, 4.5)
beale = (1.5 - X + X*Y)**2 + (2.25 - X + X*Y**2)**2 + (2.625 - X + X*Y**3)**2
print("beale [-4.5,4.5]^2: ratio %.2f" % ratio(beale))
X, Y = grid(-2, 2, -2, 2)
print("x^2+y^2 [-2,2]^2: ratio %.2f" % ratio(X**2 + Y**2))
X, Y = grid(-5, 5, -5, 5)
print("himmelblau [-5,5]^2: ratio %.2f" % ratio((X**2 + Y - 11)**2 + (X + Y**2 - 7)**2))
