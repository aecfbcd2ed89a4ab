package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.Parameter
import org.codehaus.groovy.ast.VariableScope
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.EmptyExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.ReturnStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer

import java.lang.reflect.Modifier

/**
 * Large scripts compile: the JVM limits a method to 64 KB of bytecode, and a script's top-level code is one
 * method ({@code run}), so a generated script of a few thousand statements would fail with "Method too
 * large". A script with more than {@link #MAX_STATEMENTS} top-level statements (or {@link #MAX_NODES}
 * syntax nodes) is compiled in parts: {@link Prepare} (right after parsing) turns its top-level
 * {@code def} declarations into script variables, so no local variable is shared between parts, and
 * {@link Split} (last) moves its statements, in order, into methods {@code __part1()},
 * {@code __part2()}, ... that {@code run} calls one after the other, the value of the last being the
 * script's. Statements keep their lines, and every top-level expression is still shown. A script whose
 * top level uses {@code return} is left whole.
 */
@CompileStatic
final class BodySplitter {
    /** Top-level statements a script may have before it is compiled in parts. */
    static final int MAX_STATEMENTS = 150
    /** Syntax nodes (as parsed) a script may have before it is compiled in parts. */
    static final int MAX_NODES = 3000
    /** What one part holds at most, after the sandbox's rewrites: statements, and syntax nodes. */
    static final int PART_STATEMENTS = 200, PART_NODES = 4000

    private static final String MARK = 'gradus.splitBody'

    private BodySplitter() {
    }

    /** CONVERSION: decides whether to split, and if so makes top-level declarations script variables. */
    static class Prepare extends CompilationCustomizer {
        Prepare() {
            super(CompilePhase.CONVERSION)
        }

        @Override
        void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            BlockStatement body = ScriptBody.of(classNode)
            if (body == null) return
            List<Statement> statements = body.statements
            if (statements.size() <= MAX_STATEMENTS && nodes(statements) <= MAX_NODES) return
            if (statements.any { it instanceof ReturnStatement || hasTopLevelReturn(it) }) return
            for (Statement st : statements) {
                if (!(st instanceof ExpressionStatement) || !(((ExpressionStatement) st).expression instanceof DeclarationExpression)) continue
                ExpressionStatement es = (ExpressionStatement) st
                DeclarationExpression d = (DeclarationExpression) es.expression
                if (!d.annotations.isEmpty()) continue               // refused by the sandbox anyway
                Expression value = d.rightExpression instanceof EmptyExpression ? ConstantExpression.NULL : d.rightExpression
                Expression target = d.isMultipleAssignmentDeclaration()
                        ? new TupleExpression(d.tupleExpression.expressions.collect { new VariableExpression(((VariableExpression) it).name) } as List<Expression>)
                        : new VariableExpression(d.variableExpression.name)
                BinaryExpression assign = new BinaryExpression(target, d.operation, value)
                assign.setSourcePosition(d)
                es.expression = assign
            }
            classNode.putNodeMetaData(MARK, Boolean.TRUE)
        }

        /** A return outside closures and functions, in a statement at the top level (inside an if, a loop...). */
        private static boolean hasTopLevelReturn(Statement st) {
            boolean[] found = [false] as boolean[]
            st.visit(new CodeVisitorSupport() {
                @Override
                void visitReturnStatement(ReturnStatement r) { found[0] = true }

                @Override
                void visitClosureExpression(org.codehaus.groovy.ast.expr.ClosureExpression c) { }
            })
            found[0]
        }
    }

    /** Last: moves the statements of a script marked by {@link Prepare} into part methods. */
    static class Split extends CompilationCustomizer {
        Split() {
            super(CompilePhase.CANONICALIZATION)
        }

        @Override
        void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            if (classNode.getNodeMetaData(MARK) == null) return
            BlockStatement body = ScriptBody.of(classNode)
            if (body == null) return
            List<Statement> all = new ArrayList<>(body.statements)
            List<List<Statement>> parts = []
            List<Statement> current = []
            int size = 0
            for (Statement st : all) {
                int n = nodes([st])
                if (!current.isEmpty() && (current.size() >= PART_STATEMENTS || size + n > PART_NODES)) {
                    parts << current
                    current = []
                    size = 0
                }
                current << st
                size += n
            }
            if (!current.isEmpty()) parts << current
            if (parts.size() < 2) return
            List<Statement> calls = []
            parts.eachWithIndex { List<Statement> part, int i ->
                String name = "__part${i + 1}"
                BlockStatement code = new BlockStatement(part, new VariableScope(body.variableScope))
                MethodNode m = classNode.addMethod(name, Modifier.PRIVATE, ClassHelper.OBJECT_TYPE, Parameter.EMPTY_ARRAY,
                        org.codehaus.groovy.ast.ClassNode.EMPTY_ARRAY, code)
                m.synthetic = true
                MethodCallExpression call = new MethodCallExpression(new VariableExpression('this'), name, ArgumentListExpression.EMPTY_ARGUMENTS)
                call.implicitThis = true
                call.setSourcePosition(part[0])
                calls << (i == parts.size() - 1 ? (Statement) new ReturnStatement(call) : new ExpressionStatement(call))
            }
            body.statements.clear()
            body.statements.addAll(calls)
        }
    }

    /** The number of syntax nodes (expressions and statements) in the statements: a measure of their bytecode. */
    static int nodes(List<Statement> statements) {
        int[] count = [0] as int[]
        CodeVisitorSupport counter = new CodeVisitorSupport() {
            @Override
            void visitMethodCallExpression(MethodCallExpression call) {
                count[0] += 3
                super.visitMethodCallExpression(call)
            }

            @Override
            void visitBinaryExpression(BinaryExpression b) {
                count[0] += 2
                super.visitBinaryExpression(b)
            }

            @Override
            void visitVariableExpression(VariableExpression v) {
                count[0]++
            }

            @Override
            void visitConstantExpression(ConstantExpression c) {
                count[0]++
            }

            @Override
            void visitStaticMethodCallExpression(org.codehaus.groovy.ast.expr.StaticMethodCallExpression call) {
                count[0] += 3
                super.visitStaticMethodCallExpression(call)
            }

            @Override
            void visitExpressionStatement(ExpressionStatement st) {
                count[0]++
                super.visitExpressionStatement(st)
            }
        }
        for (Statement st : statements) st.visit(counter)
        count[0]
    }
}
