package org.gradus.dsl.vocabulary

import org.gradus.dsl.ScriptContext

/** What every vocabulary may ask of the running script: its context (null when run outside a session). */
trait ScriptAccess {
    ScriptContext context() {
        Binding b = ((Script) this).getBinding()
        b.hasVariable(ScriptContext.BINDING_NAME) ? (ScriptContext) b.getVariable(ScriptContext.BINDING_NAME) : null
    }
}
