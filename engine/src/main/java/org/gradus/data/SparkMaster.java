package org.gradus.data;

import java.util.regex.Pattern;

/**
 * The forms of an Apache Spark master URL that Gradus accepts ({@code --master}), checked without Spark
 * so that a mistyped one is a usage error before anything starts: {@code local}, {@code local[n]},
 * {@code local[*]}, {@code local[n,retries]}, {@code spark://host:port[,host:port...]}, {@code yarn},
 * {@code k8s://...}.
 */
public final class SparkMaster {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,\\s*[0-9]+)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://[^,:/\\s]+(:[0-9]{1,5})?(,[^,:/\\s]+(:[0-9]{1,5})?)*");

    private SparkMaster() {
    }

    /** Whether the master runs Spark in this process only ({@code local}, {@code local[2]}, {@code local[*]}). */
    public static boolean isLocal(String master) {
        return LOCAL.matcher(master).matches();
    }

    /** What is wrong with the form of {@code master}, as one sentence of advice; null when it is a master URL Spark knows. */
    public static String problem(String master) {
        if (isLocal(master) || master.equals("yarn") || master.startsWith("k8s://") && master.length() > "k8s://".length()) return null;
        if (master.startsWith("spark://")) {
            if (STANDALONE.matcher(master).matches()) return null;
            return "--master " + master + ": a standalone cluster is spark://host:port (or spark://host1:port1,host2:port2)";
        }
        if (master.startsWith("local")) {
            return "--master " + master + ": Spark in this process is local, local[n] (n threads) or local[*]";
        }
        return "--master " + master + " is not a Spark master URL; use local[2] (Spark in this process), "
                + "spark://host:7077 (a standalone cluster), yarn or k8s://https://host:port";
    }
}
