package org.gradus.diff;

import org.gradus.expr.Layout;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Hessian matrix at a point, its eigenvalues (ascending) and definiteness. */
public final class HessianAt implements Shown {
    private final Layout layout;
    private final double[] point;
    private final double[][] matrix;
    private final double[] eigenvalues;

    public HessianAt(Layout layout, double[] point, double[][] matrix) {
        this.layout = layout;
        this.point = point.clone();
        this.matrix = matrix;
        this.eigenvalues = Hessian.eigenvalues(matrix);
    }

    public double[][] matrix() {
        return matrix;
    }

    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public String definiteness() {
        return Hessian.definiteness(eigenvalues);
    }

    @Override
    public String kind() {
        return "hessian";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("variables", layout.coordinateNames());
        out.put("at", layout.toMap(point));
        out.put("matrix", matrix);
        out.put("eigenvalues", eigenvalues);
        out.put("definiteness", definiteness());
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("Hessian at ").append(PointArgs.format(layout, point)).append('\n');
        for (double[] row : matrix) {
            List<String> r = new ArrayList<>();
            for (double v : row) r.add(Numbers.round(v, 8));
            sb.append("  [").append(String.join(", ", r)).append("]\n");
        }
        List<String> ev = new ArrayList<>();
        for (double v : eigenvalues) ev.add(Numbers.round(v, 8));
        sb.append("  eigenvalues ").append(ev).append(": ").append(definiteness());
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
