package org.gradus.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.messages.ExceptionMessage
import org.codehaus.groovy.control.messages.Message
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.runtime.InvokerInvocationException
import org.codehaus.groovy.syntax.SyntaxException
import org.gradus.dsl.compile.ForbiddenSyntaxException
import org.gradus.dsl.compile.MathNotation
import org.gradus.dsl.compile.PythonHabits
import org.gradus.dsl.compile.SpacedCalls
import org.gradus.dsl.sandbox.SandboxViolation
import org.gradus.io.FileAccessDeniedException

/** Turns compiler and run-time failures into located, readable {@link GradusException}s. */
@CompileStatic
final class ErrorLocator {
    final String fileName
    /** The file name the script's stack frames carry ({@link GradusSession#compiledName}). */
    private final String frameName
    private final List<String> lines

    ErrorLocator(String fileName, String source) {
        this.fileName = fileName
        this.frameName = GradusSession.compiledName(fileName)
        this.lines = source.readLines()
    }

    String lineText(int line) {
        line >= 1 && line <= lines.size() ? lines[line - 1] : null
    }

    private int firstColumn(int line) {
        String t = lineText(line)
        if (t == null) return 1
        int i = 0
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) i++
        i + 1
    }

    GradusException compileError(MultipleCompilationErrorsException e) {
        List<? extends Message> errors = e.errorCollector.errors ?: []
        // the sandbox's refusals first (exit code 4), the earliest in the file of them
        List<Message> forbidden = (errors as List<Message>).findAll { it instanceof SyntaxErrorMessage && ((SyntaxErrorMessage) it).cause instanceof ForbiddenSyntaxException }
        Message first = forbidden ? forbidden.min { Message m -> SyntaxException c = ((SyntaxErrorMessage) m).cause; c.line * 100_000L + c.startColumn } : errors[0]
        if (first instanceof SyntaxErrorMessage) {
            SyntaxException se = ((SyntaxErrorMessage) first).cause
            int code = se instanceof ForbiddenSyntaxException ? GradusException.FORBIDDEN : GradusException.COMPILE
            String message = cleanSyntax(se.originalMessage ?: se.message)
            if (code == GradusException.COMPILE && message.startsWith('unexpected input')) {
                int[] last = lastTextBefore(se.line, se.startColumn)
                if (last != null) { // nothing but blanks from the error on: the script stops in the middle of something
                    String end = lineText(last[0]).substring(last[1] - 1, last[1])
                    return new GradusException("the script ends in the middle of a statement: '$end' needs something after it "
                            + "(an operand, a closing bracket or parenthesis)", fileName, last[0], last[1], lineText(last[0]), code, e)
                }
            }
            String hint = code == GradusException.COMPILE && message.startsWith('unexpected input') ? SpacedCalls.hint(lineText(se.line)) : null
            if (hint == null && code == GradusException.COMPILE) hint = MathNotation.unexpectedCharacter((message =~ /^unexpected character: '(.+)'$/).with { it.find() ? it.group(1) : null })
            if (hint == null && code == GradusException.COMPILE && message.startsWith("unexpected input: '|'")) hint = MathNotation.bars(lineText(se.line))
            if (hint == null && code == GradusException.COMPILE) hint = PythonHabits.hint(lineText(se.line))
            if (code == GradusException.COMPILE && message.startsWith('a map entry') && lineText(se.line) =~ /^\s*show\s+\[/) {
                hint = "Groovy reads 'show [a: 1]' as an index into a value named show; put the map in parentheses: show([a: 1])"
            }
            if (hint != null) message = message + '; ' + hint
            String declared = code == GradusException.COMPILE ? wordAsType(message, lineText(se.line)) : null
            if (declared != null) message = message + ': ' + declared
            String alone = code == GradusException.COMPILE ? nameAsReturnType(message, lineText(se.line)) : null
            if (alone != null) message = alone
            return new GradusException(message, fileName, se.line, se.startColumn, lineText(se.line), code, e)
        }
        if (first instanceof ExceptionMessage) {
            Exception cause = ((ExceptionMessage) first).cause
            return runtimeError(cause, GradusException.COMPILE)
        }
        new GradusException(e.message, fileName, 0, 0, null, GradusException.COMPILE, e)
    }

    /**
     * A failure inside the compiler itself (its internal "BUG!" errors, a stack overflow on very deep code,
     * an interruption): exit code 3, with what is known of the place.
     */
    GradusException compilerFailure(Throwable t) {
        Throwable root = unwrap(t)
        String message
        if (root instanceof StackOverflowError) {
            message = 'the script is too deeply nested for the compiler; give inner parts of long expressions names'
        } else if (root instanceof ScriptCompiler.CompilationInterrupted) {
            message = 'compilation was interrupted'
        } else {
            String m = (root.message ?: root.getClass().simpleName).readLines().find { !it.trim().isEmpty() } ?: root.getClass().simpleName
            m = m.replaceFirst(/^BUG! exception in phase '([^']+)' in source unit '[^']*' /, 'internal error in the phase \'$1\': ')
            message = "the Groovy compiler failed on this script (${m}); rewrite the statement it names, or report it with --debug"
        }
        int line = scriptLine(root)
        new GradusException(message, fileName, line, line > 0 ? firstColumn(line) : 0, lineText(line), GradusException.COMPILE, root)
    }

    /**
     * When the text from (line, column) to the end of the script is blank, the line and column of the last
     * character before it that is not; null otherwise (or when there is none).
     */
    private int[] lastTextBefore(int line, int column) {
        if (line < 1) return null
        for (int l = line; l <= lines.size(); l++) {
            String t = lines[l - 1]
            String rest = l == line ? (column - 1 < t.length() ? t.substring(Math.max(0, column - 1)) : '') : t
            if (!rest.trim().isEmpty()) return null
        }
        for (int l = Math.min(line, lines.size()); l >= 1; l--) {
            String t = lines[l - 1]
            int upTo = l == line ? Math.min(t.length(), Math.max(0, column - 1)) : t.length()
            for (int c = upTo; c >= 1; c--) {
                if (!Character.isWhitespace(t.charAt(c - 1))) return [l, c] as int[]
            }
        }
        null
    }

    private static String cleanSyntax(String m) {
        String s = m.replaceAll(/ @ line \d+, column \d+\.?/, '').replaceAll(/\s*\.\s*At \[\d+:\d+\]\s*$/, '').trim()
        s = s.replaceFirst(/^Unexpected input: /, 'unexpected input: ').replaceFirst(/^Unexpected character: /, 'unexpected character: ')
        s = s.replaceFirst(/^No map entry allowed at this place$/, 'a map entry (name: value) is not allowed here')
        s
    }

    /**
     * A run-time failure, located at the deepest script frame of its stack, at the column of the word or
     * operator that failed (the method the script called, found on the stack, then in the line's text).
     */
    GradusException runtimeError(Throwable t, int code = GradusException.RUNTIME) {
        Throwable root = unwrap(t)
        if (root instanceof SandboxViolation) {
            SandboxViolation v = (SandboxViolation) root
            int col = v.column > 0 ? v.column : firstColumn(v.line)
            return new GradusException(v.message, fileName, v.line, col, lineText(v.line), GradusException.FORBIDDEN, v)
        }
        if (root instanceof FileAccessDeniedException) code = GradusException.FORBIDDEN
        int line = scriptLine(t)
        String message = describe(root, lineText(line))
        if (line > 0 && nullOperand(root)) {
            GradusException unassigned = declaredWithoutValue(line, code, root)
            if (unassigned != null) return unassigned
            String chained = showChained(lineText(line))
            if (chained != null) return new GradusException(chained, fileName, line, column(root, t, line), lineText(line), code, root)
            def overload = (root.message ?: '') =~ /Ambiguous method overloading for method [^#]*#([A-Za-z_]+)/
            String what = overload.find() ? "'${OPERATORS[overload.group(1)] ?: overload.group(1)}' needs a number or an expression, and got null" : message
            message = "a value on this line is null (a name declared without a value, or a statement that gives nothing): ${what}"
        }
        new GradusException(message, fileName, line, line > 0 ? column(root, t, line) : 0, lineText(line), code, root)
    }

    /**
     * The advice for {@code show accuracy = mean(...)}, which Groovy reads as declaring {@code accuracy} with a type named
     * {@code show} ("unable to resolve class show"); null for other messages and lines.
     */
    static String wordAsType(String message, String text) {
        def unresolved = message =~ /^unable to resolve class ([a-z]\w*)/
        if (!unresolved.find() || text == null) return null
        String word = unresolved.group(1)
        def declaration = text =~ ('^\\s*' + word + '\\s+([A-Za-z_]\\w*)\\s*=(?!=)')
        if (!declaration.find()) return null
        String name = declaration.group(1)
        String value = text.substring(declaration.end()).strip()
        "Groovy reads '${word} ${name} = ...' as declaring '${name}' with a type named '${word}'; " +
                (word == 'show' ? "name the value on one line and show it on the next: ${name} = ${value}, then show ${name}"
                        : "write ${name} = ${word}(${value})")
    }

    /**
     * The advice for a capitalised name alone on a line followed by a call ({@code W} then {@code show(W)}), which Groovy
     * reads as declaring a method {@code show} that returns a {@code W} ("You cannot define a method[show] without method
     * body"); null for other messages and lines.
     */
    static String nameAsReturnType(String message, String text) {
        def bodiless = message =~ /^You cannot define a method\[(\w+)\] without method body/
        if (!bodiless.find() || text == null) return null
        def name = text =~ /^\s*([A-Z]\w*)\s*$/
        if (!name.find()) return null
        String word = bodiless.group(1), shown = name.group(1)
        "Groovy reads '${shown}' alone on a line, with '${word}(...)' on the next, as declaring a method ${word} with the return type " +
                "${shown} (a name starting with a capital letter is read as a type); show it with show ${shown}"
    }

    /**
     * The advice for {@code show(a).at(x: 1)}, {@code show(a)*2} or {@code println (w * 2).at(r)}: show and println give
     * nothing, so what follows their parentheses acts on nothing; null when the line is not such a statement.
     */
    static String showChained(String text) {
        def m = text =~ /^(\s*)(show|println|print)\s*\(/
        if (!m.find()) return null
        String word = m.group(2)
        int open = m.end() - 1, depth = 0
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i)
            if (c == (char) '(') depth++
            else if (c == (char) ')' && --depth == 0) {
                String rest = text.substring(i + 1).strip()
                if (rest.isEmpty() || !(rest[0] in ['.', '[', '*', '/', '+', '-', '%'])) return null
                String inner = text.substring(open + 1, i).strip()
                String whole = (inner ==~ /[A-Za-z_][\w.]*/ ? inner : "(${inner})") + rest
                return "${word}(...) ${word == 'show' ? 'shows' : 'prints'} its argument and gives nothing, so '${rest}' after it acts on nothing; " +
                        "put the whole expression inside: ${word}(${whole})"
            }
        }
        null
    }

    /** Whether a line after {@code from} and before {@code to} assigns {@code name} ({@code name = ...}, not {@code ==}). */
    private boolean assignedBetween(String name, int from, int to) {
        def assignment = ~('(?<![A-Za-z0-9_$.])' + java.util.regex.Pattern.quote(name) + '\\s*=(?!=)')
        for (int l = from + 1; l < to; l++) if (lineText(l) =~ assignment) return true
        false
    }

    /** Groovy's words for an operation on null: a call on a null object, an overload chosen for a null argument. */
    private static boolean nullOperand(Throwable root) {
        String m = root.message ?: ''
        root instanceof NullPointerException || m.contains('on null object') || m.contains('for [null]') || m.contains('is null;')
    }

    /** {@code var x} or {@code def x} alone: a Groovy declaration that leaves x null. */
    private static final java.util.regex.Pattern BARE_DECLARATION = ~/(?:^|;)\s*(?:var|def)\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?=;|\/\/|$)/

    /**
     * The error for a name used on {@code line} that an earlier line declared without a value ({@code var x}): a
     * learner's way of declaring a variable of the problem, which Groovy reads as a local set to null. Null
     * when the line uses no such name.
     */
    private GradusException declaredWithoutValue(int line, int code, Throwable root) {
        String text = lineText(line)
        for (int l = 1; l <= line && text != null; l++) {
            def m = lineText(l).replaceAll(/\/\/.*$/, '') =~ BARE_DECLARATION
            while (m.find()) {
                String name = m.group(1)
                int at = l == line ? -1 : wordAt(text, name)
                if (at < 0 || assignedBetween(name, l, line)) continue
                String message = "'${name}' has no value: line ${l} declares it ('${lineText(l).trim()}') without one, and Groovy sets it to null; " +
                        "give it one: a variable of the problem is declared with its start value, ${name} = variable(0) (a vector: ${name} = vector(3))"
                return new GradusException(message, fileName, line, at + 1, text, code, root)
            }
        }
        null
    }

    private static final Map<String, String> OPERATORS = [plus: '+', minus: '-', multiply: '*', div: '/', __div: '/', power: '**',
                                                          negative: '-', getAt: '[']

    /** The column of the failing call on the line: the missing name, or the word the script called when it failed. */
    private int column(Throwable root, Throwable t, int line) {
        if (root instanceof MisreadOperand && ((MisreadOperand) root).column > 0) return ((MisreadOperand) root).column
        String text = lineText(line)
        if (text == null) return firstColumn(line)
        def column = (root.message ?: '') =~ /has no column '([^']+)'/      // row.c or row['c']: at the name
        if (column.find() && wordAt(text, column.group(1)) >= 0) return wordAt(text, column.group(1)) + 1
        if ((root.message ?: '').startsWith('Cannot compare ')) {   // x > 0 of an expression: the first comparison on the line
            def comparison = text =~ /(?<![-=!<>.])[<>](?!>)/
            if (comparison.find()) return comparison.start() + 1
        }
        String name = root instanceof MissingMethodException ? ((MissingMethodException) root).method
                : root instanceof MissingPropertyException ? ((MissingPropertyException) root).property : calledWord(t)
        if (name == null) return firstColumn(line)
        String op = OPERATORS[name]
        int at = op != null ? text.indexOf(op) : wordAt(text, name)
        at >= 0 ? at + 1 : firstColumn(line)
    }

    private static int wordAt(String text, String name) {
        def m = text =~ ('(?<![A-Za-z0-9_$])' + java.util.regex.Pattern.quote(name) + '(?![A-Za-z0-9_$])')
        m.find() ? m.start() : -1
    }

    /** The Gradus method the script called last before the failure (the frame just above the script's own). */
    private String calledWord(Throwable t) {
        for (Throwable c = t; c != null; c = c.cause) {
            StackTraceElement[] frames = c.stackTrace
            int script = -1
            for (int i = 0; i < frames.length && script < 0; i++) if (frames[i].fileName == frameName && frames[i].lineNumber > 0) script = i
            if (script < 0) continue
            for (int i = script - 1; i >= 0; i--) {
                String cls = frames[i].className
                if (cls.startsWith('org.gradus.') && !frames[i].methodName.contains('$') && frames[i].methodName != 'methodMissing'
                        && !frames[i].methodName.startsWith('__')) {
                    return frames[i].methodName
                }
                if (cls.startsWith('org.gradus.') && frames[i].methodName == 'methodMissing') return functionNamed(c)
            }
        }
        null
    }

    /**
     * The function a message names first ("log(x - 3) at x = 1: ...", "huber takes ..." and "the argument of det must
     * be ..." name log, huber and det).
     */
    private static String functionNamed(Throwable t) {
        def m = (unwrap(t).message ?: '') =~ /^(?:the argument of )?([A-Za-z_][A-Za-z0-9_]*)(?:\(| takes | needs | must | is NaN)/
        m.find() ? m.group(1) : null
    }

    /**
     * An error with {@code message} at the deepest script line in {@code frames} (a thread's stack when it
     * was stopped), or unlocated when the script was not running its own code (compiling, say).
     */
    GradusException at(String message, StackTraceElement[] frames, int code) {
        int line = frameLine(frames)
        new GradusException(message, fileName, line, line > 0 ? firstColumn(line) : 0, lineText(line), code)
    }

    private int frameLine(StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            if (f.fileName == frameName && f.lineNumber > 0) return f.lineNumber
        }
        0
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t
        while ((c instanceof InvokerInvocationException || c instanceof java.lang.reflect.InvocationTargetException
                || c instanceof java.lang.reflect.UndeclaredThrowableException) && c.cause != null) {
            c = c.cause
        }
        c
    }

    private int scriptLine(Throwable t) {
        for (Throwable c = t; c != null; c = c.cause) {
            int line = frameLine(c.stackTrace)
            if (line > 0) return line
        }
        0
    }

    static String describe(Throwable t, String text = null) {
        if (t instanceof MissingPropertyException) {
            MissingPropertyException m = (MissingPropertyException) t
            if (m.type == null || Script.isAssignableFrom(m.type)) {
                if (m.property in ['println', 'print', 'show'] && text =~ /^\s*${m.property}\s*\[/) {   // println [1, 2] == v
                    return "Groovy reads '${m.property} [' as an index into a variable named ${m.property}; " +
                            "put the parentheses in: ${m.property}(${text.strip().substring(m.property.length()).strip()})"
                }
                String other = Suggestions.otherToolsWord(m.property)
                if (other) return "unknown name '${m.property}'${other}; otherwise assign it first (x = variable(0))"
                String python = PythonHabits.hint(text)
                if (python) return "unknown name '${m.property}'; ${python}"
                String near = Suggestions.didYouMean(m.property, Suggestions.scriptWords(m.type, []))
                return "unknown name '${m.property}'" + (near ? "$near Otherwise assign it first (x = variable(0))"
                        : ': assign it first (x = variable(0)) or check the spelling')
            }
            String receiver = receiverName(text, m.property)
            String other = Suggestions.otherToolsMember(m.type, receiver, m.property)
            if (!other && Suggestions.isMethodOnly(m.type, m.property)) {
                return "${Suggestions.kindOf(m.type)} has no property '${m.property}'; ${m.property} is a method: ${receiver ?: 'it'}.${m.property}()"
            }
            String near = other ?: Suggestions.didYouMean(m.property, Suggestions.members(m.type))
            if (!near && org.gradus.data.DataSet.isAssignableFrom(m.type)) near = Suggestions.columnOf(receiver, m.property)
            if (!other && org.gradus.optim.OptimizationResult.isAssignableFrom(m.type) && (!near || m.property.length() <= 2)) {   // r.w: a variable's value
                String r = receiver ?: 'r'
                near = "; if ${m.property} is a variable, its value there is ${m.property}.at($r) (or ${r}.x.${m.property}); the result's properties are " +
                        Suggestions.extensionProperties(m.type).join(', ')
            }
            return "${Suggestions.kindOf(m.type)} has no property '${m.property}'" + near
        }
        if (t instanceof MissingMethodException) {
            MissingMethodException m = (MissingMethodException) t
            if (m.type == Math && org.gradus.atoms.Functions.find(m.method) != null && m.arguments.any { it instanceof org.gradus.expr.Expr }) {
                Object e = m.arguments.find { it instanceof org.gradus.expr.Expr }
                return "Math.${m.method} takes numbers, and ${e} is an expression: write ${m.method}(...), the Gradus function, which differentiates"
            }
            if (m.type != null && !Script.isAssignableFrom(m.type)) {
                if (m.method == 'call' && Suggestions.members(m.type).contains('at')) {
                    return "${Suggestions.kindOf(m.type)} is not called like a function: evaluate it at a point with .at(x: 1), as grad(f).at(x: 1, y: 2)"
                }
                if (m.method == 'call' && Number.isAssignableFrom(m.type)) {
                    return "a number written before a name or a bracket is not a product here (2x, 3(x + 1)): write the * that math " +
                            'leaves out, 2*x, 3*(x + 1)'
                }
                if (m.method == 'plus' && m.arguments.length == 1 && m.arguments[0] instanceof CharSequence) {
                    return "${Suggestions.kindOf(m.type)} cannot be joined to a text with +: write the text first ('status: ' + r.status()) " +
                            'or put both in a string, "${r.status()} after ${r.iterations} iterations"'
                }
                String forms = Suggestions.argumentsOf(m.type, m.method, m.arguments)
                if (forms) return forms
                String other = Suggestions.otherToolsMember(m.type, receiverName(text, m.method), m.method)
                return "${Suggestions.kindOf(m.type)} has no method '${m.method}'" + (other ?: Suggestions.didYouMean(m.method, Suggestions.members(m.type)))
            }
            Set<String> words = Suggestions.scriptWords(m.type, [])
            String python = PythonHabits.hint(text)
            if (words.contains(m.method)) return Suggestions.wrongArguments(m.type, m.method, m.arguments) + (python ? '; ' + python : '')
            String near = Suggestions.otherToolsWord(m.method) ?: (python ? '; ' + python : Suggestions.didYouMean(m.method, words))
            return "no function '${m.method}'" + (near ?: '; see the built-in functions with gradus --help')
        }
        if (t instanceof AssertionError) return "assertion failed: ${t.message?.trim()}"
        if (t.getClass().simpleName == 'MethodTooLargeException') {
            return 'a statement is too large to compile (the JVM allows 64 KB of bytecode per method); split it into named parts'
        }
        if (t instanceof UnsupportedOperationException && !t.message) {
            return 'this list or map is read-only (a row\'s numbers, a table\'s columns): change a copy of it, as in xs = row.x + [] and then xs << 1'
        }
        if (t instanceof StackOverflowError) return 'the computation recursed too deeply (stack overflow)'
        if (t instanceof OutOfMemoryError) return 'out of memory; try a smaller problem or a larger heap (GRADUS_JAVA_OPTS=-Xmx8g)'
        String m = t.message
        if (m == null || m.isEmpty()) return t instanceof ArithmeticException ? 'an arithmetic error' : 'an internal error (run with --debug for details)'
        String said = withoutClassNames(m)
        if (said ==~ /(?s)Cannot compare a list with value .* and a number with value .*/ || said ==~ /(?s)Cannot compare a number with value .* and a list with value .*/) {
            return "a list of numbers (a column) is compared with a number: Groovy's <, >, <= and >= give one true or false, not pandas' mask " +
                    "of rows; the rows where a condition holds are a data set, data.findAll { row -> row['price'] < 3 }, and a column's values " +
                    "below 3 are data['price'].findAll { it < 3 }"
        }
        if (said.startsWith('Cannot compare ') && (said.contains('an expression with value') || said.contains('a variable with value'))) {
            said += '; an expression is not a number until it is evaluated at a point: compare values (f.at(r) > 0, ' +
                    'f.at(x: 1) < 2), or write a step inside the expression with sign: (sign(z) + 1)/2 is 1 where z > 0 and 0 where z < 0'
        }
        said
    }

    /** The name before {@code .member} on the line ({@code w} of {@code show w.value}, {@code data['a']} of {@code data['a'].mean()}), or null. */
    private static String receiverName(String text, String member) {
        def m = (text ?: '') =~ ('([A-Za-z_]\\w*(?:\\[[^\\]\\[]*\\])?)\\s*\\.\\s*' + java.util.regex.Pattern.quote(member) + '\\b')
        m.find() ? m.group(1) : null
    }

    /** Java's qualified class names in a message ({@code java.lang.Number}) in the script's words ({@code a number}). */
    static String withoutClassNames(String m) {
        m.replaceAll(/(?:class )?'?\b(?:[a-z][a-z0-9_]*\.)+([A-Z][A-Za-z0-9_$]*)'?/) { List<String> g ->
            try {
                Suggestions.kindOf(Class.forName(g[0].replaceAll(/^class /, '').replace("'", '')))
            } catch (Throwable ignored) {
                g[1]
            }
        }
    }
}
