package io.billwright.engine.ruleset.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.drools.model.ModelRuleSetCompiler;
import io.billwright.engine.ruleset.lint.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The bytecode gate on its own, without the source lint in front of it: each consequence below dodges
 * a text scan, and each is refused by what its compiled class calls.
 */
class BytecodeCheckTest {

    private final ModelRuleSetCompiler compiler = new ModelRuleSetCompiler();

    private static String rule(String consequence) {
        return """
                package test.rules
                import io.billwright.engine.item.TimeEntry
                import io.billwright.engine.facts.Charge
                import io.billwright.engine.facts.Hold
                import io.billwright.engine.decision.ReasonCode

                rule "Fair rule"
                when
                    $t : TimeEntry( hours > 10 )
                then
                    insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, "long day"));
                end

                rule "Hostile rule"
                when
                    $t : TimeEntry()
                then
                """ + consequence + "\nend\n";
    }

    private List<Finding> findings(String consequence) {
        return compiler.build(List.of(RuleSource.of("tm/hostile.drl", rule(consequence)))).check().findings();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            reflection with the name built at run time | ClassLoader l = Charge.class.getClassLoader(); Class c = l.loadClass("java.lang.Run" + "time"); java.lang.reflect.Method m = c.getMethods()[0]; m.invoke(null); | calls java.lang.Class.getClassLoader(), and a rule may not use reflection
            the class loader's methods                 | Object c = ClassLoader.getSystemClassLoader().loadClass("x"); | calls java.lang.ClassLoader.getSystemClassLoader(), and a rule may not use class loading
            a method handle                            | Object l = java.lang.invoke.MethodHandles.lookup(); | calls java.lang.invoke.MethodHandles.lookup(), and a rule may not use reflection (method handles)
            the context class loader                   | Object c = Thread.currentThread().getContextClassLoader(); | calls java.lang.Thread.currentThread(), and a rule may not use threads
            JNDI                                       | Object o = new javax.naming.InitialContext().lookup("ldap://x/y"); | calls javax.naming.InitialContext.<init>(), and a rule may not use JNDI
            a process                                  | new ProcessBuilder("sh").start(); | calls java.lang.ProcessBuilder.<init>(), and a rule may not use processes
            the runtime                                | Runtime.getRuntime().exec("sh"); | calls java.lang.Runtime.getRuntime(), and a rule may not use processes
            a file                                     | java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd")); | calls java.nio.file.Path.of(), and a rule may not use files
            the network                                | new java.net.Socket("example.com", 80); | calls java.net.Socket.<init>(), and a rule may not use the network
            scripting                                  | new javax.script.ScriptEngineManager(); | calls javax.script.ScriptEngineManager.<init>(), and a rule may not use scripting
            deserialization                            | new java.io.ObjectInputStream(null).readObject(); | calls java.io.ObjectInputStream.<init>(), and a rule may not use serialization
            getClass                                   | Object l = $t.getClass().getClassLoader(); | calls java.lang.Object.getClass(), and it is outside what rules may use
            the clock                                  | insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, java.time.LocalDate.now().toString())); | calls java.time.LocalDate.now(), and a decision may depend only on its facts, never on the machine's clock or chance
            System.exit                                | System.exit(3); | calls java.lang.System.exit(), and a rule may not use the process
            a class literal through the DSL            | Class c = java.util.Timer.class; Object o = org.drools.model.DSL.accFunction(c).createFunctionObject(); | uses java.util.Timer, and it is outside what rules may use
            an endless stream                          | long s = java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum(); | calls java.util.stream.LongStream.range(), and a rule may not use streams (an endless stream cannot be interrupted: use accumulate or collect)
            a regular expression                       | boolean m = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("(a+)+b"); | calls java.lang.String.matches(), and a regular expression can take exponential time, and a rule's action cannot be interrupted (use equals, startsWith, endsWith or contains)
            chance                                     | double r = Math.random(); | calls java.lang.Math.random(), and a decision may depend only on its facts, never on the machine's clock or chance
            the clock through a tick                   | long t = java.time.Clock.tickMillis(java.time.ZoneOffset.UTC).millis(); | calls java.time.Clock.tickMillis(), and a decision may depend only on its facts, never on the machine's clock or chance
            the default locale                         | java.util.Locale.setDefault(java.util.Locale.ROOT); | calls java.util.Locale.setDefault(), and it is outside what rules may use
            the common pool                            | int[] a = new int[4]; java.util.Arrays.parallelSort(a); | calls java.util.Arrays.parallelSort(), and it runs on the JVM's shared threads
            the model's compiler                       | Object o = new org.drools.model.codegen.ExecutableModelProject(); | calls org.drools.model.codegen.ExecutableModelProject.<init>(), and a rule may not use the engine's internals
            """)
    void refusesWhatACompiledConsequenceCalls(String what, String consequence, String expected) {
        List<Finding> findings = findings(consequence);

        assertThat(findings).as(what).isNotEmpty().allMatch(Finding::isError);
        assertThat(findings).extracting(Finding::toString)
                .anyMatch(f -> f.equals("tm/hostile.drl:14: error: rule \"Hostile rule\" " + expected));
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("Fair rule"));
    }

    @Test
    void refusesAnEndlessLoopAndAnUnboundedAllocation() {
        assertThat(findings("while (true) { }")).extracting(Finding::toString)
                .anyMatch(f -> f.startsWith("tm/hostile.drl:14: error: rule \"Hostile rule\" uses a loop"));
        assertThat(findings("long[] huge = new long[Integer.MAX_VALUE];")).extracting(Finding::message)
                .anyMatch(m -> m.contains("an array whose size is not a constant of at most 1024"));
        assertThat(findings("int n = $t.hours().intValue(); Object[] big = new Object[n];")).extracting(Finding::message)
                .anyMatch(m -> m.contains("an array whose size is not a constant"));
        assertThat(findings("long[] big = new long[$t.hours().signum() > 0 ? 50_000_000 : 1];"))
                .extracting(Finding::message).anyMatch(m -> m.contains("an array whose size is not a constant"));
    }

    @Test
    void refusesFloatingPointArithmeticBecauseMoneyIsBigDecimal() {
        assertThat(findings("double rate = $t.hours().doubleValue() * 1.5;"
                + " insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, \"rate \" + rate));")).extracting(Finding::message)
                .anyMatch(m -> m.contains("floating-point arithmetic (double or float)"));
        assertThat(findings("float f = Float.parseFloat(\"1.5\");"
                + " insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, \"f \" + f));")).extracting(Finding::message)
                .anyMatch(m -> m.contains("calls java.lang.Float.parseFloat(), and floating-point arithmetic"));
        assertThat(findings("double h = $t.hours().doubleValue();"
                + " insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, \"h \" + h));")).extracting(Finding::message)
                .anyMatch(m -> m.contains("calls java.math.BigDecimal.doubleValue(), and floating-point arithmetic"));
    }

    @Test
    void refusesRecursionThroughADrlFunction() {
        String drl = rule("insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, \"n \" + twice(60)));").replace(
                "rule \"Fair rule\"", """
                function long twice(long n) {
                    return n <= 0 ? 1 : twice(n - 1) + twice(n - 1);
                }

                rule "Fair rule\"""");

        assertThat(compiler.build(List.of(RuleSource.of("tm/recursive.drl", drl))).check().findings())
                .extracting(Finding::message).anyMatch(m -> m.contains("uses recursion"));
    }

    @Test
    void refusesTheMvelDialect() {
        String drl = rule("insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, \"x\"));").replace("rule \"Hostile rule\"",
                "rule \"Hostile rule\"\n    dialect \"mvel\"");

        assertThat(compiler.build(List.of(RuleSource.of("tm/mvel.drl", drl))).check().findings())
                .extracting(Finding::toString).containsExactly("tm/mvel.drl:15: error: dialect \"mvel\" is refused: write"
                        + " the rule in the Java dialect (the default), whose compiled code the bytecode check can read");
    }

    @Test
    void acceptsOrdinaryRuleCode() {
        List<Finding> findings = findings("""
                java.math.BigDecimal rate = new java.math.BigDecimal("150.00").multiply($t.hours())
                        .setScale(2, java.math.RoundingMode.HALF_UP);
                java.util.List<String> notes = new java.util.ArrayList<>();
                notes.add("hours " + $t.hours() + " on " + $t.date().getDayOfWeek());
                insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, String.join(", ", notes) + rate));
                """);

        assertThat(findings).isEmpty();
    }

    @Test
    void listsTheFactModelMembersTheRuleSetUses() {
        var result = compiler.build(List.of(RuleSource.of("tm/fair.drl", rule("insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, \"x\"));"))))
                .check();

        assertThat(result.factModelUses()).contains(
                "io/billwright/engine/facts/Hold#of(Lio/billwright/engine/item/Item;Lio/billwright/engine/decision/ReasonCode;Ljava/lang/String;)Lio/billwright/engine/facts/Hold;");
    }

    @Test
    void theFactModelHasEveryMemberACompiledRuleSetUsesAndSaysWhichAreGone() {
        var uses = compiler.build(List.of(RuleSource.of("tm/fair.drl", rule("insert(Hold.of($t, ReasonCode.AWAITING_APPROVAL, \"x\"));"))))
                .check().factModelUses();
        String gone = "io/billwright/engine/item/TimeEntry#isBillable()Z";
        String field = "io/billwright/engine/decision/ReasonCode#AWAITING_APPROVAL:Lio/billwright/engine/decision/ReasonCode;";

        assertThat(FactModelCheck.missing(uses, getClass().getClassLoader())).isEmpty();
        assertThat(uses).contains(field);
        assertThat(FactModelCheck.missing(List.of(field, gone, "io/billwright/engine/facts/Gone#of()V"),
                getClass().getClassLoader())).containsExactly(gone, "io/billwright/engine/facts/Gone#of()V");
    }
}
