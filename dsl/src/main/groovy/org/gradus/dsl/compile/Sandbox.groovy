package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ASTNode
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.DynamicVariable
import org.codehaus.groovy.ast.GenericsType
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.Parameter
import org.codehaus.groovy.ast.expr.ArrayExpression
import org.codehaus.groovy.ast.expr.AttributeExpression
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.CastExpression
import org.codehaus.groovy.ast.expr.ClassExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.ConstructorCallExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.ListExpression
import org.codehaus.groovy.ast.expr.MapEntryExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.MethodPointerExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.expr.UnaryMinusExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.CaseStatement
import org.codehaus.groovy.ast.stmt.CatchStatement
import org.codehaus.groovy.ast.stmt.ForStatement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.syntax.Types
import org.gradus.dsl.sandbox.AllowList

import java.lang.reflect.Field
import java.lang.reflect.Method
import java.lang.reflect.Modifier

/**
 * The sandbox at compile time, once names are resolved (SEMANTIC_ANALYSIS): what a script names must be
 * in the {@link AllowList}. Refused, each with its line and column and exit code 4:
 * <ul>
 *   <li>a type outside {@link AllowList#NAMEABLE} anywhere a script can write one: declarations
 *       ({@code File f = ...}, {@code def (File f, n) = ...}), loop variables ({@code for (File f in ...)}),
 *       closure and function parameters, function return types, casts, {@code as} (only
 *       {@link AllowList#COERCIBLE} types), {@code instanceof}, {@code catch} (exceptions only), arrays,
 *       and type arguments;</li>
 *   <li>{@code new T(...)} outside {@link AllowList#CONSTRUCTIBLE};</li>
 *   <li>a class used other than as the receiver of one of its {@link AllowList#STATICS static members}:
 *       {@code .class}, a class as a value, {@code Math.getResource};</li>
 *   <li>names in {@link AllowList#NEVER} as methods, properties, method pointers or bare names; member
 *       names computed at run time ({@code x."$name"()}); {@code .@field}; {@code super};</li>
 *   <li>names starting with {@code __} (reserved for the compiler's own calls);</li>
 *   <li>functions that are static, or whose names would replace the script's machinery ({@code run},
 *       {@code getProperty}, {@code finalize}, ...), and default parameter values that are not constants
 *       (they would run code where the sandbox does not look).</li>
 * </ul>
 * Everything dynamic is then checked again at run time ({@link GuardTransform}).
 */
@CompileStatic
class Sandbox extends CompilationCustomizer {
    /** Function names a script may not define: they would replace how the script itself works. */
    static final Set<String> RESERVED_FUNCTIONS = AllowList.words('''run main getProperty setProperty invokeMethod getMetaClass
        setMetaClass getBinding setBinding evaluate finalize clone methodMissing propertyMissing toString equals hashCode
        println print printf sprintf''')

    private static final Set<String> NAMEABLE = AllowList.NAMEABLE.collect { it.name }.toSet()
    private static final Set<String> COERCIBLE = AllowList.COERCIBLE.collect { it.name }.toSet()
    private static final Set<String> CONSTRUCTIBLE = AllowList.CONSTRUCTIBLE.collect { it.name }.toSet()

    Sandbox() {
        super(CompilePhase.SEMANTIC_ANALYSIS)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return         // refused at CONVERSION already
        Checker checker = new Checker(source)
        for (MethodNode m : classNode.methods) {
            if (m.name == 'main' && m.isStatic() && m.lineNumber < 1) continue     // the compiler's own entry point
            if (m.name != 'run' || m.lineNumber > 0) checker.checkFunction(m)
            checker.visitMethod(m)
        }
    }

    static boolean nameable(ClassNode type) {
        if (type == null) return true
        if (type.isArray()) return nameable(type.componentType)
        if (ClassHelper.isPrimitiveType(type) || type == ClassHelper.VOID_TYPE || type == ClassHelper.DYNAMIC_TYPE
                || type.isGenericsPlaceHolder()) return generics(type)
        NAMEABLE.contains(type.name) && generics(type)
    }

    private static boolean generics(ClassNode type) {
        GenericsType[] gts = type.genericsTypes
        if (gts == null) return true
        gts.every { GenericsType g ->
            (g.placeholder || g.wildcard || nameable(g.type)) && (g.upperBounds == null || g.upperBounds.every { nameable(it) }) &&
                    (g.lowerBound == null || nameable(g.lowerBound))
        }
    }

    /** A default value that runs no code: a constant, or a list or map of constants. */
    static boolean constantValue(Expression e) {
        if (e == null || e instanceof ConstantExpression) return true
        if (e instanceof UnaryMinusExpression) return constantValue(((UnaryMinusExpression) e).expression)
        if (e instanceof ListExpression) return ((ListExpression) e).expressions.every { constantValue(it) }
        if (e instanceof MapExpression) {
            return ((MapExpression) e).mapEntryExpressions.every { MapEntryExpression me -> constantValue(me.keyExpression) && constantValue(me.valueExpression) }
        }
        false
    }

    private static final class Checker extends ClassCodeVisitorSupport {
        final SourceUnit sourceUnit
        /** Class expressions seen as receivers of allowed static members or as instanceof targets. */
        private final Set<ClassExpression> allowedClasses = Collections.newSetFromMap(new IdentityHashMap<ClassExpression, Boolean>())

        Checker(SourceUnit source) { this.sourceUnit = source }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        void refuse(ASTNode node, String what, String hint = null) {
            SandboxSyntax.refuse(sourceUnit, node, what, hint)
        }

        private void type(ASTNode at, ClassNode t, String where) {
            if (!nameable(t)) refuse(at, "the type ${t.toString(false)} ${where}",
                    'scripts may name numbers, strings, lists, maps, ranges, closures and Gradus values')
        }

        /** A function the script defines ({@code def f(x) {...}}): its name, types and default values. */
        void checkFunction(MethodNode m) {
            if (m.isStatic()) refuse(m, "a static function ('${m.name}')")
            if (m.name in RESERVED_FUNCTIONS || AllowList.NEVER.contains(m.name)) refuse(m, "a function named '${m.name}'")
            if (m.name.startsWith('__')) refuse(m, "the name '${m.name}'", 'names starting with __ are reserved')
            type(m, m.returnType, "as the return type of '${m.name}'")
            for (Parameter p : m.parameters) parameter(p, m)
        }

        private void parameter(Parameter p, ASTNode owner) {
            ASTNode at = p.lineNumber > 0 ? p : owner
            type(at, p.originType, "of the parameter '${p.name}'")
            if (p.hasInitialExpression() && !constantValue(p.initialExpression)) {
                refuse(p.initialExpression, "a computed default value (parameter '${p.name}')", 'use a constant')
            }
            if (p.name.startsWith('__')) refuse(at, "the name '${p.name}'", 'names starting with __ are reserved')
        }

        @Override
        void visitClosureExpression(ClosureExpression c) {
            if (c.parameters != null) for (Parameter p : c.parameters) parameter(p, c)
            super.visitClosureExpression(c)
        }

        @Override
        void visitDeclarationExpression(DeclarationExpression d) {
            if (d.isMultipleAssignmentDeclaration()) {
                for (Expression e : d.tupleExpression.expressions) {
                    VariableExpression v = (VariableExpression) e
                    type(v, v.originType, "of '${v.name}'")
                    reserved(v, v.name)
                }
            } else {
                VariableExpression v = d.variableExpression
                type(v, v.originType, "of '${v.name}'")
                reserved(v, v.name)
            }
            super.visitDeclarationExpression(d)
        }

        @Override
        void visitForLoop(ForStatement f) {
            Parameter v = f.variable
            if (v != null && v != ForStatement.FOR_LOOP_DUMMY) {
                type(v.lineNumber > 0 ? v : f, v.originType, "of the loop variable '${v.name}'")
                reserved(f, v.name)
            }
            super.visitForLoop(f)
        }

        @Override
        void visitCatchStatement(CatchStatement c) {
            ClassNode t = c.variable.originType
            boolean exceptionsOnly = c.variable.isDynamicTyped() ||        // catch (e) catches exceptions only
                    nameable(t) && (t.isDerivedFrom(ClassHelper.make(Exception)) || t.name == Exception.name)
            if (!exceptionsOnly) {
                refuse(c.variable.lineNumber > 0 ? c.variable : c, "catching ${t.nameWithoutPackage}",
                        'a script may catch exceptions: catch (e) or catch (IllegalArgumentException e)')
            }
            super.visitCatchStatement(c)
        }

        @Override
        void visitCastExpression(CastExpression c) {
            if (c.isCoerce()) {
                if (!COERCIBLE.contains(c.type.name) && !ClassHelper.isPrimitiveType(c.type) && !(c.type.isArray() && nameable(c.type))) {
                    refuse(c, "converting with 'as ${c.type.nameWithoutPackage}'", 'as converts to numbers, strings, lists, sets and maps')
                }
            } else {
                type(c, c.type, 'in a cast')
            }
            super.visitCastExpression(c)
        }

        @Override
        void visitArrayExpression(ArrayExpression a) {
            type(a, a.elementType, 'as an array element')
            super.visitArrayExpression(a)
        }

        @Override
        void visitConstructorCallExpression(ConstructorCallExpression c) {
            if (c.isUsingAnonymousInnerClass()) refuse(c, 'an anonymous class')
            else if (!c.isSpecialCall() && !CONSTRUCTIBLE.contains(c.type.name)) {
                refuse(c, "new ${c.type.nameWithoutPackage}(...)")
            }
            super.visitConstructorCallExpression(c)
        }

        @Override
        void visitBinaryExpression(BinaryExpression b) {
            if (b.operation.type == Types.KEYWORD_INSTANCEOF || b.operation.type == Types.COMPARE_NOT_INSTANCEOF) {
                if (b.rightExpression instanceof ClassExpression) {
                    ClassExpression c = (ClassExpression) b.rightExpression
                    type(c, c.type, 'in instanceof')
                    allowedClasses << c
                }
            }
            super.visitBinaryExpression(b)
        }

        @Override
        void visitCaseStatement(CaseStatement c) {
            if (c.expression instanceof ClassExpression) {           // case String: (an instanceof test)
                ClassExpression t = (ClassExpression) c.expression
                type(t, t.type, 'as a case')
                allowedClasses << t
            }
            super.visitCaseStatement(c)
        }

        @Override
        void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.methodAsString
            ASTNode at = call.method.lineNumber > 0 ? call.method : call
            if (name == null) refuse(at, 'a method name computed at run time')
            else member(at, name, 'calling')
            if (isSuper(call.objectExpression)) refuse(call, 'super')
            if (call.objectExpression instanceof ClassExpression) {
                ClassExpression owner = (ClassExpression) call.objectExpression
                allowedClasses << owner
                if (name != null) staticMember(at, owner.type, name, true)
            }
            super.visitMethodCallExpression(call)
        }

        @Override
        void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            member(call, call.method, 'calling')
            if (call.ownerType.isScript()) refuse(call, "calling '${call.method}'")    // main(...): the script's static entry
            else staticMember(call, call.ownerType, call.method, true)
            super.visitStaticMethodCallExpression(call)
        }

        @Override
        void visitPropertyExpression(PropertyExpression p) {
            String name = p.propertyAsString
            ASTNode at = p.property.lineNumber > 0 ? p.property : p
            if (name == null) refuse(at, 'a property name computed at run time')
            else member(at, name, 'the property')
            if (isSuper(p.objectExpression)) refuse(p, 'super')
            if (p.objectExpression instanceof ClassExpression) {
                ClassExpression owner = (ClassExpression) p.objectExpression
                allowedClasses << owner
                if (name != null) staticMember(at, owner.type, name, false)
            }
            super.visitPropertyExpression(p)
        }

        @Override
        void visitAttributeExpression(AttributeExpression a) {
            refuse(a, 'direct field access with .@')
        }

        @Override
        void visitMethodPointerExpression(MethodPointerExpression m) {
            String name = m.methodName instanceof ConstantExpression ? ((ConstantExpression) m.methodName).value as String : null
            if (name == null) refuse(m, 'a method reference computed at run time')
            else if (name == 'new') refuse(m, 'a constructor reference (::new)')
            else member(m, name, 'a reference to')
            if (m.expression instanceof ClassExpression) {
                ClassExpression owner = (ClassExpression) m.expression
                allowedClasses << owner
                if (name != null && name != 'new') staticMember(m, owner.type, name, true)
            }
            super.visitMethodPointerExpression(m)
        }

        @Override
        void visitClassExpression(ClassExpression c) {
            if (!allowedClasses.contains(c)) refuse(c, "using the class ${c.type.nameWithoutPackage} as a value")
            super.visitClassExpression(c)
        }

        @Override
        void visitVariableExpression(VariableExpression v) {
            if (v.isSuperExpression()) refuse(v, 'super')
            else if (v.accessedVariable instanceof DynamicVariable || !(v.accessedVariable instanceof VariableExpression || v.accessedVariable instanceof Parameter)) {
                if (!v.isThisExpression()) reserved(v, v.name)
            }
            super.visitVariableExpression(v)
        }

        /** A bare name the script reads or assigns: not a never-allowed one, not a compiler one. */
        private void reserved(ASTNode at, String name) {
            if (name.startsWith('__')) refuse(at, "the name '${name}'", 'names starting with __ are reserved')
            else if (AllowList.NEVER.contains(name)) refuse(at, "the name '${name}'")
        }

        private void member(ASTNode at, String name, String what) {
            if (AllowList.NEVER.contains(name)) refuse(at, "${what} '${name}'")
            else if (name.startsWith('__')) refuse(at, "the name '${name}'", 'names starting with __ are reserved')
        }

        /** {@code Type.name}: the type must be listed in STATICS, and name a static member it lists. */
        private void staticMember(ASTNode at, ClassNode type, String name, boolean method) {
            Class c = AllowList.STATICS.keySet().find { it.name == type.name }
            if (c == null) {
                refuse(at, "the class ${type.nameWithoutPackage}")
                return
            }
            Set<String> names = AllowList.STATICS[c]
            boolean listed = names.contains(name) || names.contains('*')
            boolean exists = method ? c.methods.any { Method m -> m.name == name && Modifier.isStatic(m.modifiers) }
                    : c.fields.any { Field f -> f.name == name && Modifier.isStatic(f.modifiers) }
            if (!listed || !exists) {
                refuse(at, "${type.nameWithoutPackage}.${name}", "of ${type.nameWithoutPackage} a script may use ${AllowList.STATICS[c].contains('*') ? 'the static members' : AllowList.STATICS[c].sort().join(', ')}")
            }
        }

        private static boolean isSuper(Expression e) {
            e instanceof VariableExpression && ((VariableExpression) e).isSuperExpression()
        }
    }
}
