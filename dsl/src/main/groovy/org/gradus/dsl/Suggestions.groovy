package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.atoms.Functions
import org.gradus.data.DataSet
import org.gradus.expr.Expr
import org.gradus.expr.VariableBlock
import org.gradus.optim.OptimizationResult
import org.gradus.print.Spelling

import java.lang.reflect.Method
import java.lang.reflect.Modifier

/**
 * "Did you mean ...?" for a misspelt word of a script ({@code gard} → {@code grad}, {@code limt} → {@code limit},
 * {@code r.stauts} → {@code status}: the rule is {@link Spelling}'s), the script's words and members to choose
 * from, and the words other tools use for what Gradus writes another way.
 */
@CompileStatic
final class Suggestions {
    private Suggestions() {
    }

    /** The script's own words: its vocabulary (every public method of the script class) and the function words. */
    static Set<String> scriptWords(Class<?> scriptClass, Collection<String> variables) {
        Set<String> out = new LinkedHashSet<>(Functions.names())
        for (Method m : (scriptClass ?: GradusScript).methods) {
            if (Modifier.isPublic(m.modifiers) && m.declaringClass != Object && m.declaringClass != Script && !m.name.startsWith('__')
                    && !m.name.contains('$') && !(m.name in IGNORED)) {
                out.add(m.name.startsWith('get') && m.name.length() > 3 && m.parameterCount == 0 ? decapitalize(m.name.substring(3)) : m.name)
            }
        }
        out.addAll(variables)
        out
    }

    /** The properties and methods a value of this class offers: its public methods, getters as properties, and extension methods. */
    static Set<String> members(Class<?> type) {
        Set<String> out = new LinkedHashSet<>()
        for (Method m : type.methods) {
            if (m.declaringClass == Object || m.name.contains('$')) continue
            out.add(m.name)
            if (m.name.startsWith('get') && m.name.length() > 3 && m.parameterCount == 0) out.add(decapitalize(m.name.substring(3)))
        }
        for (Method m : ExprExtensions.methods) {
            if (Modifier.isStatic(m.modifiers) && m.parameterCount > 0 && m.parameterTypes[0].isAssignableFrom(type)) {
                out.add(m.name)
                if (m.name.startsWith('get') && m.name.length() > 3 && m.parameterCount == 1) out.add(decapitalize(m.name.substring(3)))
            }
        }
        out
    }

    /** Whether {@code name} is a method of the type (or an extension on it) taking no arguments but its receiver, and no property. */
    static boolean isMethodOnly(Class<?> type, String name) {
        boolean method = type.methods.any { Method m -> m.name == name && m.parameterCount == 0 } ||
                ExprExtensions.methods.any { Method m ->
                    Modifier.isStatic(m.modifiers) && m.name == name && m.parameterCount == 1 && m.parameterTypes[0].isAssignableFrom(type)
                }
        String getter = 'get' + name.capitalize()
        method && !members(type).contains(getter)
    }

    private static final Set<String> IGNORED = ['run', 'main', 'methodMissing', 'propertyMissing', 'invokeMethod', 'setProperty',
                                                'getProperty', 'getBinding', 'setBinding', 'evaluate', 'print', 'printf', 'println',
                                                'getMetaClass', 'setMetaClass', 'context'] as Set<String>

    /**
     * A word of the language called with arguments none of its forms takes ({@code cosine(0.5, 100)}): what was
     * given and how the word is written — a schedule with its options and their defaults
     * ({@code cosine(period: 1000, min: 0)}), any other word by the kinds of its parameters.
     */
    static String wrongArguments(Class<?> scriptClass, String word, Object[] given) {
        List<String> kinds = []
        for (Object a : (given ?: new Object[0])) kinds.add(a == null ? 'null' : kindOf(a.getClass()))
        String what = kinds.isEmpty() ? 'no arguments' : '(' + kinds.join(', ') + ')'
        Map<String, Object> schedule = org.gradus.optim.schedule.Schedules.DEFAULTS.get(word)
        if (schedule != null) {
            List<String> options = []
            for (Map.Entry<String, Object> o : schedule.entrySet()) options.add("${o.key}: ${o.value}".toString())
            return "$word does not take $what: it takes named options, $word(${options.join(', ')}) (the defaults shown)"
        }
        Set<String> forms = new TreeSet<>(Comparator.comparingInt((String f) -> f.length()).thenComparing(Comparator.naturalOrder()))  // the shortest form first, whatever order reflection gives
        for (Method m : (scriptClass ?: GradusScript).methods) {
            if (m.name != word || !Modifier.isPublic(m.modifiers)) continue
            List<String> params = [], named = []   // Groovy passes name: value pairs first; a script writes them after the rest
            for (Class<?> t : m.parameterTypes) (Map.isAssignableFrom(t) ? named : params).add(Map.isAssignableFrom(t) ? 'name: value, …' : t == Object ? 'a value' : kindOf(t))
            forms.add("$word(${(params + named).join(', ')})".toString())
        }
        Map pairs = given?.find { it instanceof Map } as Map
        String brackets = ''
        if (pairs && forms.any { it.contains('name: value') }) {
            String written = pairs.collect { k, v -> "$k: $v" }.join(', ')
            brackets = " (name: value pairs are written without square brackets: $word(…, $written), not $word(…, [$written]))"
        }
        forms.isEmpty() ? "$word does not take $what" : "$word does not take $what; it is written ${forms.join(' or ')}$brackets"
    }

    /**
     * A value's method called with arguments none of its forms takes ({@code grad(f).at('x')}): "a gradient's at does
     * not take (a text); it takes (a map) or (a number) or (a minimize result)", or null where the value has no method
     * of that name (then the caller says so, with a did-you-mean).
     */
    static String argumentsOf(Class<?> type, String method, Object[] given) {
        Set<String> forms = new TreeSet<>(Comparator.comparingInt((String f) -> f.length()).thenComparing(Comparator.naturalOrder()))
        for (Method m : type.methods) {
            if (m.name == method && Modifier.isPublic(m.modifiers) && !Modifier.isStatic(m.modifiers)) forms.add(parameterKinds(m.parameterTypes.toList()))
        }
        for (Method m : ExprExtensions.methods) {
            if (m.name == method && Modifier.isStatic(m.modifiers) && m.parameterCount > 0 && m.parameterTypes[0].isAssignableFrom(type)) {
                forms.add(parameterKinds(m.parameterTypes.toList().drop(1)))
            }
        }
        if (forms.isEmpty()) return null
        List<String> kinds = []
        for (Object a : (given ?: new Object[0])) kinds.add(a == null ? 'null' : kindOf(a.getClass()))
        String kind = kindOf(type)
        "${kind}'s ${method} does not take ${kinds ? '(' + kinds.join(', ') + ')' : 'no arguments'}; it takes ${forms.join(' or ')}".toString()
    }

    private static String parameterKinds(List<Class<?>> types) {
        types.isEmpty() ? 'no arguments' : '(' + types.collect { Map.isAssignableFrom(it) ? 'a map' : it == Object ? 'a value' : kindOf(it) }.join(', ') + ')'
    }

    /**
     * Words a learner brings from sympy, scipy, numpy, torch or the lectures that Gradus writes another way,
     * each with the Gradus way; used only for a word that is not a word of the script.
     */
    private static final Map<String, String> OTHER_TOOLS_WORDS = [
            continuous  : 'continuity at a point is part of differentiable(f, at: [x: 0]) (with the one-sided limits); limit(f, x: 0) gives the limit',
            continuity  : 'continuity at a point is part of differentiable(f, at: [x: 0]) (with the one-sided limits); limit(f, x: 0) gives the limit',
            iscontinuous: 'continuity at a point is part of differentiable(f, at: [x: 0]) (with the one-sided limits)',
            diff        : "derivatives are partial(f, x) (one variable) and grad(f) (all of them); taylor(f, at: [x: 0], order: 2) for higher orders",
            derivative  : "derivatives are partial(f, x) (one variable) and grad(f) (all of them); taylor(f, at: [x: 0], order: 2) for higher orders",
            gradient    : 'the gradient is grad(f); grad(f).at(x: 1) at a point',
            jacobian    : 'the gradient of a scalar function is grad(f); hessian(f) gives second derivatives',
            series      : 'a Taylor polynomial is taylor(f, at: [x: 0], order: 3)',
            optimize    : "minimize f, method: 'lbfgs' (or maximize f)",
            fmin        : "minimize f, method: 'lbfgs'",
            argmin      : "minimize f gives the minimizer: r = minimize(f); r.x",
            solve       : 'stationary(f) finds the points where the gradient is 0',
            critical    : 'stationary(f, over: [x: -3..3]) finds the points where the gradient is 0 and classifies them (and the kinks where f has no gradient)',
            criticalpoints: 'stationary(f, over: [x: -3..3]) finds the points where the gradient is 0 and classifies them (and the kinks where f has no gradient)',
            convergence : 'plot r draws a run\'s convergence (f − f* and |∇f| per iteration); plot r1, r2, r3 several runs on one picture',
            contour     : 'plot f, x: -2..2, y: -2..2 draws the level sets of f (path: r adds a run\'s iterates)',
            contourf    : 'plot f, x: -2..2, y: -2..2 draws the level sets of f (path: r adds a run\'s iterates)',
            meshgrid    : 'plot f, x: -2..2, y: -2..2 samples the grid itself: the level sets, or surface: true for the surface',
            surface     : 'plot f, x: -2..2, y: -2..2, surface: true draws the surface of f',
            plot_surface: 'plot f, x: -2..2, y: -2..2, surface: true draws the surface of f',
            hist        : "plot data['price'] draws a column's histogram (bins: 20, density: true)",
            histogram   : "plot data['price'] draws a column's histogram (bins: 20, density: true)",
            scatter     : "plot data draws the rows (model: r adds a fitted line or decision boundary); plot data, features: ['a', 'b'] chooses the columns",
            extrema     : 'stationary(f, over: [x: -3..3]) finds and classifies the points where the gradient is 0 (minimum, maximum, saddle)',
            isconvex    : "convexity(f) says convex, concave, linear or neither, with the reason: convexity(f).verdict == 'convex'",
            convex      : "convexity(f) says convex, concave, linear or neither, with the reason: convexity(f).verdict == 'convex'",
            zeros       : 'vector(n) is a vector variable starting at 0; [0] * n is a list of zeros',
            linspace    : 'ranges are Groovy ranges: (0..<10), or (0..10).collect { it / 10 }',
            arange      : 'ranges are Groovy ranges: (0..<10), or (0..10).collect { it / 10 }',
            ones        : '[1] * n is a list of ones (a vector of numbers); vector(n, start: 1) a vector variable starting at ones',
            eye         : 'a matrix of numbers is matrix([[1, 0], [0, 1]]); the identity of size n, matrix((0..<n).collect { i -> (0..<n).collect { j -> i == j ? 1 : 0 } })',
            identity    : 'a matrix of numbers is matrix([[1, 0], [0, 1]]); the identity of size n, matrix((0..<n).collect { i -> (0..<n).collect { j -> i == j ? 1 : 0 } })',
            transpose   : 'the transpose of a matrix is A.T',
            randn       : "a variable with a random start is vector(n, init: 'normal', seed: 1) or matrix(m, n, init: 'normal'); one draw is new Random(1).nextGaussian()",
            rand        : "a variable with a random start is vector(n, init: 'uniform', seed: 1); one draw is new Random(1).nextDouble()",
            matmul      : 'the matrix product is A * B (and A * x for a vector)',
            inner       : 'the inner product is dot(x, y)',
            len         : "a data set's number of rows is data.rows (or data.size()), a list's length list.size()",
            integrate   : 'there is no integration: Gradus differentiates (grad, partial, hessian, taylor) and takes limits',
            ln          : 'the natural logarithm is log(x)',
            math        : "sin(x), exp(x), log(x), sqrt(x) are Gradus's own functions, which differentiate; Math.sin(2.0) is Java's, for a plain number",
            np          : 'the vocabulary needs no import: exp(x), log(x), dot(w, x), sum, mean, vector(3), matrix(2, 2)',
            numpy       : 'the vocabulary needs no import: exp(x), log(x), dot(w, x), sum, mean, vector(3), matrix(2, 2)',
            torch       : "the vocabulary needs no import: vector(3), matrix(2, 2) are the parameters, minimize(loss, method: 'adam') the training",
            range       : 'a range of whole numbers is 0..<n (range(n)), a..<b (range(a, b)); (0..<n).collect { i -> ... } maps it',
            log10       : 'the base-10 logarithm is log(x)/log(10)',
            log2        : 'the base-2 logarithm is log(x)/log(2)',
            pi          : 'π is Math.PI',
            'π'         : 'π is Math.PI',
            e           : "Euler's number is exp(1) (Math.E as a plain number)",
            inf         : 'infinity is Infinity, as in limit(f, x: Infinity)',
            infinity    : 'infinity is Infinity, as in limit(f, x: Infinity)',
    ]

    /**
     * What CVXPY's and torch's users read from a variable ({@code x.value} after a solve, {@code w.grad} after backward),
     * in Gradus's words: a variable keeps no value of its own, a run's result does.
     */
    private static final Map<String, String> VARIABLE_MEMBERS_OF_OTHER_TOOLS = [
            value: "a variable keeps only its start; a run's value of it is in the run's result: r = minimize(f), then r.x.NAME " +
                    '(every variable: r.x; the objective there: f.at(r))',
            data : "a variable keeps only its start; a run's value of it is r.x.NAME of r = minimize(f)",
            item : "a variable keeps only its start; a run's value of it is r.x.NAME of r = minimize(f)",
            grad : 'the gradient belongs to a function, not a variable: grad(f).at(r) at a run\'s result, partial(f, NAME) as an expression',
    ]

    /**
     * What sympy's and torch's users call on an expression ({@code f.subs(x, 2)}, {@code f.diff(x)}, {@code loss.backward()}),
     * in Gradus's words; NAME is the expression's name in the script.
     */
    private static final Map<String, String> EXPRESSION_METHODS_OF_OTHER_TOOLS = [
            subs      : 'an expression at a point is NAME.at(x: 2) (every variable by name)',
            evalf     : 'an expression at a point is NAME.at(x: 2) (every variable by name)',
            eval      : 'an expression at a point is NAME.at(x: 2) (every variable by name)',
            diff      : 'the derivative is partial(NAME, x), the gradient grad(NAME); taylor(NAME, at: [x: 0], order: 2) for higher orders',
            derivative: 'the derivative is partial(NAME, x), the gradient grad(NAME)',
            backward  : 'the gradient is computed when asked: grad(NAME) as expressions, grad(NAME).at(x: 1) at a point, and minimize(NAME) uses it',
            gradient  : 'the gradient is grad(NAME); grad(NAME).at(x: 1) at a point',
            series    : 'a Taylor polynomial is taylor(NAME, at: [x: 0], order: 3)',
            limit     : 'a limit is limit(NAME, x: 0)',
            simplify  : 'expressions are simplified as they are built; NAME shows the simplified form',
            expand    : 'expressions are simplified as they are built; NAME shows the simplified form',
            is_convex : 'convexity(NAME) says convex, concave, linear or neither, with the reason',
            isConvex  : 'convexity(NAME) says convex, concave, linear or neither, with the reason',
            item      : 'an expression at a point is NAME.at(x: 2)',
            numpy     : 'an expression at a point is NAME.at(x: 2); a vector expression gives a list of numbers',
    ]

    /**
     * What scipy's {@code OptimizeResult}, Keras' {@code History} and scikit-learn's fitted models call the parts of a
     * run's result, in Gradus's words; NAME is the result's name in the script.
     */
    private static final Map<String, String> RESULT_MEMBERS_OF_OTHER_TOOLS = [
            fun         : "the objective's value at the solution is NAME.f",
            fval        : "the objective's value at the solution is NAME.f",
            nit         : 'the number of iterations is NAME.iterations',
            niter       : 'the number of iterations is NAME.iterations',
            success     : "whether the run converged is NAME.status == 'converged' (NAME.status and NAME.message say why it stopped)",
            nfev        : 'the evaluation counts are NAME.evaluations (f, gradient and hessian)',
            njev        : 'the evaluation counts are NAME.evaluations (f, gradient and hessian)',
            nhev        : 'the evaluation counts are NAME.evaluations (f, gradient and hessian)',
            jac         : 'the gradient at the solution is grad(f).at(NAME) (its largest entry: NAME.gradNorm)',
            grad        : 'the gradient at the solution is grad(f).at(NAME) (its largest entry: NAME.gradNorm)',
            hess        : 'the Hessian at the solution is hessian(f).at(NAME)',
            hess_inv    : 'the Hessian at the solution is hessian(f).at(NAME)',
            history     : 'the recorded iterates are NAME.trace (a table; NAME.trace*.f the values of f)',
            loss        : "the objective's value at the solution is NAME.f; the values along the run NAME.trace*.f",
            losses      : 'the values of f along the run are NAME.trace*.f',
            params      : 'the solution is NAME.x (one variable: NAME.x.w)',
            coef_       : 'the solution is NAME.x (one variable: NAME.x.w)',
            best_params : 'the solution is NAME.x (one variable: NAME.x.w)',
            solution    : 'the solution is NAME.x (one variable: NAME.x.w)',
            converged   : "whether the run converged is NAME.status == 'converged'",
            time        : 'the seconds the run took are NAME.seconds',
    ]

    /** What a pandas user reads from a data frame, in Gradus's words; NAME is the data set's name in the script. */
    private static final Map<String, String> DATA_MEMBERS_OF_OTHER_TOOLS = [
            nunique     : "the number of distinct values of a column is NAME['label'].toSet().size(); a class target's labels are NAME.classes",
            value_counts: "the rows per value of a column are NAME['label'].countBy { it }; a class target's labels are NAME.classes",
            dropna      : 'a data set has no missing values: csv refuses a table with an empty or NA cell, naming its line and column',
            fillna      : 'a data set has no missing values: csv refuses a table with an empty or NA cell, naming its line and column',
            isnull      : 'a data set has no missing values: csv refuses a table with an empty or NA cell, naming its line and column',
            isna        : 'a data set has no missing values: csv refuses a table with an empty or NA cell, naming its line and column',
            notna       : 'a data set has no missing values: csv refuses a table with an empty or NA cell, naming its line and column',
            values      : "one column's numbers are NAME['a'], one row's NAME[0].x; a loop over the rows is for (row in NAME)",
            to_numpy    : "one column's numbers are NAME['a'], one row's NAME[0].x; a loop over the rows is for (row in NAME)",
            iloc        : 'a row is NAME[0] (NAME[-1] the last), rows NAME[0..<10] (a data set), rows at random NAME.sample(5, seed: 1)',
            loc         : "a row is NAME[0] (NAME[-1] the last), rows NAME[0..<10] (a data set), the rows where a condition holds NAME.findAll { row -> row['price'] < 3 }",
            query       : "the rows where a condition holds are NAME.findAll { row -> row['price'] < 3 } (a data set, as pandas' df[df['price'] < 3])",
            where       : "the rows where a condition holds are NAME.findAll { row -> row['price'] < 3 } (a data set, as pandas' df[df['price'] < 3])",
            filter      : "the rows where a condition holds are NAME.findAll { row -> row['price'] < 3 } (a data set, as pandas' df[df['price'] < 3])",
            drop        : "read only the columns you need: csv(file, usecols: ['a', 'b'])",
            dtypes      : "every column holds numbers; NAME.precision says how they are stored ('double' or 'float')",
            median      : "every column's median is the 50% row of NAME.describe() (NAME.describe()['a']['50%'] one column's)",
            var         : "every column's standard deviation is NAME.std() (pandas' n − 1); square it for the variance",
            len         : 'the number of rows is NAME.rows (NAME.shape: rows and columns)',
    ]

    /**
     * What numpy's arrays and pandas' columns call on their numbers, for a list of numbers such as a column
     * {@code data['a']}; NAME is the list as the script wrote it.
     */
    private static final Map<String, String> LIST_METHODS_OF_OTHER_TOOLS = [
            mean        : 'the mean of a list of numbers is mean(NAME)',
            std         : "a column's standard deviation is in data.std() (every column, pandas' n − 1) and data.describe()",
            var         : "a column's standard deviation is in data.std() (every column, pandas' n − 1); square it for the variance",
            median      : "a column's median is the 50% row of data.describe()",
            value_counts: 'the count of each value is NAME.countBy { it }',
            nunique     : 'the number of distinct values is NAME.toSet().size()',
            tolist      : 'NAME is already a list of numbers',
            to_numpy    : 'NAME is already a list of numbers',
            argmax      : 'the position of the largest number is NAME.indexOf(NAME.max())',
            argmin      : 'the position of the smallest number is NAME.indexOf(NAME.min())',
            idxmax      : 'the position of the largest number is NAME.indexOf(NAME.max())',
            idxmin      : 'the position of the smallest number is NAME.indexOf(NAME.min())',
    ]

    /** The properties the script's extensions give a type ({@code r.f}, {@code r.trace}), sorted. */
    static List<String> extensionProperties(Class<?> type) {
        List<String> out = []
        for (Method m : ExprExtensions.declaredMethods) {
            if (Modifier.isStatic(m.modifiers) && Modifier.isPublic(m.modifiers) && m.parameterCount == 1 && m.name.startsWith('get') && m.name.length() > 3
                    && m.parameterTypes[0].isAssignableFrom(type)) out.add(decapitalize(m.name.substring(3)))
        }
        out.unique().sort()
    }

    /**
     * Per kind of value, in the order looked at: what other tools call its members, and the name a hint writes when
     * the script's is not on the line (a variable is also an expression: its own table first).
     */
    private static final List<List<Object>> MEMBERS_OF_OTHER_TOOLS = [
            [VariableBlock, VARIABLE_MEMBERS_OF_OTHER_TOOLS, 'x'],
            [Expr, EXPRESSION_METHODS_OF_OTHER_TOOLS, 'f'],
            [OptimizationResult, RESULT_MEMBERS_OF_OTHER_TOOLS, 'r'],
            [DataSet, DATA_MEMBERS_OF_OTHER_TOOLS, 'data'],
            [List, LIST_METHODS_OF_OTHER_TOOLS, 'xs'],
    ]

    /**
     * "; in Gradus, …" for a member that another tool's value of this kind has — a variable's {@code x.value}, an
     * expression's {@code f.subs(x, 2)}, a result's {@code r.fun}, a data frame's {@code data.dropna()}, a column's
     * {@code data['a'].mean()} — with {@code name} (the value as the script wrote it, or null); else the empty string.
     */
    static String otherToolsMember(Class<?> type, String name, String member) {
        for (List<Object> kind : MEMBERS_OF_OTHER_TOOLS) {
            String hint = ((Class<?>) kind[0]).isAssignableFrom(type) ? ((Map<String, String>) kind[1]).get(member) : null
            if (hint != null) return inGradus(hint, name ?: (String) kind[2])
        }
        ''
    }

    /** For {@code data.price}: where a column's values are, outside a reduction and inside one. */
    static String columnOf(String table, String column) {
        String t = table ?: 'data'
        "; if '${column}' is a column: its values are ${t}['${column}'] (a list of numbers), and one row's value is row.${column} in mean(${t}) { row -> ... } or a loop over the rows".toString()
    }

    /** "; Gradus writes that as …" for a word from another tool, or the empty string. */
    static String otherToolsWord(String word) {
        inGradus(OTHER_TOOLS_WORDS.get(word.toLowerCase()), null)
    }

    /** "; in Gradus, " and the hint with NAME replaced by the script's name for the value, or the empty string for no hint. */
    private static String inGradus(String hint, String name) {
        hint == null ? '' : "; in Gradus, ${name == null ? hint : hint.replace('NAME', name)}".toString()
    }

    /** "; did you mean 'grad'?" or the empty string when nothing is close (the rule: {@link Spelling}). */
    static String didYouMean(String word, Collection<String> known) {
        Spelling.didYouMean(word, known)
    }

    private static String decapitalize(String s) {
        s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)).toString() + s.substring(1)
    }

    /** How a message names a kind of value, in the script's words rather than Java's. */
    static String kindOf(Class<?> type) {
        String n = type.simpleName
        switch (n) {
            case 'Variable': return 'a variable'
            case 'VectorVariable': return 'a vector or matrix variable'
            case 'GradientAt': return 'a gradient at a point'
            case 'HessianAt': return 'a Hessian at a point'
            case 'Gradient': return 'a gradient'
            case 'Hessian': return 'a Hessian'
            case 'OptimizationResult': return 'a minimize result'
            case 'DataSet': return 'a data set'
            case 'RowValues': return 'a row'
            case 'ConvexityReport': return 'a convexity report'
            case 'StationaryReport': return 'a stationary report'
            case 'DifferentiabilityReport': return 'a differentiability report'
            case 'LimitReport': return 'a limit'
            case 'MonotonicityReport': return 'a monotonicity report'
            case 'Matrix': return 'a matrix'
            case 'String': case 'GString': case 'GStringImpl': return 'a text'
            case 'Integer': case 'Long': case 'Double': case 'BigDecimal': case 'BigInteger': case 'Float': case 'Number': case 'double': case 'int': return 'a number'
        }
        if (org.gradus.expr.Expr.isAssignableFrom(type)) return 'an expression'
        if (List.isAssignableFrom(type)) return 'a list'
        if (Map.isAssignableFrom(type)) return 'a map'
        if (Closure.isAssignableFrom(type)) return 'a closure'
        if (org.gradus.result.Shown.isAssignableFrom(type)) return 'a report'
        if (type == org.gradus.optim.Status) return "a run's status"
        return 'this value'
    }
}
