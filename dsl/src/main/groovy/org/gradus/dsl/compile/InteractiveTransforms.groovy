package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import groovy.transform.ThreadInterrupt
import org.codehaus.groovy.ast.ASTNode
import org.codehaus.groovy.ast.AnnotationNode
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.Parameter
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
import org.codehaus.groovy.transform.ThreadInterruptibleASTTransformation

/**
 * Rewrites for code typed into an interactive session, where each input is compiled as its own script
 * on the session's shared binding:
 * <ul>
 *   <li>{@link Declarations}: a top-level {@code def name = expr} (or {@code double name = expr}) becomes
 *       {@code name = expr}, a session variable, instead of a local that vanishes after the input;</li>
 *   <li>{@link Interruptible}: loops and closures check {@link Thread#isInterrupted()} and stop with an
 *       {@link InterruptedException}, so Ctrl-C also stops plain Groovy loops (optimizers check the flag
 *       themselves).</li>
 * </ul>
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
            if (!classNode.isScript()) return
            MethodNode run = classNode.getMethod('run', Parameter.EMPTY_ARRAY)
            if (run == null || !(run.code instanceof BlockStatement)) return
            for (Statement st : ((BlockStatement) run.code).statements) {
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

    /**
     * Groovy's {@code @ThreadInterrupt} checks, applied after the {@link Sandbox} and the
     * {@link GuardTransform} have looked at the script (the inserted {@code Thread.currentThread()} would
     * not pass them): added to the configuration after them, in their last phase.
     */
    static class Interruptible extends CompilationCustomizer {
        Interruptible() {
            super(CompilePhase.CANONICALIZATION)
        }

        @Override
        void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            AnnotationNode annotation = new AnnotationNode(ClassHelper.make(ThreadInterrupt))
            new ThreadInterruptibleASTTransformation().visit([annotation, classNode] as ASTNode[], source)
        }
    }
}
