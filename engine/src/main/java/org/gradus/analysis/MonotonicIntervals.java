package org.gradus.analysis;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Cos;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Sin;
import org.gradus.atoms.Tan;
import org.gradus.atoms.array.Shapes;
import org.gradus.calculus.PointWalk;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableBlock;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code monotonicity(f, over: [x: a..b])}: the maximal intervals on which f of one variable increases,
 * decreases or is constant.
 *
 * <p>f is split first where it is not smooth — at the zeros of the arguments of its kinks and jumps
 * (abs, relu, max, sign, ... each through its {@link Atom#definition} in sign and step), of its
 * denominators, and of the edges of its atoms' domains — and then where f′ is 0. Every zero is found
 * with a proof that there is no other ({@link RootFinder}: exact for polynomials, interval enclosures
 * otherwise). Between two consecutive points f′ has one sign, read at the middle with a rigorous
 * enclosure. Neighbouring intervals of the same direction are merged where f is continuous (x³ is
 * increasing on the whole line though f′(0) = 0), and kept apart where f is undefined or jumps the
 * wrong way (1/x decreases on each side of 0, not across it).
 */
public final class MonotonicIntervals {
    private MonotonicIntervals() {
    }

    /**
     * One interval: its ends (exact text where known; an end where f is undefined is open), the direction
     * ({@code increasing}, {@code decreasing}, {@code constant}, or {@code unknown} where no proof was found),
     * and why.
     */
    public record Piece(double from, double to, String direction, String fromText, String toText, String reason,
                        boolean openFrom, boolean openTo) {
        Piece(double from, double to, String direction, String fromText, String toText, String reason) {
            this(from, to, direction, fromText, toText, reason, false, false);
        }

        /** {@code [-1, 1]}, {@code (0, 2]}. */
        public String text() {
            return interval(from, to, fromText, toText, openFrom, openTo);
        }
    }

    /**
     * An interval as the lectures write it: {@code [-1, 1]}, {@code (0, 2]} at a point where f is undefined,
     * and an infinite end open, as ∞: {@code (-∞, -1]}, {@code (-∞, ∞)}.
     */
    static String interval(double from, double to, String fromText, String toText, boolean openFrom, boolean openTo) {
        boolean infFrom = from == Double.NEGATIVE_INFINITY, infTo = to == Double.POSITIVE_INFINITY;
        return (openFrom || infFrom ? "(" : "[") + (infFrom ? "-∞" : fromText) + ", " + (infTo ? "∞" : toText) + (openTo || infTo ? ")" : "]");
    }

    /**
     * @param f    a function of one variable
     * @param over the interval, as name → {lo, hi} (ends may be infinite); null or empty for the whole line
     * @throws IllegalArgumentException when f depends on several variables or on a vector, or the box names
     *                                  another variable
     */
    public static MonotonicityReport of(Expr f, Map<String, double[]> over) {
        Shapes.requireScalar(f, "monotonicity");
        Layout layout = f.layout();
        Variable x = variable(layout, over);
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        if (over != null && !over.isEmpty()) {
            double[] r = over.get(x.name());
            lo = r[0];
            hi = r[1];
            if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
                throw new IllegalArgumentException("monotonicity: the interval " + x.name() + ": " + Numbers.format(lo) + ".." + Numbers.format(hi) + " is empty");
            }
        }
        return new Analysis(f, x, lo, hi).run();
    }

    private static Variable variable(Layout layout, Map<String, double[]> over) {
        if (layout.blocks().size() > 1 || (layout.blocks().size() == 1 && !(layout.blocks().get(0) instanceof Variable))) {
            List<String> names = new ArrayList<>();
            for (VariableBlock b : layout.blocks()) names.add(b.name());
            throw new IllegalArgumentException("monotonicity takes a function of one variable; f depends on " + String.join(", ", names));
        }
        String name = over != null && !over.isEmpty() ? over.keySet().iterator().next() : null;
        if (over != null && over.size() > 1) throw new IllegalArgumentException("monotonicity takes one interval, as in over: [x: -3..3]");
        if (layout.blocks().isEmpty()) return new Variable(name == null ? "x" : name, 0);
        Variable x = (Variable) layout.blocks().get(0);
        if (name != null && !name.equals(x.name())) {
            throw new IllegalArgumentException("monotonicity: f is a function of " + x.name() + ", not of " + name);
        }
        return x;
    }

    /** One run of the analysis. */
    private static final class Analysis {
        final Expr f, g;
        final Variable x;
        final Layout layout;
        final double lo, hi;
        final List<String> notes = new ArrayList<>();
        final Map<Double, String> critical = new LinkedHashMap<>();
        /** Where each break (a zero of a kink's or pole's argument) lies: its root's enclosure, which f′'s search stays out of. */
        final Map<Double, double[]> breakBounds = new HashMap<>();

        Analysis(Expr f, Variable x, double lo, double hi) {
            this.f = f;
            this.g = PiecewiseSmooth.expanded(f);
            this.x = x;
            this.layout = new Layout(List.of(x));
            this.lo = lo;
            this.hi = hi;
        }

        MonotonicityReport run() {
            List<Point> cuts = new ArrayList<>();
            cuts.add(Point.end(lo));
            for (Expr s : PiecewiseSmooth.switches(g)) {
                RootFinder.Zeros z = RootFinder.of(s, x, lo, hi);
                for (double[] u : z.unresolved()) notes.add("the zeros of " + s + " on [" + Numbers.round(u[0], 8) + ", " + Numbers.round(u[1], 8) + "] were not resolved");
                for (Polynomial.Root r : z.roots()) {
                    if (r.asDouble() > lo && r.asDouble() < hi) {
                        Point p = Point.of(r, "break");
                        cuts.add(p);
                        if (r.lo() != null && r.hi() != null) {
                            breakBounds.put(p.value(), new double[]{Math.min(p.value(), Math.nextDown(r.lo().doubleValue())),
                                    Math.max(p.value(), Math.nextUp(r.hi().doubleValue()))});
                        }
                        critical.put(p.value(), p.text() + " (where f is not smooth: " + s + " = 0)");
                    }
                }
            }
            cuts.add(Point.end(hi));
            cuts = Point.distinct(cuts);
            List<Piece> pieces = new ArrayList<>();
            for (int i = 0; i + 1 < cuts.size(); i++) pieces.addAll(piece(cuts.get(i), cuts.get(i + 1)));
            return new MonotonicityReport(f, x.name(), lo, hi, merge(pieces), critical, notes);
        }

        /**
         * True when f has no value at this finite point (log(x)/x at 0; √x − x has one). Unlike {@link #undefinedAt(double)},
         * which also leaves a piece open beside a pole's enclosure, this is f at the point alone.
         */
        private boolean noValueAt(Point p) {
            return Double.isFinite(p.value()) && PointWalk.at(f, layout, new double[]{p.value()}).first(PointWalk.Kind.UNDEFINED) != null;
        }

        private static String infinity(Point p) {
            return p.value() == Double.NEGATIVE_INFINITY ? "-∞" : p.value() == Double.POSITIVE_INFINITY ? "∞" : p.text();
        }

        /** The intervals between two neighbouring break points, split where f′ changes sign. */
        private List<Piece> piece(Point a, Point b) {
            double mid = middle(a.value, b.value);
            Expr gp = PiecewiseSmooth.specialized(g, layout, mid);
            if (PointWalk.at(gp, layout, new double[]{mid}).first(PointWalk.Kind.UNDEFINED) != null) {
                // log(x)/x: undefined on (-∞, 0], its end 0 included; each finite end is an edge of f's domain
                notes.add("f is undefined on " + (noValueAt(a) ? "[" : "(") + infinity(a) + ", " + infinity(b) + (noValueAt(b) ? "]" : ")"));
                for (Point end : List.of(a, b)) {
                    if (critical.containsKey(end.value())) critical.put(end.value(), end.text() + " (an edge of f's domain)");
                }
                return List.of();
            }
            Expr d = Differentiator.partial(gp, x);
            if ((Double.isInfinite(a.value) || Double.isInfinite(b.value)) && periodic(d)) return unboundedPeriodic(d, a, b, mid);
            // beside a pole (tan's at π/2) f′ is searched from the far end of the pole's enclosure, not from its midpoint,
            // which may lie on the near side and put the pole inside the search
            double from = breakBounds.containsKey(a.value) ? breakBounds.get(a.value)[1] : a.value;
            double to = breakBounds.containsKey(b.value) ? breakBounds.get(b.value)[0] : b.value;
            RootFinder.Zeros z = atEdges(RootFinder.of(d, x, from < to ? from : a.value(), from < to ? to : b.value(), true), a, b);
            for (double[] u : z.unresolved()) notes.add("the zeros of f′ on [" + Numbers.round(u[0], 8) + ", " + Numbers.round(u[1], 8) + "] were not resolved");
            if (z.identicallyZero()) return List.of(new Piece(a.value, b.value, "constant", a.text, b.text, "f′ = 0"));
            List<Point> pts = new ArrayList<>();
            pts.add(a);
            for (Polynomial.Root r : z.roots()) {
                if (r.asDouble() > a.value && r.asDouble() < b.value) {
                    Point p = Point.of(r, "f′ = 0");
                    pts.add(p);
                    critical.put(p.value(), p.text() + " (f′ = 0)");
                }
            }
            for (double[] u : z.unresolved()) {      // f′'s sign is proved on each side of a stretch left unresolved
                for (double end : u) {
                    if (end > a.value && end < b.value) pts.add(new Point(end, Numbers.round(end, 8), "unresolved"));
                }
            }
            pts.add(b);
            pts = Point.distinct(pts);
            List<Piece> out = new ArrayList<>();
            for (int i = 0; i + 1 < pts.size(); i++) {
                Point u = pts.get(i), v = pts.get(i + 1);
                double m = middle(u.value, v.value);
                double[] open = unresolvedWithin(z.unresolved(), u.value, v.value);
                if (open != null) {       // f′ may change sign there: no direction is proved for this piece
                    String bounded = Double.isInfinite(open[0]) || Double.isInfinite(open[1])
                            ? " (a bounded interval, over: [" + x.name() + ": a..b], may resolve them)" : "";
                    out.add(new Piece(u.value, v.value, "unknown", u.text, v.text, "the zeros of f′ on ["
                            + Numbers.round(open[0], 8) + ", " + Numbers.round(open[1], 8) + "] were not resolved" + bounded));
                    continue;
                }
                Interval s = signInside(d, u.value, v.value, m);
                String dir = s.lo() > 0 ? "increasing" : s.hi() < 0 ? "decreasing" : s.lo() == 0 && s.hi() == 0 ? "constant" : "unknown";
                String why = dir.equals("increasing") ? "f′ > 0 inside" : dir.equals("decreasing") ? "f′ < 0 inside"
                        : dir.equals("constant") ? "f′ = 0" : "the sign of f′ is not certain";
                if (dir.equals("increasing") || dir.equals("decreasing")) why = touching(d, u.value, v.value, dir.equals("increasing") ? 1 : -1, why);
                out.add(new Piece(u.value, v.value, dir, u.text, v.text, why));
            }
            return out;
        }

        /** The reason of a one-signed piece with the points where f′ touches 0 inside it, each also a critical point. */
        private String touching(Expr d, double from, double to, int sign, String why) {
            List<Polynomial.Root> zeros = TouchingZeros.of(d, x, from, to, sign);
            if (zeros == null) return sign > 0 ? "f′ ≥ 0 inside" : "f′ ≤ 0 inside";
            if (zeros.isEmpty()) return why;
            List<String> at = new ArrayList<>();
            for (Polynomial.Root r : zeros) {
                Point p = Point.of(r, "f′ = 0");
                at.add(p.text());
                critical.put(p.value(), p.text() + " (f′ = 0)");
            }
            return why + " except at " + String.join(", ", at) + " (f′ = 0)";
        }

        /**
         * The zeros of f′ without the stretch of a few ulps beside a break that the search cannot resolve because f′ is
         * unbounded there (√(1 − x²) at ±1): f′'s sign is taken from the rest of the piece, as at any break.
         */
        private RootFinder.Zeros atEdges(RootFinder.Zeros z, Point a, Point b) {
            List<double[]> kept = new ArrayList<>();
            for (double[] u : z.unresolved()) {
                boolean besideA = breakBounds.containsKey(a.value) && near(u[0], a.value) && near(u[1], a.value);
                boolean besideB = breakBounds.containsKey(b.value) && near(u[0], b.value) && near(u[1], b.value);
                if (!besideA && !besideB) kept.add(u);
            }
            return kept.size() == z.unresolved().size() ? z : new RootFinder.Zeros(z.roots(), kept, z.identicallyZero(), z.nearZeros());
        }

        private static boolean near(double u, double p) {
            return Math.abs(u - p) <= 1e-12 * Math.max(1, Math.abs(p));
        }

        /**
         * f′'s enclosure at a point of (from, to) where its sign is certain, trying the middle first: f′ has no sign
         * change inside (every zero is a cut), so one point with a certain sign decides, and f′ may be 0 at the middle
         * itself (1 − cos x at 0, a zero where it touches without changing sign). The middle's enclosure if none is.
         */
        private Interval signInside(Expr d, double from, double to, double middle) {
            Interval at = Enclosure.atPoint(layout, new double[]{middle}).of(d);
            if (at.lo() > 0 || at.hi() < 0) return at;
            for (double t : new double[]{0.25, 0.75, 0.125, 0.875}) {
                double p = Double.isInfinite(from) || Double.isInfinite(to) ? middle + (t - 0.5) * 4 * Math.max(1, Math.abs(middle))
                        : from + t * (to - from);
                if (!(p > from && p < to)) continue;
                Interval other = Enclosure.atPoint(layout, new double[]{p}).of(d);
                if (other.lo() > 0 || other.hi() < 0) return other;
            }
            return at;
        }

        /** Whether d has sin, cos or tan of an argument that depends on x: zeros that may repeat without end. */
        private boolean periodic(Expr d) {
            for (Expr node : Traversal.postOrder(d)) {
                if (node instanceof Apply a && (a.atom() instanceof Sin || a.atom() instanceof Cos || a.atom() instanceof Tan)
                        && Traversal.contains(a.arg(0), x)) return true;
            }
            return false;
        }

        /**
         * A periodic f′ on an unbounded piece: one direction when f′ keeps one sign there (x + sin x: f′ = 1 + cos x ≥ 0,
         * 0 only at isolated points since it is analytic and positive somewhere), else unknown — its zeros may go on
         * without end, and a search to ±10¹² would list millions of pieces.
         */
        private List<Piece> unboundedPeriodic(Expr d, Point a, Point b, double mid) {
            Interval all = Enclosure.overBox(layout, new Interval[]{new Interval(a.value, b.value)}).of(d);
            Interval at = signInside(d, a.value, b.value, mid);
            if (all.lo() >= 0 && at.lo() > 0) {
                return List.of(new Piece(a.value, b.value, "increasing", a.text, b.text, "f′ ≥ 0 everywhere, 0 only at isolated points"));
            }
            if (all.hi() <= 0 && at.hi() < 0) {
                return List.of(new Piece(a.value, b.value, "decreasing", a.text, b.text, "f′ ≤ 0 everywhere, 0 only at isolated points"));
            }
            return List.of(new Piece(a.value, b.value, "unknown", a.text, b.text, "f′ = " + d + " is periodic in " + x.name()
                    + ", so f may turn infinitely often on an unbounded interval; give a bounded one, as in over: [" + x.name() + ": 0..7]"));
        }

        /** The unresolved range that (from, to) lies in, or null (the pieces are cut at every range's ends). */
        private static double[] unresolvedWithin(List<double[]> ranges, double from, double to) {
            for (double[] r : ranges) if (r[0] < to && r[1] > from) return r;
            return null;
        }

        /** Merges neighbours of one direction across points where f is continuous (or jumps along), and marks open ends. */
        private List<Piece> merge(List<Piece> pieces) {
            List<Piece> out = new ArrayList<>();
            for (Piece p : pieces) {
                p = new Piece(p.from(), p.to(), p.direction(), p.fromText(), p.toText(), p.reason(),
                        undefinedAt(p.from()) && !closedEdge(p.from(), "right"), undefinedAt(p.to()) && !closedEdge(p.to(), "left"));
                if (!out.isEmpty()) {
                    Piece last = out.get(out.size() - 1);
                    if (last.direction().equals(p.direction()) && last.to() == p.from() && !p.direction().equals("unknown")
                            && !p.openFrom() && monotoneAcross(p.from(), p.direction())) {
                        String at = critical.getOrDefault(p.from(), p.fromText());
                        String why = last.reason().equals(p.reason()) || last.reason().startsWith(p.reason() + " except at ")
                                ? (last.reason().contains(" except at ") ? last.reason() + ", " + at : last.reason() + " except at " + at)
                                : last.reason() + "; " + p.reason();
                        out.set(out.size() - 1, new Piece(last.from(), p.to(), p.direction(), last.fromText(), p.toText(),
                                why, last.openFrom(), p.openTo()));
                        continue;
                    }
                }
                out.add(p);
            }
            return out;
        }

        private boolean undefinedAt(double p) {
            if (!Double.isFinite(p)) return false;
            if (PointWalk.at(f, layout, new double[]{p}).first(PointWalk.Kind.UNDEFINED) != null) return true;
            return poleNear(p);
        }

        /**
         * An edge of f's domain where f has a value and reaches it from the piece's side (√x − x at 0): the piece's end is
         * closed, [0, 0.25], though f is undefined just beyond it.
         */
        private boolean closedEdge(double p, String side) {
            if (!Double.isFinite(p) || !critical.getOrDefault(p, "").endsWith("(an edge of f's domain)")) return false;
            if (PointWalk.at(f, layout, new double[]{p}).first(PointWalk.Kind.UNDEFINED) != null) return false;
            org.gradus.calculus.LimitReport inside = org.gradus.calculus.Limit.of(f, x.name(), p, side);
            double v = org.gradus.eval.Program.compile(f, layout).value(new double[]{p});
            return Boolean.TRUE.equals(inside.exists()) && Math.abs(inside.value() - v) <= 1e-12 * Math.max(1, Math.abs(v));
        }

        /** Whether f is undefined somewhere in the root enclosure of the break at p: tan at the double nearest π/2 is finite. */
        private boolean poleNear(double p) {
            double[] near = breakBounds.get(p);
            if (near == null || !(near[0] < near[1])) return false;
            Enclosure e = Enclosure.overBox(layout, new Interval[]{new Interval(near[0], near[1])});
            e.of(f);
            return !e.defined();
        }

        /** f is defined at p and keeps the direction through it: continuous, or a jump the same way. */
        private boolean monotoneAcross(double p, String direction) {
            if (Double.isInfinite(p)) return false;
            PointWalk w = PointWalk.at(f, layout, new double[]{p});
            if (w.first(PointWalk.Kind.UNDEFINED) != null) return false;
            if (w.first(PointWalk.Kind.JUMP) == null && !poleNear(p)) return true;
            org.gradus.calculus.LimitReport left = org.gradus.calculus.Limit.of(f, x.name(), p, "left");
            org.gradus.calculus.LimitReport right = org.gradus.calculus.Limit.of(f, x.name(), p, "right");
            if (!Boolean.TRUE.equals(left.exists()) || !Boolean.TRUE.equals(right.exists())) return false;
            double v = org.gradus.eval.Program.compile(f, layout).value(new double[]{p});
            double a = left.value(), b = right.value();
            return direction.equals("increasing") ? a <= v && v <= b : direction.equals("decreasing") ? a >= v && v >= b : a == v && v == b;
        }

    }

    /** A point strictly inside (a, b), either end possibly infinite: the middle, or 1 (or |end|) beyond a finite end. */
    static double middle(double a, double b) {
        if (Double.isInfinite(a) && Double.isInfinite(b)) return 0;
        if (Double.isInfinite(a)) return b - Math.max(1, Math.abs(b));
        if (Double.isInfinite(b)) return a + Math.max(1, Math.abs(a));
        return 0.5 * (a + b);
    }

    /** A point on the line: its value and how a report writes it (exact when known). */
    record Point(double value, String text, String kind) {
        static Point end(double v) {
            return new Point(v, Numbers.format(v), "end");
        }

        static Point of(Polynomial.Root r, String kind) {
            String text;
            if (r.isExact()) {
                BigFraction q = r.exact();
                text = q.getDenominator().equals(java.math.BigInteger.ONE) ? q.getNumerator().toString()
                        : q.getDenominator().bitLength() <= 20 ? q.getNumerator() + "/" + q.getDenominator() : Numbers.format(r.asDouble());
            } else {
                text = Numbers.round(r.asDouble(), 12);
            }
            return new Point(r.asDouble(), text, kind);
        }

        static List<Point> distinct(List<Point> pts) {
            pts.sort((a, b) -> Double.compare(a.value, b.value));
            List<Point> out = new ArrayList<>();
            for (Point p : pts) if (out.isEmpty() || out.get(out.size() - 1).value != p.value) out.add(p);
            return out;
        }
    }
}
