package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.DoWhileStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.ForStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.ast.stmt.WhileStatement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.gradus.dsl.run.RunControl

/**
 * Makes every script stoppable: puts {@link RunControl#check()} at the top of every loop body, closure
 * body and method body, and {@link RunControl#checkStopped()} before every top-level statement. A run that
 * reaches its time limit or is cancelled then ends at its next loop iteration or statement, whatever the
 * script does (plain loops, recursion through closures, a sequence of long minimizations); Ctrl-C in the
 * REPL ends a plain loop. Applied last, after the {@link Sandbox} has looked at the script's own code.
 */
@CompileStatic
class StopChecks extends CompilationCustomizer {
    private static final ClassNode CONTROL = ClassHelper.make(RunControl)

    StopChecks() {
        super(CompilePhase.CANONICALIZATION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Inserter(source).visitClass(classNode)
        BlockStatement body = ScriptBody.of(classNode)
        if (body == null) return
        List<Statement> checked = []
        for (Statement st : body.statements) {
            checked << call('checkStopped')
            checked << st
        }
        body.statements.clear()
        body.statements.addAll(checked)
    }

    private static Statement call(String method) {
        new ExpressionStatement(new StaticMethodCallExpression(CONTROL, method, ArgumentListExpression.EMPTY_ARGUMENTS))
    }

    /** A block that runs {@code RunControl.check()} and then {@code code}. */
    private static Statement checked(Statement code) {
        BlockStatement block = new BlockStatement()
        block.addStatement(call('check'))
        if (code != null) block.addStatement(code)
        block.setSourcePosition(code)
        block
    }

    private static class Inserter extends ClassCodeVisitorSupport {
        private final SourceUnit sourceUnit

        Inserter(SourceUnit sourceUnit) { this.sourceUnit = sourceUnit }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        @Override
        void visitForLoop(ForStatement loop) {
            super.visitForLoop(loop)
            loop.loopBlock = checked(loop.loopBlock)
        }

        @Override
        void visitWhileLoop(WhileStatement loop) {
            super.visitWhileLoop(loop)
            loop.loopBlock = checked(loop.loopBlock)
        }

        @Override
        void visitDoWhileLoop(DoWhileStatement loop) {
            super.visitDoWhileLoop(loop)
            loop.loopBlock = checked(loop.loopBlock)
        }

        @Override
        void visitClosureExpression(ClosureExpression closure) {
            super.visitClosureExpression(closure)
            closure.code = checked(closure.code)
        }

        @Override
        protected void visitConstructorOrMethod(MethodNode node, boolean isConstructor) {
            super.visitConstructorOrMethod(node, isConstructor)
            if (node.isSynthetic() || node.isAbstract() || node.code == null || isConstructor) return
            if (node.declaringClass.isScript() && node.name == 'run' && node.parameters.length == 0) return
            if (node.name == 'main' && node.isStatic()) return
            node.code = checked(node.code)
        }
    }
}
