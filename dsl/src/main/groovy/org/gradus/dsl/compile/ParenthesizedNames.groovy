package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.CastExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.UnaryMinusExpression
import org.codehaus.groovy.ast.expr.UnaryPlusExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.syntax.Token
import org.codehaus.groovy.syntax.Types

/**
 * {@code (x) - 1} is an expression, not a cast: Groovy reads a parenthesized name followed by a unary
 * minus or plus as a cast of {@code -1} to a type named x, and fails with "unable to resolve class x".
 * Scripts have no types of their own, so before names are resolved, a C-style cast of {@code ±e} to a
 * simple name that is not a type a script may use becomes the binary expression {@code name ± e} (the
 * parser folds {@code - 1} into the literal −1, which becomes {@code name - 1}).
 */
@CompileStatic
class ParenthesizedNames extends CompilationCustomizer {
    /** The types a script may cast to by their simple names; any other name in a cast is a variable. */
    private static final Set<String> TYPE_NAMES = [
            'Object', 'String', 'Number', 'Integer', 'Long', 'Double', 'Float', 'Short', 'Byte', 'Boolean', 'Character',
            'BigDecimal', 'BigInteger', 'List', 'Map', 'Set', 'Collection', 'Closure', 'Range',
    ] as Set<String>

    ParenthesizedNames() {
        super(CompilePhase.CONVERSION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Rewriter(source).visitClass(classNode)
    }

    static boolean isVariableName(ClassNode type) {
        if (type == null || type.isArray() || ClassHelper.isPrimitiveType(type) || type.isUsingGenerics()) return false
        String n = type.name
        if (n.contains('.') || n in TYPE_NAMES) return false
        return n ==~ /[A-Za-z_][A-Za-z0-9_]*/
    }

    /** The literal -1 (which the parser folds from the minus sign) as 1. */
    private static ConstantExpression positive(ConstantExpression c) {
        Number n = (Number) c.value
        Number abs = n instanceof Integer ? (Number) Math.abs(n.intValue()) : n instanceof Long ? (Number) Math.abs(n.longValue())
                : n instanceof BigDecimal ? (Number) ((BigDecimal) n).abs() : n instanceof BigInteger ? (Number) ((BigInteger) n).abs()
                : (Number) Math.abs(n.doubleValue())
        ConstantExpression out = new ConstantExpression(abs, true)
        out.setSourcePosition(c)
        out
    }

    private static class Rewriter extends ClassCodeExpressionTransformer {
        final SourceUnit sourceUnit

        Rewriter(SourceUnit source) { this.sourceUnit = source }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        @Override
        Expression transform(Expression e) {
            if (e == null) return null
            if (e instanceof CastExpression) {
                CastExpression c = (CastExpression) e
                Expression operand = c.expression
                boolean negativeNumber = operand instanceof ConstantExpression && ((ConstantExpression) operand).value instanceof Number
                        && ((Number) ((ConstantExpression) operand).value).doubleValue() < 0
                if (!c.isCoerce() && isVariableName(c.type)
                        && (operand instanceof UnaryMinusExpression || operand instanceof UnaryPlusExpression || negativeNumber)) {
                    boolean minus = operand instanceof UnaryMinusExpression || negativeNumber
                    Expression rest
                    if (negativeNumber) rest = positive(operand as ConstantExpression)
                    else if (operand instanceof UnaryMinusExpression) rest = (operand as UnaryMinusExpression).expression
                    else rest = (operand as UnaryPlusExpression).expression
                    VariableExpression name = new VariableExpression(c.type.name)
                    name.setSourcePosition(c)
                    Token op = Token.newSymbol(minus ? Types.MINUS : Types.PLUS, operand.lineNumber, operand.columnNumber)
                    BinaryExpression b = new BinaryExpression(name, op, transform(rest))
                    b.setSourcePosition(c)
                    return b
                }
            }
            if (e instanceof ClosureExpression) {
                ((ClosureExpression) e).code.visit(this)
                return e
            }
            e.transformExpression(this)
        }
    }
}
