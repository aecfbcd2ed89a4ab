package org.gradus.dsl.jsr223;

import groovy.lang.Binding;
import org.gradus.api.Result;
import org.gradus.dsl.GradusException;
import org.gradus.dsl.GradusSession;
import org.gradus.dsl.ScriptProgram;
import org.gradus.expr.Constant;
import org.gradus.eval.Evaluate;
import org.gradus.expr.Expr;
import org.gradus.expr.Matrix;
import org.gradus.expr.VectorVariable;
import org.gradus.result.ArrayValue;
import org.gradus.result.Results;
import org.gradus.result.Shown;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The JSR-223 script engine {@code gradus}.
 * <ul>
 *   <li>{@code eval} returns the value of the script's last statement: a {@link Double} for a number
 *       ({@code 5 * 3} gives 15.0, and so does an expression without variables, {@code sum([1, 2])} 3.0),
 *       a {@code double[]} for a vector of numbers and a {@code double[][]} (its rows) for a matrix of
 *       numbers ({@code softmax([1000, -1000, 0])} gives {1, 0, 0}, {@code matrix([[2, 1], [1, 3]]) * [1, 1]}
 *       {3, 4}, {@code (W * x).at(x: [1, 2])} the product's numbers, a constant {@code matrix([[..]])} its
 *       rows), the typed {@link Result} for what a script shows ({@code minimize ...} gives a
 *       {@link org.gradus.api.MinimizeResult}, whose {@code x().vector("w")} / {@code x().matrix("W")} are a
 *       vector or matrix variable's solution; {@code grad(f, at: ..)} a {@link org.gradus.api.Gradient},
 *       whose {@code value().vector("w")} is the gradient of a vector variable; an expression with variables
 *       an {@link org.gradus.api.ExpressionResult}), other values as they are (strings, booleans, lists), and
 *       null for a statement without a value.</li>
 *   <li>The engine-scope bindings are the script's variables: what is put there before {@code eval} is
 *       visible, and the script's assignments ({@code x = variable(3)}) are written back, so variables
 *       carry over from one {@code eval} to the next. Global-scope bindings are visible too (read-only).
 *       Values written back are the engine's own objects (a variable, an expression), ready to be used by
 *       the next {@code eval}; {@code def} declarations stay local, as in Groovy.</li>
 *   <li>What the script shows (its top-level expressions, {@code show(...)}) is written as text to the
 *       context's writer, as is what it prints.</li>
 *   <li>Errors are {@link ScriptException}s with the file name ({@link ScriptEngine#FILENAME}, default
 *       {@code script.opt}), line and column; the cause is the located {@link GradusException}.</li>
 *   <li>{@link Compilable}: {@code compile} once, {@code eval} the compiled script many times.</li>
 * </ul>
 * Scripts run sandboxed unless {@link #setSandboxed(boolean)} turns it off; {@link #setTimeLimit(Duration)}
 * bounds each {@code eval} (compiling included). Not for concurrent use: one {@code eval} at a time.
 */
public final class GradusScriptEngine extends AbstractScriptEngine implements Compilable {
    private final GradusScriptEngineFactory factory;
    private volatile boolean sandboxed = true;
    private volatile Duration timeLimit;

    GradusScriptEngine(GradusScriptEngineFactory factory) {
        this.factory = factory;
    }

    /** Whether scripts run in the sandbox (default true). */
    public void setSandboxed(boolean on) {
        this.sandboxed = on;
    }

    /** The longest one {@code eval} (or {@code compile}) may take; null (the default) for no limit. */
    public void setTimeLimit(Duration limit) {
        this.timeLimit = limit;
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        return run(compile(script, context), context);
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(read(reader), context);
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        ScriptProgram program = compile(script, getContext());
        return new CompiledScript() {
            @Override
            public Object eval(ScriptContext context) throws ScriptException {
                return run(program, context);
            }

            @Override
            public ScriptEngine getEngine() {
                return GradusScriptEngine.this;
            }
        };
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(read(script));
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    private GradusSession session(ScriptContext context) {
        GradusSession s = new GradusSession();
        s.setSandboxed(sandboxed);
        Duration limit = timeLimit;
        if (limit != null) s.setTimeLimit(limit.toNanos() / 1e9);
        PrintStream out = new PrintStream(new WriterStream(context.getWriter()), true, StandardCharsets.UTF_8);
        s.setScriptOut(out);
        s.setListener(shown -> {
            out.println(shown.toText());
            out.flush();
        });
        return s;
    }

    private ScriptProgram compile(String script, ScriptContext context) throws ScriptException {
        String name = fileName(context);
        try {
            return session(context).prepare(script, name);
        } catch (GradusException e) {
            throw scriptException(e);
        }
    }

    private Object run(ScriptProgram program, ScriptContext context) throws ScriptException {
        GradusSession s = session(context);
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        Bindings global = context.getBindings(ScriptContext.GLOBAL_SCOPE);
        try {
            s.run(program, new ScopedBinding(engine != null ? engine : new SimpleBindings(), global), Path.of(""));
            return typed(s.getLastValue());
        } catch (GradusException e) {
            throw scriptException(e);
        } finally {
            try {
                context.getWriter().flush();
            } catch (IOException ignored) {
                // nothing to do about a failing writer
            }
        }
    }

    /** The value {@code eval} returns for a script's last value (see the class comment). */
    static Object typed(Object value) {
        if (value instanceof ArrayValue a) return javaArray(a);
        if (value instanceof Shown s) return Result.of(s);
        if (value instanceof Constant c) return c.value();
        if (value instanceof Expr e && e.layout().blocks().isEmpty()) {
            return e.isArray() ? javaArray((ArrayValue) Evaluate.valueAt(e, e.layout(), new double[0])) : Evaluate.at(e, Map.of());
        }
        if (value instanceof Expr e) return Result.of(Results.of(e));
        if (value instanceof VectorVariable v) return Result.of(Results.of(v));
        if (value instanceof Matrix m) return m.toArray();
        if (value instanceof Number n) return n.doubleValue();
        return value;
    }

    /** A vector's numbers as a {@code double[]}, a matrix's rows as a {@code double[][]}. */
    private static Object javaArray(ArrayValue a) {
        return a.shape().isMatrix() ? a.rows() : a.values().clone();
    }

    private static ScriptException scriptException(GradusException e) {
        ScriptException se = new ScriptException(e.getMessage(), e.file(), e.line(), e.column());
        se.initCause(e);
        return se;
    }

    private static String fileName(ScriptContext context) {
        Object f = context.getAttribute(ScriptEngine.FILENAME);
        return f != null ? f.toString() : "script.opt";
    }

    private static String read(Reader reader) throws ScriptException {
        StringWriter w = new StringWriter();
        try {
            reader.transferTo(w);
        } catch (IOException e) {
            throw new ScriptException(e);
        }
        return w.toString();
    }

    /** A script's variables: the engine scope, read and written; the global scope behind it, read only. */
    private static final class ScopedBinding extends Binding {
        private final Bindings global;

        @SuppressWarnings({"unchecked", "rawtypes"})
        ScopedBinding(Bindings engine, Bindings global) {
            super((Map) engine);
            this.global = global;
        }

        @Override
        public Object getVariable(String name) {
            if (!getVariables().containsKey(name) && global != null && global.containsKey(name)) return global.get(name);
            return super.getVariable(name);
        }

        @Override
        public boolean hasVariable(String name) {
            return super.hasVariable(name) || (global != null && global.containsKey(name));
        }
    }

    /** UTF-8 bytes to a {@link Writer}. */
    private static final class WriterStream extends OutputStream {
        private final Writer writer;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        WriterStream(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            writer.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            writer.flush();
        }
    }
}
