package org.gradus.spark;

import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The one Spark session of this JVM (Spark allows one context per JVM), started on first use for the
 * master a script asked for: the Spark UI off, in local mode the driver bound to the loopback address,
 * Spark's logging quiet ({@link QuietLogging}). A master URL is checked before Spark starts — its form,
 * and for {@code spark://host:port} that the master answers — so that a mistake is one readable error
 * rather than a minute of retries.
 */
public final class SparkSessions {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,\\s*[0-9]+)?])?");
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

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
        session = b.getOrCreate();
        sessionMaster = master;
        return session;
    }

    /** Stops the session if one runs (tests: one per specification). */
    public static synchronized void stop() {
        if (session != null) session.stop();
        session = null;
        sessionMaster = null;
    }

    /** Whether Spark runs in this process only ({@code local}, {@code local[2]}, {@code local[*]}). */
    public static boolean isLocal(String master) {
        return LOCAL.matcher(master).matches();
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
        if (isLocal(master) || master.equals("yarn") || master.startsWith("k8s://")) return;
        if (!master.startsWith("spark://")) {
            throw new IllegalArgumentException("--master " + master + " is not a Spark master URL; use local[2] (Spark in this process), "
                    + "spark://host:7077 (a standalone cluster), yarn or k8s://https://host:port");
        }
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI uri = URI.create("spark://" + hostPort);
            if (uri.getHost() == null) throw new IllegalArgumentException("--master " + master + ": '" + hostPort + "' is not host:port");
            int port = uri.getPort() < 0 ? 7077 : uri.getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
                return;                          // one master of the list answers
            } catch (IOException e) {
                if (master.indexOf(',') < 0) {
                    throw new IllegalArgumentException("the Spark master " + master + " cannot be reached (" + e.getMessage()
                            + "); check that it runs and that this machine may connect to " + uri.getHost() + ":" + port
                            + ", or run with --master local[2]");
                }
            }
        }
        throw new IllegalArgumentException("none of the Spark masters " + master + " can be reached; check that one runs, "
                + "or run with --master local[2]");
    }
}
