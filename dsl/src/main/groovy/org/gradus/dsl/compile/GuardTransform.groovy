package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.DynamicVariable
import org.codehaus.groovy.ast.FieldNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.PropertyNode
import org.codehaus.groovy.ast.Variable
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.AttributeExpression
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.BitwiseNegationExpression
import org.codehaus.groovy.ast.expr.ClassExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.ListExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.MethodPointerExpression
import org.codehaus.groovy.ast.expr.MethodReferenceExpression
import org.codehaus.groovy.ast.expr.PostfixExpression
import org.codehaus.groovy.ast.expr.PrefixExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.expr.UnaryMinusExpression
import org.codehaus.groovy.ast.expr.UnaryPlusExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.CaseStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.ForStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.classgen.BytecodeExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.syntax.Token
import org.codehaus.groovy.syntax.Types
import org.gradus.dsl.ScriptCompiler
import org.gradus.dsl.sandbox.Guard
import groovyjarjarasm.asm.MethodVisitor
import groovyjarjarasm.asm.Opcodes

/**
 * The compile-time half of the run-time sandbox: rewrites every dynamic operation of a script so that it
 * passes through {@link Guard} first — method calls ({@code Guard.call(r, 'm', ...).m(args)}), property
 * reads and writes, script variables (names not declared with {@code def}, read or assigned through the
 * script or through a closure's owner and delegate), subscripts, the operators that call a method on
 * their left operand ({@code + - * / % ** << >> & | ^}, unary {@code - + ~}, {@code ++ --}), {@code in},
 * {@code switch} cases, {@code for (x in c)} loops, multiple assignment, spread ({@code *.}) and method
 * pointers. Calls the compiler itself inserted ({@code __show}, {@code __named}, {@code __constraint},
 * {@code __div}; scripts may not write {@code __} names) are left direct, their arguments guarded.
 * Static members of classes ({@code Math.max}) are checked at compile time by {@link Sandbox}.
 * Runs last (CANONICALIZATION), after the rewrites of {@link ScriptTransforms} and variable scoping.
 */
@CompileStatic
class GuardTransform extends CompilationCustomizer {
    private static final ClassNode GUARD = ClassHelper.make(Guard)

    GuardTransform() {
        super(CompilePhase.CANONICALIZATION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return
        Rewriter r = new Rewriter(source)
        for (MethodNode m : classNode.methods) {
            if (m.isStatic() || m.isAbstract() || m.code == null) continue
            r.visitMethod(m)
        }
    }

    /** Operator token → the method Groovy calls on the left operand. */
    static final Map<Integer, String> OPERATORS = [
            (Types.PLUS)                : 'plus', (Types.MINUS): 'minus', (Types.MULTIPLY): 'multiply', (Types.DIVIDE): 'div',
            (Types.INTDIV)              : 'intdiv', (Types.MOD): 'mod', (Types.REMAINDER): 'remainder', (Types.POWER): 'power',
            (Types.LEFT_SHIFT)          : 'leftShift', (Types.RIGHT_SHIFT): 'rightShift', (Types.RIGHT_SHIFT_UNSIGNED): 'rightShiftUnsigned',
            (Types.BITWISE_AND)         : 'and', (Types.BITWISE_OR): 'or', (Types.BITWISE_XOR): 'xor',
    ] as Map<Integer, String>

    /** Types whose values' operators are those of numbers and strings (a local declared with one holds nothing else). */
    static final Set<String> PLAIN_TYPES = [Integer, Long, Double, Float, Short, Byte, BigDecimal, BigInteger, String, Boolean,
                                            Character].collect { it.name }.toSet()

    /** Compound assignment token → its operator token. */
    static final Map<Integer, Integer> COMPOUND = [
            (Types.PLUS_EQUAL)                : Types.PLUS, (Types.MINUS_EQUAL): Types.MINUS, (Types.MULTIPLY_EQUAL): Types.MULTIPLY,
            (Types.DIVIDE_EQUAL)              : Types.DIVIDE, (Types.INTDIV_EQUAL): Types.INTDIV, (Types.MOD_EQUAL): Types.MOD,
            (Types.REMAINDER_EQUAL)           : Types.REMAINDER, (Types.POWER_EQUAL): Types.POWER,
            (Types.LEFT_SHIFT_EQUAL)          : Types.LEFT_SHIFT, (Types.RIGHT_SHIFT_EQUAL): Types.RIGHT_SHIFT,
            (Types.RIGHT_SHIFT_UNSIGNED_EQUAL): Types.RIGHT_SHIFT_UNSIGNED, (Types.BITWISE_AND_EQUAL): Types.BITWISE_AND,
            (Types.BITWISE_OR_EQUAL)          : Types.BITWISE_OR, (Types.BITWISE_XOR_EQUAL): Types.BITWISE_XOR,
    ] as Map<Integer, Integer>

    /** The closure object itself, inside its own code (local 0 of {@code doCall}). */
    private static final class ClosureSelf extends BytecodeExpression {
        ClosureSelf() {
            super(ClassHelper.CLOSURE_TYPE.plainNodeReference)
        }

        @Override
        void visit(MethodVisitor mv) {
            mv.visitVarInsn(Opcodes.ALOAD, 0)
        }
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        final SourceUnit sourceUnit
        private int closureDepth
        private boolean valueUnused

        Rewriter(SourceUnit source) { this.sourceUnit = source }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        // ---- statements whose expressions get a guard of their own --------------------------------

        /**
         * Whether the statement being visited may give its value back (the last statement of a function or
         * closure body, possibly inside an if or try): only then must {@code x++} keep its old value.
         */
        private boolean mayReturn = true

        @Override
        void visitMethod(MethodNode m) {
            mayReturn = true
            super.visitMethod(m)
        }

        @Override
        void visitBlockStatement(BlockStatement block) {
            boolean saved = mayReturn
            List<Statement> list = block.statements
            for (int i = 0; i < list.size(); i++) {
                ScriptCompiler.checkInterrupted()          // a run stopped while compiling: stop here, not phases later
                mayReturn = saved && i == list.size() - 1
                list.get(i).visit(this)
            }
            mayReturn = saved
        }

        @Override
        void visitWhileLoop(org.codehaus.groovy.ast.stmt.WhileStatement st) {
            boolean saved = mayReturn
            mayReturn = false
            super.visitWhileLoop(st)
            mayReturn = saved
        }

        @Override
        void visitDoWhileLoop(org.codehaus.groovy.ast.stmt.DoWhileStatement st) {
            boolean saved = mayReturn
            mayReturn = false
            super.visitDoWhileLoop(st)
            mayReturn = saved
        }

        @Override
        void visitExpressionStatement(ExpressionStatement st) {
            valueUnused = !mayReturn
            st.expression = transform(st.expression)
        }

        @Override
        void visitForLoop(ForStatement st) {
            Expression c = st.collectionExpression
            if (c instanceof org.codehaus.groovy.ast.expr.ClosureListExpression) {
                List<Expression> parts = ((org.codehaus.groovy.ast.expr.ClosureListExpression) c).expressions
                for (int i = 0; i < parts.size(); i++) {
                    valueUnused = i != 1
                    parts.set(i, transform(parts.get(i)))
                }
            } else {
                st.collectionExpression = guard('op', [transform(c), text('iterator')], c)
            }
            boolean saved = mayReturn
            mayReturn = false
            st.loopBlock.visit(this)
            mayReturn = saved
        }

        @Override
        void visitCaseStatement(CaseStatement st) {
            // case String: is an instanceof test, its class checked at compile time
            if (!(st.expression instanceof ClassExpression)) st.expression = guard('op', [transform(st.expression), text('isCase')], st.expression)
            st.code.visit(this)
        }

        // ---- expressions ----------------------------------------------------------------------------

        @Override
        Expression transform(Expression e) {
            if (e == null) return null
            boolean unused = valueUnused
            valueUnused = false
            Expression out = rewrite(e, unused)
            if (!out.is(e) && out.lineNumber < 1) out.setSourcePosition(e)
            out
        }

        private Expression rewrite(Expression e, boolean unused) {
            if (e instanceof ClosureExpression) return closure((ClosureExpression) e)
            if (e instanceof MethodCallExpression) return methodCall((MethodCallExpression) e)
            if (e instanceof AttributeExpression) return e.transformExpression(this)      // refused at compile time
            if (e instanceof PropertyExpression) return property((PropertyExpression) e)
            if (e instanceof VariableExpression) return variable((VariableExpression) e)
            if (e instanceof DeclarationExpression) return declaration((DeclarationExpression) e)
            if (e instanceof BinaryExpression) return binary((BinaryExpression) e)
            if (e instanceof PrefixExpression) return step(((PrefixExpression) e).expression, ((PrefixExpression) e).operation, true, e)
            if (e instanceof PostfixExpression) return step(((PostfixExpression) e).expression, ((PostfixExpression) e).operation, unused, e)
            if (e instanceof UnaryMinusExpression) {
                return new UnaryMinusExpression(guard('op', [transform(((UnaryMinusExpression) e).expression), text('negative')], e))
            }
            if (e instanceof UnaryPlusExpression) {
                return new UnaryPlusExpression(guard('op', [transform(((UnaryPlusExpression) e).expression), text('positive')], e))
            }
            if (e instanceof BitwiseNegationExpression) {
                return new BitwiseNegationExpression(guard('op', [transform(((BitwiseNegationExpression) e).expression), text('bitwiseNegate')], e))
            }
            if (e instanceof MethodPointerExpression) return methodPointer((MethodPointerExpression) e)
            e.transformExpression(this)
        }

        private Expression closure(ClosureExpression c) {
            closureDepth++
            boolean saved = mayReturn
            mayReturn = true
            try {
                c.code.visit(this)
            } finally {
                closureDepth--
                mayReturn = saved
            }
            c
        }

        /**
         * An operand that cannot hold anything but a number or a string: a constant, or a local variable
         * declared with such a type ({@code int i}, {@code double s}). It needs no guard, which keeps
         * Groovy's fast arithmetic on primitives.
         */
        private static boolean plainValue(Expression e) {
            if (e instanceof ConstantExpression) return true
            if (!(e instanceof VariableExpression) || isBareName((VariableExpression) e)) return false
            Variable v = ((VariableExpression) e).accessedVariable
            ClassNode t = v == null ? null : v.originType
            t != null && (ClassHelper.isPrimitiveType(t) || t.name in PLAIN_TYPES)
        }

        /** The script, or inside a closure the closure itself: where a bare name is looked up. */
        private Expression holder() {
            closureDepth > 0 ? new ClosureSelf() : new VariableExpression('this')
        }

        private Expression methodCall(MethodCallExpression mce) {
            String name = mce.methodAsString
            Expression args = transform(mce.arguments)
            Expression obj = mce.objectExpression
            if (name == null || obj instanceof ClassExpression || isSuper(obj)) return copy(mce, transform(obj), args, mce.implicitThis)
            if (name.startsWith('__') && mce.implicitThis) {               // inserted by the compiler, not the script
                if (name == '__div' && args instanceof TupleExpression && ((TupleExpression) args).expressions.size() == 2) {
                    List<Expression> a = ((TupleExpression) args).expressions
                    a.set(0, guard('op', [a.get(0), text('div')], a.get(0)))
                }
                return copy(mce, obj, args, true)
            }
            if (!mce.implicitThis && !mce.spreadSafe && args instanceof TupleExpression) {
                List<Expression> a = ((TupleExpression) args).expressions
                if (name == 'getAt' && a.size() == 1) return guard('getAt', [transform(obj), a[0], bool(mce.safe)], mce.method)
                if (name == 'putAt' && a.size() == 2) return guard('putAt', [transform(obj), a[0], a[1]], mce.method)
            }
            Expression receiver
            if (mce.implicitThis) {
                receiver = closureDepth > 0 ? guard('callIn', [new ClosureSelf(), text(name)], mce.method)
                        : guard('call', [new VariableExpression('this'), text(name), bool(false)], mce.method)
            } else if (mce.spreadSafe) {
                receiver = guard('spreadCall', [transform(obj), text(name)], mce.method)
            } else {
                receiver = guard('call', [transform(obj), text(name), bool(mce.safe)], mce.method)
            }
            copy(mce, receiver, args, false)
        }

        private static MethodCallExpression copy(MethodCallExpression mce, Expression receiver, Expression args, boolean implicitThis) {
            MethodCallExpression out = new MethodCallExpression(receiver, mce.method, args)
            out.safe = mce.safe
            out.spreadSafe = mce.spreadSafe
            out.implicitThis = implicitThis
            out.genericsTypes = mce.genericsTypes
            out.setSourcePosition(mce)
            out
        }

        private Expression property(PropertyExpression p) {
            Expression obj = p.objectExpression
            String name = p.propertyAsString
            if (name == null || obj instanceof ClassExpression) return p.transformExpression(this)
            Expression at = p.property.lineNumber > 0 ? p.property : p
            if (p.spreadSafe) return guard('spreadGet', [transform(obj), text(name)], at)
            guard('get', [transform(obj), text(name), bool(p.safe)], at)
        }

        private Expression variable(VariableExpression v) {
            if (!isBareName(v)) return v
            guard('getVar', [holder(), text(v.name)], v)
        }

        /** A name not declared in the script (a script variable, or a property of the script). */
        private static boolean isBareName(VariableExpression v) {
            if (v.isThisExpression() || v.isSuperExpression()) return false
            Variable av = v.accessedVariable
            av instanceof DynamicVariable || av instanceof PropertyNode || av instanceof FieldNode
        }

        private Expression declaration(DeclarationExpression d) {
            Expression rhs = transform(d.rightExpression)
            if (d.isMultipleAssignmentDeclaration()) rhs = guard('op', [rhs, text('getAt')], d.rightExpression)
            d.rightExpression = rhs
            d
        }

        private Expression binary(BinaryExpression b) {
            int t = b.operation.type
            if (t == Types.ASSIGN || COMPOUND.containsKey(t)) return assignment(b, t)
            if (t == Types.LEFT_SQUARE_BRACKET) return guard('getAt', [transform(b.leftExpression), transform(b.rightExpression), bool(b.safe)], b)
            if (t == Types.KEYWORD_IN || t == Types.COMPARE_NOT_IN) {
                Expression left = transform(b.leftExpression)
                return sameOp(b, left, guard('op', [transform(b.rightExpression), text('isCase')], b.rightExpression))
            }
            String method = OPERATORS.get(t)
            if (method != null) {
                Expression left = plainValue(b.leftExpression) ? transform(b.leftExpression)
                        : guard('op', [transform(b.leftExpression), text(method)], b)
                return sameOp(b, left, transform(b.rightExpression))
            }
            b.transformExpression(this)
        }

        private Expression assignment(BinaryExpression b, int t) {
            Expression lhs = b.leftExpression
            Expression rhs = transform(b.rightExpression)
            String method = t == Types.ASSIGN ? null : OPERATORS.get(COMPOUND.get(t))
            if (lhs instanceof VariableExpression) {
                VariableExpression v = (VariableExpression) lhs
                if (isBareName(v)) {
                    return method == null ? guard('setVar', [holder(), text(v.name), rhs], b)
                            : guard('setVarOp', [holder(), text(v.name), text(method), rhs], b)
                }
                if (method == null || plainValue(v)) return sameOp(b, lhs, rhs)
                Expression value = new BinaryExpression(guard('op', [local(v), text(method)], b),
                        Token.newSymbol(COMPOUND.get(t), b.operation.startLine, b.operation.startColumn), rhs)
                value.setSourcePosition(b)
                return new BinaryExpression(lhs, Token.newSymbol(Types.ASSIGN, b.operation.startLine, b.operation.startColumn), value)
            }
            if (lhs instanceof PropertyExpression && !(lhs instanceof AttributeExpression)
                    && !(((PropertyExpression) lhs).objectExpression instanceof ClassExpression) && ((PropertyExpression) lhs).propertyAsString != null) {
                PropertyExpression p = (PropertyExpression) lhs
                Expression obj = transform(p.objectExpression)
                return method == null ? guard('set', [obj, text(p.propertyAsString), rhs], p.property)
                        : guard('setOp', [obj, text(p.propertyAsString), text(method), rhs], p.property)
            }
            if (lhs instanceof BinaryExpression && ((BinaryExpression) lhs).operation.type == Types.LEFT_SQUARE_BRACKET) {
                BinaryExpression s = (BinaryExpression) lhs
                Expression target = transform(s.leftExpression), index = transform(s.rightExpression)
                return method == null ? guard('putAt', [target, index, rhs], b) : guard('putAtOp', [target, index, text(method), rhs], b)
            }
            if (lhs instanceof TupleExpression && method == null) {      // (a, b) = rhs: the names are checked at compile time
                return sameOp(b, lhs, guard('op', [rhs, text('getAt')], b.rightExpression))
            }
            sameOp(b, transform(lhs), rhs)
        }

        /** {@code ++x}, {@code x--}, ...: the value stays Groovy's (old for postfix, new for prefix). */
        private Expression step(Expression target, Token operation, boolean prefix, Expression at) {
            String method = operation.type == Types.PLUS_PLUS ? 'next' : 'previous'
            if (target instanceof VariableExpression) {
                VariableExpression v = (VariableExpression) target
                if (isBareName(v)) return guard('stepVar', [holder(), text(v.name), text(method), bool(prefix)], at)
                if (plainValue(v)) return at            // ++ on an int keeps Groovy's own code
                Expression assign = new BinaryExpression(local(v), Token.newSymbol(Types.ASSIGN, -1, -1), guard('step', [local(v), text(method)], at))
                assign.setSourcePosition(at)
                if (prefix) return assign
                // x++ as a value: [x, x = step(x)][0]
                return new BinaryExpression(new ListExpression([local(v), assign] as List<Expression>),
                        Token.newSymbol(Types.LEFT_SQUARE_BRACKET, -1, -1), new ConstantExpression(0))
            }
            if (target instanceof PropertyExpression && !(target instanceof AttributeExpression) && ((PropertyExpression) target).propertyAsString != null
                    && !(((PropertyExpression) target).objectExpression instanceof ClassExpression)) {
                PropertyExpression p = (PropertyExpression) target
                return guard('stepProperty', [transform(p.objectExpression), text(p.propertyAsString), text(method), bool(prefix)], at)
            }
            if (target instanceof BinaryExpression && ((BinaryExpression) target).operation.type == Types.LEFT_SQUARE_BRACKET) {
                BinaryExpression s = (BinaryExpression) target
                return guard('stepAt', [transform(s.leftExpression), transform(s.rightExpression), text(method), bool(prefix)], at)
            }
            guard('step', [transform(target), text(method)], at)
        }

        private Expression methodPointer(MethodPointerExpression m) {
            Expression obj = m.expression
            if (obj instanceof ClassExpression || !(m.methodName instanceof ConstantExpression)) return m.transformExpression(this)
            Expression receiver = guard('call', [transform(obj), m.methodName, bool(false)], m)
            MethodPointerExpression out = m instanceof MethodReferenceExpression ? new MethodReferenceExpression(receiver, m.methodName)
                    : new MethodPointerExpression(receiver, m.methodName)
            out.setSourcePosition(m)
            out
        }

        // ---- building blocks ------------------------------------------------------------------------

        /** {@code Guard.method(args..., line, column)}, positioned at {@code at}. */
        private static Expression guard(String method, List<Expression> args, Expression at) {
            List<Expression> all = new ArrayList<>(args)
            all.add(new ConstantExpression(Math.max(at.lineNumber, 0), true))
            all.add(new ConstantExpression(Math.max(at.columnNumber, 0), true))
            StaticMethodCallExpression call = new StaticMethodCallExpression(GUARD, method, new ArgumentListExpression(all))
            call.setSourcePosition(at)
            call
        }

        private static BinaryExpression sameOp(BinaryExpression b, Expression left, Expression right) {
            BinaryExpression out = new BinaryExpression(left, b.operation, right, b.safe)
            out.setSourcePosition(b)
            out
        }

        /** A fresh reference to a local variable (a node may appear only once in the tree). */
        private static VariableExpression local(VariableExpression v) {
            VariableExpression c = new VariableExpression(v.accessedVariable ?: v)
            c.closureSharedVariable = v.closureSharedVariable
            c.useReferenceDirectly = v.useReferenceDirectly
            c.setSourcePosition(v)
            c
        }

        private static boolean isSuper(Expression e) { e instanceof VariableExpression && ((VariableExpression) e).isSuperExpression() }

        private static ConstantExpression text(String s) { new ConstantExpression(s) }
        private static ConstantExpression bool(boolean b) { b ? ConstantExpression.PRIM_TRUE : ConstantExpression.PRIM_FALSE }
    }
}
