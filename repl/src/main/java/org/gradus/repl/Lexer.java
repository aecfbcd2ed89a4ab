package org.gradus.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small lexer for Groovy as typed at the prompt: enough to tell identifiers, numbers, strings,
 * comments, brackets and operators apart, and whether the input is still open (an unclosed bracket,
 * brace, triple-quoted string or block comment, or a trailing binary operator). The parser, the
 * highlighter and the completer all read the same tokens; the Groovy compiler does the real parsing.
 */
final class Lexer {
    enum Kind { IDENT, NUMBER, STRING, COMMENT, OPEN, CLOSE, OP, SPACE, NEWLINE }

    /**
     * One token: {@code text} is {@code source[start, end)}. A STRING or COMMENT with {@code open} set runs
     * to the end of the input without its closing delimiter; {@code quote} is a string's delimiter.
     */
    record Token(Kind kind, int start, int end, String text, boolean open, String quote) {
        boolean is(Kind k, String s) {
            return kind == k && text.equals(s);
        }
    }

    /** What {@link #scan} found: the tokens, and the brackets still open at the end, innermost last. */
    record Scan(List<Token> tokens, Deque<Token> openBrackets) {
        Token last() {
            return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        }

        /** The last token that is not space, newline or comment, or null. */
        Token lastSignificant() {
            for (int i = tokens.size() - 1; i >= 0; i--) {
                Kind k = tokens.get(i).kind();
                if (k != Kind.SPACE && k != Kind.NEWLINE && k != Kind.COMMENT) return tokens.get(i);
            }
            return null;
        }

        /** Why the input cannot be complete yet, or null when it may be: it goes to the compiler. */
        String incomplete() {
            Token last = last();
            if (last != null && last.open()) {
                if (last.kind() == Kind.COMMENT) return "comment";
                if (last.quote().length() == 3) return "string";
            }
            if (!openBrackets.isEmpty()) return "bracket " + openBrackets.peekLast().text();
            Token sig = lastSignificant();
            if (sig != null && sig.kind() == Kind.OP && CONTINUING.contains(sig.text())) return "operator " + sig.text();
            return null;
        }
    }

    /** Operators after which a line cannot end: the statement goes on on the next line. */
    static final java.util.Set<String> CONTINUING = java.util.Set.of(
            ",", "+", "-", "*", "/", "%", "**", "=", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "->", "?", ".",
            "+=", "-=", "*=", "/=", "..", "..<");

    private static final String[] OPERATORS = {
            "..<", "**=", "**", "==", "!=", "<=", ">=", "&&", "||", "->", "+=", "-=", "*=", "/=", "++", "--", "..", "?.",
            "?:", "<<", ">>", "=~", "==~", "<=>",
    };

    private Lexer() {
    }

    static Scan scan(String s) {
        List<Token> out = new ArrayList<>();
        Deque<Token> brackets = new ArrayDeque<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (c == '\n' || c == '\r') {
                i++;
                out.add(tok(s, Kind.NEWLINE, start, i, false, ""));
            } else if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
                out.add(tok(s, Kind.SPACE, start, i, false, ""));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
                out.add(tok(s, Kind.COMMENT, start, i, false, ""));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.add(tok(s, Kind.COMMENT, start, i, close < 0, ""));
            } else if (c == '\'' || c == '"') {
                String q = s.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3) : String.valueOf(c);
                i += q.length();
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '\\') {
                        i += 2;
                    } else if (s.startsWith(q, i)) {
                        i += q.length();
                        closed = true;
                        break;
                    } else if (q.length() == 1 && d == '\n') {
                        break;                      // a one-line string ends at the line's end; the compiler reports it
                    } else {
                        i++;
                    }
                }
                i = Math.min(i, n);
                out.add(tok(s, Kind.STRING, start, i, !closed, q));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (out.isEmpty() || out.get(out.size() - 1).kind() != Kind.IDENT))) {
                i = number(s, i);
                out.add(tok(s, Kind.NUMBER, start, i, false, ""));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) i++;
                out.add(tok(s, Kind.IDENT, start, i, false, ""));
            } else if (c == '(' || c == '[' || c == '{') {
                i++;
                Token t = tok(s, Kind.OPEN, start, i, false, "");
                out.add(t);
                brackets.addLast(t);
            } else if (c == ')' || c == ']' || c == '}') {
                i++;
                out.add(tok(s, Kind.CLOSE, start, i, false, ""));
                if (!brackets.isEmpty() && matches(brackets.peekLast().text().charAt(0), c)) brackets.removeLast();
                else brackets.clear();              // unbalanced: let the compiler say so
            } else {
                String op = String.valueOf(c);
                for (String o : OPERATORS) {
                    if (s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                i += op.length();
                out.add(tok(s, Kind.OP, start, i, false, ""));
            }
        }
        return new Scan(out, brackets);
    }

    private static boolean matches(char open, char close) {
        return (open == '(' && close == ')') || (open == '[' && close == ']') || (open == '{' && close == '}');
    }

    private static int number(String s, int i) {
        int n = s.length();
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        if (i + 1 < n && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
            i++;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            if (j < n && Character.isDigit(s.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(s.charAt(i))) i++;
            }
        }
        if (i < n && "dDfFlLgGiI".indexOf(s.charAt(i)) >= 0
                && (i + 1 >= n || !Character.isJavaIdentifierPart(s.charAt(i + 1)))) i++;
        return i;
    }

    private static Token tok(String s, Kind kind, int start, int end, boolean open, String quote) {
        return new Token(kind, start, end, s.substring(start, end), open, quote);
    }
}
