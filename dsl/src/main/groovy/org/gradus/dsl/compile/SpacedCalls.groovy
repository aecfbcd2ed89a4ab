package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.ListExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.UnaryMinusExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.syntax.Types

import java.util.regex.Matcher
import java.util.regex.Pattern

/**
 * {@code minimize (x - 1)**2 + y**2} means what a mathematician writes: the minimization of
 * (x − 1)² + y². Groovy alone would read it as {@code minimize(x - 1)**2 + y**2} (a word followed by a
 * space and a parenthesis takes that parenthesis as its whole argument list) and fail on squaring a
 * result. A result of {@code minimize} or {@code maximize} is never an arithmetic operand, so before names
 * are resolved such a call that is the left operand of an arithmetic operator takes the whole arithmetic
 * expression as its argument. Other words keep Groovy's reading. {@link #hint} words the advice for
 * the statements the parser itself rejects ({@code minimize (x - 1)**2 + y**2, method: 'gd'}).
 * <p>
 * In the same way {@code maximize -g} and {@code show -f.at(x: 1)} mean the call of a negated argument:
 * Groovy reads a command word followed by a minus sign as a subtraction from the word
 * ({@code maximize - g}), which has no meaning, since these words name commands, not values.
 * <p>
 * And {@code show (2*w).at(w: [1, 2])} or {@code show (a + b)*2} show the whole expression: {@code show}
 * gives nothing, so Groovy's reading ({@code show(2*w)}, then {@code .at} called on nothing) never has a
 * meaning; a spaced {@code show (} at the bottom of a chain of calls, properties, indices and arithmetic
 * takes the whole chain as its argument. {@code show [a, b]} shows the list (Groovy alone reads an index into a
 * value named show).
 */
@CompileStatic
class SpacedCalls extends CompilationCustomizer {
    private static final Set<Integer> ARITHMETIC = [Types.PLUS, Types.MINUS, Types.MULTIPLY, Types.DIVIDE, Types.POWER,
                                                    Types.MOD, Types.INTDIV] as Set<Integer>
    /** The words whose result is never an arithmetic operand. */
    private static final Set<String> WHOLE_EXPRESSION_WORDS = ['minimize', 'maximize'] as Set<String>
    /** The command words that a minus sign after them negates the argument of: {@code maximize -g}. */
    private static final Set<String> NEGATED_ARGUMENT_WORDS = ['minimize', 'maximize', 'show'] as Set<String>
    /** The words that give nothing: a spaced call of one at the bottom of a chain shows the whole chain. */
    private static final Set<String> WHOLE_CHAIN_WORDS = ['show'] as Set<String>
    /** The words a spaced list after which is their argument: {@code show [r.status, r.f]}. */
    private static final Set<String> LIST_ARGUMENT_WORDS = ['show'] as Set<String>
    /** {@code minimize -f, method: 'gd'}: a negated argument followed by options, which the parser rejects. */
    private static final Pattern NEGATED_WITH_OPTIONS = Pattern.compile(/^\s*(?:[A-Za-z_]\w*\s*=\s*)?(minimize|maximize|show)[ \t]+-[^-=\s].*,/)
    /** A statement (or assignment) that starts with a word, a space and an opening parenthesis. */
    private static final Pattern SPACED = Pattern.compile(/^\s*(?:[A-Za-z_]\w*\s*=\s*)?([A-Za-z_]\w*)[ \t]+\(/)

    SpacedCalls() {
        super(CompilePhase.CONVERSION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Rewriter(source).visitClass(classNode)
    }

    /**
     * The advice for a line the parser rejected, when it starts with {@code word (}: null for other
     * lines.
     */
    static String hint(String line) {
        if (line == null) return null
        Matcher negated = NEGATED_WITH_OPTIONS.matcher(line)
        if (negated.find()) {
            String word = negated.group(1)
            return "Groovy reads '${word} -f, name: value' as a subtraction from ${word}, followed by a comma; with options, " +
                    "put the arguments in parentheses: ${word}(-f, name: value)"
        }
        Matcher m = SPACED.matcher(line)
        if (!m.find()) return null
        String word = m.group(1)
        "a word followed by a space and '(' takes only those parentheses as its arguments, so Groovy reads " +
                "'${word} (a)**2 + b, ...' as '${word}(a)**2 + b, ...'; put all of the arguments in one pair of parentheses: " +
                "${word}((a)**2 + b, ...)"
    }

    private static boolean arithmetic(Expression e) {
        e instanceof BinaryExpression && ARITHMETIC.contains(((BinaryExpression) e).operation.type)
    }

    private static Expression leftmost(Expression e) {
        while (arithmetic(e)) e = ((BinaryExpression) e).leftExpression
        e
    }

    /** {@code e} with its leftmost arithmetic operand replaced by {@code replacement}. */
    private static Expression replaceLeftmost(Expression e, Expression replacement) {
        if (!arithmetic(e)) return replacement
        BinaryExpression b = (BinaryExpression) e
        BinaryExpression out = new BinaryExpression(replaceLeftmost(b.leftExpression, replacement), b.operation, b.rightExpression)
        out.setSourcePosition(b)
        out
    }

    /** The subtraction at the bottom of e's left spine: {@code maximize - g} in {@code maximize - g + 1}. */
    private static BinaryExpression bottom(Expression e) {
        BinaryExpression b = (BinaryExpression) e
        while (arithmetic(b.leftExpression)) b = (BinaryExpression) b.leftExpression
        b
    }

    /** {@code e} with the binary expression at the bottom of its left spine replaced by {@code replacement}. */
    private static Expression replaceBottom(Expression e, Expression replacement) {
        BinaryExpression b = (BinaryExpression) e
        if (!arithmetic(b.leftExpression)) return replacement
        BinaryExpression out = new BinaryExpression(replaceBottom(b.leftExpression, replacement), b.operation, b.rightExpression)
        out.setSourcePosition(b)
        out
    }

    /** The script's own call {@code word(argument)}, placed where {@code source} stood. */
    private static MethodCallExpression wordCall(String word, Expression argument, Expression source) {
        MethodCallExpression out = new MethodCallExpression(VariableExpression.THIS_EXPRESSION, word, new ArgumentListExpression(argument))
        out.implicitThis = true
        out.setSourcePosition(source)
        out
    }

    private static boolean index(Expression e) {
        e instanceof BinaryExpression && ((BinaryExpression) e).operation.type == Types.LEFT_SQUARE_BRACKET
    }

    /** The next link down a chain {@code a.m(...).p[i] * 2}: the left operand, the receiver, or null at its bottom. */
    private static Expression chainChild(Expression e) {
        if (arithmetic(e) || index(e)) return ((BinaryExpression) e).leftExpression
        if (e instanceof MethodCallExpression && !((MethodCallExpression) e).isImplicitThis()) return ((MethodCallExpression) e).objectExpression
        if (e instanceof PropertyExpression) return ((PropertyExpression) e).objectExpression
        null
    }

    private static Expression chainBottom(Expression e) {
        Expression below
        while ((below = chainChild(e)) != null) e = below
        e
    }

    /** The link of e's chain just above its bottom ({@code show [1, 2]} in {@code show [1, 2][0]}), or e itself. */
    private static Expression lowestLink(Expression e) {
        Expression below
        while ((below = chainChild(e)) != null && chainChild(below) != null) e = below
        e
    }

    /** {@code e} with the bottom of its chain replaced by {@code replacement}. */
    private static Expression replaceChainBottom(Expression e, Expression replacement) {
        replaceChainLink(e, chainBottom(e), replacement)
    }

    /** {@code e} with the link {@code link} of its chain (e itself, or one below it) replaced by {@code replacement}. */
    private static Expression replaceChainLink(Expression e, Expression link, Expression replacement) {
        if (e.is(link)) return replacement
        Expression below = chainChild(e)
        Expression inner = replaceChainLink(below, link, replacement)
        Expression out
        if (e instanceof BinaryExpression) {
            out = new BinaryExpression(inner, ((BinaryExpression) e).operation, ((BinaryExpression) e).rightExpression)
        } else if (e instanceof MethodCallExpression) {
            MethodCallExpression m = (MethodCallExpression) e
            MethodCallExpression call = new MethodCallExpression(inner, m.method, m.arguments)
            call.safe = m.safe
            call.spreadSafe = m.spreadSafe
            call.implicitThis = false
            out = call
        } else {
            PropertyExpression p = (PropertyExpression) e
            out = new PropertyExpression(inner, p.property, p.safe)
        }
        out.setSourcePosition(e)
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
            Expression base = chainBottom(e)
            if (!base.is(e) && base instanceof MethodCallExpression && spacedCall((MethodCallExpression) base, WHOLE_CHAIN_WORDS)) {
                MethodCallExpression call = (MethodCallExpression) base
                Expression argument = ((ArgumentListExpression) call.arguments).getExpression(0)
                return wordCall(call.methodAsString, replaceChainBottom(e, argument).transformExpression(this), e)
            }
            Expression lowest = lowestLink(e)
            if (index(lowest) && ((BinaryExpression) lowest).leftExpression instanceof VariableExpression) {
                VariableExpression word = (VariableExpression) ((BinaryExpression) lowest).leftExpression
                if (word.name in LIST_ARGUMENT_WORDS && spacedBefore(word, word.name, (char) '[')) {
                    Expression items = ((BinaryExpression) lowest).rightExpression
                    ListExpression list = items instanceof ListExpression ? (ListExpression) items : new ListExpression([items])
                    list.setSourcePosition(items)
                    return wordCall(word.name, replaceChainLink(e, lowest, list).transformExpression(this), e)
                }
            }
            if (arithmetic(e)) {
                Expression left = leftmost(e)
                if (left instanceof MethodCallExpression && spacedCall((MethodCallExpression) left, WHOLE_EXPRESSION_WORDS)) {
                    MethodCallExpression call = (MethodCallExpression) left
                    Expression argument = ((ArgumentListExpression) call.arguments).getExpression(0)
                    return wordCall(call.methodAsString, replaceLeftmost(e, argument).transformExpression(this), e)
                }
                BinaryExpression first = bottom(e)
                if (first.operation.type == Types.MINUS && first.leftExpression instanceof VariableExpression
                        && ((VariableExpression) first.leftExpression).name in NEGATED_ARGUMENT_WORDS) {
                    String word = ((VariableExpression) first.leftExpression).name
                    UnaryMinusExpression negated = new UnaryMinusExpression(first.rightExpression)
                    negated.setSourcePosition(first.rightExpression)
                    return wordCall(word, replaceBottom(e, negated).transformExpression(this), e)
                }
            }
            if (e instanceof ClosureExpression) {
                ((ClosureExpression) e).code.visit(this)
                return e
            }
            e.transformExpression(this)
        }

        /** {@code minimize (a)}: an implicit-this call of one of {@code words} with one argument and blanks before '('. */
        private boolean spacedCall(MethodCallExpression call, Set<String> words) {
            // the word's own position: at the bottom of a chain the call's position is that of its parenthesis
            Expression word = call.method.lineNumber >= 1 ? call.method : call
            if (!call.isImplicitThis() || !(call.methodAsString in words) || word.lineNumber < 1) return false
            if (!(call.arguments instanceof ArgumentListExpression) || ((ArgumentListExpression) call.arguments).expressions.size() != 1) return false
            spacedBefore(word, call.methodAsString, (char) '(')
        }

        /** Whether {@code name} stands where {@code word} starts, followed by blanks and {@code open}. */
        private boolean spacedBefore(Expression word, String name, char open) {
            if (word.lineNumber < 1) return false
            String text = sourceUnit.source.getLine(word.lineNumber, null)
            if (text == null) return false
            int at = word.columnNumber - 1
            if (at < 0 || !text.startsWith(name, at)) return false
            int i = at + name.length()
            int blanks = i
            while (i < text.length() && (text.charAt(i) == (char) ' ' || text.charAt(i) == (char) '\t')) i++
            i > blanks && i < text.length() && text.charAt(i) == open
        }
    }
}
