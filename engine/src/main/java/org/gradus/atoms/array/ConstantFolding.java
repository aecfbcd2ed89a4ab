package org.gradus.atoms.array;

import org.gradus.atoms.Atom;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/** An atom applied elementwise to constant arrays (and numbers) folded into one constant array: {@code 2*[1, 0]} is {@code [2, 0]}. */
public final class ConstantFolding {
    private ConstantFolding() {
    }

    /** The folded array, or null when an argument is not constant, none is an array, or a value is not finite. */
    public static Expr fold(Atom atom, List<Expr> args) {
        Shape shape = null;
        for (Expr e : args) {
            if (e instanceof ConstantArray c) shape = c.shape();
            else if (!(e instanceof Constant)) return null;
        }
        if (shape == null) return null;
        double[] out = new double[shape.size()], a = new double[args.size()];
        for (int k = 0; k < out.length; k++) {
            for (int j = 0; j < a.length; j++) a[j] = args.get(j) instanceof ConstantArray c ? c.get(k) : ((Constant) args.get(j)).value();
            if (atom.domainError(a) != null) return null;
            out[k] = atom.value(a);
            if (!Double.isFinite(out[k])) return null;
        }
        return new ConstantArray(null, out, shape);
    }
}
