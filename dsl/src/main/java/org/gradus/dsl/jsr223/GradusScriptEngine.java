package org.gradus.dsl.jsr223;

import groovy.lang.Binding;
import groovy.lang.Closure;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.gradus.api.Result;
import org.gradus.dsl.ErrorLocator;
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
import javax.script.Invocable;
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
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

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
 *   <li>{@link Invocable}: a function a script defined ({@code def loss(w) { ... }}) stays in the engine-scope
 *       bindings, as its variables do, and {@code invokeFunction("loss", 2.0)} calls it (so does a closure the
 *       script assigned, {@code g = { t -> t * t }}) in the sandbox and within the time limit, its value typed as
 *       {@code eval}'s and its errors located in the script that defined it; {@code getInterface(Runnable.class)}
 *       implements an interface by the functions of its methods' names. {@code invokeMethod(object, name, ...)}
 *       calls a method of a value the script returned with the caller's own rights: the sandbox guards what
 *       scripts write, not what the program embedding them calls.</li>
 * </ul>
 * Scripts run sandboxed unless {@link #setSandboxed(boolean)} turns it off; {@link #setTimeLimit(Duration)}
 * bounds each {@code eval} (compiling included). Not for concurrent use: one {@code eval} at a time.
 */
public final class GradusScriptEngine extends AbstractScriptEngine implements Compilable, Invocable {
    private final GradusScriptEngineFactory factory;
    private volatile boolean sandboxed = true;
    private volatile Duration timeLimit;
    /** Each compiled script's source, to locate errors of the functions it defines when they are invoked later. */
    private final Map<Class<?>, ErrorLocator> locators = Collections.synchronizedMap(new WeakHashMap<>());

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
            ScriptProgram program = session(context).prepare(script, name);
            locators.put(program.getType(), program.getLocator());
            return program;
        } catch (GradusException e) {
            throw scriptException(e);
        }
    }

    private Object run(ScriptProgram program, ScriptContext context) throws ScriptException {
        GradusSession s = session(context);
        try {
            s.run(program, binding(context), Path.of(""));
            return typed(s.getLastValue());
        } catch (GradusException e) {
            throw scriptException(e);
        } finally {
            flush(context);
        }
    }

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        ScriptContext context = getContext();
        if (!(function(context, name) instanceof Closure<?> f)) {
            throw new NoSuchMethodException("no function '" + name + "' in this engine's bindings: define it in a script first, "
                    + "def " + name + "(x) { ... }, and eval that script");
        }
        Binding variables = binding(context);
        Object owner = outermostOwner(f);
        ErrorLocator locator = owner != null ? locators.get(owner.getClass()) : null;
        if (locator == null) locator = new ErrorLocator(fileName(context), "");
        try {
            return typed(session(context).call(f, args == null ? new Object[0] : args, variables, locator, Path.of("")));
        } catch (GradusException e) {
            throw scriptException(e);
        } finally {
            flush(context);
        }
    }

    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        if (thiz == null) throw new IllegalArgumentException("invokeMethod needs an object: the value of an eval");
        if (InvokerHelper.getMetaClass(thiz).respondsTo(thiz, name, args).isEmpty()) {
            throw new NoSuchMethodException("a " + thiz.getClass().getSimpleName() + " has no method '" + name + "' for these arguments");
        }
        try {
            return typed(InvokerHelper.invokeMethod(thiz, name, args));
        } catch (RuntimeException e) {
            ScriptException se = new ScriptException(name + ": " + e.getMessage());
            se.initCause(e);
            throw se;
        }
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        ScriptContext context = getContext();
        for (Method m : abstractMethods(type)) if (!(function(context, m.getName()) instanceof Closure<?>)) return null;
        return proxy(type, (m, args) -> invokeFunction(m.getName(), args));
    }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        if (thiz == null) throw new IllegalArgumentException("getInterface needs an object: the value of an eval");
        for (Method m : abstractMethods(type)) {
            if (InvokerHelper.getMetaClass(thiz).respondsTo(thiz, m.getName(), m.getParameterTypes()).isEmpty()) return null;
        }
        return proxy(type, (m, args) -> invokeMethod(thiz, m.getName(), args));
    }

    /** What a proxy's abstract method does: a function or a method by that name. */
    private interface Dispatch {
        Object to(Method m, Object[] args) throws Exception;
    }

    private static Method[] abstractMethods(Class<?> type) {
        if (type == null || !type.isInterface()) throw new IllegalArgumentException("getInterface needs an interface, not " + type);
        return java.util.Arrays.stream(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers())).toArray(Method[]::new);
    }

    private static <T> T proxy(Class<T> type, Dispatch dispatch) {
        Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "a " + type.getSimpleName() + " implemented by Gradus functions";
                };
            }
            Object value = dispatch.to(m, args == null ? new Object[0] : args);
            return m.getReturnType() == void.class ? null : value;
        });
        return type.cast(p);
    }

    private static Object function(ScriptContext context, String name) {
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        if (engine != null && engine.containsKey(name)) return engine.get(name);
        Bindings global = context.getBindings(ScriptContext.GLOBAL_SCOPE);
        return global != null ? global.get(name) : null;
    }

    private static Object outermostOwner(Closure<?> c) {
        Object o = c;
        for (int depth = 0; o instanceof Closure<?> k && depth < 1000; depth++) o = k.getOwner();
        return o;
    }

    private static Binding binding(ScriptContext context) {
        Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
        return new ScopedBinding(engine != null ? engine : new SimpleBindings(), context.getBindings(ScriptContext.GLOBAL_SCOPE));
    }

    private static void flush(ScriptContext context) {
        try {
            context.getWriter().flush();
        } catch (IOException ignored) {
            // nothing to do about a failing writer
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
