package org.gradus.dsl

import org.gradus.expr.Expr
import org.gradus.expr.VariableBlock
import org.gradus.print.Numbers

/**
 * The advice for calling an expression as if it were a function, {@code f(x: 1, y: 2)} or {@code f(2)}: an expression
 * is evaluated at a point with {@code f.at(x: 1, y: 2)}, and the advice writes that call from the arguments given,
 * matching numbers given in order to the expression's variables in declaration order (as the gradient's components).
 */
final class ExpressionCall {

    private ExpressionCall() {}

    static String advice(String name, Object held, Object[] args) {
        if (held instanceof VariableBlock && !(held instanceof Expr)) {
            return "${name} is a ${((VariableBlock) held).size() > 1 ? 'vector or matrix ' : ''}variable, not a function: " +
                    "its elements are ${name}[0], ${name}[1], …, and an expression of it is evaluated at a point with .at(${name}: [...])"
        }
        List<String> coordinates = ((Expr) held).layout().blocks()*.name()
        if (held instanceof VariableBlock) {
            return "${name} is a variable, not a function: an expression of it is evaluated at a point with f.at(${point(coordinates, args)})"
        }
        "${name} is an expression, not a function: evaluate it at a point with ${name}.at(${point(coordinates, args)}); " +
                'a function of your own is a closure, g = { t -> t**2 }, called as g(x) or g(3)'
    }

    private static String point(List<String> coordinates, Object[] args) {
        if (args.length == 1 && args[0] instanceof Map) {
            return ((Map<?, ?>) args[0]).collect { k, v -> "${k}: ${text(v)}" }.join(', ')
        }
        if (args.length == coordinates.size() && args.every { it instanceof Number || it instanceof List }) {
            return (0..<args.length).collect { int i -> "${coordinates[i]}: ${text(args[i])}" }.join(', ')
        }
        coordinates ? coordinates.collect { "${it}: …" }.join(', ') : ''
    }

    private static String text(Object v) {
        if (v instanceof Number) return Numbers.format(((Number) v).doubleValue())
        if (v instanceof List) return '[' + ((List) v).collect { text(it) }.join(', ') + ']'
        String.valueOf(v)
    }
}
