package io.billwright.engine.ruleset.bytecode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule set's compiled code may use, by class and member. Anything else is refused, and a refusal
 * names the kind of harm the class is known for (reflection, processes, files...) when it is one.
 *
 * <p>Allowed by member, not only by class: {@code System.arraycopy} is fine where {@code System.exit} is
 * not, and {@code Object.getClass} is the door to reflection.
 */
final class Allowlist {

    private static final String MACHINE = "a decision may depend only on its facts, never on the machine's clock"
            + " or chance";
    private static final String ENGINE = "a rule may not reach into the engine's session";
    private static final String REGEX = "a regular expression can take exponential time, and a rule's action cannot"
            + " be interrupted (use equals, startsWith, endsWith or contains)";

    /** Packages any of whose classes and members rule code may use: the fact model, money, time. */
    private static final List<String> PACKAGES = List.of(
            "io/billwright/engine/item/", "io/billwright/engine/facts/", "io/billwright/engine/contract/",
            "io/billwright/engine/money/", "io/billwright/engine/decision/", "io/billwright/engine/tax/",
            "io/billwright/engine/retention/", "java/math/", "java/time/", "java/util/function/",
            // the executable model's DSL, which generated rule classes are written in, and its comparisons
            // (but see EXCLUDED: the model's compiler and implementation are in the same package tree)
            "org/drools/model/", "org/drools/modelcompiler/dsl/pattern/D", "org/drools/modelcompiler/util/EvaluationUtil");

    /** Inside an allowed package, but not for rules: the executable model's compiler and implementation. */
    private static final List<String> EXCLUDED = List.of("org/drools/model/codegen/", "org/drools/model/impl/");

    /** Allowed although inside {@link #EXCLUDED}: what generated rule methods build rules with. */
    private static final Set<String> REINSTATED = Set.of("org/drools/model/impl/RuleBuilder");

    /** Classes any of whose members rule code may use. */
    private static final Set<String> CLASSES = Set.of(
            "java/lang/String", "java/lang/StringBuilder", "java/lang/CharSequence", "java/lang/Integer",
            "java/lang/Long", "java/lang/Short", "java/lang/Byte",
            "java/lang/Boolean", "java/lang/Character", "java/lang/Number", "java/lang/Math", "java/lang/StrictMath",
            "java/lang/Comparable", "java/lang/Iterable", "java/lang/Record",
            "java/lang/ArithmeticException", "java/lang/IllegalArgumentException", "java/lang/IllegalStateException",
            "java/lang/NullPointerException", "java/lang/RuntimeException", "java/lang/UnsupportedOperationException",
            "java/util/List", "java/util/ArrayList", "java/util/LinkedList", "java/util/Map", "java/util/Map$Entry",
            "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/SortedMap",
            "java/util/NavigableMap", "java/util/EnumMap", "java/util/Set", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/SortedSet", "java/util/NavigableSet",
            "java/util/EnumSet", "java/util/Collection", "java/util/Collections", "java/util/Arrays",
            "java/util/Objects", "java/util/Optional", "java/util/OptionalInt", "java/util/OptionalLong",
            "java/util/Iterator", "java/util/ListIterator", "java/util/Comparator", "java/util/Currency",
            "java/util/Deque", "java/util/ArrayDeque", "java/util/Queue", "java/util/StringJoiner",
            "java/util/AbstractMap$SimpleEntry", "java/util/AbstractMap$SimpleImmutableEntry");

    /** Classes rule code may use some members of. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString"),
            "java/lang/Enum", Set.of("<init>", "name", "ordinal", "compareTo", "equals", "hashCode", "toString",
                    "valueOf"),
            "java/lang/System", Set.of("arraycopy"),
            "org/drools/util/DateUtils", Set.of("getDateFormatMask"),
            "java/lang/Throwable", Set.of("getMessage"),
            // boxing a constant for a Number parameter (a decision table's unquoted rate cell); no arithmetic
            "java/lang/Double", Set.of("valueOf"),
            "java/lang/Float", Set.of("valueOf"),
            // constants and lookups only: Locale.setDefault would change every thread's formatting
            "java/util/Locale", Set.of("ROOT", "ENGLISH", "US", "UK", "GERMANY", "FRANCE", "of", "forLanguageTag",
                    "getLanguage", "getCountry", "toLanguageTag", "equals", "hashCode", "toString"),
            "java/lang/Exception", Set.of("<init>"));

    /** Types a generated class may extend or implement, though its code may call nothing on them. */
    private static final Set<String> SUPERTYPES = Set.of("java/io/Serializable", "java/lang/Object",
            "org/drools/base/factmodel/GeneratedFact", "org/drools/base/factmodel/AccessibleFact",
            "java/lang/Enum", "java/lang/Record");

    /** Members refused on any class, and why. */
    private static final Map<String, String> NEVER = Map.ofEntries(
            Map.entry("now", MACHINE), Map.entry("systemUTC", MACHINE), Map.entry("systemDefaultZone", MACHINE),
            Map.entry("systemDefault", MACHINE), Map.entry("system", MACHINE), Map.entry("tickMillis", MACHINE),
            Map.entry("tickSeconds", MACHINE), Map.entry("tickMinutes", MACHINE), Map.entry("randomUUID", MACHINE),
            Map.entry("random", MACHINE), Map.entry("shuffle", MACHINE),
            Map.entry("getInteger", MACHINE), Map.entry("getLong", MACHINE), Map.entry("getBoolean", MACHINE),
            Map.entry("printStackTrace", "a rule may not write to the service's output"),
            Map.entry("matches", REGEX), Map.entry("replaceAll", REGEX), Map.entry("replaceFirst", REGEX),
            Map.entry("split", REGEX),
            Map.entry("getRuntime", ENGINE), Map.entry("getKieRuntime", ENGINE), Map.entry("getContext", ENGINE),
            Map.entry("getWorkingMemory", ENGINE), Map.entry("getChannels", ENGINE), Map.entry("getChannel", ENGINE),
            Map.entry("getEntryPoint", ENGINE), Map.entry("insertAsync", ENGINE));

    /** Kinds of harm by package or class, for the message. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("java/lang/reflect/", "reflection"), Map.entry("java/lang/invoke/", "reflection (method handles)"),
            Map.entry("java/lang/Class", "reflection"), Map.entry("java/lang/ClassLoader", "class loading"),
            Map.entry("java/lang/Thread", "threads"), Map.entry("java/util/concurrent/", "threads"),
            Map.entry("java/lang/Runtime", "processes"), Map.entry("java/lang/Process", "processes"),
            Map.entry("java/lang/System", "the process"), Map.entry("java/io/Object", "serialization"),
            Map.entry("java/io/", "files"), Map.entry("java/nio/", "files"), Map.entry("java/net/", "the network"),
            Map.entry("javax/naming/", "JNDI"), Map.entry("javax/script/", "scripting"),
            Map.entry("java/lang/Module", "reflection"), Map.entry("sun/", "JDK internals"),
            Map.entry("jdk/", "JDK internals"), Map.entry("org/kie/", "the engine's internals"),
            Map.entry("org/drools/", "the engine's internals"), Map.entry("java/util/Random", "randomness"),
            Map.entry("java/util/stream/", "streams (an endless stream cannot be interrupted: use accumulate or collect)"),
            Map.entry("java/util/regex/", "regular expressions"));

    private Allowlist() {
    }

    /** Null when allowed, else why not: the kind of harm, or that it is outside the allowlist. */
    static String refusal(Reference reference) {
        String owner = reference.owner();
        String member = reference.member();
        if (member == null && SUPERTYPES.contains(owner)) {
            return null;
        }
        if (member != null && FloatingPoint.converts(member)) {
            return FloatingPoint.WHY;
        }
        boolean inPackage = PACKAGES.stream().anyMatch(owner::startsWith)
                && (EXCLUDED.stream().noneMatch(owner::startsWith) || REINSTATED.contains(owner));
        boolean classAllowed = CLASSES.contains(owner) || inPackage
                || (member == null ? MEMBERS.containsKey(owner) : MEMBERS.getOrDefault(owner, Set.of()).contains(member));
        if (classAllowed) {
            if (member == null) {
                return null;
            }
            if (member.startsWith("parallel")) {
                return "it runs on the JVM's shared threads";
            }
            return NEVER.get(member);
        }
        return KINDS.entrySet().stream().filter(k -> owner.startsWith(k.getKey()))
                .max(java.util.Comparator.comparingInt(k -> k.getKey().length()))
                .map(k -> "a rule may not use " + k.getValue())
                .orElse("it is outside what rules may use");
    }
}
