package org.gradus.repl;

import java.util.Map;
import java.util.stream.Collectors;

/** What {@code :help} prints: the overview, a built-in's signature and example, the options, the methods, a command. */
final class HelpText {
    private HelpText() {
    }

    /** The help for {@code name} (empty: the overview), or null when there is none ({@link #none(String)}). */
    static String of(String name, Map<String, Command> commands) {
        Vocabulary v = Vocabulary.get();
        if (name.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            sb.append("Type statements of the language; an expression shows its value. Variables stay between inputs.\n");
            sb.append("Input goes on over several lines while a bracket, brace or string is open.\n\n");
            for (Command c : commands.values()) sb.append(String.format("  %-12s %s%n", c.usage(), c.describe()));
            sb.append("\nTab completes names, options and methods. Ctrl-C stops a computation (keeping its best point)\n");
            sb.append("or clears the line; Ctrl-D leaves.  :help NAME explains a built-in; :help options, :help methods.\n\n");
            sb.append("Built-ins: ").append(wrap(String.join(" ", v.builtins().keySet()), 11));
            return sb.toString().stripTrailing();
        }
        if (v.builtins().containsKey(name)) {
            Vocabulary.Builtin b = v.builtins().get(name);
            StringBuilder sb = new StringBuilder();
            sb.append(b.signature()).append("\n  ").append(b.description()).append("\n  example: ").append(b.example());
            if (GradusCompleter.OPTIMIZERS.contains(name)) {
                sb.append("\n  options: ").append(wrap(String.join(" ", v.options().keySet()), 11));
                sb.append("\n  methods: ").append(wrap(String.join(" ", v.methods().keySet()), 11));
                sb.append("\n  (:help options and :help methods say what each is)");
            }
            return sb.toString();
        }
        if (name.equals("options") || name.equals("methods")) {
            Map<String, String> m = name.equals("options") ? v.options() : v.methods();
            return m.entrySet().stream().map(e -> String.format("  %-12s %s", e.getKey(), e.getValue()))
                    .collect(Collectors.joining("\n"));
        }
        Command c = commands.get(name);
        return c == null ? null : c.usage() + "\n  " + c.describe();
    }

    /** The error for a name without help, with the built-ins that begin as it does. */
    static String none(String name) {
        String near = Vocabulary.get().builtins().keySet().stream()
                .filter(b -> b.toLowerCase().startsWith(name.toLowerCase().substring(0, Math.min(2, name.length()))))
                .collect(Collectors.joining(" "));
        return "no help for '" + name + "'" + (near.isEmpty() ? "" : "; did you mean: " + near) + " (:help lists the built-ins)";
    }

    /** The words, wrapped at column 96, continued lines indented by {@code indent}. */
    static String wrap(String words, int indent) {
        StringBuilder sb = new StringBuilder();
        int col = indent;
        for (String word : words.split(" ")) {
            if (col + word.length() > 96) {
                sb.append('\n').append(" ".repeat(indent));
                col = indent;
            }
            sb.append(word).append(' ');
            col += word.length() + 1;
        }
        return sb.toString().stripTrailing();
    }
}
