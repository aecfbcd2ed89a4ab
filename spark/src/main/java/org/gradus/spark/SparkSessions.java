package org.gradus.spark;

import org.apache.spark.sql.SparkSession;
import org.gradus.data.SparkMaster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one Spark session of this JVM (Spark allows one context per JVM), started on first use for the
 * master a script asked for: the Spark UI off, in local mode the driver bound to the loopback address,
 * Spark's logging quiet ({@link QuietLogging}). A master URL is checked before Spark starts — its form,
 * and for {@code spark://host:port} that the master answers — so that a mistake is one readable error
 * rather than a minute of retries; and a standalone master that answers but does not take the
 * application (not a Spark master, or one that is full) is given {@link #registerSeconds()} seconds
 * (environment variable {@code GRADUS_SPARK_REGISTER_SECONDS}, default 30), not Spark's three
 * 20-second attempts.
 */
public final class SparkSessions {
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final int DEFAULT_REGISTER_SECONDS = 30;
    /** How long an abandoned start may take to end after its interrupt (a guard; it ends at once). */
    private static final int ABANDON_SECONDS = 60;

    private static SparkSession session;
    private static String sessionMaster;

    private SparkSessions() {
    }

    /**
     * The session on {@code master}, started if needed.
     *
     * @throws IllegalArgumentException for a master URL Spark does not know, a master that does not
     *                                  answer, or a session already running on another master
     */
    public static synchronized SparkSession on(String master) {
        if (session != null && !session.sparkContext().isStopped()) {
            if (!master.equals(sessionMaster)) {
                throw new IllegalArgumentException("Spark already runs on " + sessionMaster + " in this process; a second master ("
                        + master + ") needs a new gradus process");
            }
            return session;
        }
        check(master);
        QuietLogging.apply();
        SparkSession.Builder b = SparkSession.builder()
                .appName("gradus")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8");
        if (isLocal(master)) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        session = master.startsWith("spark://") ? registered(b, master) : started(b, master);
        sessionMaster = master;
        return session;
    }

    /** The session of a local, YARN or Kubernetes master; a failure to start is one readable error. */
    private static SparkSession started(SparkSession.Builder b, String master) {
        try {
            return b.getOrCreate();
        } catch (RuntimeException e) {
            throw cannotStart(master, e);
        }
    }

    /**
     * The session of a standalone master, waited for at most {@link #registerSeconds()}: Spark blocks while
     * it registers the application and retries for a minute when the master does not answer in its protocol.
     */
    private static SparkSession registered(SparkSession.Builder b, String master) {
        Runnable loud = QuietLogging.silenceRegistration();
        AtomicBoolean abandoned = new AtomicBoolean();
        FutureTask<SparkSession> start = new FutureTask<>(b::getOrCreate) {
            @Override
            protected void done() {
                // registered, or Spark gave up (after its own retries); an abandoned start stays quiet while it
                // winds down, so its connection warnings never follow Gradus' one-paragraph error
                if (!abandoned.get()) loud.run();
            }
        };
        Thread t = new Thread(start, "gradus-spark-start");
        t.setDaemon(true);
        t.start();
        int seconds = registerSeconds();
        try {
            return start.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            windDown(t, start);
            throw new IllegalArgumentException("the Spark master " + master + " answered, but did not take this application within " + seconds
                    + " s (is it a Spark master, of Spark 4.0, with free workers?); check the master's page (port 8080), "
                    + "set GRADUS_SPARK_REGISTER_SECONDS to wait longer, or run with --master local[2]", e);
        } catch (ExecutionException e) {
            throw cannotStart(master, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spark registered with " + master, e);
        }
    }

    /**
     * Ends an abandoned start before the error is reported, so that the next start in this JVM is clean: the
     * start thread, blocked while Spark waits for the master's answer, is interrupted and waited for (an
     * interrupt is not among the failures on which Spark's constructor stops what it began), and the context
     * it left half-built is stopped here. Else that context's own registration attempts would give up about a
     * minute later and stop it then, clearing the JVM's active Spark context and environment — by then
     * those of the next session, which would fail.
     */
    private static void windDown(Thread t, FutureTask<SparkSession> start) {
        Runnable loud = QuietLogging.silenceSpark();
        try {
            t.interrupt();
            try {
                start.get(ABANDON_SECONDS, TimeUnit.SECONDS);    // a guard: the interrupt ends it at once
            } catch (ExecutionException | java.util.concurrent.CancellationException | TimeoutException ended) {
                // the interrupted start failed, as it should; a start that would not end is left to Spark
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            org.apache.spark.SparkContext partial = halfBuilt(true);
            if (partial != null && !partial.isStopped()) partial.stop();
        } finally {
            loud.run();
        }
    }

    /**
     * The context Spark marked as being constructed and never finished, if any (Spark keeps it privately);
     * with {@code forget}, Spark's mark is cleared too, so that the next start does not warn of it.
     */
    private static org.apache.spark.SparkContext halfBuilt(boolean forget) {
        try {
            Class<?> companion = Class.forName("org.apache.spark.SparkContext$");
            java.lang.reflect.Field f = companion.getDeclaredField("contextBeingConstructed");
            f.setAccessible(true);
            Object module = companion.getField("MODULE$").get(null);
            Object option = f.get(module);
            if (forget) f.set(module, scala.None$.MODULE$);
            return option instanceof scala.Some<?> some ? (org.apache.spark.SparkContext) some.value() : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;                                     // another Spark version: its own retries stop it later
        }
    }

    private static IllegalArgumentException cannotStart(String master, Throwable e) {
        String message = String.valueOf(e.getMessage());
        int line = message.indexOf('\n');
        return new IllegalArgumentException("Spark could not start on " + master + " (" + (line < 0 ? message : message.substring(0, line))
                + "); check that the master runs and accepts applications from this machine, or run with --master local[2]", e);
    }

    /** How long a standalone master may take to accept the application: GRADUS_SPARK_REGISTER_SECONDS, else 30. */
    static int registerSeconds() {
        String env = System.getenv("GRADUS_SPARK_REGISTER_SECONDS");
        if (env != null) {
            try {
                int n = Integer.parseInt(env.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // not a number: the default
            }
        }
        return DEFAULT_REGISTER_SECONDS;
    }

    /** Stops the session if one runs (tests: one per specification). */
    public static synchronized void stop() {
        if (session != null) session.stop();
        session = null;
        sessionMaster = null;
    }

    /** Whether Spark runs in this process only ({@code local}, {@code local[2]}, {@code local[*]}). */
    public static boolean isLocal(String master) {
        return SparkMaster.isLocal(master);
    }

    /**
     * The running session whatever its master, else one on {@code master}: for reading a table into
     * memory, which any Spark can do.
     */
    static synchronized SparkSession anyOr(String master) {
        if (session != null && !session.sparkContext().isStopped()) return session;
        return on(master);
    }

    /** Checks a master URL: its form, and for a standalone cluster that a master answers. */
    static void check(String master) {
        String problem = SparkMaster.problem(master);
        if (problem != null) throw new IllegalArgumentException(problem);
        if (!master.startsWith("spark://")) return;
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI uri = URI.create("spark://" + hostPort);
            if (uri.getHost() == null) throw new IllegalArgumentException("--master " + master + ": '" + hostPort + "' is not host:port");
            int port = uri.getPort() < 0 ? 7077 : uri.getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
                return;                          // one master of the list answers
            } catch (IOException e) {
                if (master.indexOf(',') < 0) {
                    String why = e instanceof java.net.UnknownHostException ? "no host is named " + uri.getHost() : e.getMessage();
                    throw new IllegalArgumentException("the Spark master " + master + " cannot be reached (" + why
                            + "); check that it runs and that this machine may connect to " + uri.getHost() + ":" + port
                            + ", or run with --master local[2]");
                }
            }
        }
        throw new IllegalArgumentException("none of the Spark masters " + master + " can be reached; check that one runs, "
                + "or run with --master local[2]");
    }
}
