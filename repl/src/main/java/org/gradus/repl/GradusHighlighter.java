package org.gradus.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Colours the input as it is typed: keywords, numbers, strings, comments, built-in names, the session's
 * variables, and {@code :commands}. JLine draws plain text on terminals without colour.
 */
final class GradusHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle BUILTIN = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle VARIABLE = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD;

    private final Supplier<Map<String, Object>> variables;
    private final Supplier<Vocabulary> words;

    /** Colours with the session's variables and the language's words once they are read ({@link Vocabulary#ifRead()}). */
    GradusHighlighter(Supplier<Map<String, Object>> variables) {
        this(variables, Vocabulary::ifRead);
    }

    /** As above; {@code words} gives the words, or null while they are not read (then no word is coloured as one). */
    GradusHighlighter(Supplier<Map<String, Object>> variables, Supplier<Vocabulary> words) {
        this.variables = variables;
        this.words = words;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (GradusParser.isCommand(buffer)) {
            int lead = buffer.length() - buffer.stripLeading().length();
            int end = buffer.indexOf(' ', lead);
            if (end < 0) end = buffer.length();
            sb.append(buffer.substring(0, lead)).styled(COMMAND, buffer.substring(lead, end)).append(buffer.substring(end));
            return sb.toAttributedString();
        }
        Map<String, Object> vars = variables.get();
        Vocabulary words = this.words.get();
        for (Lexer.Token t : Lexer.scan(buffer).tokens()) {
            AttributedStyle style = switch (t.kind()) {
                case NUMBER -> NUMBER;
                case STRING -> STRING;
                case COMMENT -> COMMENT;
                case IDENT -> words != null && words.isKeyword(t.text()) ? KEYWORD
                        : vars.containsKey(t.text()) ? VARIABLE
                        : words != null && words.isBuiltin(t.text()) ? BUILTIN : null;
                default -> null;
            };
            if (style == null) sb.append(t.text());
            else sb.styled(style, t.text());
        }
        return sb.toAttributedString();
    }
}
