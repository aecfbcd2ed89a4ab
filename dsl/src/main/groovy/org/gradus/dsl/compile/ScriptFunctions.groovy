package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.Parameter
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer

/**
 * The functions a script defines become variables too: each {@code def name(params) { ... }} puts
 * {@code __function('name', 'name(params)')} at the start of the script, which sets the variable {@code name} to
 * a {@link org.gradus.dsl.ScriptFunction} calling it. Groovy's own script functions are methods of one input's
 * class and vanish with it; as variables they last as the session's variables do (the REPL's next input, the
 * JSR-223 engine's next {@code eval} and its {@code invokeFunction}). Runs after the {@link Sandbox} has
 * checked the functions (SEMANTIC_ANALYSIS), before {@link ScriptTransforms}.
 */
@CompileStatic
class ScriptFunctions extends CompilationCustomizer {
    ScriptFunctions() {
        super(CompilePhase.SEMANTIC_ANALYSIS)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        BlockStatement body = ScriptBody.of(classNode)
        if (body == null) return
        Map<String, List<MethodNode>> byName = new LinkedHashMap<>()
        for (MethodNode m : classNode.methods) {
            if (m.lineNumber < 1 || m.name == 'run' || m.name == 'main' || m.name.startsWith('__') || m.name.contains('$')) continue
            if (!byName.containsKey(m.name)) byName.put(m.name, new ArrayList<MethodNode>())
            byName.get(m.name).add(m)
        }
        List<Statement> definitions = []
        for (Map.Entry<String, List<MethodNode>> e : byName.entrySet()) {
            List<String> signatures = []
            for (MethodNode m : e.value) signatures.add(signature(m))
            def define = ScriptTransforms.call('__function', [(Expression) new ConstantExpression(e.key), new ConstantExpression(signatures.join(', '))],
                    new ConstantExpression(e.key))
            define.setSourcePosition(e.value[0])
            definitions.add(new ExpressionStatement(define))
        }
        body.statements.addAll(0, definitions)
    }

    /** The function as written: {@code sq(t)}, {@code step(x, lr = 0.1)}, {@code half(double t)}. */
    static String signature(MethodNode m) {
        List<String> parameters = []
        for (Parameter p : m.parameters) parameters.add(parameter(p))
        m.name + '(' + parameters.join(', ') + ')'
    }

    private static String parameter(Parameter p) {
        String typed = p.dynamicTyped ? p.name : "${p.originType.toString(false)} ${p.name}"
        p.hasInitialExpression() ? "${typed} = ${p.initialExpression.text}" : typed
    }
}
