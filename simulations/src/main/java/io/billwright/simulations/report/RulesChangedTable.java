package io.billwright.simulations.report;

import io.billwright.rules.diff.RuleChange;
import io.billwright.simulations.compare.RuleImpact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The rules added, removed and changed, with the items each affected ({@link RuleImpact}): as
 * {@code rules-changed.csv} (with a changed rule's text before and after) and as the sheet "Rules changed".
 */
final class RulesChangedTable {

    static final String FILE = "rules-changed.csv";
    static final String SHEET = "Rules changed";

    private static final List<String> HEADER = List.of("Change", "Package", "Rule", "File", "Items affected",
            "Description");

    private RulesChangedTable() {
    }

    /** {@code 1 added, 0 removed, 2 changed}. */
    static String counts(List<RuleImpact> rules) {
        return count(rules, RuleChange.Kind.ADDED) + " added, " + count(rules, RuleChange.Kind.REMOVED)
                + " removed, " + count(rules, RuleChange.Kind.CHANGED) + " changed";
    }

    private static long count(List<RuleImpact> rules, RuleChange.Kind kind) {
        return rules.stream().filter(rule -> rule.change().kind() == kind).count();
    }

    static void writeCsv(List<RuleImpact> rules, Path folder) {
        Path file = folder.resolve(FILE);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            List<String> header = new java.util.ArrayList<>(HEADER);
            header.addAll(List.of("Before", "After"));
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                    .setRecordSeparator("\r\n").get());
            for (RuleImpact rule : rules) {
                RuleChange change = rule.change();
                csv.printRecord(change.kind().word(), change.packageName(), change.name(), change.file(),
                        rule.items(), change.description(),
                        change.textBefore() == null ? "" : change.textBefore().text().strip(),
                        change.textAfter() == null ? "" : change.textAfter().text().strip());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Adds the sheet {@value #SHEET}: a header row and one row per rule. */
    static void addSheet(Workbook workbook, List<RuleImpact> rules, CellStyle header) {
        Sheet sheet = workbook.createSheet(SHEET);
        SheetLayout layout = new SheetLayout().header(0, HEADER);
        Row top = sheet.createRow(0);
        for (int c = 0; c < HEADER.size(); c++) {
            top.createCell(c).setCellValue(HEADER.get(c));
            top.getCell(c).setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (RuleImpact rule : rules) {
            RuleChange change = rule.change();
            Row row = sheet.createRow(r++);
            List<String> texts = List.of(change.kind().word(), change.packageName(), change.name(), change.file());
            for (int c = 0; c < texts.size(); c++) {
                row.createCell(c).setCellValue(texts.get(c));
                layout.text(c, texts.get(c));
            }
            row.createCell(4).setCellValue(rule.items());
            layout.text(4, Long.toString(rule.items()));
            row.createCell(5).setCellValue(change.description());
            layout.text(5, change.description());
        }
        layout.applyTo(sheet, 0);
    }
}
