package org.gradus.daemon;

import org.gradus.cli.Invocation;
import org.gradus.cli.Main;
import org.gradus.cli.Repl;
import org.gradus.eval.VectorUnit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a young daemon does once, after the first command it served, on a thread of its own: the work a
 * client's next commands would otherwise wait for the first time (docs/benchmarks.md, "Twelfth session").
 * First a short REPL session typed into an in-memory terminal ({@link Repl#warmUp()}): the shell's classes
 * and code, and the REPL's compile. Then new scripts: the command that started the daemon usually ran a
 * script from the compiled-script cache, so the Groovy compiler's code for a script file has not run, and a
 * new script's first compile would take about 0.4 s of the client's time against 25 ms for the third. So six
 * throw-away scripts are run as {@code gradus run NEW.opt --json} runs them (compiled, stored in a scratch
 * cache, run, shown to nowhere), in a scratch folder inside the daemon's owner-only folder, removed at the
 * end; the user's cache and history are not touched. Each step begins only when no client has been served for
 * 0.4 s ({@code DaemonServer.QUIET_MILLIS}): commands run one after another by a script (a client starts in
 * about 0.1 s) are never slowed by it, while a person writing the next command finds it done; a step under way
 * is not stopped (a client arriving then shares the two cores with it). Then three runs of a script that draws
 * pictures ({@link #PICTURES}): a client's first {@code plot} then costs about what its second does. Last, the
 * vector unit's warm-up ({@link VectorUnit}: the daemon's JVM has the Vector API, {@code DaemonLaunch}; until it
 * is done, data passes keep the scalar sums, with the same bits). The whole takes about 2.5–3 s of one core. A
 * failure only means no warm-up; it goes to the daemon's log.
 */
final class DaemonWarmUp {
    /** A script of the size and kind a person tries first: a variable, a function, a gradient. */
    static final String SCRIPT = "x = variable(1)\nf = (x - 2)**2 + 1\ngrad(f).at(x: 0)\n";
    private static final int NEW_SCRIPTS = 6;
    /**
     * A script that draws the lectures' two kinds of picture, each to a PNG in the scratch folder: level sets
     * with a descent path, and a graph with its tangent. Run three times: a script with a contour plot took
     * 0.6–0.93 s as a daemon's first picture (Java2D, fonts, JFreeChart and the PNG encoder loaded and compiled
     * then), 0.3 s as its second; after two warm-up runs its first took 0.36–0.56 s, after three 0.31–0.42 s.
     */
    static final String PICTURES = """
            x = variable(-1.2)
            y = variable(1)
            f = (1 - x)**2 + 100*(y - x**2)**2
            r = minimize(f, method: 'gd', lr: 0.001, maxIter: 200)
            plot f, x: -2..2, y: -1..3, path: r, file: 'level-sets.png'
            plot x**3 - 3*x, x: -2..2, tangentAt: 1, file: 'tangent.png'
            """;

    private DaemonWarmUp() {
    }

    /** Waits until the daemon has served no client for a while: the warm-up takes no core from a client's command. */
    interface Quiet {
        void await() throws InterruptedException;
    }

    /**
     * Starts the warm-up on a daemon thread, and returns it; each of its steps (a script, the REPL session)
     * begins when {@code quiet} returns; {@code log} receives a failure.
     */
    static Thread start(DaemonPlace place, Quiet quiet, java.util.function.Consumer<String> log) {
        Thread t = new Thread(() -> {
            try {
                long begun = System.nanoTime();
                quiet.await();
                Repl.warmUp();
                newScripts(place.dir(), SCRIPT, NEW_SCRIPTS, quiet);
                newScripts(place.dir(), PICTURES, 3, quiet);
                quiet.await();
                VectorUnit.awaitWarm(60_000);
                log.accept("warmed up in " + (System.nanoTime() - begun) / 1_000_000 + " ms; vector unit: " + VectorUnit.describe());
            } catch (IOException | RuntimeException e) {
                log.accept("the warm-up failed: " + e);
            } catch (InterruptedException e) {
                // the daemon stops
            }
        }, "gradus-daemon-warmup");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Runs {@code count} scripts never seen before ({@code source} and a comment that makes each new), as a
     * client's {@code run} of them would, in a scratch folder in {@code dir} removed at the end; a run that
     * fails (the warm-up script no longer runs) throws with what it printed on stderr. Each run begins when
     * {@code quiet} returns.
     */
    static void newScripts(Path dir, String source, int count, Quiet quiet) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(dir, "warmup-");
        try {
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
            Map<String, String> env = Map.of("GRADUS_CACHE_DIR", scratch.resolve("cache").toString());
            for (int k = 0; k < count; k++) {
                quiet.await();
                Path script = scratch.resolve("new" + k + ".opt");
                Files.writeString(script, source + "// warm-up " + k + "\n");
                int code = Main.run(new String[] {"run", script.toString(), "--json"}, nowhere, err, env,
                        new Invocation(scratch, false, null, true));
                if (code != 0) {
                    throw new IllegalStateException("a warm-up run ended with exit code " + code + ": "
                            + errors.toString(StandardCharsets.UTF_8).strip());
                }
            }
        } finally {
            try (Stream<Path> all = Files.walk(scratch)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
