package org.gradus.api;

/**
 * The entry point of the Java API: {@link #session()} makes a {@link Session} that runs {@code .opt}
 * scripts and returns what they show as typed {@link Result}s.
 *
 * <pre>
 * import org.gradus.api.*;
 *
 * Session session = Gradus.session()                       // sandboxed by default
 *         .timeLimit(Duration.ofSeconds(30))
 *         .parameter("lambda", 0.01)
 *         .build();
 * Results shown = session.run(Path.of("ridge.opt"));
 * MinimizeResult fit = shown.first(MinimizeResult.class);
 * System.out.println(fit.status() + " at " + fit.x() + ", f = " + fit.f());
 * </pre>
 *
 * The JSR-223 engine {@code gradus} ({@code new ScriptEngineManager().getEngineByName("gradus")}) is the
 * other way in; its {@code eval} returns the same typed results.
 */
public final class Gradus {
    private Gradus() {
    }

    /** A builder for a session: sandboxed, in this JVM, without a time limit until told otherwise. */
    public static Session.Builder session() {
        return new Session.Builder();
    }

    /** The version of Gradus ({@code 0.1.0-SNAPSHOT}), or {@code dev} when run from class files. */
    public static String version() {
        String v = Gradus.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
