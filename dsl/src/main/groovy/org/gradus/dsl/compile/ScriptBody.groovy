package org.gradus.dsl.compile

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.Parameter
import org.codehaus.groovy.ast.stmt.BlockStatement

/** A script's top-level code, as the rewrites of its top-level statements find it: the block of its {@code run()}. */
@CompileStatic
final class ScriptBody {
    private ScriptBody() {
    }

    /** The statements of a script class's {@code run()}; null for a class that is not a script, or a run that is not a block. */
    static BlockStatement of(ClassNode c) {
        if (!c.isScript()) return null
        MethodNode run = c.getMethod('run', Parameter.EMPTY_ARRAY)
        run != null && run.code instanceof BlockStatement ? (BlockStatement) run.code : null
    }
}
