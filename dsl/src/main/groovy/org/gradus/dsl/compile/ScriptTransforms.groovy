package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.BooleanExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.EmptyExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MapEntryExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.NotExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.AssertStatement
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.syntax.SyntaxException
import org.codehaus.groovy.syntax.Types

/**
 * The three rewrites that make Groovy read as the {@code .opt} language:
 * <ul>
 *   <li>every top-level expression statement becomes {@code __show(expr)}, so its value is shown (but for a loop
 *       written as a call, {@code list.each { ... }}, whose value is what it looped over);</li>
 *   <li>{@code name = expr} and {@code def name = expr} become {@code name = __named('name', expr)}, so a
 *       variable takes the name it is assigned to, wherever it is assigned: at the top, in a loop or an {@code if},
 *       in a function or a closure (there it was {@code v1}, and {@code r.x.x} of a run in a loop null);</li>
 *   <li>inside {@code subjectTo: { ... }} and {@code constraints { ... }} each comparison statement
 *       {@code a <= b}, {@code a >= b}, {@code a == b} becomes {@code __constraint(a, '<=', b)};</li>
 *   <li>every other {@code a == b} becomes {@code __equal(a, b)} (and {@code a != b} its negation), which refuses
 *       to compare an expression: Groovy's would silently be false;</li>
 *   <li>every condition ({@code if}, {@code while}, {@code c ? a : b}, {@code !c}, {@code c && d}) is read through
 *       {@code __truth(c)}, which refuses an expression: Groovy's would silently be true.</li>
 * </ul>
 * Division is rewritten too ({@code __div}).
 */
@CompileStatic
class ScriptTransforms extends CompilationCustomizer {
    private static final Map<Integer, String> RELATIONS = [
            (Types.COMPARE_LESS_THAN_EQUAL)   : '<=',
            (Types.COMPARE_GREATER_THAN_EQUAL): '>=',
            (Types.COMPARE_EQUAL)             : '==',
            (Types.COMPARE_LESS_THAN)         : '<=',
            (Types.COMPARE_GREATER_THAN)      : '>=',
    ]

    ScriptTransforms() {
        super(CompilePhase.SEMANTIC_ANALYSIS)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new PowerCaret(source).visitClass(classNode)
        new ConstraintRewriter(source).visitClass(classNode)
        new DivisionRewriter(source).visitClass(classNode)
        new EqualityRewriter(source).visitClass(classNode)
        new TruthRewriter(source).visitClass(classNode)
        new NamingRewriter(source).visitClass(classNode)
        BlockStatement body = ScriptBody.of(classNode)
        if (body == null) return
        for (Statement st : body.statements) {
            if (!(st instanceof ExpressionStatement)) continue
            ExpressionStatement es = (ExpressionStatement) st
            Expression e = es.expression
            boolean assignment = e instanceof BinaryExpression && ((BinaryExpression) e).operation.type == Types.ASSIGN
            if (!assignment && !loopForItsEffect(e)) {
                es.expression = call('__show', [e], e)
            }
        }
    }

    /** Groovy's loops as calls ({@code data.each { row -> println row }}): their value is what they looped over, not a result. */
    private static final Set<String> LOOPS = ['each', 'eachWithIndex', 'reverseEach', 'forEach', 'times', 'upto', 'downto', 'step'] as Set

    private static boolean loopForItsEffect(Expression e) {
        e instanceof MethodCallExpression && !((MethodCallExpression) e).implicitThis && ((MethodCallExpression) e).methodAsString in LOOPS
    }

    /** Rewrites the value of every {@code name = expr} and {@code def name = expr} to {@code __named('name', expr)}. */
    private static class NamingRewriter extends ScriptRewriter {
        NamingRewriter(SourceUnit source) { super(source) }

        @Override
        Expression rewrite(Expression e) {
            if (!(e instanceof BinaryExpression) || ((BinaryExpression) e).operation.type != Types.ASSIGN) return null
            BinaryExpression b = (BinaryExpression) e
            if (!(b.leftExpression instanceof VariableExpression) || b.rightExpression instanceof EmptyExpression) return null  // def r (no value yet)
            Expression value = transform(b.rightExpression)
            b.rightExpression = call('__named', [new ConstantExpression(((VariableExpression) b.leftExpression).name), value], value)
            b
        }
    }

    static MethodCallExpression call(String method, List<Expression> args, Expression at) {
        def mce = new MethodCallExpression(VariableExpression.THIS_EXPRESSION, method, new ArgumentListExpression(args))
        mce.implicitThis = true
        mce.setSourcePosition(at)
        mce
    }

    /**
     * Rewrites {@code a / b} to {@code __div(a, b)}: between two numbers it is IEEE double division
     * (Groovy's own would give 1/3 = 0.3333333333, a 10-digit BigDecimal); otherwise it is the usual
     * operator (expressions divide symbolically).
     */
    private static class DivisionRewriter extends ScriptRewriter {
        DivisionRewriter(SourceUnit source) { super(source) }

        @Override
        Expression rewrite(Expression e) {
            if (e instanceof BinaryExpression && ((BinaryExpression) e).operation.type == Types.DIVIDE) {
                BinaryExpression b = (BinaryExpression) e
                return call('__div', [transform(b.leftExpression), transform(b.rightExpression)], b)
            }
            null
        }
    }

    /**
     * Rewrites {@code a == b} to {@code __equal(a, b)} and {@code a != b} to {@code !__equal(a, b)}: Groovy's equality,
     * except that an expression is refused — {@code x == 1 ? x**2 : x} or {@code (sign(z) + 1)/2 == row.y ? 1 : 0} in a
     * data body compared two objects and was silently false, where the script meant values at a point. An
     * {@code assert} keeps Groovy's own comparison, which its message draws.
     */
    private static class EqualityRewriter extends ScriptRewriter {
        EqualityRewriter(SourceUnit source) { super(source) }

        @Override
        void visitAssertStatement(AssertStatement statement) {
        }

        @Override
        Expression rewrite(Expression e) {
            if (!(e instanceof BinaryExpression)) return null
            BinaryExpression b = (BinaryExpression) e
            int t = b.operation.type
            if (t != Types.COMPARE_EQUAL && t != Types.COMPARE_NOT_EQUAL) return null
            Expression equal = call('__equal', [transform(b.leftExpression), transform(b.rightExpression),
                                                new ConstantExpression(b.operation.text), new ConstantExpression(b.operation.startColumn, true)], b)
            if (t == Types.COMPARE_EQUAL) return equal
            NotExpression not = new NotExpression(equal)
            not.setSourcePosition(b)
            not
        }
    }

    /**
     * Reads each condition through {@code __truth(c)}: {@code row.y ? -log(p) : -log(1 - p)} in a data body took the
     * first branch for every row (an expression object is true to Groovy), a loss silently wrong. Comparisons and
     * logical operators are conditions already (their operands are read in turn); the Elvis operator {@code a ?: b}
     * keeps Groovy's null test, and {@code assert} its own message.
     */
    private static class TruthRewriter extends ScriptRewriter {
        private static final Set<Integer> BOOLEAN_OPERATORS = [Types.COMPARE_EQUAL, Types.COMPARE_NOT_EQUAL, Types.COMPARE_LESS_THAN,
                Types.COMPARE_LESS_THAN_EQUAL, Types.COMPARE_GREATER_THAN, Types.COMPARE_GREATER_THAN_EQUAL, Types.COMPARE_IDENTICAL,
                Types.COMPARE_NOT_IDENTICAL, Types.KEYWORD_INSTANCEOF, Types.COMPARE_NOT_INSTANCEOF, Types.KEYWORD_IN,
                Types.COMPARE_NOT_IN, Types.MATCH_REGEX] as Set<Integer>

        TruthRewriter(SourceUnit source) { super(source) }

        @Override
        void visitAssertStatement(AssertStatement statement) {
        }

        @Override
        Expression rewrite(Expression e) {
            if (e instanceof BooleanExpression && !(e instanceof NotExpression)) {
                BooleanExpression out = new BooleanExpression(truth(((BooleanExpression) e).expression))
                out.setSourcePosition(e)
                return out
            }
            if (e instanceof NotExpression) {
                NotExpression out = new NotExpression(truth(((NotExpression) e).expression))
                out.setSourcePosition(e)
                return out
            }
            if (e instanceof BinaryExpression && (((BinaryExpression) e).operation.type == Types.LOGICAL_AND
                    || ((BinaryExpression) e).operation.type == Types.LOGICAL_OR)) {
                BinaryExpression b = (BinaryExpression) e
                BinaryExpression out = new BinaryExpression(truth(b.leftExpression), b.operation, truth(b.rightExpression))
                out.setSourcePosition(b)
                return out
            }
            null
        }

        /** c read as a condition: through __truth unless it is one already (a comparison, a logical operator, !, __equal). */
        private Expression truth(Expression c) {
            Expression inner = transform(c)
            if (inner instanceof BooleanExpression || inner instanceof ConstantExpression) return inner
            if (inner instanceof BinaryExpression) {
                int t = ((BinaryExpression) inner).operation.type
                if (BOOLEAN_OPERATORS.contains(t) || t == Types.LOGICAL_AND || t == Types.LOGICAL_OR) return inner
            }
            if (inner instanceof MethodCallExpression && ((MethodCallExpression) inner).methodAsString == '__equal') return inner
            call('__truth', [inner, new ConstantExpression(c.columnNumber, true)], c)
        }
    }

    /**
     * {@code a ^ b} is a compile error: mathematics and MATLAB write a power so, but Groovy (as Python) reads it as
     * bitwise exclusive or — {@code 2^3} would silently be 1 and {@code x^2} fail at run time with "no method xor".
     */
    private static class PowerCaret extends ScriptRewriter {
        PowerCaret(SourceUnit source) { super(source) }

        @Override
        Expression rewrite(Expression e) {
            if (e instanceof BinaryExpression) {
                BinaryExpression b = (BinaryExpression) e
                int t = b.operation.type
                if (t == Types.BITWISE_XOR || t == Types.BITWISE_XOR_EQUAL) {
                    int line = Math.max(b.operation.startLine, 1), col = Math.max(b.operation.startColumn, 1)
                    sourceUnit.errorCollector.addErrorAndContinue(new SyntaxErrorMessage(new SyntaxException(
                            "^ is not a power: Groovy reads it as bitwise exclusive or (2^3 is 1); write a power with ** (x**2, 2**3)",
                            line, col), sourceUnit))
                }
            }
            null
        }
    }

    /** A transformer over all of a script's code, closures included; subclasses rewrite some expressions. */
    private abstract static class ScriptRewriter extends ClassCodeExpressionTransformer {
        final SourceUnit sourceUnit

        ScriptRewriter(SourceUnit source) { this.sourceUnit = source }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        /** The replacement for e, or null to keep it and look inside. */
        abstract Expression rewrite(Expression e)

        @Override
        Expression transform(Expression e) {
            if (e == null) return null
            Expression r = rewrite(e)
            if (r != null) return r
            if (e instanceof ClosureExpression) {
                ((ClosureExpression) e).code.visit(this)
                return e
            }
            e.transformExpression(this)
        }
    }

    /** Rewrites comparisons in closures given as {@code subjectTo:}. */
    private static class ConstraintRewriter extends ScriptRewriter {
        ConstraintRewriter(SourceUnit source) { super(source) }

        @Override
        Expression rewrite(Expression e) {
            if (e instanceof MapEntryExpression) {
                MapEntryExpression me = (MapEntryExpression) e
                if (me.keyExpression instanceof ConstantExpression && ((ConstantExpression) me.keyExpression).value == 'subjectTo'
                        && me.valueExpression instanceof ClosureExpression) {
                    rewriteComparisons((ClosureExpression) me.valueExpression)
                }
            } else if (e instanceof MethodCallExpression && ((MethodCallExpression) e).methodAsString == 'constraints'
                    && ((MethodCallExpression) e).implicitThis && ((MethodCallExpression) e).arguments instanceof ArgumentListExpression) {
                // constraints { x**2 + y**2 <= 1; x + y >= 0 }: the same comparisons, as a value
                List<Expression> args = ((ArgumentListExpression) ((MethodCallExpression) e).arguments).expressions
                if (args.size() == 1 && args[0] instanceof ClosureExpression) rewriteComparisons((ClosureExpression) args[0])
            }
            null
        }

        private static void rewriteComparisons(ClosureExpression closure) {
            if (!(closure.code instanceof BlockStatement)) return
            for (Statement st : ((BlockStatement) closure.code).statements) {
                if (!(st instanceof ExpressionStatement)) continue
                ExpressionStatement es = (ExpressionStatement) st
                if (!(es.expression instanceof BinaryExpression)) continue
                BinaryExpression b = (BinaryExpression) es.expression
                String rel = RELATIONS[b.operation.type]
                if (rel != null) {
                    es.expression = call('__constraint', [b.leftExpression, new ConstantExpression(rel), b.rightExpression], b)
                }
            }
        }
    }
}
