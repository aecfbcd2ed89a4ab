package org.gradus.spark;

/**
 * Spark logs through log4j2, at INFO by default, to stderr. Gradus keeps it to warnings: unless the user
 * configured log4j2 ({@code -Dlog4j2.configurationFile=...}, or a {@code log4j2.properties} on the class
 * path, as a cluster's {@code SPARK_CONF_DIR} provides), it points log4j2 at this module's configuration
 * before Spark starts (warnings and errors, to stderr: never on stdout, which carries {@code --json}).
 */
final class QuietLogging {
    static final String CONFIGURATION = "org/gradus/spark/log4j2-gradus.properties";
    /** The loggers of Spark's connection to a standalone master (its retries while it registers). */
    private static final String[] REGISTRATION = {"org.apache.spark.deploy.client", "org.apache.spark.network", "org.apache.spark.rpc", "org.apache.spark.scheduler.cluster"};

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

    /**
     * Under this configuration, turns off all of Spark's loggers (while an abandoned start is stopped: what it
     * says then is about an application Gradus has already reported); the returned action turns them back to
     * warnings. Does nothing under the user's own configuration.
     */
    static Runnable silenceSpark() {
        if (!("classpath:" + CONFIGURATION).equals(System.getProperty("log4j2.configurationFile"))) return () -> { };
        org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark", org.apache.logging.log4j.Level.OFF);
        return () -> org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark", org.apache.logging.log4j.Level.WARN);
    }

    /**
     * Under this configuration, turns off the loggers of Spark's attempts to register with a standalone
     * master (a master that does not answer yields a warning every few seconds, and Gradus reports it once,
     * readably); the returned action turns them back to warnings. Does nothing under the user's own configuration.
     */
    static Runnable silenceRegistration() {
        if (!("classpath:" + CONFIGURATION).equals(System.getProperty("log4j2.configurationFile"))) return () -> { };
        for (String name : REGISTRATION) org.apache.logging.log4j.core.config.Configurator.setLevel(name, org.apache.logging.log4j.Level.OFF);
        return () -> {
            for (String name : REGISTRATION) org.apache.logging.log4j.core.config.Configurator.setLevel(name, org.apache.logging.log4j.Level.WARN);
        };
    }
}
