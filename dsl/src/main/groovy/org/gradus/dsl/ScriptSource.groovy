package org.gradus.dsl

import groovy.transform.CompileStatic

import java.nio.ByteBuffer
import java.nio.CharBuffer
import java.nio.charset.CharsetDecoder
import java.nio.charset.CoderResult
import java.nio.charset.CodingErrorAction
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/**
 * The text of a script before the compiler sees it: read as UTF-8 (a byte-order mark is dropped; bytes
 * that are not UTF-8 are a syntax error naming the line and byte offset), and checked for nesting deeper
 * than {@link #MAX_NESTING} brackets, which is reported where it happens instead of overflowing the
 * parser's stack.
 */
@CompileStatic
final class ScriptSource {
    /** Brackets ( [ { open at once, at most. Formulas people write stay far below. */
    static final int MAX_NESTING = 200

    private ScriptSource() {
    }

    /**
     * The script file's text.
     *
     * @throws GradusException (exit code 3) if the file is not valid UTF-8
     * @throws IOException if it cannot be read
     */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file)
        decode(bytes, file.fileName.toString())
    }

    /** UTF-8 bytes to text, without a leading byte-order mark. */
    static String decode(byte[] bytes, String fileName) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start)
        CharBuffer out = CharBuffer.allocate(bytes.length)
        CoderResult r = decoder.decode(in, out, true)
        if (r.isError()) {
            int offset = in.position()
            int line = 1, lineStart = 0
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == (byte) 10) {
                    line++
                    lineStart = i + 1
                }
            }
            String hex = String.format('0x%02X', bytes[offset] & 0xff)
            throw new GradusException("the file is not valid UTF-8: byte ${hex} at line ${line}, byte offset ${offset} " +
                    "(byte ${offset - lineStart + 1} of the line); save the script as UTF-8", fileName, line, offset - lineStart + 1, null,
                    GradusException.COMPILE)
        }
        decoder.flush(out)
        out.flip()
        out.toString()
    }

    /** The text without a leading byte-order mark. */
    static String withoutBom(String source) {
        source != null && source.startsWith('\uFEFF') ? source.substring(1) : source
    }

    /**
     * Refuses code nested more than {@link #MAX_NESTING} brackets deep (exit code 3, at the bracket that
     * goes past it). Strings and comments are skipped; a slashy string counts as division, which can only
     * make the count differ by the brackets inside it.
     */
    static void checkNesting(String s, ErrorLocator locator) {
        int depth = 0, line = 1, lineStart = 0
        int i = 0, n = s.length()
        while (i < n) {
            char c = s.charAt(i)
            if (c == '\n' as char) {
                line++
                lineStart = i + 1
                i++
            } else if (c == '/' as char && i + 1 < n && s.charAt(i + 1) == '/' as char) {
                while (i < n && s.charAt(i) != '\n' as char) i++
            } else if (c == '/' as char && i + 1 < n && s.charAt(i + 1) == '*' as char) {
                int end = s.indexOf('*/', i + 2)
                int stop = end < 0 ? n : end + 2
                for (int k = i; k < stop; k++) if (s.charAt(k) == '\n' as char) { line++; lineStart = k + 1 }
                i = stop
            } else if (c == '\'' as char || c == '"' as char) {
                String quote = s.startsWith("${c}${c}${c}", i) ? "${c}${c}${c}".toString() : String.valueOf(c)
                int k = i + quote.length()
                while (k < n && !s.startsWith(quote, k)) {
                    if (s.charAt(k) == '\\' as char) k++
                    else if (s.charAt(k) == '\n' as char) { line++; lineStart = k + 1 }
                    k++
                }
                i = Math.min(n, k + quote.length())
            } else {
                if (c == '(' as char || c == '[' as char || c == '{' as char) {
                    if (++depth > MAX_NESTING) {
                        throw new GradusException("the code is nested more than ${MAX_NESTING} brackets deep; give inner parts " +
                                'names (a = ...; b = ... a ...)', locator.fileName, line, i - lineStart + 1, locator.lineText(line),
                                GradusException.COMPILE)
                    }
                } else if (c == ')' as char || c == ']' as char || c == '}' as char) {
                    if (depth > 0) depth--
                }
                i++
            }
        }
    }
}
