package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.syntax.SyntaxException
import org.codehaus.groovy.syntax.Types

import java.util.regex.Matcher
import java.util.regex.Pattern

/**
 * {@code minimize (x - 1)**2 + y**2} is not a minimization of (x − 1)² + y²: a word followed by a space
 * and a parenthesis takes that parenthesis as its whole argument list, so Groovy reads
 * {@code minimize(x - 1)**2 + y**2}. Mathematics is often written this way, and the run would then fail
 * far from the cause (or, worse, succeed on the wrong function), so such a call used as the left operand
 * of an arithmetic operator is a compile error that shows how to write it; {@link #hint} words the same
 * advice for the statements the parser itself rejects ({@code minimize (x - 1)**2, method: 'gd'}).
 */
@CompileStatic
class SpacedCalls extends CompilationCustomizer {
    private static final Set<Integer> ARITHMETIC = [Types.PLUS, Types.MINUS, Types.MULTIPLY, Types.DIVIDE, Types.POWER,
                                                    Types.MOD, Types.INTDIV] as Set<Integer>
    /** A statement (or assignment) that starts with a word, a space and an opening parenthesis. */
    private static final Pattern SPACED = Pattern.compile(/^\s*(?:[A-Za-z_]\w*\s*=\s*)?([A-Za-z_]\w*)[ \t]+\(/)

    SpacedCalls() {
        super(CompilePhase.CONVERSION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Finder(source).visitClass(classNode)
    }

    /**
     * The advice for a line the parser rejected, when it starts with {@code word (}: null for other
     * lines.
     */
    static String hint(String line) {
        if (line == null) return null
        Matcher m = SPACED.matcher(line)
        m.find() ? advice(m.group(1)) : null
    }

    private static String advice(String word) {
        "a word followed by a space and '(' takes only those parentheses as its arguments, so Groovy reads " +
                "'${word} (a)**2 + b' as '${word}(a)**2 + b'; put all of the arguments in one pair of parentheses: " +
                "${word}((a)**2 + b, ...)"
    }

    private static class Finder extends ClassCodeVisitorSupport {
        final SourceUnit sourceUnit

        Finder(SourceUnit source) { this.sourceUnit = source }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        @Override
        void visitBinaryExpression(BinaryExpression b) {
            if (ARITHMETIC.contains(b.operation.type)) {
                Expression left = b.leftExpression
                while (left instanceof BinaryExpression && ARITHMETIC.contains(((BinaryExpression) left).operation.type)) {
                    left = ((BinaryExpression) left).leftExpression
                }
                if (left instanceof MethodCallExpression && spaced((MethodCallExpression) left)) {
                    MethodCallExpression call = (MethodCallExpression) left
                    sourceUnit.errorCollector.addError(new SyntaxException(
                            advice(call.methodAsString), call.lineNumber, call.columnNumber), sourceUnit)
                    return
                }
            }
            super.visitBinaryExpression(b)
        }

        /** Whether the call is written {@code name (args)}: an implicit-this call with blanks between its name and '('. */
        private boolean spaced(MethodCallExpression call) {
            if (!call.isImplicitThis() || call.methodAsString == null || call.lineNumber < 1) return false
            String text = sourceUnit.source.getLine(call.lineNumber, null)
            if (text == null) return false
            int at = call.columnNumber - 1
            String name = call.methodAsString
            if (at < 0 || !text.startsWith(name, at)) return false
            int i = at + name.length()
            int blanks = i
            while (i < text.length() && (text.charAt(i) == (char) ' ' || text.charAt(i) == (char) '\t')) i++
            i > blanks && i < text.length() && text.charAt(i) == (char) '('
        }
    }
}
