package org.gradus.optim.method;

import org.gradus.optim.Settings;

/**
 * The registry of methods: builds a method from its name and the checked options, and knows its
 * default {@code maxIter} and {@code tol}. Adding a method means one class and one line here.
 */
public final class Methods {
    private Methods() {
    }

    /**
     * A fresh method (its state empty) for {@code name}, one of {@link Settings#METHODS} except auto.
     * @param l1Weights for fista: λᵢ of the term λᵢ|xᵢ| per coordinate; ignored by other methods
     */
    public static Method create(String name, Settings s, double[] l1Weights) {
        return switch (name) {
            case "gd" -> new GradientDescent(s);
            case "momentum" -> new HeavyBall(s, false);
            case "nesterov" -> new HeavyBall(s, true);
            case "adagrad" -> new Adagrad(s);
            case "rmsprop" -> new RmsProp(s);
            case "adam" -> new Adam(s, false);
            case "adamw" -> new Adam(s, true);
            case "newton" -> new Newton(s);
            case "bfgs" -> new Bfgs(s);
            case "lbfgs" -> new Lbfgs(s);
            case "cg" -> new ConjugateGradient(s);
            case "nelder-mead" -> new NelderMead(s);
            case "fista" -> new Fista(s, l1Weights);
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; valid methods: " + String.join(", ", Settings.METHODS));
        };
    }

    /** Default iteration cap: lbfgs 15000 (scipy), bfgs/cg max(1000, 200n), newton 1000, nelder-mead max(1000, 200n), others 10000. */
    public static int defaultMaxIter(String name, int n) {
        return switch (name) {
            case "lbfgs" -> 15000;
            case "bfgs", "cg", "nelder-mead" -> (int) Math.min(1_000_000, Math.max(1000, 200L * n));
            case "newton" -> 1000;
            default -> 10000;
        };
    }

    /** Default tol: 1e-6 on the gradient inf-norm (projected with bounds; gradient mapping for fista); 1e-8 on the simplex size for nelder-mead. */
    public static double defaultTol(String name) {
        return "nelder-mead".equals(name) ? 1e-8 : 1e-6;
    }

    /** True for the methods that step with a learning rate and take mini-batches. */
    public static boolean stochastic(String name) {
        return switch (name) {
            case "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw" -> true;
            default -> false;
        };
    }
}
