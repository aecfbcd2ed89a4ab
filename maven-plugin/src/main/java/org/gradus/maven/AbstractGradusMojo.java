package org.gradus.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the goals share: the fileset of scripts, {@code skip}, and how failures are reported. */
abstract class AbstractGradusMojo extends AbstractMojo {
    /** The folder the scripts are in. */
    @Parameter(property = "gradus.sourceDirectory", defaultValue = "${project.basedir}/src/main/gradus")
    File sourceDirectory;

    /** Which files under {@link #sourceDirectory} are scripts (Ant-style patterns). Default: {@code **}{@code /*.opt}. */
    @Parameter
    List<String> includes;

    /** Files under {@link #sourceDirectory} to leave out (Ant-style patterns). */
    @Parameter
    List<String> excludes;

    /** The project's folder: script paths in messages are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Skip the goal ({@code -Dgradus.skip}). */
    @Parameter(property = "gradus.skip", defaultValue = "false")
    boolean skip;

    /** The scripts to run, relative to {@link #sourceDirectory}, sorted. */
    List<Path> scripts() throws MojoExecutionException {
        List<String> in = includes == null || includes.isEmpty() ? List.of("**/*.opt") : includes;
        List<String> out = excludes == null ? List.of() : excludes;
        try {
            return ScriptFiles.find(sourceDirectory.toPath(), in, out);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the scripts in " + sourceDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The script's path as the build shows it: relative to the project folder when inside it. */
    String shown(Path script) {
        Path abs = sourceDirectory.toPath().resolve(script).toAbsolutePath();
        Path base = (basedir != null ? basedir.toPath() : Path.of("")).toAbsolutePath();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    /** One message for all failures: each script's path and its located report. */
    static String summary(String what, List<String> failures) {
        StringBuilder sb = new StringBuilder();
        sb.append(failures.size()).append(failures.size() == 1 ? " Gradus script " : " Gradus scripts ").append(what).append(':');
        for (String f : failures) sb.append("\n\n").append(f);
        return sb.toString();
    }
}
