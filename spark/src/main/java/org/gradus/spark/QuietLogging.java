package org.gradus.spark;

/**
 * Spark logs through log4j2, at INFO by default, to stderr. Gradus keeps it to warnings: unless the user
 * configured log4j2 ({@code -Dlog4j2.configurationFile=...}, or a {@code log4j2.properties} on the class
 * path, as a cluster's {@code SPARK_CONF_DIR} provides), it points log4j2 at this module's configuration
 * before Spark starts (warnings and errors, to stderr: never on stdout, which carries {@code --json}).
 */
final class QuietLogging {
    static final String CONFIGURATION = "org/gradus/spark/log4j2-gradus.properties";

    private QuietLogging() {
    }

    static void apply() {
        if (System.getProperty("log4j2.configurationFile") != null || System.getProperty("log4j.configurationFile") != null) return;
        ClassLoader loader = QuietLogging.class.getClassLoader();
        for (String own : new String[]{"log4j2.properties", "log4j2.xml", "log4j2.yaml", "log4j2.json", "log4j2-test.properties"}) {
            if (loader.getResource(own) != null) return;
        }
        System.setProperty("log4j2.configurationFile", "classpath:" + CONFIGURATION);
    }
}
