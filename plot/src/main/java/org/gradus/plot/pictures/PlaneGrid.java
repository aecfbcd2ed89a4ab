package org.gradus.plot.pictures;

import org.gradus.eval.Program;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.plot.figure.Grid;

/**
 * Values of a function on a grid of a plane through its variables' space, evaluated by the engine's
 * compiled program (one flat instruction sweep per point, no expression trees walked): the point at
 * grid coordinates (a, b) is {@code origin + a·u + b·v}. Level sets of f(x, y) are the plane with u, v
 * the unit vectors of x and y; a loss landscape is the plane through a result's point.
 */
public final class PlaneGrid {
    private PlaneGrid() {
    }

    /**
     * f on an nx × ny grid over [a0, a1] × [b0, b1]; values that are not finite (outside f's domain)
     * become NaN.
     */
    public static Grid sample(Expr f, Layout layout, double[] origin, double[] u, double[] v,
                              double a0, double a1, double b0, double b1, int nx, int ny) {
        Program program = Program.compile(f, layout);
        double[] as = Grid.linspace(a0, a1, nx), bs = Grid.linspace(b0, b1, ny);
        double[][] z = new double[ny][nx];
        int n = layout.dimension();
        double[] x = new double[n];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                for (int k = 0; k < n; k++) x[k] = origin[k] + as[i] * u[k] + bs[j] * v[k];
                double value = program.value(x);
                z[j][i] = Double.isFinite(value) ? value : Double.NaN;
            }
        }
        return new Grid(as, bs, z);
    }

    /** f(x, y) on the grid: coordinates ix and iy vary, the others stay at {@code base}. */
    public static Grid axes(Expr f, Layout layout, int ix, int iy, double[] base, double[] xr, double[] yr, int nx, int ny) {
        int n = layout.dimension();
        double[] origin = base.clone(), u = new double[n], v = new double[n];
        origin[ix] = 0;
        origin[iy] = 0;
        u[ix] = 1;
        v[iy] = 1;
        return sample(f, layout, origin, u, v, xr[0], xr[1], yr[0], yr[1], nx, ny);
    }
}
