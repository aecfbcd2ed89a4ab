package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ASTNode
import org.codehaus.groovy.ast.AnnotatedNode
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.ImportNode
import org.codehaus.groovy.ast.expr.AttributeExpression
import org.codehaus.groovy.ast.expr.CastExpression
import org.codehaus.groovy.ast.expr.ClassExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.ConstructorCallExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.MethodPointerExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.control.messages.SyntaxErrorMessage

/**
 * The script sandbox, applied at compile time: a script may do mathematics, read its data and print,
 * but may not start processes, touch files, open sockets, exit the JVM, or reach reflection and class
 * loading. Only an allow-list of types may be named; a deny-list of method and property names closes
 * the dynamic routes ({@code "cmd".execute()}, {@code x.getClass()}, {@code metaClass}); method and
 * property names must be literal. A refused statement is a compile error with exit code 4.
 */
@CompileStatic
class Sandbox extends CompilationCustomizer {
    static final Set<String> DENIED_METHODS = [
            'execute', 'exit', 'halt', 'getClass', 'forName', 'loadClass', 'defineClass', 'newInstance', 'invokeMethod',
            'getMetaClass', 'setMetaClass', 'evaluate', 'parseClass', 'getDeclaredMethod', 'getDeclaredMethods', 'getMethod',
            'getMethods', 'getDeclaredField', 'getDeclaredFields', 'getField', 'getFields', 'getDeclaredConstructor',
            'getDeclaredConstructors', 'getConstructor', 'getConstructors', 'setAccessible', 'getRuntime', 'exec',
            'consumeProcessOutput', 'waitForProcessOutput', 'withObjectOutputStream', 'withObjectInputStream', 'newReader',
            'newWriter', 'newInputStream', 'newOutputStream', 'newPrintWriter', 'withReader', 'withWriter', 'withInputStream',
            'withOutputStream', 'withPrintWriter', 'withDataOutputStream', 'eachFile', 'eachFileRecurse', 'eachDir',
            'eachFileMatch', 'traverse', 'setText', 'setBytes', 'write', 'append', 'delete', 'deleteDir', 'renameTo', 'mkdir',
            'mkdirs', 'toURL', 'toURI', 'openConnection', 'openStream', 'getClassLoader', 'getenv', 'addShutdownHook',
            'load', 'loadLibrary', 'mixin', 'start', 'startDaemon', 'getBinding', 'setBinding', 'getProperties', 'setProperty',
            'getProperty', 'use', 'sleep', 'wait', 'notify', 'notifyAll', 'createTempFile', 'createTempDir',
            'getText', 'getBytes', 'readLines', 'eachLine', 'splitEachLine', 'filterLine', 'createNewFile', 'setReadable',
            'setWritable', 'setExecutable', 'asWritable',
    ] as Set<String>

    static final Set<String> DENIED_PROPERTIES = [
            'class', 'metaClass', 'classLoader', 'declaredMethods', 'declaredFields', 'methods', 'fields', 'protectionDomain',
            'runtime', 'properties', 'binding', 'text', 'bytes', 'declaredConstructors', 'constructors', 'superclass',
    ] as Set<String>

    static final Set<String> ALLOWED_TYPES = [
            'java.lang.Object', 'java.lang.String', 'groovy.lang.GString', 'java.lang.Number', 'java.lang.Integer',
            'java.lang.Long', 'java.lang.Double', 'java.lang.Float', 'java.lang.Short', 'java.lang.Byte', 'java.lang.Boolean',
            'java.lang.Character', 'java.math.BigDecimal', 'java.math.BigInteger', 'java.lang.Math', 'java.util.List',
            'java.util.ArrayList', 'java.util.LinkedList', 'java.util.Map', 'java.util.HashMap', 'java.util.LinkedHashMap',
            'java.util.TreeMap', 'java.util.Set', 'java.util.HashSet', 'java.util.LinkedHashSet', 'java.util.Collection',
            'java.lang.Iterable', 'groovy.lang.Range', 'groovy.lang.IntRange', 'groovy.lang.ObjectRange', 'groovy.lang.Closure',
            'java.util.Collections', 'java.util.Arrays', 'java.util.Random', 'java.lang.StringBuilder',
            'java.lang.IllegalArgumentException', 'java.lang.IllegalStateException', 'java.lang.RuntimeException',
            'java.lang.Exception', 'java.lang.AssertionError', 'java.lang.Void', 'groovy.lang.Script',
            // what plot and animate return; the rest of org.gradus.plot (renderers, writers) stays out of reach
            'org.gradus.plot.PlotResult',
    ] as Set<String>

    static final List<String> ALLOWED_PACKAGES = [
            'org.gradus.expr.', 'org.gradus.atoms.', 'org.gradus.diff.', 'org.gradus.calculus.', 'org.gradus.analysis.', 'org.gradus.optim.',
            'org.gradus.result.', 'org.gradus.data.', 'org.gradus.print.',
    ]

    Sandbox() {
        super(CompilePhase.SEMANTIC_ANALYSIS)
    }

    static boolean allowedType(ClassNode type) {
        if (type == null) return true
        ClassNode t = type.isArray() ? type.componentType : type
        if (ClassHelper.isPrimitiveType(t) || t == ClassHelper.VOID_TYPE || t == ClassHelper.DYNAMIC_TYPE) return true
        String n = t.name
        if (n in ALLOWED_TYPES) return true
        if (ALLOWED_PACKAGES.any { n.startsWith(it) }) return true
        // the script's own classes and closures
        return t.module != null && !t.isResolved() || t.redirect().module != null
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        Checker checker = new Checker(source)
        for (ImportNode imp : source.AST.imports + source.AST.starImports + source.AST.staticImports.values() + source.AST.staticStarImports.values()) {
            if (imp.lineNumber > 0 && !(imp.type != null ? allowedType(imp.type) : ALLOWED_PACKAGES.any { (imp.packageName ?: '').startsWith(it) })) {
                checker.refuse(imp, "importing ${imp.className ?: imp.packageName} is not allowed in a script")
            }
        }
        checker.visitClass(classNode)
    }

    private static class Checker extends ClassCodeVisitorSupport {
        final SourceUnit sourceUnit

        Checker(SourceUnit source) { this.sourceUnit = source }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        void refuse(ASTNode node, String what) {
            if (node.lineNumber < 1) return // code the compiler generated (the script's main method), not the user's
            sourceUnit.errorCollector.addErrorAndContinue(new SyntaxErrorMessage(new ForbiddenSyntaxException(
                    "forbidden: $what (scripts may not run processes, use files other than their data, open sockets, " +
                            "exit, or use reflection)", node.lineNumber, node.columnNumber), sourceUnit))
        }

        private void checkType(ASTNode node, ClassNode type) {
            if (!allowedType(type)) refuse(node, "the class ${type.name} is not available in scripts")
        }

        @Override
        void visitAnnotations(AnnotatedNode node) {
            if (node.annotations.any { it.lineNumber > 0 }) refuse(node, 'annotations are not allowed in scripts')
            super.visitAnnotations(node)
        }

        /** Class expressions seen as the receiver of a static member; any other use of a class as a value is refused. */
        private final Set<ClassExpression> receivers = Collections.newSetFromMap(new IdentityHashMap<ClassExpression, Boolean>())

        @Override
        void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.methodAsString
            if (name == null) refuse(call, 'a method name computed at run time')
            else if (name in DENIED_METHODS) refuse(call, "calling '$name'")
            if (call.objectExpression instanceof ClassExpression) {
                ClassExpression owner = (ClassExpression) call.objectExpression
                checkType(call, owner.type)
                receivers << owner
                if (name != null && !owner.type.getMethods(name).any { it.isStatic() }) {
                    refuse(call, "'$name' is not a static method of ${owner.type.nameWithoutPackage} (class objects are not available in scripts)")
                }
            }
            super.visitMethodCallExpression(call)
        }

        @Override
        void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            if (call.method in DENIED_METHODS) refuse(call, "calling '${call.method}'")
            checkType(call, call.ownerType)
            super.visitStaticMethodCallExpression(call)
        }

        @Override
        void visitConstructorCallExpression(ConstructorCallExpression call) {
            checkType(call, call.type)
            super.visitConstructorCallExpression(call)
        }

        @Override
        void visitPropertyExpression(PropertyExpression p) {
            String name = p.propertyAsString
            if (name == null) refuse(p, 'a property name computed at run time')
            else if (name in DENIED_PROPERTIES) refuse(p, "the property '$name'")
            if (p.objectExpression instanceof ClassExpression) {
                ClassExpression owner = (ClassExpression) p.objectExpression
                checkType(p, owner.type)
                receivers << owner
                if (name != null && !isStaticProperty(owner.type, name)) {
                    refuse(p, "'$name' is not a static field of ${owner.type.nameWithoutPackage} (class objects are not available in scripts)")
                }
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
            if (name == null || name in DENIED_METHODS) refuse(m, "a reference to the method '${name ?: '?'}'")
            super.visitMethodPointerExpression(m)
        }

        @Override
        void visitClassExpression(ClassExpression c) {
            checkType(c, c.type)
            if (!receivers.contains(c)) refuse(c, "using the class ${c.type.nameWithoutPackage} as a value")
            super.visitClassExpression(c)
        }

        private static boolean isStaticProperty(ClassNode type, String name) {
            def field = type.getField(name)
            if (field != null && field.isStatic()) return true
            String cap = name.capitalize()
            (type.getMethods('get' + cap) + type.getMethods('is' + cap)).any { it.isStatic() && it.parameters.length == 0 }
        }

        @Override
        void visitCastExpression(CastExpression c) {
            checkType(c, c.type)
            super.visitCastExpression(c)
        }

        @Override
        void visitDeclarationExpression(DeclarationExpression d) {
            if (d.leftExpression instanceof VariableExpression) checkType(d, ((VariableExpression) d.leftExpression).originType)
            super.visitDeclarationExpression(d)
        }

        @Override
        void visitVariableExpression(VariableExpression v) {
            if (v.name in ['binding', 'metaClass', 'class']) refuse(v, "the name '${v.name}'")
            super.visitVariableExpression(v)
        }
    }
}
