package org.gradus.dsl.isolate;

import groovy.json.JsonSlurper;
import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The main class of an isolated run's child JVM ({@link IsolatedRun} starts it): reads the request from
 * standard input, runs the script in a {@link GradusSession} and reports every shown value, printed text
 * and the outcome over standard output ({@link Protocol}). The parent enforces the time limit by ending
 * this process; the heap limit is the JVM's {@code -Xmx}. A script that exhausts the heap is reported as
 * such (the memory it held is let go first); the child also ends when its parent does.
 *
 * <p>This and the command line's {@code Main.main} are the only places Gradus ends a JVM.
 */
public final class ChildMain {
    private ChildMain() {
    }

    public static void main(String[] args) {
        PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        Protocol.Writer writer = new Protocol.Writer(channel);
        // anything else that writes to System.out reaches the parent as printed text, never as a message
        System.setOut(new PrintStream(new Protocol.PrintChunks(writer), true, StandardCharsets.UTF_8));
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
        byte[] reserve = new byte[1 << 20];           // let go when the heap is exhausted, to report it
        int code;
        try {
            Map<?, ?> request;
            try (InputStreamReader in = new InputStreamReader(System.in, StandardCharsets.UTF_8)) {
                request = (Map<?, ?>) new JsonSlurper().parse(in);
            }
            code = run(request, writer);
        } catch (OutOfMemoryError e) {
            reserve = null;
            writer.error("out of memory", null, 0, 0, null, GradusException.RUNTIME, true);
            code = GradusException.RUNTIME;
        } catch (Throwable t) {
            writer.error("the isolated run failed: " + t, null, 0, 0, null, GradusException.RUNTIME, false);
            code = GradusException.RUNTIME;
        }
        System.out.flush();
        channel.flush();
        if (reserve != null) reserve[0] = 0;
        Runtime.getRuntime().halt(code);
    }

    private static int run(Map<?, ?> request, Protocol.Writer writer) {
        GradusSession session = new GradusSession();
        session.setSandboxed(!Boolean.FALSE.equals(request.get("sandboxed")));
        PrintStream printed = new PrintStream(new Protocol.PrintChunks(writer), true, StandardCharsets.UTF_8);
        session.setScriptOut(printed);
        session.setListener(shown -> writer.shown(shown.toJson(), shown.toText()));
        if (request.get("parameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((k, v) -> session.getPredefined().put(String.valueOf(k), doubles(v)));
        }
        if (request.get("allowRead") instanceof java.util.List<?> dirs) dirs.forEach(d -> session.getAllowRead().add(Path.of((String) d)));
        if (request.get("allowWrite") instanceof java.util.List<?> dirs) dirs.forEach(d -> session.getAllowWrite().add(Path.of((String) d)));
        if (request.get("outputDir") instanceof String dir) session.setOutputDir(Path.of(dir));
        String source = (String) request.get("source");
        String fileName = (String) request.get("fileName");
        Path baseDir = Path.of((String) request.get("baseDir"));
        try {
            session.run(source, fileName, baseDir);
            printed.flush();
            writer.done();
            return 0;
        } catch (GradusException e) {
            printed.flush();
            boolean outOfMemory = causedByOutOfMemory(e);
            if (outOfMemory) {
                session.reset();                      // the script's variables may still hold the heap
                System.gc();
            }
            writer.error(e.getMessage(), e.file(), e.line(), e.column(), e.sourceLine(), e.exitCode(), outOfMemory);
            return e.exitCode();
        }
    }

    /** JSON decimals arrive as BigDecimal; an in-process run gets Doubles: make them Doubles here too. */
    private static Object doubles(Object v) {
        if (v instanceof java.math.BigDecimal d) return d.doubleValue();
        if (v instanceof java.util.List<?> list) return list.stream().map(ChildMain::doubles).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, doubles(x)));
            return out;
        }
        return v;
    }

    private static boolean causedByOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof OutOfMemoryError) return true;
        return false;
    }
}
