package org.gradus.dsl

import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation
import org.gradus.expr.Expr

import org.gradus.data.DataSet
import org.gradus.dsl.vocabulary.AnalysisVocabulary
import org.gradus.dsl.vocabulary.CalculusVocabulary
import org.gradus.dsl.vocabulary.DataVocabulary
import org.gradus.dsl.vocabulary.DerivativesVocabulary
import org.gradus.dsl.vocabulary.FunctionsVocabulary
import org.gradus.dsl.vocabulary.OptimizationVocabulary
import org.gradus.dsl.vocabulary.PlotVocabulary
import org.gradus.dsl.vocabulary.PrintingVocabulary
import org.gradus.dsl.vocabulary.ReductionsVocabulary
import org.gradus.dsl.vocabulary.SchedulesVocabulary
import org.gradus.dsl.vocabulary.ScriptAccess
import org.gradus.dsl.vocabulary.VariablesVocabulary
import org.gradus.expr.VariableBlock
import org.gradus.expr.VectorVariable
import org.gradus.result.Shown

/**
 * The base class of every {@code .opt} script: the language's vocabulary, one trait per area in
 * {@code org.gradus.dsl.vocabulary} (variables, functions, reductions, data, derivatives, analysis,
 * optimization, schedules, pictures). Each word converts its arguments and calls one engine method; nothing here
 * computes mathematics itself. A new area is a new trait there, added to the list below.
 */
abstract class GradusScript extends Script implements ScriptAccess,
        VariablesVocabulary, FunctionsVocabulary, ReductionsVocabulary, DataVocabulary,
        DerivativesVocabulary, AnalysisVocabulary, CalculusVocabulary, OptimizationVocabulary, SchedulesVocabulary, PlotVocabulary,
        PrintingVocabulary {

    // ---- showing ------------------------------------------------------------------------------

    /** Shows a value exactly as a top-level statement would. */
    void show(Object value) {
        ScriptContext ctx = context()
        if (ctx != null) ctx.show(value)
        else println(value instanceof Shown ? ((Shown) value).toText() : value)
    }

    /** Inserted by the compiler for every {@code a / b}: double division between numbers. */
    Object __div(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) return ((Number) a).doubleValue() / ((Number) b).doubleValue()
        a / b
    }

    /**
     * Inserted by the compiler for every {@code a == b} (and, negated, {@code a != b}) outside constraints and asserts:
     * Groovy's equality ({@code 1 == 1.0}), but an expression is not a value until it is evaluated at a point, and
     * comparing one would silently give false. {@code operator} and {@code column} place the error on the operator.
     */
    boolean __equal(Object a, Object b, String operator, int column) {
        a = whole(a)
        b = whole(b)
        if (a != null && b != null && (a instanceof Expr || b instanceof Expr)) {
            Object e = a instanceof Expr ? a : b, other = a instanceof Expr ? b : a
            throw new MisreadOperand("${operator} compares values, and the expression ${e} is not one until it is evaluated at a point"
                    + " (it was compared with ${other instanceof Expr ? 'the expression ' + other : other}): compare values, as in"
                    + " f.at(r) == 1 or f.at(x: 1) == 2, or write the test inside the expression with sign: (sign(z) + 1)/2 is 1"
                    + " where z > 0 and 0 where z < 0", column)
        }
        DefaultTypeTransformation.compareEqual(a, b)
    }

    /** A vector or matrix variable as the expression of its whole value (v == [1, 2, 3] compares that), anything else as it is. */
    private static Object whole(Object v) {
        v instanceof VectorVariable ? ((VectorVariable) v).whole() : v
    }

    /**
     * Inserted by the compiler around every condition ({@code if}, {@code while}, {@code c ? a : b}, {@code !c},
     * {@code &&}, {@code ||}) that is not a comparison already: Groovy's truth, but an expression is neither true nor
     * false until it is evaluated at a point, and Groovy would silently take it as true. {@code column} is the condition's.
     */
    boolean __truth(Object c, int column) {
        c = whole(c)
        if (c instanceof Expr) {
            throw new MisreadOperand("the expression ${c} is used as a condition, but it is neither true nor false until it is"
                    + " evaluated at a point: test a value (f.at(r) > 0), or write the cases inside the expression, as the"
                    + " cross-entropy y*(-log(p)) + (1 - y)*(-log(1 - p)) does for a 0/1 target y", column)
        }
        DefaultTypeTransformation.castToBoolean(c)
    }

    /**
     * Inserted by the compiler around each top-level expression statement: shows the value and returns it
     * (so the script's last statement gives the value of a run, which the JSR-223 engine returns).
     */
    Object __show(Object value) {
        if (value != null) show(value)
        value
    }

    /**
     * Inserted by the compiler at the start of a script for each function it defines: the function is also a
     * variable (a {@link ScriptFunction}), which lasts as the session's variables do.
     */
    Object __function(String name, String signature) {
        binding.setVariable(name, new ScriptFunction(this, name, signature))
        null
    }

    /** Inserted by the compiler around the right side of {@code name = ...}: a variable takes its name. */
    Object __named(String name, Object value) {
        if (value instanceof VariableBlock) ((VariableBlock) value).nameIfUnnamed(name)
        if (value instanceof DataSet) ((DataSet) value).rename(name)
        value
    }
}
