package org.gradus.atoms;

import org.gradus.atoms.array.ConstantFolding;
import org.gradus.atoms.array.Shapes;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constructors of expressions. Each one simplifies as it builds, so every expression in the
 * system is already in simplified form: constants are folded, {@code 0*}, {@code 1*}, {@code + 0}
 * and {@code **1} vanish, sums and products are flattened, like terms ({@code 2*x + 3*x}) and like
 * factors ({@code x*x}) are collected. Simplification never changes a value where the original is
 * defined.
 *
 * <p>With array arguments they build elementwise operations (numbers and scalars broadcasting): shapes
 * are checked first, and a result that simplified to a number ({@code v - v}) keeps its shape
 * ({@link Shapes#fit}). The matrix product and the other array operations are built by
 * {@link org.gradus.atoms.array.ArrayOps}.
 */
public final class Ops {
    private Ops() {
    }

    public static Constant constant(double v) {
        return Constant.of(v);
    }

    public static Expr add(Expr a, Expr b) {
        return add(List.of(a, b));
    }

    public static Expr add(Expr... terms) {
        return add(Arrays.asList(terms));
    }

    /** The sum of the terms, with constants folded and like terms collected. */
    public static Expr add(List<Expr> terms) {
        Shape shape = Shapes.broadcast(terms);
        Expr folded = shape.isScalar() ? null : ConstantFolding.fold(Add.INSTANCE, terms);
        if (folded != null) return folded;
        return Shapes.fit(addTerms(terms), shape);
    }

    private static Expr addTerms(List<Expr> terms) {
        Map<Expr, Double> coefficients = new LinkedHashMap<>();
        double constant = 0;
        List<Expr> flat = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Apply a && a.atom() instanceof Add) flat.addAll(a.args());
            else flat.add(t);
        }
        for (Expr t : flat) {
            Double broadcast = t.isArray() ? Shapes.constantValue(t) : null;
            if (t instanceof Constant c || broadcast != null) {
                constant += t instanceof Constant c ? c.value() : broadcast;
                continue;
            }
            double coef = 1;
            Expr rest = t;
            if (t instanceof Apply a && a.atom() instanceof Multiply && a.arg(0) instanceof Constant c) {
                coef = c.value();
                List<Expr> others = a.args().subList(1, a.args().size());
                rest = others.size() == 1 ? others.get(0) : new Apply(Multiply.INSTANCE, others);
            }
            coefficients.merge(rest, coef, Double::sum);
        }
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, Double> e : coefficients.entrySet()) {
            if (e.getValue() != 0) out.add(scale(e.getValue(), e.getKey()));
        }
        if (constant != 0 || Double.isNaN(constant)) out.add(Constant.of(constant));
        if (out.isEmpty()) return Constant.ZERO;
        if (out.size() == 1) return out.get(0);
        return new Apply(Add.INSTANCE, out);
    }

    /**
     * The sum of the terms in the order given, each kept whole: a term that is itself a sum stays one
     * term, in parentheses ({@code 2 + 2*(x - 1) + (y - 2)}), where {@link #add} would flatten it and
     * cancel its constant. For polynomials in powers of (x − a), such as Taylor polynomials. Zero terms
     * are dropped; the value is that of {@link #add}.
     */
    public static Expr sumOfTerms(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) if (!t.isConstant(0)) out.add(t);
        if (out.isEmpty()) return Constant.ZERO;
        if (out.size() == 1) return out.get(0);
        return new Apply(Add.INSTANCE, out);
    }

    private static Expr scale(double c, Expr e) {
        if (c == 1) return e;
        List<Expr> factors = new ArrayList<>();
        factors.add(Constant.of(c));
        if (e instanceof Apply a && a.atom() instanceof Multiply) factors.addAll(a.args());
        else factors.add(e);
        return new Apply(Multiply.INSTANCE, factors);
    }

    public static Expr sub(Expr a, Expr b) {
        return add(a, neg(b));
    }

    public static Expr neg(Expr a) {
        return mul(Constant.of(-1), a);
    }

    public static Expr mul(Expr a, Expr b) {
        return mul(List.of(a, b));
    }

    public static Expr mul(Expr... factors) {
        return mul(Arrays.asList(factors));
    }

    /** The product of the factors: one leading constant, like factors collected into powers. */
    public static Expr mul(List<Expr> factors) {
        Shape shape = Shapes.broadcast(factors);
        Expr folded = shape.isScalar() ? null : ConstantFolding.fold(Multiply.INSTANCE, factors);
        if (folded != null) return folded;
        return Shapes.fit(multiply(factors), shape);
    }

    private static Expr multiply(List<Expr> factors) {
        double c = 1;
        Map<Expr, Double> powers = new LinkedHashMap<>();
        List<Expr> flat = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Apply a && a.atom() instanceof Multiply) flat.addAll(a.args());
            else flat.add(f);
        }
        for (Expr f : flat) {
            Double broadcast = f.isArray() ? Shapes.constantValue(f) : null;
            if (f instanceof Constant || broadcast != null) {
                c *= f instanceof Constant k ? k.value() : broadcast;
                continue;
            }
            Expr base = f;
            double p = 1;
            if (f instanceof Apply a && a.atom() instanceof Power && a.arg(1) instanceof Constant e) {
                base = a.arg(0);
                p = e.value();
            }
            powers.merge(base, p, Double::sum);
        }
        if (c == 0) return Constant.ZERO;
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<Expr, Double> e : powers.entrySet()) {
            Expr f = pow(e.getKey(), Constant.of(e.getValue()));
            if (f instanceof Constant k) c *= k.value();
            else out.add(f);
        }
        if (out.isEmpty()) return Constant.of(c);
        if (c == 1 && out.size() == 1) return out.get(0);
        if (c != 1) out.add(0, Constant.of(c));
        // a constant times a sum stays a product: c*(x + y) prints and differentiates as written
        return new Apply(Multiply.INSTANCE, out);
    }

    public static Expr div(Expr a, Expr b) {
        Shape shape = Shapes.broadcast(List.of(a, b));
        Expr folded = shape.isScalar() ? null : ConstantFolding.fold(Divide.INSTANCE, List.of(a, b));
        if (folded != null) return folded;
        return Shapes.fit(quotient(a, b), shape);
    }

    /** a / b kept as a quotient of scalars, never folded into a multiple (Taylor's (x - 4)**2/64, not 0.015625*(x - 4)**2). */
    public static Expr fraction(Expr a, Constant b) {
        return b.value() == 1 ? a : new Apply(Divide.INSTANCE, List.of(a, b));
    }

    private static Expr quotient(Expr a, Expr b) {
        if (b instanceof Constant c) {
            double v = c.value();
            if (v == 1) return a;
            if (a instanceof Constant k && Double.isFinite(k.value() / v)) return Constant.of(k.value() / v);
            double r = 1 / v;
            if (v != 0 && Double.toString(Math.abs(r)).length() <= 8) return mul(Constant.of(r), a);
        }
        if (a.isConstant(0) && !(b instanceof Constant)) return Constant.ZERO;
        if (a.equals(b) && !(a instanceof Constant)) return Constant.ONE;
        return new Apply(Divide.INSTANCE, List.of(a, b));
    }

    public static Expr pow(Expr a, Expr b) {
        Shape shape = Shapes.broadcast(List.of(a, b));
        Expr folded = shape.isScalar() ? null : ConstantFolding.fold(Power.INSTANCE, List.of(a, b));
        if (folded != null) return folded;
        return Shapes.fit(power(a, b), shape);
    }

    private static Expr power(Expr a, Expr b) {
        if (b instanceof Constant e) {
            double p = e.value();
            if (p == 0) return Constant.ONE;
            if (p == 1) return a;
            if (a instanceof Constant c) {
                double v = Power.pow(c.value(), p);
                if (Double.isFinite(v)) return Constant.of(v);
            }
            // (c*u)**p = c**p * u**p holds for integer p
            if (p == Math.rint(p) && a instanceof Apply m && m.atom() instanceof Multiply && m.arg(0) instanceof Constant c) {
                List<Expr> rest = m.args().subList(1, m.args().size());
                return mul(Constant.of(Power.pow(c.value(), p)), pow(rest.size() == 1 ? rest.get(0) : new Apply(Multiply.INSTANCE, rest), e));
            }
            // (u**q)**p = u**(q*p) holds for integer p
            if (p == Math.rint(p) && a instanceof Apply ap && ap.atom() instanceof Power && ap.arg(1) instanceof Constant q) {
                return pow(ap.arg(0), Constant.of(q.value() * p));
            }
        }
        if (a.isConstant(1)) return Constant.ONE;
        return new Apply(Power.INSTANCE, List.of(a, b));
    }

    public static Expr exp(Expr a) {
        return apply(Exp.INSTANCE, a);
    }

    public static Expr log(Expr a) {
        if (a instanceof Apply ap && ap.atom() instanceof Exp) return ap.arg(0); // log(exp(u)) = u for all real u
        return apply(Log.INSTANCE, a);
    }

    public static Expr sqrt(Expr a) {
        return apply(Sqrt.INSTANCE, a);
    }

    public static Expr max(Expr a, Expr b) {
        return apply(Max.INSTANCE, a, b);
    }

    public static Expr min(Expr a, Expr b) {
        return apply(Min.INSTANCE, a, b);
    }

    public static Expr apply(Atom atom, Expr... args) {
        return apply(atom, Arrays.asList(args));
    }

    /** The atom applied to the arguments; folded to a number when every argument is constant and the value is finite. */
    public static Expr apply(Atom atom, List<Expr> args) {
        if (atom instanceof Add) return add(args);
        if (atom instanceof Multiply) return mul(args);
        if (atom instanceof Divide) return div(args.get(0), args.get(1));
        if (atom instanceof Power) return pow(args.get(0), args.get(1));
        Shape shape = Shapes.broadcast(args);
        Expr folded = shape.isScalar() ? null : ConstantFolding.fold(atom, args);
        if (folded != null) return folded;
        boolean allConstant = true;
        for (Expr a : args) allConstant &= a instanceof Constant;
        if (allConstant) {
            double[] v = new double[args.size()];
            for (int i = 0; i < v.length; i++) v[i] = ((Constant) args.get(i)).value();
            if (atom.domainError(v) == null) {
                double r = atom.value(v);
                if (Double.isFinite(r)) return Constant.of(r);
            }
        }
        if (atom instanceof Abs && args.get(0) instanceof Apply a && a.atom() instanceof Abs) return a;
        return Shapes.fit(new Apply(atom, args), shape);
    }

    /** {@code sum(from..<to) { i -> body }}; a body that does not use i becomes (to - from) * body. */
    public static Expr sum(IndexSymbol i, int from, int to, Expr body) {
        return sum(i, from, to, body, null);
    }

    public static Expr sum(IndexSymbol i, int from, int to, Expr body, String dataRows) {
        if (to <= from) return Constant.ZERO;
        if (body.isConstant(0)) return Constant.ZERO;
        if (dataRows == null && !Traversal.contains(body, i)) return mul(Constant.of(to - from), body);
        return new SumOver(i, from, to, body, dataRows);
    }

    /** Replaces every occurrence of {@code target} (compared structurally) by {@code replacement}, re-simplifying. */
    public static Expr substitute(Expr e, Expr target, Expr replacement) {
        return new Substitution(Map.of(target, replacement)).apply(e);
    }
}
