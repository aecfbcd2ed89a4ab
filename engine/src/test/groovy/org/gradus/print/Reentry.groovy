package org.gradus.print

/**
 * Evaluates printed Groovy text as plain Groovy over numbers, with the built-in functions of SPEC §2
 * written here from their definitions: if the printer's text means what the expression means, the
 * numbers agree. (The DSL's own re-entry is tested in the dsl module.)
 */
class Reentry {
    static double sp(double z) { z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)) }

    static Binding binding(Map<String, Object> values) {
        Binding b = new Binding()
        values.each { k, v -> b.setVariable(k, v) }
        Map<String, Closure> fns = [
                exp      : { double a -> Math.exp(a) },
                log      : { double a -> Math.log(a) },
                log1p    : { double a -> Math.log1p(a) },
                sqrt     : { double a -> Math.sqrt(a) },
                sin      : { double a -> Math.sin(a) },
                cos      : { double a -> Math.cos(a) },
                tan      : { double a -> Math.tan(a) },
                tanh     : { double a -> Math.tanh(a) },
                abs      : { double a -> Math.abs(a) },
                sign     : { double a -> Math.signum(a) },
                relu     : { double a -> Math.max(a, 0d) },
                sigmoid  : { double a -> 1 / (1 + Math.exp(-a)) },
                softplus : { double a -> sp(a) },
                pow      : { double a, double p -> Math.pow(a, p) },
                max      : { double a, double c -> Math.max(a, c) },
                min      : { double a, double c -> Math.min(a, c) },
                logsumexp: { Object... a ->
                    List<Double> xs = (a.length == 1 && !(a[0] instanceof Number) ? a[0] as List : a as List).collect { it as double }
                    double m = xs.max()
                    m + Math.log(xs.sum { Math.exp(it - m) } as double)
                },
                huber    : { double p, double t, double d = 1 ->
                    double r = Math.abs(p - t)
                    r <= d ? r * r / 2 : d * (r - d / 2)
                },
                sum      : { IntRange r, Closure body -> r.sum { body(it) } ?: 0 },
                dot      : { a, c -> (0..<a.size()).sum { a[it] * c[it] } },
                norm1    : { a -> a.sum { Math.abs(it) } },
                l1       : { a -> a.sum { Math.abs(it) } },
                norm2    : { a -> Math.sqrt(a.sum { it * it } as double) },
                sumsq    : { a -> a.sum { it * it } },
                l2       : { a -> a.sum { it * it } },
                elasticNet: { a, double alpha -> alpha * a.sum { Math.abs(it) } + (1 - alpha) * a.sum { it * it } },
                matrix   : { List rows -> rows },
                quadForm : { a, List m -> (0..<a.size()).sum { i -> (0..<a.size()).sum { j -> a[i] * m[i][j] * a[j] } } },
        ]
        fns.each { k, v -> b.setVariable(k, v) }
        b
    }

    /**
     * As in a script, a quotient of two integer literals is a double quotient (the DSL compiles every
     * {@code a / b} of numbers to double division; plain Groovy would make 1/3 a ten-digit BigDecimal).
     */
    static double eval(String text, Map<String, Object> values) {
        String doubles = text.replaceAll(/(?<![\w.])(\d+)\/(\d+)(?![\w.])/, '$1d/$2')
        new GroovyShell(binding(values)).evaluate(doubles) as double
    }
}
