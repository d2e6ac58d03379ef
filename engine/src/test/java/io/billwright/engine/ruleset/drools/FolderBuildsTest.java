package io.billwright.engine.ruleset.drools;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSetVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

class FolderBuildsTest {

    private static String rule(String pkg, String name, int minimum) {
        return """
                package %s

                rule "%s"
                when
                    $s : String( length >= %d )
                then
                    insert(new java.math.BigDecimal($s.length()));
                end
                """.formatted(pkg, name, minimum);
    }

    private final FolderBuilds folders = new FolderBuilds(FolderBuildsTest.class.getClassLoader());

    @Test
    void aReloadCompilesOnlyTheFolderThatChanged() {
        RuleSource a = RuleSource.of("a/long.drl", rule("p.a", "long words", 5));
        RuleSource b = RuleSource.of("b/short.drl", rule("p.b", "short words", 1));

        folders.build(List.of(a, b)).orElseThrow();
        folders.build(List.of(a, b)).orElseThrow();
        assertThat(folders.folderBuilds()).isEqualTo(2);

        KieBase changed = folders.build(List.of(a, RuleSource.of("b/short.drl", rule("p.b", "short words", 2))))
                .orElseThrow();
        assertThat(folders.folderBuilds()).isEqualTo(3);
        assertThat(ruleSet(changed).evaluate(List.of("x")).inferences()).isEmpty();
    }

    @Test
    void knowledgeBasesSharingAFoldersPackagesDecideAlikeAndApart() {
        List<RuleSource> sources = List.of(RuleSource.of("a/long.drl", rule("p.a", "long words", 5)),
                RuleSource.of("b/short.drl", rule("p.b", "short words", 1)));
        RuleSet first = ruleSet(folders.build(sources).orElseThrow());
        RuleSet second = ruleSet(folders.build(sources).orElseThrow()); // every package already in use

        Evaluation one = first.evaluate(List.of("invoice", "tax"));
        Evaluation two = second.evaluate(List.of("invoice", "tax"));

        assertThat(one.inferences()).extracting(Evaluation.Inference::rule)
                .containsExactlyInAnyOrder("long words", "short words", "short words");
        assertThat(two.inferences()).extracting(Evaluation.Inference::rule)
                .containsExactlyInAnyOrderElementsOf(one.inferences().stream().map(Evaluation.Inference::rule).toList());
        assertThat(second.rules()).extracting(RuleInfo::name).containsExactlyInAnyOrder("long words", "short words");
    }

    @Test
    void aFolderUsingAnotherFoldersFunctionIsLeftToTheWholeBuild() {
        List<RuleSource> sources = List.of(
                RuleSource.of("common/functions.drl", "package p\n\nfunction int twice(int x) { return 2 * x; }\n"),
                RuleSource.of("words/long.drl", rule("p", "long words", 3)
                        .replace("length >= 3", "length >= twice(2)")));

        assertThat(folders.build(sources)).isEmpty();
        RuleSet whole = new DroolsRuleSetCompiler().compile(sources, null);
        assertThat(whole.evaluate(List.of("abcd", "abc")).inferences()).singleElement()
                .extracting(Evaluation.Inference::rule).isEqualTo("long words");
    }

    @Test
    void onePackageSpreadOverTwoFoldersIsLeftToTheWholeBuild() {
        List<RuleSource> sources = List.of(RuleSource.of("a/long.drl", rule("p", "long words", 5)),
                RuleSource.of("b/short.drl", rule("p", "short words", 1)));

        assertThat(folders.build(sources)).isEmpty();
        assertThat(new DroolsRuleSetCompiler().compile(sources, null).rules()).hasSize(2);
    }

    private static RuleSet ruleSet(KieBase base) {
        return new DroolsRuleSet(base, new RuleSetVersion("000000000000", "test"));
    }
}
