package org.gradus.optim;

import org.gradus.print.Spelling;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What an unknown option or method of {@code minimize} most likely meant: the Gradus name that another tool's
 * word stands for (scipy's {@code maxiter}, torch's {@code SGD}, {@code learning_rate}, {@code 'L-BFGS-B'}), or
 * the nearest name by spelling ({@code methd} → {@code method}, {@code adma} → {@code adam}).
 */
final class UnknownOptionWords {
    private UnknownOptionWords() {
    }

    /** Option names of scipy.optimize, torch.optim, Keras and the lectures, each with the Gradus option. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("step", "lr"), Map.entry("stepsize", "lr"), Map.entry("learningrate", "lr"),
            Map.entry("learning_rate", "lr"), Map.entry("eta", "lr"), Map.entry("rate", "lr"),
            Map.entry("maxiter", "maxIter"), Map.entry("max_iter", "maxIter"), Map.entry("iterations", "maxIter"),
            Map.entry("iters", "maxIter"), Map.entry("niter", "maxIter"), Map.entry("steps", "maxIter"),
            Map.entry("gtol", "tol"), Map.entry("tolerance", "tol"), Map.entry("xtol", "tol"),
            Map.entry("x0", "start"), Map.entry("init", "start"), Map.entry("initial", "start"),
            Map.entry("from", "start"), Map.entry("guess", "start"), Map.entry("initial_guess", "start"),
            Map.entry("starting_point", "start"), Map.entry("startpoint", "start"), Map.entry("at", "start"),
            Map.entry("maxfun", "maxIter"), Map.entry("maxfev", "maxIter"), Map.entry("max_epochs", "epochs"),
            Map.entry("n_epochs", "epochs"), Map.entry("num_epochs", "epochs"), Map.entry("nepochs", "epochs"),
            Map.entry("batch_size", "batch"), Map.entry("batchsize", "batch"), Map.entry("minibatch", "batch"),
            Map.entry("betas", "beta1"), Map.entry("weight_decay", "weightDecay"), Map.entry("decay", "weightDecay"),
            Map.entry("constraints", "subjectTo"), Map.entry("bounds", "subjectTo: { x >= 0; x <= 1 } (kept exactly by projection), or the variable's own, variable(0.5, lower: 0, upper: 1)"), Map.entry("subject_to", "subjectTo"),
            Map.entry("st", "subjectTo"), Map.entry("optimizer", "method"), Map.entry("solver", "method"),
            Map.entry("algorithm", "method"), Map.entry("lr_schedule", "schedule"), Map.entry("scheduler", "schedule"),
            Map.entry("n_restarts", "restarts"), Map.entry("multistart", "restarts"), Map.entry("random_state", "seed"),
            Map.entry("timeout", "timeLimit"), Map.entry("time_limit", "timeLimit"), Map.entry("maxtime", "timeLimit"),
            Map.entry("nesterov", "method: 'nesterov'"), Map.entry("m", "memory"), Map.entry("history_size", "memory"));

    /** What scipy's constrained methods are in Gradus: the constraints are written, not the method. */
    private static final String CONSTRAINED = "'auto' with the constraints in subjectTo: { x + y <= 1; x >= 0 } (an augmented "
            + "Lagrangian around 'lbfgs'; bounds alone are kept exactly by projection)";

    /** Method names of scipy.optimize and torch.optim (lower-cased), each with the Gradus way to say it. */
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("sgd", "'gd' with batch: (batch: 1 is SGD, batch: 32 mini-batch), or 'momentum'"),
            Map.entry("l-bfgs-b", "'lbfgs' (bounds go in subjectTo: { x >= 0; x <= 1 }, or variable(0.5, lower: 0, upper: 1))"), Map.entry("l-bfgs", "'lbfgs'"),
            Map.entry("l_bfgs", "'lbfgs'"), Map.entry("newton-cg", "'newton'"), Map.entry("trust-ncg", "'newton'"),
            Map.entry("trust-exact", "'newton'"), Map.entry("nelder_mead", "'nelder-mead'"),
            Map.entry("neldermead", "'nelder-mead'"), Map.entry("simplex", "'nelder-mead'"),
            Map.entry("gradient descent", "'gd'"), Map.entry("gradient-descent", "'gd'"), Map.entry("steepest", "'gd'"),
            Map.entry("conjugate gradient", "'cg'"), Map.entry("ista", "'fista'"), Map.entry("proximal", "'fista'"),
            Map.entry("heavy-ball", "'momentum'"), Map.entry("nag", "'nesterov'"), Map.entry("adam_w", "'adamw'"),
            Map.entry("rprop", "'rmsprop'"),
            Map.entry("slsqp", CONSTRAINED), Map.entry("trust-constr", CONSTRAINED), Map.entry("cobyla", CONSTRAINED),
            Map.entry("cobyqa", CONSTRAINED), Map.entry("tnc", "'lbfgs' (bounds go in subjectTo: { x >= 0; x <= 1 })"),
            Map.entry("powell", "'nelder-mead' (no derivatives)"), Map.entry("dogleg", "'newton'"),
            Map.entry("trust-krylov", "'newton'"), Map.entry("adadelta", "'rmsprop' or 'adagrad'"),
            Map.entry("nadam", "'adam', or 'nesterov' for Nesterov momentum"), Map.entry("adamax", "'adam'"));

    /** The message for an option {@code minimize} does not take. */
    static String unknownOption(String name, List<String> valid) {
        String gradus = OPTIONS.get(name.toLowerCase());
        String hint = gradus != null ? "; in Gradus, that is " + gradus : Spelling.didYouMean(name, valid);
        return "unknown option '" + name + "'" + hint + "; valid options: " + String.join(", ", valid);
    }

    /** The message for a method Gradus does not have. */
    static String unknownMethod(String name, Collection<String> methods) {
        String lower = name.toLowerCase().trim();
        String hint;
        if (methods.contains(lower)) hint = "; method names are lower case: '" + lower + "'";
        else if (METHODS.containsKey(lower)) hint = "; in Gradus, that is " + METHODS.get(lower);
        else hint = Spelling.didYouMean(name, methods);
        return "unknown method '" + name + "'" + hint + "; valid methods: " + String.join(", ", methods);
    }
}
