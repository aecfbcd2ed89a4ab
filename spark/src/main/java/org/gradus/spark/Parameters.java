package org.gradus.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;

/**
 * The parameters of one pass on their way to the partitions: inside each task (the task's closure carries
 * them) while they are few, broadcast once for all tasks when they are many — MLlib broadcasts its
 * coefficients every pass, which for a vector of a few hundred doubles costs more than it saves
 * (measured: docs/benchmarks.md, "Data on Apache Spark").
 *
 * <p>{@link #IN_TASK_LIMIT} doubles (64 KB) is where the two ways meet: a task is serialized for every
 * partition, so a larger vector multiplied by the partitions outweighs the broadcast's fixed cost. The
 * system property {@code gradus.spark.parameters} ({@code task} or {@code broadcast}) forces one way,
 * for measurements.
 */
abstract class Parameters implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The most doubles that travel inside each task; more are broadcast. */
    static final int IN_TASK_LIMIT = 8192;

    /** The parameters as the partitions read them. */
    abstract double[] value();

    /** Frees what the pass made on the executors (the broadcast's blocks); a no-op for parameters in the task. */
    abstract void destroy();

    /** The parameters {@code x} for one pass (taken, not copied: the caller passes its own copy). */
    static Parameters of(JavaSparkContext context, double[] x) {
        String forced = System.getProperty("gradus.spark.parameters");
        boolean broadcast = forced != null ? forced.equals("broadcast") : x.length > IN_TASK_LIMIT;
        return broadcast ? new Broadcasted(context.broadcast(x)) : new InTask(x);
    }

    /** Carried by every task. */
    private static final class InTask extends Parameters {
        private static final long serialVersionUID = 1L;
        private final double[] x;

        InTask(double[] x) {
            this.x = x;
        }

        @Override
        double[] value() {
            return x;
        }

        @Override
        void destroy() {
        }
    }

    /** Broadcast once; each executor fetches it once and keeps it until the pass destroys it. */
    private static final class Broadcasted extends Parameters {
        private static final long serialVersionUID = 1L;
        private final Broadcast<double[]> x;

        Broadcasted(Broadcast<double[]> x) {
            this.x = x;
        }

        @Override
        double[] value() {
            return x.value();
        }

        @Override
        void destroy() {
            x.destroy();
        }
    }
}
