package org.gradus.repl;

import org.gradus.dsl.sandbox.Permissions;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.gradus.repl.Lexer.Kind.CLOSE;
import static org.gradus.repl.Lexer.Kind.COMMENT;
import static org.gradus.repl.Lexer.Kind.IDENT;
import static org.gradus.repl.Lexer.Kind.NEWLINE;
import static org.gradus.repl.Lexer.Kind.OP;
import static org.gradus.repl.Lexer.Kind.OPEN;
import static org.gradus.repl.Lexer.Kind.SPACE;
import static org.gradus.repl.Lexer.Kind.STRING;

/**
 * Tab completion by context: {@code :commands} and their arguments; method names inside
 * {@code method: '...'}; option names inside {@code minimize(...)} / {@code maximize(...)} (also in
 * command form, {@code minimize f, ...}), besides names; elsewhere built-ins, the session's variables
 * and keywords.
 */
final class GradusCompleter implements Completer {
    static final Set<String> OPTIMIZERS = Set.of("minimize", "maximize");
    /** The words that declare a vector or matrix variable, whose options are {@link #ARRAY_OPTIONS}. */
    static final Set<String> ARRAY_DECLARATIONS = Set.of("vector", "matrix");
    /** The options of {@code vector(n, ...)} and {@code matrix(rows, columns, ...)} (SPEC §2), each with what it sets. */
    static final Map<String, String> ARRAY_OPTIONS = options(
            "start", "the start values: a number for every element, or a list",
            "init", "how the start values are drawn: 'zeros' (default), 'normal', 'uniform', 'glorot'",
            "scale", "multiplies the drawn start values (init:)",
            "seed", "fixes the draw of init:",
            "lower", "a lower bound for every element",
            "upper", "an upper bound for every element",
            "name", "the name in printed expressions");
    /** The values of {@code init:}, each with what it draws ({@link org.gradus.expr.Initializer}). */
    static final Map<String, String> INITS = options(
            "zeros", "every element 0 (the default)",
            "normal", "N(0, scale²)",
            "uniform", "U(−scale, scale)",
            "glorot", "Glorot/Xavier uniform: U(−a, a), a = scale·√(6 / (fan in + fan out))");
    /** Methods of values that are worth offering after a dot ({@code T}: a matrix's transpose). */
    static final List<String> MEMBERS = List.of("at", "latex", "x", "f", "status", "gradNorm", "iterations", "T");

    private final Supplier<Map<String, Object>> variables;
    private final Map<String, Command> commands;

    /**
     * @param variables the session's variables, read at each completion
     * @param commands  the shell's command table
     */
    GradusCompleter(Supplier<Map<String, Object>> variables, Map<String, Command> commands) {
        this.variables = variables;
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine parsed, List<Candidate> out) {
        if (!(parsed instanceof GradusParser.Line line)) return;        // another parser's line: nothing to offer
        if (GradusParser.isCommand(line.line())) {
            completeCommand(reader, line, out);
            return;
        }
        Lexer.Scan scan = Lexer.scan(line.before());
        Lexer.Token last = scan.last();
        if (last != null && last.kind() == STRING && last.open()) {
            if (isValueOf(scan.tokens(), "method")) methods(line, last.quote(), out);
            else if (isValueOf(scan.tokens(), "init")) quoted(line, last.quote(), INITS, "init", out);
            return;
        }
        if (last != null && last.kind() == COMMENT && (last.open() || last.text().startsWith("//"))) return;
        if (last != null && last.is(OP, ".")) {
            members(scan.tokens(), out);
            return;
        }
        Set<String> given = optionsGiven(scan.tokens(), OPTIMIZERS);
        if (given != null) {
            Vocabulary.get().options().forEach((name, what) -> {
                if (!given.contains(name)) out.add(new Candidate(name + ": ", name + ":", "options", what, null, null, false));
            });
        }
        Set<String> arrayGiven = optionsGiven(scan.tokens(), ARRAY_DECLARATIONS);
        if (arrayGiven != null) {
            ARRAY_OPTIONS.forEach((name, what) -> {
                if (!arrayGiven.contains(name)) out.add(new Candidate(name + ": ", name + ":", "options", what, null, null, false));
            });
        }
        names(out, !line.word().isEmpty());
    }

    /**
     * After a dot: when the dot follows a session variable, the members a script may use on its value
     * ({@code c.} on a convexity report offers {@code verdict}, {@code reason}, ...); after anything else,
     * the members worth trying on most values ({@link #MEMBERS}).
     */
    private void members(List<Lexer.Token> tokens, List<Candidate> out) {
        Lexer.Token receiver = tokens.size() >= 2 ? tokens.get(tokens.size() - 2) : null;
        Object value = receiver != null && receiver.kind() == IDENT ? variables.get().get(receiver.text()) : null;
        if (value == null) {
            for (String m : MEMBERS) out.add(new Candidate(m, m, "members", null, null, null, false));
            return;
        }
        String group = "members of " + Values.kind(value);
        for (String m : Permissions.offered(value.getClass())) out.add(new Candidate(m, m, group, null, null, null, false));
    }

    /** Built-ins, the session's variables and, once a prefix is typed, keywords. */
    void names(List<Candidate> out, boolean keywords) {
        Vocabulary words = Vocabulary.get();
        words.builtins().values().forEach(b ->
                out.add(new Candidate(b.name(), b.name(), "built-ins", b.signature(), null, null, false)));
        variables.get().forEach((name, value) ->
                out.add(new Candidate(name, name, "variables", Values.kind(value), null, null, false)));
        if (keywords) words.keywords().forEach(k -> out.add(new Candidate(k, k, "keywords", null, null, null, true)));
    }

    private void methods(GradusParser.Line line, String quote, List<Candidate> out) {
        quoted(line, quote, Vocabulary.get().methods(), "methods", out);
    }

    /** The values of a quoted option, closing the quote unless it is already closed after the cursor. */
    private static void quoted(GradusParser.Line line, String quote, Map<String, String> values, String group, List<Candidate> out) {
        String close = line.after().startsWith(quote) ? "" : quote;
        values.forEach((name, what) -> out.add(new Candidate(name + close, name, group, what, null, null, false)));
    }

    private static Map<String, String> options(String... nameThenWhat) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenWhat.length; i += 2) m.put(nameThenWhat[i], nameThenWhat[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    private void completeCommand(LineReader reader, GradusParser.Line line, List<Candidate> out) {
        String before = line.before().stripLeading();
        if (before.isEmpty()) {                                   // the command's own name
            commands.values().forEach(c ->
                    out.add(new Candidate(":" + c.name(), ":" + c.name(), "commands", c.describe(), null, null, true)));
            return;
        }
        String name = before.substring(1).split("\\s+", 2)[0];
        Command c = commands.get(name);
        if (c != null && c.complete() != null) c.complete().complete(reader, line, out);
    }

    /** True when the open string being typed is the value of the option {@code name:} ({@code method: 'lb}). */
    static boolean isValueOf(List<Lexer.Token> tokens, String name) {
        int i = previousSignificant(tokens, tokens.size() - 2);
        if (i < 0 || !tokens.get(i).is(OP, ":")) return false;
        int j = previousSignificant(tokens, i - 1);
        return j >= 0 && tokens.get(j).is(IDENT, name);
    }

    /** As {@link #optionsGiven(List, Set)} for {@code minimize}/{@code maximize}. */
    static Set<String> optionsGiven(List<Lexer.Token> tokens) {
        return optionsGiven(tokens, OPTIMIZERS);
    }

    /**
     * If the cursor is where an option of one of the {@code callees} ({@code minimize}, {@code vector}) may
     * go, the options already given there; otherwise null. That is directly inside {@code minimize(...)}, or
     * after the first comma of a statement in command form ({@code minimize f, ...} or
     * {@code r = minimize f, ...}).
     */
    static Set<String> optionsGiven(List<Lexer.Token> tokens, Set<String> callees) {
        record Frame(String bracket, String callee, Set<String> given) {
        }
        Deque<Frame> frames = new ArrayDeque<>();
        Frame statement = new Frame("", null, new HashSet<>());
        String head = null;
        boolean comma = false;
        for (int i = 0; i < tokens.size(); i++) {
            Lexer.Token t = tokens.get(i);
            boolean top = frames.isEmpty();
            switch (t.kind()) {
                case OPEN -> {
                    int p = previousSignificant(tokens, i - 1);
                    String callee = t.text().equals("(") && p >= 0 && tokens.get(p).kind() == IDENT ? tokens.get(p).text() : null;
                    frames.push(new Frame(t.text(), callee, new HashSet<>()));
                }
                case CLOSE -> {
                    if (!frames.isEmpty()) frames.pop();
                }
                case IDENT -> {
                    if (top && head == null) head = t.text();
                    int nx = nextSignificant(tokens, i + 1);
                    if (nx >= 0 && tokens.get(nx).is(OP, ":")) (top ? statement : frames.peek()).given().add(t.text());
                }
                case OP -> {
                    if (!top) break;
                    if (t.text().equals("=") || t.text().equals(";")) {
                        head = null;
                        comma = false;
                        if (t.text().equals(";")) statement.given().clear();
                    } else if (t.text().equals(",")) {
                        comma = true;
                    }
                }
                case NEWLINE -> {
                    int p = previousSignificant(tokens, i - 1);
                    boolean continues = p >= 0 && tokens.get(p).kind() == OP && Lexer.CONTINUING.contains(tokens.get(p).text());
                    if (top && !continues) {
                        head = null;
                        comma = false;
                        statement.given().clear();
                    }
                }
                default -> {
                }
            }
        }
        if (!frames.isEmpty()) {
            Frame f = frames.peek();
            return f.callee() != null && callees.contains(f.callee()) ? f.given() : null;
        }
        return head != null && callees.contains(head) && comma ? statement.given() : null;
    }

    private static int previousSignificant(List<Lexer.Token> tokens, int from) {
        for (int i = from; i >= 0; i--) {
            Lexer.Kind k = tokens.get(i).kind();
            if (k != SPACE && k != NEWLINE && k != COMMENT) return i;
        }
        return -1;
    }

    private static int nextSignificant(List<Lexer.Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            Lexer.Kind k = tokens.get(i).kind();
            if (k != SPACE && k != NEWLINE && k != COMMENT) return i;
        }
        return -1;
    }
}
