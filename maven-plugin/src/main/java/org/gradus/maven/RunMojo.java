package org.gradus.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.gradus.api.Gradus;
import org.gradus.api.MinimizeResult;
import org.gradus.api.Results;
import org.gradus.api.Session;
import org.gradus.dsl.GradusException;
import org.gradus.optim.Status;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gradus:run}: runs every script of the fileset (default {@code src/main/gradus/**}{@code /*.opt}),
 * sandboxed, and writes what each one shows as JSON Lines to {@code target/gradus/NAME.jsonl} (the
 * records of {@code gradus run --json}; {@code models/fit.opt} gives {@code target/gradus/models/fit.jsonl}).
 * A script that fails (an error, a failed {@code assert}, its time limit) fails the build with its located
 * message, after every script has run; its {@code .jsonl} is not written. Output files a script names
 * (traces, pictures) go to the same folder as its {@code .jsonl}. Bound to {@code verify} by default.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class RunMojo extends AbstractGradusMojo {
    /** Where the {@code .jsonl} files (and the scripts' output files) go. */
    @Parameter(property = "gradus.outputDirectory", defaultValue = "${project.build.directory}/gradus")
    File outputDirectory;

    /** Seconds each script may take, compiling included; 0 for no limit. */
    @Parameter(property = "gradus.timeout", defaultValue = "0")
    double timeout;

    /** Fail the build when a minimization ends with status {@code diverged} (by default it is a result). */
    @Parameter(property = "gradus.failOnDiverged", defaultValue = "false")
    boolean failOnDiverged;

    /** Run each script in a JVM of its own ({@code gradus run --isolate}). */
    @Parameter(property = "gradus.isolate", defaultValue = "false")
    boolean isolate;

    /** The heap limit of an isolated run ({@code 512m}, {@code 2g}); setting it implies {@link #isolate}. */
    @Parameter(property = "gradus.maxMemory")
    String maxMemory;

    /** Variables defined before each script runs, as {@code gradus run --set name=value} (numbers parsed as numbers). */
    @Parameter
    Map<String, String> parameters;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("gradus: skipped");
            return;
        }
        List<Path> scripts = scripts();
        if (scripts.isEmpty()) {
            getLog().info("gradus: no scripts in " + sourceDirectory);
            return;
        }
        List<String> failures = new ArrayList<>();
        for (Path script : scripts) {
            String failure = run(script);
            if (failure != null) failures.add(failure);
        }
        if (!failures.isEmpty()) throw new MojoFailureException(summary("failed", failures));
    }

    /** Runs one script; returns null, or the failure to report. */
    private String run(Path script) throws MojoExecutionException {
        Path file = sourceDirectory.toPath().resolve(script);
        String name = script.toString().replaceFirst("\\.[^./\\\\]*$", "") + ".jsonl";
        Path jsonl = outputDirectory.toPath().resolve(name);
        Results results;
        try {
            Files.createDirectories(jsonl.getParent());
            Files.deleteIfExists(jsonl);
            results = session(jsonl.getParent()).run(file);
        } catch (GradusException e) {
            return shown(script) + ":\n" + e.report();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("gradus: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + jsonl + ": " + e.getMessage(), e);
        }
        write(jsonl, results.toJsonLines());
        getLog().info("gradus: " + shown(script) + ": " + results.size() + (results.size() == 1 ? " value" : " values")
                + " -> " + jsonl);
        if (failOnDiverged) {
            for (MinimizeResult r : results.all(MinimizeResult.class)) {
                if (r.status() == Status.DIVERGED) return shown(script) + ": " + r.kind() + " diverged: " + r.message();
            }
        }
        return null;
    }

    private Session session(Path outputs) {
        Session.Builder b = Gradus.session().outputDirectory(outputs);
        if (timeout > 0) b.timeLimit(Duration.ofNanos((long) (timeout * 1e9)));
        if (isolate) b.isolate(true);
        if (maxMemory != null && !maxMemory.isBlank()) b.maxMemory(maxMemory);
        if (parameters != null) parameters.forEach((k, v) -> b.parameter(k, value(v)));
        return b.build();
    }

    /** A parameter's value: whole numbers as Long, other numbers as Double, anything else as text. */
    static Object value(String v) {
        if (v == null) return null;
        try {
            if (v.matches("[+-]?\\d+")) return Long.parseLong(v);
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Writes {@code text} to {@code target} atomically (a temporary file beside it, then a rename). */
    private static void write(Path target, String text) throws MojoExecutionException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
