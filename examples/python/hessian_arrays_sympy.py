"""Reference values for HessianOfArraysSpec (issue 13): Hessians of array problems, exactly, with sympy.

1. sumsq(A x - b), A = [[2, 1], [1, 3]], b = [1, 2]: the Hessian is the constant 2 AᵀA.
2. softmax regression with a 3×2 W on four rows (features a, b; class label):
   f(W) = mean over rows of crossEntropy(W x, y) = logsumexp(W x) - (W x)[y],
   its 6×6 Hessian over W[0,0], W[0,1], W[1,0], W[1,1], W[2,0], W[2,1] at W0.
Run: /usr/bin/python3 examples/python/hessian_arrays_sympy.py
"""
import sympy as sp

A = sp.Matrix([[2, 1], [1, 3]])
x = sp.Matrix(sp.symbols('x0 x1'))
r = A * x - sp.Matrix([1, 2])
f1 = (r.T * r)[0]
print('2AtA =', sp.hessian(f1, list(x)).tolist())

rows = [((1, 2), 0), ((0, 1), 1), ((2, 0), 2), ((1, 1), 1)]
W = sp.Matrix(3, 2, sp.symbols('w00 w01 w10 w11 w20 w21'))
f2 = 0
for (a, b), y in rows:
    z = W * sp.Matrix([a, b])
    f2 += sp.log(sum(sp.exp(zi) for zi in z)) - z[y]
f2 = f2 / len(rows)
W0 = {W[0, 0]: sp.Rational(1, 10), W[0, 1]: sp.Rational(-2, 10), W[1, 0]: sp.Rational(3, 10),
      W[1, 1]: sp.Rational(4, 10), W[2, 0]: sp.Rational(-5, 10), W[2, 1]: sp.Rational(6, 10)}
H = sp.hessian(f2, list(W)).subs(W0)
for row in H.tolist():
    print('[' + ', '.join(sp.N(v, 17).__str__() for v in row) + '],')
