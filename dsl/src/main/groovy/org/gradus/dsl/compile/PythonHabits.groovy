package org.gradus.dsl.compile

import groovy.transform.CompileStatic

import java.util.regex.Pattern

/**
 * A script is Groovy, and a learner of the calculus-for-ML course writes Python: {@code def f(x):},
 * {@code for i in range(3):}, {@code lambda t: t**2}, {@code f'{x}'}, {@code and}/{@code or}/{@code not},
 * {@code True}/{@code None}, {@code x if c else y}, {@code {'a': 1}}. The parser then says only "unexpected input"
 * and the runtime "unknown name 't'"; {@link #hint} reads the statement's line and says how Groovy writes what
 * the Python meant. The first habit found on the line is the one named.
 */
@CompileStatic
final class PythonHabits {
    private static final Map<Pattern, String> HABITS = [
            (~/^\s*def\s+\w+\s*\([^)]*\)\s*(?:->[^:]*)?:\s*/)                    :
                    "that is Python's def: a function of the variables is an expression, f = x**2 + y (it differentiates); " +
                    'a helper for numbers is def f(t) { t**2 }',
            (~/^\s*for\s+\w+(?:\s*,\s*\w+)*\s+in\s+/)                          :
                    'that is Python\'s for: Groovy writes for (i in 0..<3) { println i } (0..<3 is range(3)), or (0..<3).each { i -> ... }',
            (~/^\s*(?:if|elif|while)\s+[^(].*:\s*(?:#.*)?$|^\s*else\s*:/)       :
                    'that is Python: Groovy puts the condition in parentheses and the body in braces: if (a > 0) { ... } else { ... }, while (k < 10) { ... }',
            (~/\blambda\b[^:]*:/)                                               :
                    'that is Python\'s lambda: Groovy writes a closure, { t -> t**2 }; a function of the variables is an expression, f = x**2',
            (~/\S\s+if\s+.+\s+else\s+\S/)                                       :
                    'that is Python\'s conditional expression: Groovy writes c ? a : b (for numbers); inside an expression of the variables, ' +
                    'a step is written with sign(...) or max(...)',
            (~/(?<![\w'"])(?:and|or)\s+\S|(?:^|[=(,\s])not\s+\S/)              :
                    'Groovy writes and, or, not as &&, ||, !',
            (~/\b(?:True|False|None)\b/)                                        :
                    'Groovy writes True, False, None as true, false, null',
            (~/[(,]\s*(?:method|lr|maxIter|tol|start|batch|epochs|seed|over|at|order|side|file|target|momentum|schedule|subjectTo)\s*=(?!=)/) :
                    "that is Python's keyword argument: Groovy writes an option as name: value, minimize(f, method: 'adam', lr: 0.1) " +
                    "(name = value is an assignment in Groovy)",
            (~/\bprint\s*\(.*,\s*(?:end|sep|flush|file)\s*=/)                :
                    "that is Python's print with keywords: Groovy's print takes one value and ends no line (print 'a'), " +
                    'println ends one (println "a b"); join values in a string: println "${a} ${b}"',
            (~/=\s*\{\s*['"][^'"]*['"]\s*:/)                                    :
                    "that is a Python dict: Groovy writes a map with square brackets, [a: 1, b: 2] (or ['a': 1])",
    ]

    /** {@code f'{x}'}: read in the line as written (the other habits are looked for outside its texts). */
    private static final Pattern F_STRING = ~/(?<![\w'"])f(['"])[^'"]*\{[^}]*}/
    private static final Pattern TEXT = ~/'[^']*'|"[^"]*"/

    private PythonHabits() {
    }

    /**
     * How Groovy writes the first Python habit on the line, or null when the line shows none. Words inside a
     * text ({@code println 'x and y'}) are not habits: the texts are emptied before looking.
     */
    static String hint(String line) {
        if (line == null) return null
        if (F_STRING.matcher(line).find()) return 'that is a Python f-string: Groovy writes "x = ${x}" (double quotes)'
        String code = TEXT.matcher(line).replaceAll("''")
        for (Map.Entry<Pattern, String> habit : HABITS.entrySet()) {
            if (habit.key.matcher(code).find()) return habit.value
        }
        null
    }
}
