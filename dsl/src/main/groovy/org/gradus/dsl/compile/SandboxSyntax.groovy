package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ASTNode
import org.codehaus.groovy.ast.AnnotationNode
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.ImportNode
import org.codehaus.groovy.ast.ModuleNode
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.control.messages.SyntaxErrorMessage

/**
 * The sandbox's first look at a script, right after parsing (CONVERSION), before anything in the compiler
 * could act on what the script wrote: no imports (the vocabulary is already there), no package, no
 * annotations anywhere (they trigger compile-time transformations such as {@code @Grab} or
 * {@code @ASTTest}), and no class, trait, enum, interface or record declarations, anonymous classes
 * included. A refusal is a compile error with exit code 4; compilation stops at the end of this phase.
 * (Global AST transformations are switched off in the compiler configuration: see {@code ScriptCompiler}.)
 */
@CompileStatic
class SandboxSyntax extends CompilationCustomizer {

    SandboxSyntax() {
        super(CompilePhase.CONVERSION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            refuse(source, classNode, "declaring ${kind(classNode)} (${classNode.nameWithoutPackage})",
                    'a script is statements, functions (def f(x) { ... }) and closures')
            return
        }
        ModuleNode module = source.AST
        if (module.package != null) refuse(source, module.package, 'a package declaration')
        List<ImportNode> imports = []
        imports.addAll(module.imports)
        imports.addAll(module.starImports)
        imports.addAll(module.staticImports.values())
        imports.addAll(module.staticStarImports.values())
        for (ImportNode imp : imports) {
            if (imp.lineNumber > 0) refuse(source, imp, "importing ${imp.className ?: imp.packageName}", 'the vocabulary is already available')
        }
        new AnnotationFinder(source).visitClass(classNode)
    }

    private static String kind(ClassNode c) {
        if (c.isEnum()) return 'an enum'
        if (c.isInterface()) return c.isAnnotationDefinition() ? 'an annotation type' : 'an interface or trait'
        if (c.isRecord()) return 'a record'
        if (c.name.contains('$')) return 'an anonymous class'
        'a class'
    }

    /** Adds "forbidden: WHAT is not allowed in a script[; HINT]" at the node (exit code 4). */
    static void refuse(SourceUnit source, ASTNode node, String what, String hint = null) {
        int line = Math.max(node.lineNumber, 1), col = Math.max(node.columnNumber, 1)
        source.errorCollector.addErrorAndContinue(new SyntaxErrorMessage(new ForbiddenSyntaxException(
                "forbidden: ${what} is not allowed in a script" + (hint ? "; ${hint}" : ''), line, col), source))
    }

    /** Refuses every annotation the script wrote: on the script, its functions, parameters, variables, loops, catches. */
    private static final class AnnotationFinder extends ClassCodeVisitorSupport {
        final SourceUnit sourceUnit

        AnnotationFinder(SourceUnit source) { this.sourceUnit = source }

        @Override
        protected SourceUnit getSourceUnit() { sourceUnit }

        @Override
        protected void visitAnnotation(AnnotationNode node) {
            // the compiler's own (scriptBaseClass adds @BaseScript) have no position; every written one has
            if (node.lineNumber > 0) refuse(sourceUnit, node, "the annotation @${node.classNode.nameWithoutPackage}")
        }
    }
}
