package org.gradus.repl;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The REPL's JLine parser. On Enter it reports {@link EOFError} while the input is still open (an
 * unclosed bracket, brace, triple-quoted string or block comment, or a trailing operator such as
 * {@code ,} or {@code +}), so the line reader asks for another line with the continuation prompt.
 * For completion it splits out the word under the cursor: an identifier in code (also inside a
 * string, for {@code method: 'ad}), or a whitespace-separated word on a {@code :command} line.
 */
final class GradusParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        boolean command = isCommand(line);
        if (context == ParseContext.ACCEPT_LINE && !command) {
            String why = Lexer.scan(line).incomplete();
            if (why != null) {
                String[] lines = line.split("\n", -1);
                throw new EOFError(lines.length - 1, lines[lines.length - 1].length(), "open " + why, why);
            }
        }
        int start = cursor, end = cursor;
        if (command) {
            while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) start--;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) end++;
        } else {
            while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) start--;
            while (end < line.length() && Character.isJavaIdentifierPart(line.charAt(end))) end++;
        }
        return new Line(line, cursor, start, end);
    }

    /** A {@code :command} line: its first non-blank character is a colon. */
    static boolean isCommand(String line) {
        return line.stripLeading().startsWith(":");
    }

    /** The input with the word under the cursor at {@code [start, end)}; candidates are inserted as they are. */
    record Line(String line, int cursor, int start, int end) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(start, end);
        }

        @Override
        public int wordCursor() {
            return cursor - start;
        }

        @Override
        public int wordIndex() {
            return start > 0 ? 1 : 0;
        }

        @Override
        public List<String> words() {
            List<String> words = new ArrayList<>(3);
            if (start > 0) words.add(line.substring(0, start));
            words.add(word());
            if (end < line.length()) words.add(line.substring(end));
            return words;
        }

        /** The text before the word under the cursor. */
        String before() {
            return line.substring(0, start);
        }

        /** The text after the word under the cursor. */
        String after() {
            return line.substring(end);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return end - start;
        }
    }
}
