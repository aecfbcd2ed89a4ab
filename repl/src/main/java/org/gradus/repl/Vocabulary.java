package org.gradus.repl;

import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Functions;
import org.gradus.optim.Minimizer;
import org.gradus.optim.Settings;
import org.gradus.optim.method.MethodSpec;
import org.gradus.optim.method.Optimizers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the language as the REPL knows them: built-in functions (with a signature, a one-line
 * description and an example for {@code :help NAME}) and Groovy's keywords, read once from
 * {@code vocabulary.txt} beside this class; the function words (exp, ..., hinge) from the engine's atom
 * registry ({@link Functions}); the options of {@code minimize}/{@code maximize} and the method names
 * from the engine's method registry ({@link Optimizers}, {@link Settings}).
 */
public final class Vocabulary {
    /** One built-in: {@code :help NAME} prints these. */
    public record Builtin(String name, String signature, String description, String example) {
    }

    /** Set once the words are read (by {@link #get()} on whichever thread comes first). */
    private static volatile Vocabulary loaded;

    private final Map<String, Builtin> builtins = new LinkedHashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> methods = new LinkedHashMap<>();
    private final Set<String> keywords = new LinkedHashSet<>();

    private Vocabulary() {
    }

    /** The words, read on first use (reading them loads every atom and method class: ~40 ms at start-up). */
    public static Vocabulary get() {
        return Holder.INSTANCE;
    }

    /**
     * The words if they are read already, else null, never waiting: the REPL colours the line as it draws it,
     * the first prompt too, and reads the words on a thread of its own meanwhile ({@link #readInBackground()}).
     */
    static Vocabulary ifRead() {
        return loaded;
    }

    /** Starts reading the words on a daemon thread of its own. */
    static void readInBackground() {
        Thread t = new Thread(Vocabulary::get, "gradus-vocabulary");
        t.setDaemon(true);
        t.start();
    }

    private static final class Holder {
        static final Vocabulary INSTANCE = load();

        static {
            loaded = INSTANCE;
        }
    }

    /** Built-in functions by name, in the order of the language reference. */
    public Map<String, Builtin> builtins() {
        return Collections.unmodifiableMap(builtins);
    }

    /** Option names of {@code minimize}/{@code maximize}, each with what it sets. */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(options);
    }

    /** Method names for {@code method: '...'}, each with what it is. */
    public Map<String, String> methods() {
        return Collections.unmodifiableMap(methods);
    }

    public Set<String> keywords() {
        return Collections.unmodifiableSet(keywords);
    }

    public boolean isBuiltin(String name) {
        return builtins.containsKey(name);
    }

    public boolean isKeyword(String name) {
        return keywords.contains(name);
    }

    private static Vocabulary load() {
        Vocabulary v = new Vocabulary();
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.txt")) {
            if (in == null) throw new IllegalStateException("vocabulary.txt is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String section = "";
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[")) {
                    section = line;
                    continue;
                }
                if (section.equals("[builtins]") && line.startsWith("@functions")) {
                    for (FunctionWord w : Functions.words()) {
                        v.builtins.put(w.name(), new Builtin(w.name(), w.signature(), w.help(), w.example()));
                    }
                    continue;
                }
                String[] f = line.split("\\s+\\|\\s+");
                switch (section) {
                    case "[builtins]" -> v.builtins.put(f[0], new Builtin(f[0], f[1], f[2], f[3]));
                    case "[keywords]" -> v.keywords.add(f[0]);
                    default -> throw new IllegalStateException("vocabulary.txt: a line outside a section: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int methods = Optimizers.all().size();
        Settings.optionDocs().forEach((name, doc) -> {
            List<String> taking = Optimizers.takingOption(name);
            v.options.put(name, taking.isEmpty() || taking.size() == methods ? doc : doc + " (" + String.join(", ", taking) + ")");
        });
        v.methods.put("auto", Minimizer.AUTO_SUMMARY);
        for (MethodSpec m : Optimizers.all()) v.methods.put(m.name(), m.summary());
        return v;
    }
}
