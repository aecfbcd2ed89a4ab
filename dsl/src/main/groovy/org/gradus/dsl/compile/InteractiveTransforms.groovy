package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.EmptyExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer

/**
 * Rewrites for code typed into an interactive session, where each input is compiled as its own script
 * on the session's shared binding:
 * {@link Declarations}: a top-level {@code def name = expr} (or {@code double name = expr}) becomes
 * {@code name = expr}, a session variable, instead of a local that vanishes after the input. (Ctrl-C
 * stops plain loops through the checks {@link StopChecks} puts into every script.)
 */
@CompileStatic
final class InteractiveTransforms {
    private InteractiveTransforms() {
    }

    /** Top-level declarations become binding assignments; runs before variable scoping. */
    static class Declarations extends CompilationCustomizer {
        Declarations() {
            super(CompilePhase.CONVERSION)
        }

        @Override
        void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            BlockStatement body = ScriptBody.of(classNode)
            if (body == null) return
            for (Statement st : body.statements) {
                if (!(st instanceof ExpressionStatement)) continue
                ExpressionStatement es = (ExpressionStatement) st
                if (!(es.expression instanceof DeclarationExpression)) continue
                DeclarationExpression d = (DeclarationExpression) es.expression
                if (d.multipleAssignmentDeclaration || !d.annotations.isEmpty()) continue
                VariableExpression v = d.variableExpression
                Expression value = d.rightExpression instanceof EmptyExpression ? ConstantExpression.NULL : d.rightExpression
                BinaryExpression assign = new BinaryExpression(new VariableExpression(v.name), d.operation, value)
                assign.setSourcePosition(d)
                es.expression = assign
            }
        }
    }
}
