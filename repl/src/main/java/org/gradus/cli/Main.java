package org.gradus.cli;

/** Placeholder entry point of the gradus command (to be replaced). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("gradus 0.1.0-SNAPSHOT");
            return;
        }
        System.err.println("not yet");
        System.exit(2);
    }
}
