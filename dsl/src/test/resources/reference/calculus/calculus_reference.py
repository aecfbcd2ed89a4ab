#!/usr/bin/python3
"""Reference values for Gradus's calculus tests (issue 12), computed with sympy and mpmath.

Run from this folder:  /usr/bin/python3 calculus_reference.py > calculus_reference.json
The tests read the JSON; they never call Python. Expressions are written in Gradus syntax, which sympy
parses with the few names mapped below (abs, sign, sigmoid, tanh, log1p, relu).
"""
import json
import mpmath
import sympy as sp

x, y = sp.symbols('x y', real=True)
NAMES = {'x': x, 'y': y, 'abs': sp.Abs, 'sign': sp.sign, 'sigmoid': lambda t: 1 / (1 + sp.exp(-t)),
         'log1p': lambda t: sp.log(1 + t), 'relu': lambda t: sp.Max(0, t), 'tanh': sp.tanh, 'Infinity': sp.oo}


def parse(text):
    return sp.sympify(text, locals=NAMES)


def number(v):
    """A limit as JSON: a float, 'Infinity', '-Infinity', or None when there is none (oscillation)."""
    if v is None or isinstance(v, sp.AccumBounds) or v.has(sp.AccumBounds) or v == sp.zoo or v.has(sp.nan):
        return None
    if v == sp.oo:
        return 'Infinity'
    if v == -sp.oo:
        return '-Infinity'
    return float(v)


def one_side(f, a, side):
    try:
        return number(sp.limit(f, x, a, dir=side))
    except Exception:
        return None


# (expression, point, side): limits of every kind the issue lists
LIMITS = [
    ('sin(x)/x', '0', 'both'), ('(exp(x) - 1)/x', '0', 'both'), ('(1 - cos(x))/x**2', '0', 'both'),
    ('x*log(x)', '0', 'right'), ('(1 + 1/x)**x', 'Infinity', 'left'), ('1/x', '0', 'right'), ('1/x', '0', 'left'),
    ('1/x', '0', 'both'), ('1/x**2', '0', 'both'), ('sin(1/x)', '0', 'both'), ('x*sin(1/x)', '0', 'both'),
    ('abs(x)/x', '0', 'both'), ('sign(x)', '0', 'right'), ('exp(-1/x)', '0', 'right'), ('exp(-1/x)', '0', 'left'),
    ('(x**2 - 1)/(x - 1)', '1', 'both'), ('sqrt(x)', '0', 'right'), ('(sqrt(1 + x) - 1)/x', '0', 'both'),
    ('log(1 + x)/x', '0', 'both'), ('tan(x)/x', '0', 'both'), ('(x - sin(x))/x**3', '0', 'both'),
    ('exp(x)/x**3', 'Infinity', 'left'), ('log(x)/x', 'Infinity', 'left'), ('x**2*exp(-x)', 'Infinity', 'left'),
    ('(2*x**2 + 3)/(x**2 - 1)', 'Infinity', 'left'), ('exp(x)', '-Infinity', 'right'), ('x**3 - x', '-Infinity', 'right'),
    ('sin(x)', 'Infinity', 'left'), ('sin(x)/x', 'Infinity', 'left'), ('(1 + x)**(1/x)', '0', 'both'),
    ('x**x', '0', 'right'), ('(cos(x) - 1)/x', '0', 'both'), ('tanh(x)', 'Infinity', 'left'),
    ('sigmoid(x)', '-Infinity', 'right'), ('log(x)', '0', 'right'), ('x**2 + 3*x', '2', 'both'),
    ('(exp(2*x) - 1 - 2*x)/x**2', '0', 'both'), ('1/(x - 2)', '2', 'both'), ('(x**2 + x)/abs(x)', '0', 'both'),
    ('sqrt(x**2 + x) - x', 'Infinity', 'left'), ('x**2*sin(1/x)', '0', 'both'), ('sign(x)**2', '0', 'both'),
    ('atan(x)', 'Infinity', 'left'), ('atan(x)', '-Infinity', 'right'), ('atan(x)/x', '0', 'both'),
    ('atan(x**2 + 1)', 'Infinity', 'left'), ('x*(atan(x) - atan(x + 1))', 'Infinity', 'left'),
]


def limits():
    out = []
    for text, at, side in LIMITS:
        f, a = parse(text), parse(at)
        row = {'expression': text, 'at': at, 'side': side}
        if a in (sp.oo, -sp.oo):
            v = one_side(f, a, '-' if a == sp.oo else '+')
            row.update(value=v, exists=v is not None)
        else:
            left = one_side(f, a, '-') if side in ('left', 'both') else None
            right = one_side(f, a, '+') if side in ('right', 'both') else None
            if side == 'left':
                v = left
            elif side == 'right':
                v = right
            else:
                v = left if left is not None and left == right else None
            row.update(value=v, exists=v is not None, left=left, right=right)
        out.append(row)
    return out


# monotonicity: (expression, lo, hi) -> the maximal intervals and the direction on each, from the real
# zeros of f' in the interval and the sign of f' between them (kinks given by hand where f' jumps)
MONOTONE = [
    ('x**3 - 3*x', -3, 3, []), ('x**3', -2, 2, []), ('x**2', -1, 2, []), ('sin(x)', 0, 7, []),
    ('exp(-x**2)', -2, 2, []), ('abs(x - 1)', -1, 3, [1]), ('x**4 - 2*x**2', -2, 2, []), ('x*exp(-x)', 0, 5, []),
    ('log(x)/x', sp.Rational(1, 2), 10, []), ('x - sin(x)', -5, 5, []), ('relu(x)', -2, 2, [0]),
    ('x**3 - 6*x**2 + 9*x', 0, 4, []), ('cos(x)', -1, 4, []), ('1/(1 + x**2)', -2, 3, []), ('tanh(x)', -3, 3, []),
    # a zero of f' at the left end (f' = 3x(x - 2), x(2 - x)e^-x at 0), and e^-x where it underflows (x > 745)
    ('x**3 - 3*x**2', 0, 5, []), ('x**2*exp(-x)', 0, 50, []), ('x*exp(-x)', -5, 1000, []),
]


def direction(d, a, b):
    m = (a + b) / 2
    s = sp.sign(sp.N(d.subs(x, m), 30))
    return {1: 'increasing', -1: 'decreasing', 0: 'constant'}[int(s)]


def monotonicity():
    out = []
    for text, lo, hi, kinks in MONOTONE:
        f = parse(text)
        d = sp.diff(f, x)
        d_smooth = d.rewrite(sp.Piecewise) if d.has(sp.Heaviside, sp.sign) else d
        zeros = set()
        try:
            zs = sp.solveset(sp.simplify(d), x, sp.Interval(lo, hi))
            zeros = {z for z in zs if lo < z < hi} if zs.is_FiniteSet else set()
        except Exception:
            zeros = set()
        cuts = sorted(set(zeros) | {sp.nsimplify(k) for k in kinks}, key=lambda z: float(z))
        points = [sp.nsimplify(lo)] + cuts + [sp.nsimplify(hi)]
        pieces = []
        for a, b in zip(points, points[1:]):
            dirn = direction(d, a, b)
            if pieces and pieces[-1]['direction'] == dirn:
                pieces[-1]['to'] = float(b)       # f' touches 0 without changing sign: one interval
            else:
                pieces.append({'from': float(a), 'to': float(b), 'direction': dirn})
        out.append({'expression': text, 'from': float(lo), 'to': float(hi), 'intervals': pieces})
    return out


# Taylor polynomials: (expression, point, order) -> the polynomial's values at a few points, exact
TAYLOR = [
    ('exp(x)', {'x': 0}, 4), ('sin(x)', {'x': 0}, 5), ('log(x)', {'x': 1}, 3), ('cos(x)', {'x': 1}, 4),
    ('sqrt(x)', {'x': 4}, 3), ('exp(x)*sin(y)', {'x': 0, 'y': 0}, 3), ('1/(1 - x - y)', {'x': 0, 'y': 0}, 4),
    ('x**2*y + y**3', {'x': 1, 'y': 2}, 3), ('cos(x*y)', {'x': 1, 'y': 0}, 4), ('exp(x + 2*y)', {'x': 0, 'y': 0}, 5),
    ('log(1 + x**2 + y)', {'x': 0, 'y': 0}, 3),
]
SAMPLES = [{'x': 0.3, 'y': -0.2}, {'x': -0.5, 'y': 0.25}, {'x': 1.25, 'y': 0.5}]


def taylor_poly(f, at, order):
    names = [v for v in (x, y) if str(v) in at]
    t = sp.symbols('t')
    shifted = f.subs({v: at[str(v)] + t * (v - at[str(v)]) for v in names}, simultaneous=True)
    series = sp.series(shifted, t, 0, order + 1).removeO()
    return sp.expand(series.subs(t, 1))


def taylor():
    out = []
    for text, at, order in TAYLOR:
        p = taylor_poly(parse(text), at, order)
        values = [float(p.subs({x: s['x'], y: s['y']})) for s in SAMPLES]
        out.append({'expression': text, 'at': at, 'order': order, 'polynomial': str(p), 'samples': SAMPLES, 'values': values})
    return out


def edges():
    """Values at the edges of floating point, to 40 digits (mpmath)."""
    mpmath.mp.dps = 40
    e = mpmath.mpf
    sig = lambda z: 1 / (1 + mpmath.exp(-z))
    lse2 = mpmath.diff(lambda z: mpmath.log(mpmath.exp(mpmath.exp(z)) + 1), e(40), 2)
    return {
        'logLoss(x, 1) at 40': float(mpmath.log1p(mpmath.exp(-e(40)))),
        'logLoss(x, 1) at 33': float(mpmath.log1p(mpmath.exp(-e(33)))),
        'logLoss(x, 0) at -35': float(mpmath.log1p(mpmath.exp(-e(35)))),
        "sigmoid' at 30": float(sig(e(30)) * sig(-e(30))),
        "sigmoid' at -40": float(sig(e(40)) * sig(-e(40))),
        "tanh' at 20": float(1 / mpmath.cosh(e(20)) ** 2),
        "tanh' at -18": float(1 / mpmath.cosh(e(18)) ** 2),
        "logsumexp(exp(x), 0)'' at 40": float(lse2),
    }


if __name__ == '__main__':
    print(json.dumps({'limits': limits(), 'monotonicity': monotonicity(), 'taylor': taylor(), 'edges': edges()}, indent=1))
