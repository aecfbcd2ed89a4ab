package org.gradus.cli;

import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.result.Shown;

import java.io.IOException;
import java.io.PrintStream;

/** The interactive shell. Until the JLine shell lands, piped input runs as one batch script. */
final class Repl {
    private Repl() {
    }

    static int start(PrintStream out, PrintStream err) {
        try {
            String source = Main.readAll(System.in);
            GradusSession session = new GradusSession();
            session.setListener((Shown s) -> out.println(s.toText()));
            session.run(source, "stdin.opt", java.nio.file.Path.of("."));
            return 0;
        } catch (GradusException e) {
            return Main.report(e, false, err);
        } catch (IOException e) {
            err.println("gradus: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }
}
