package org.gradus.repl;

import org.jline.reader.Completer;

/**
 * A REPL {@code :command}: one entry of the shell's command table.
 *
 * @param name      the word after the colon, e.g. {@code save}
 * @param arguments how its argument reads in {@code :help}, e.g. {@code FILE}; empty for none
 * @param describe  one line for {@code :help}
 * @param run       what it does with the rest of the line; returns false to leave the REPL
 * @param complete  completes its argument (file names, built-in names); null for nothing to complete
 */
record Command(String name, String arguments, String describe, Action run, Completer complete) {

    /** The body of a command; {@code argument} is the rest of the line, stripped. */
    @FunctionalInterface
    interface Action {
        boolean run(String argument) throws Exception;
    }

    String usage() {
        return ":" + name + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
