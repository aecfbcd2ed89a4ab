package org.gradus.dsl.isolate;

import org.gradus.result.Json;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an isolated child JVM tells its parent on its standard output: one JSON object per line, with a
 * field {@code t} saying which message it is.
 * <ul>
 *   <li>{@code {"t":"shown","json":RECORD,"text":TEXT}}: a shown value; {@code json} is the record as a
 *       string, exactly as {@code --json} writes it, {@code text} its readable report;</li>
 *   <li>{@code {"t":"print","text":TEXT}}: text the script printed ({@code println});</li>
 *   <li>{@code {"t":"error","message":..,"file":..,"line":..,"column":..,"sourceLine":..,"exitCode":..,
 *       "outOfMemory":..}}: the run failed;</li>
 *   <li>{@code {"t":"done"}}: the run ended normally.</li>
 * </ul>
 * The request goes the other way, as one JSON object on the child's standard input, which is then closed:
 * {@code source}, {@code fileName}, {@code baseDir}, {@code sandboxed}, {@code parameters}, {@code allowRead},
 * {@code allowWrite} (lists of folders), {@code outputDir}.
 */
final class Protocol {
    private Protocol() {
    }

    /** Writes messages to the parent; safe to call from any thread. */
    static final class Writer {
        private final PrintStream channel;

        Writer(PrintStream channel) {
            this.channel = channel;
        }

        void shown(String json, String text) {
            send(Map.of("t", "shown", "json", json, "text", text));
        }

        void print(String text) {
            send(Map.of("t", "print", "text", text));
        }

        void done() {
            send(Map.of("t", "done"));
        }

        void error(String message, String file, int line, int column, String sourceLine, int exitCode, boolean outOfMemory) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("t", "error");
            m.put("message", message);
            m.put("file", file);
            m.put("line", line);
            m.put("column", column);
            m.put("sourceLine", sourceLine);
            m.put("exitCode", exitCode);
            m.put("outOfMemory", outOfMemory);
            send(m);
        }

        private synchronized void send(Map<String, ?> message) {
            channel.print(Json.write(message));
            channel.print('\n');
            channel.flush();
        }
    }

    /** An output stream whose text is sent as {@code print} messages, each time it is flushed. */
    static final class PrintChunks extends OutputStream {
        private final Writer writer;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        PrintChunks(Writer writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            if (buffer.size() == 0) return;
            writer.print(buffer.toString(StandardCharsets.UTF_8));
            buffer.reset();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
