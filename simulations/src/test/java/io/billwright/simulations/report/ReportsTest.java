package io.billwright.simulations.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.lint.RuleTexts;
import io.billwright.rules.diff.RuleChange;
import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.fixtures.ComparisonTestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path folder;

    @Test
    void writesTheRulesChangedAsCsvOnlyWhenTheCandidatesRulesDiffer() throws Exception {
        Comparison sample = ComparisonTestData.sample();
        RuleChange changed = new RuleChange(RuleChange.Kind.CHANGED,
                new RuleInfo("billwright.tm", "budget-cap", "Hold over the cap"),
                new RuleInfo("billwright.tm", "budget-cap", "Hold over the cap"),
                new RuleTexts.RuleText("tm/caps.drl", "rule \"budget-cap\"\nhours > 8\n"),
                new RuleTexts.RuleText("tm/caps.drl", "rule \"budget-cap\"\nhours > 10\n"));
        RuleChange removed = new RuleChange(RuleChange.Kind.REMOVED,
                new RuleInfo("billwright.tm", "hold-unapproved-time", ""), null,
                new RuleTexts.RuleText("tm/approval.drl", "rule \"hold-unapproved-time\"\n"), null);
        SimulationBrief brief = new SimulationBrief(List.of("the rule folder v2 in place of the packaged rule set"),
                List.of("q1.jsonl"), null, null, 0, List.of(changed, removed));

        Reports.writeAll(sample, brief, List.of(), folder);

        String csv = Files.readString(folder.resolve(Reports.RULES_CHANGED), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFChange,Package,Rule,File,Items affected,Description,Before,After\r\n");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.substring(1))).getRecords();
        // sample lines: case 0 names hold-unapproved-time (8 of 30), case 3 names budget-cap (7 of 30)
        assertThat(rows).extracting(row -> row.get("Change") + " " + row.get("Rule") + " " + row.get("Items affected"))
                .containsExactly("removed hold-unapproved-time 8", "changed budget-cap 7");
        assertThat(rows.get(1).get("Before")).isEqualTo("rule \"budget-cap\"\nhours > 8");
        assertThat(rows.get(1).get("After")).isEqualTo("rule \"budget-cap\"\nhours > 10");
        assertThat(rows.get(1).get("File")).isEqualTo("tm/caps.drl");

        Reports.writeAll(sample, SimulationBrief.NONE, List.of(), folder);

        assertThat(folder.resolve(Reports.RULES_CHANGED)).as("an earlier run's list is not left behind")
                .doesNotExist();
        assertThat(folder.resolve(XlsxReport.FILE)).exists();
    }
}
