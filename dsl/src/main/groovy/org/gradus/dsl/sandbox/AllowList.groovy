package org.gradus.dsl.sandbox

import groovy.transform.CompileStatic
import org.gradus.analysis.ConvexityReport
import org.gradus.analysis.DifferentiabilityReport
import org.gradus.analysis.FeasibleSetReport
import org.gradus.analysis.MonotonicIntervals
import org.gradus.analysis.MonotonicityReport
import org.gradus.analysis.StationaryReport
import org.gradus.calculus.GradientAt
import org.gradus.calculus.HessianAt
import org.gradus.calculus.LimitReport
import org.gradus.calculus.SideLimit
import org.gradus.data.DataColumn
import org.gradus.data.DataSet
import org.gradus.data.TableView
import org.gradus.data.RowValues
import org.gradus.diff.Gradient
import org.gradus.diff.Hessian
import org.gradus.dsl.vocabulary.ScriptAccess
import org.gradus.dsl.vocabulary.SparkTables
import org.gradus.expr.Expr
import org.gradus.expr.Matrix
import org.gradus.expr.VariableBlock
import org.gradus.expr.Vec
import org.gradus.optim.ConstraintSet
import org.gradus.optim.OptimizationResult
import org.gradus.optim.Status
import org.gradus.optim.schedule.Schedule
import org.gradus.plot.PlotResult
import org.gradus.result.ArrayValue
import org.gradus.result.PointResult
import org.gradus.result.Shown

/**
 * <b>The sandbox's allow-list: the one file to review.</b> A script may use a member of a value only if
 * this list allows it, checked at run time on the value's class ({@link Permissions}); types it may name
 * and construct are checked at compile time. Everything not listed is refused (exit code 4).
 *
 * <p>Besides this file, two declarations are read as allow-list entries, so a new DSL word needs no edit
 * here (see docs/sandbox.md):
 * <ul>
 *   <li>every public method of the script base class {@code GradusScript} and its vocabulary traits
 *       (except the traits in {@link #NOT_VOCABULARY}) is a word a script may call;</li>
 *   <li>every method of a Gradus extension module (a {@code META-INF/groovy/...ExtensionModule} whose
 *       {@code moduleName} starts with {@code gradus}) is a member of its first parameter's type
 *       ({@code static Expr plus(Expr self, Object o)} allows {@code plus} on every {@code Expr};
 *       {@code getRows(DataSet self)} allows {@code data.rows}).</li>
 * </ul>
 * A new result or value type that scripts receive enters {@link #MEMBERS} with the names scripts may use
 * on it (methods, and properties by their name: {@code 'norm'} allows {@code g.norm()} and
 * {@code g.norm}). Add only what a script needs; never a member that reads or writes files, starts
 * threads or processes, or hands out a class, class loader, stream, thread or the script's context.
 */
@CompileStatic
final class AllowList {
    private AllowList() {
    }

    /**
     * Never allowed, on any value, whatever else says so: reflection, meta-programming, evaluation,
     * closure re-targeting, processes, I/O and threads by name.
     */
    static final Set<String> NEVER = words('''
        getClass class metaClass getMetaClass setMetaClass invokeMethod getProperty setProperty properties
        getProperties metaPropertyValues getMetaPropertyValues hasProperty respondsTo getMetaMethod
        invokeStaticMethod mixin use with tap identity rehydrate dehydrate setDelegate delegate getDelegate
        owner getOwner thisObject getThisObject setResolveStrategy resolveStrategy directive setDirective
        asWritable clone evaluate parse run execute exit halt forName loadClass defineClass newInstance
        classLoader getClassLoader protectionDomain getProtectionDomain binding getBinding setBinding
        sleep wait notify notifyAll start startDaemon addShutdownHook asType dump inspect
        getDeclaredMethods getDeclaredFields getMethods getFields getDeclaredConstructors
        parallelStream stream toURL toURI toFile withReader withWriter newReader newWriter eachFile
        withInputStream withOutputStream withObjectInputStream withObjectOutputStream
        finalize methodMissing propertyMissing __gradusContext
    ''')

    /** Traits of {@code GradusScript} that are plumbing, not vocabulary: their methods are not words. */
    static final List<Class> NOT_VOCABULARY = [ScriptAccess]

    /** {@code groovy.lang.Script} methods a script may call on itself. */
    static final Set<String> SCRIPT_METHODS = words('println print printf sprintf')

    /** Members every value has. */
    static final Set<String> EVERY_VALUE = words('toString equals hashCode')

    /**
     * Types a script may name: in declarations ({@code double lr = 0.1}), casts, {@code instanceof},
     * {@code catch}, and closure and method parameters. Arrays of these too; primitives always.
     */
    static final List<Class> NAMEABLE = [
            Object, Number, Integer, Long, Double, Float, Short, Byte, BigDecimal, BigInteger, Boolean, Character,
            String, GString, CharSequence, List, ArrayList, Map, LinkedHashMap, HashMap, Set, LinkedHashSet, HashSet,
            Collection, Iterable, Range, IntRange, Closure, Exception, RuntimeException, IllegalArgumentException,
            IllegalStateException, ArithmeticException,
            Expr, Vec, VariableBlock, Matrix, Gradient, Hessian, GradientAt, HessianAt, DataSet, Schedule, Shown,
            OptimizationResult, ConvexityReport, StationaryReport, DifferentiabilityReport, PlotResult,
    ] as List<Class>

    /** The subset of {@link #NAMEABLE} that {@code x as T} may convert to (no proxies, no constructors of Gradus types). */
    static final List<Class> COERCIBLE = [
            Number, Integer, Long, Double, Float, Short, Byte, BigDecimal, BigInteger, Boolean, Character, String,
            List, ArrayList, Set, LinkedHashSet, HashSet, Collection, Map, LinkedHashMap,
    ] as List<Class>

    /** Types a script may create with {@code new}. */
    static final List<Class> CONSTRUCTIBLE = [
            ArrayList, LinkedHashMap, HashMap, LinkedHashSet, HashSet, TreeMap, StringBuilder, BigDecimal, BigInteger,
            Random, Exception, RuntimeException, IllegalArgumentException, IllegalStateException, ArithmeticException,
    ] as List<Class>

    /** Static members a script may use as {@code Type.member}; {@code '*'} is every public static member. */
    static final Map<Class, Set<String>> STATICS = [
            (Math)      : words('*'),
            (Double)    : words('NaN POSITIVE_INFINITY NEGATIVE_INFINITY MAX_VALUE MIN_VALUE isNaN isInfinite isFinite valueOf parseDouble compare min max sum toString'),
            (Float)     : words('NaN POSITIVE_INFINITY NEGATIVE_INFINITY MAX_VALUE MIN_VALUE isNaN isInfinite isFinite valueOf parseFloat'),
            (Integer)   : words('MAX_VALUE MIN_VALUE valueOf parseInt compare min max sum signum toString toBinaryString toHexString bitCount'),
            (Long)      : words('MAX_VALUE MIN_VALUE valueOf parseLong compare min max sum signum toString'),
            (String)    : words('format valueOf join'),
            (BigDecimal): words('ONE ZERO TEN valueOf'),
            (BigInteger): words('ONE ZERO TWO TEN valueOf'),
            (Boolean)   : words('TRUE FALSE valueOf parseBoolean'),
    ] as Map<Class, Set<String>>

    private static final String OPERATORS = 'plus minus multiply div power mod remainder intdiv negative positive next previous ' +
            'leftShift rightShift rightShiftUnsigned and or xor bitwiseNegate isCase compareTo asBoolean'

    private static final String ITERABLE = 'size isEmpty getAt contains containsAll indexOf lastIndexOf each eachWithIndex reverseEach ' +
            'collect collectMany collectEntries findAll find findIndexOf findLastIndexOf findIndexValues findResult findResults any every ' +
            'sum inject count countBy groupBy min max sort toSorted unique toUnique reverse first last head tail init take drop ' +
            'takeWhile dropWhile join toList toSet flatten withIndex indexed collate transpose average plus minus multiply div leftShift ' +
            'isCase iterator asBoolean intersect disjoint split grep asImmutable asUnmodifiable shuffled toArray get subList ' +
            'add addAll remove removeAt removeAll removeIf retainAll clear set putAt push pop swap forEach withDefault toListString'

    /**
     * Instance members by type: a value may use a member if one of its classes or interfaces is listed with
     * it here (or gets it from the vocabulary or an extension module, above). A name allows the method of
     * that name and the property of that name (its getter or field). {@code getAt} allows subscripts by
     * number, range or expression; {@code getAt(String)} also by name ({@code row['price']}); {@code get(String)}
     * makes every property name read through the value's {@code get(String)} ({@code p.x}); maps allow
     * any key, and their properties are their entries.
     */
    static final Map<Class, Set<String>> MEMBERS = [
            // ---- numbers, text, truth values ----------------------------------------------------
            (Number)          : words(OPERATORS + ' abs round toInteger toLong toDouble toFloat toBigDecimal toBigInteger intValue ' +
                    'longValue doubleValue floatValue shortValue byteValue times upto downto step isNaN isInfinite ceil floor trunc'),
            (Character)       : words(OPERATORS + ' charValue isDigit isLetter isWhitespace isUpperCase isLowerCase toUpperCase toLowerCase'),
            (Boolean)         : words('and or xor implies booleanValue compareTo asBoolean'),
            (CharSequence)    : words('plus minus multiply next previous length size isEmpty isBlank toUpperCase toLowerCase trim strip ' +
                    'substring contains startsWith endsWith indexOf lastIndexOf split tokenize replace replaceAll replaceFirst padLeft ' +
                    'padRight center capitalize uncapitalize toInteger toLong toDouble toBigDecimal isNumber isInteger isDouble ' +
                    'isBigDecimal charAt getAt count reverse stripIndent stripMargin readLines equalsIgnoreCase compareTo ' +
                    'compareToIgnoreCase matches repeat take drop takeWhile dropWhile asBoolean isCase toList chars each collect ' +
                    'eachWithIndex findAll find any every'),
            (StringBuilder)   : words('append leftShift insert reverse length size setLength charAt'),
            // ---- collections -----------------------------------------------------------------------
            (Iterable)        : words(ITERABLE),
            (Range)           : words(ITERABLE + ' from to getFrom getTo isReverse step by'),
            (IntRange)        : words('fromInt toInt getFromInt getToInt inclusive'),
            (Map)             : words('get put getAt putAt containsKey containsValue keySet values entrySet size isEmpty remove clear putAll ' +
                    'plus minus each eachWithIndex collect collectEntries findAll find findResult any every count countBy groupBy sort ' +
                    'min max subMap withDefault getOrDefault isCase iterator asBoolean leftShift'),
            (Map.Entry)       : words('key value getKey getValue'),
            (Object[])        : words(ITERABLE + ' length'),
            (Random)          : words('nextDouble nextGaussian nextInt nextLong nextBoolean nextFloat'),
            (Exception)       : words('message'),
            // ---- closures: call only ------------------------------------------------------------------
            (Closure)         : words('call curry rcurry ncurry memoize leftShift rightShift isCase println print printf sprintf'),
            // ---- Gradus values ----------------------------------------------------------------------
            (Expr)            : words('at latex plus minus multiply div power negative positive getAt size T'),
            (Vec)             : words('size get getAt'),
            (VariableBlock)   : words('name size T at'),
            (Matrix)          : words('rows columns get T getT getAt plus minus multiply div power negative positive'),
            (Shown)           : words('kind fields toText toJson json'),
            (Gradient)        : words('at getAt getAt(String) get(String) size components'),   // grad(f).x, as grad(f)['x']
            (Hessian)         : words('at'),
            (GradientAt)      : words('value norm size getAt getAt(String) get(String)'),
            (HessianAt)       : words('matrix eigenvalues definiteness getAt'),       // H[0][1]: a row, then an entry
            (OptimizationResult): words('x f status method gradNorm iterations evaluations seconds message constraints maxViolation ' +
                    'point value trace problem engine'),
            (Status)          : words('name ordinal compareTo'),
            (ConvexityReport) : words('verdict certainty strict reason mu L counterexample expression domain curvatureFrom stepSize ' +
                    'condition rate note concavityCounterexample counterexamples'),
            (StationaryReport): words('points intervals kinks note expression domain'),
            (StationaryReport.Stretch): words('from to set f type note'),
            (StationaryReport.Point): words('x f type eigenvalues note'),
            (DifferentiabilityReport): words('continuous differentiable reason subgradient at continuity subgradientNote limit left right'),
            (DataSet)         : words('rows features columns target split name precision iterator getAt each eachWithIndex collect findAll ' +
                    'find count any every inject ' +    // a loop over the rows as numbers (RowValues), as pandas' itertuples
                    'getAt(String) head tail sample describe info mean std min max count corr size x y standardized'),   // data['a'] a column's numbers; pandas' first look
            (TableView)       : words('columns index getAt getAt(String)'),
            (DataColumn)      : words('name mean std var median quantile min max sum count describe plus minus multiply div power negative'),   // data['price'].mean(), data['a'] * 2: pandas' Series
            (ArrayValue)      : words('each eachWithIndex collect findAll find any every inject'),   // w.at(r): its numbers, as a list's
            (RowValues)       : words('x y index get get(String) getAt getAt(String)'),
            (DataSet.Row)     : words('x y getAt getAt(String) get get(String)'),   // row.price: a column by name, as row['price']
            (Schedule)        : words('values rate'),
            (PlotResult)      : words('file format width height series'),
            (LimitReport)     : words('limit left right exists value expression variable at side reason method exact'),
            (SideLimit)       : words('status value method reason exists finite text'),
            (SideLimit.Status): words('name'),
            (MonotonicityReport): words('intervals variable expression over points note'),
            (MonotonicIntervals.Piece): words('from to direction fromText toText reason openFrom openTo'),
            (FeasibleSetReport): words('verdict certainty reason constraints counterexample expression'),
            (SparkTables)     : words('csv parquet'),       // spark.csv(...), spark.parquet(...): data sets, through the file policy
            (PointResult)     : words('at get get(String)'),   // p.at, p.f, p.type, p.x: fields and coordinates by name
            (ConstraintSet)   : words(''),      // constraints { ... }: passed to convexity or subjectTo:, nothing to call on it
    ] as Map<Class, Set<String>>

    /** Primitive arrays (double[], int[], ...) allow what {@code Object[]} allows. */
    static final Set<String> ARRAYS = MEMBERS[Object[]]

    /**
     * The words of {@code text}, split at white space. Plain loops, no closures: this runs at the start of every
     * sandboxed run, and each closure class costs a metaclass (docs/benchmarks.md, "Start-up").
     */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>()
        for (String w : text.trim().split('\\s+')) {
            if (!w.isEmpty()) out.add(w)
        }
        Collections.unmodifiableSet(out)
    }
}
