package org.gradus.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.gradus.api.Gradus;
import org.gradus.api.Session;
import org.gradus.dsl.GradusException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gradus:check}: compiles every script of the fileset without running it, as {@code gradus check}
 * does; a syntax error or a construct the sandbox refuses fails the build with the script's located
 * message. Bound to {@code validate} by default.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractGradusMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("gradus: skipped");
            return;
        }
        List<Path> scripts = scripts();
        Session session = Gradus.session().build();
        List<String> failures = new ArrayList<>();
        for (Path script : scripts) {
            try {
                session.check(sourceDirectory.toPath().resolve(script));
                getLog().info("gradus: " + shown(script) + ": ok");
            } catch (GradusException e) {
                failures.add(shown(script) + ":\n" + e.report());
            }
        }
        if (!failures.isEmpty()) throw new MojoFailureException(summary("did not compile", failures));
        getLog().info("gradus: " + scripts.size() + (scripts.size() == 1 ? " script" : " scripts") + " checked");
    }
}
