package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * An expression as a sum of terms, each with the constant it is multiplied by, a constant multiple of a sum spread
 * over its terms: {@code (x − 1)² + (abs(x) + abs(y))/2} is (x − 1)² with 1, abs(x) and abs(y) with 0.5. Read by the
 * proximal split (which terms are λ·|xᵢ|) and by the subdifferential (each kink's coefficient and sign).
 */
public record ScaledTerms(List<Expr> cores, List<Double> coefficients) {

    public static ScaledTerms of(Expr e) {
        ScaledTerms t = new ScaledTerms(new ArrayList<>(), new ArrayList<>());
        t.spread(e, 1);
        return t;
    }

    /** Whether e is one term with coefficient 1, itself: nothing to spread. */
    public boolean whole(Expr e) {
        return cores.size() == 1 && cores.get(0) == e && coefficients.get(0) == 1;
    }

    private void spread(Expr e, double c) {
        if (e instanceof Apply a && a.atom() instanceof Add) {
            for (Expr t : a.args()) spread(t, c);
        } else if (e instanceof Apply m && m.atom() instanceof Multiply && m.arg(0) instanceof Constant k) {
            List<Expr> rest = m.args().subList(1, m.args().size());
            spread(rest.size() == 1 ? rest.get(0) : Ops.mul(rest), c * k.value());
        } else if (e instanceof Apply d && d.atom() instanceof Divide && d.arg(1) instanceof Constant k && k.value() != 0) {
            spread(d.arg(0), c / k.value());
        } else {
            cores.add(e);
            coefficients.add(c);
        }
    }
}
