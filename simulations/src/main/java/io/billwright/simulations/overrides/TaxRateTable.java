package io.billwright.simulations.overrides;

import io.billwright.engine.ruleset.RuleSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Standard tax rates from a finance user's table, in place of the rule set's decision table
 * {@code tax/tax-rates.drl.csv}: the same rules, other rates, no DRL touched. The table has the columns
 * {@code Jurisdiction} (DE, CA-ON, US-NY) and {@code Rate %}, and optionally {@code Rule}, the name the
 * decision receipts show. Jurisdictions left out of the table have no standard rate in the candidate.
 */
public final class TaxRateTable {

    public static final String TABLE_PATH = "tax/tax-rates.drl.csv";
    static final String JURISDICTION = "Jurisdiction";
    static final String RATE = "Rate %";
    static final String RULE = "Rule";

    private static final Pattern JURISDICTION_CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    private static final String DATA_HEADER = "Rule (and source),";

    private final Path file;
    private final List<ParameterTable.Row> rows;

    private TaxRateTable(Path file, List<ParameterTable.Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** Reads and checks the table: every jurisdiction well formed and listed once, every rate 0 to 100. */
    public static TaxRateTable read(Path file) {
        List<ParameterTable.Row> rows = ParameterTable.read(file, List.of(JURISDICTION, RATE), List.of(RULE));
        Map<String, Long> seen = new HashMap<>();
        for (ParameterTable.Row row : rows) {
            String code = row.get(JURISDICTION);
            if (code == null || !JURISDICTION_CODE.matcher(code).matches()) {
                throw new TableProblem(file, row.line(), "column " + JURISDICTION + ": '" + (code == null ? "" : code)
                        + "' is not a jurisdiction such as DE, CA-ON or US-NY");
            }
            Long first = seen.putIfAbsent(code, row.line());
            if (first != null) {
                throw new TableProblem(file, row.line(), code + " is listed twice (first on line " + first + ")");
            }
            rate(file, row);
        }
        return new TaxRateTable(file, rows);
    }

    /**
     * The rates table of a rule set in this class's format (Jurisdiction, Rate %, Rule), for a finance user
     * to edit and pass back: the starting point of a what-if on tax rates.
     */
    public static String export(List<RuleSource> sources) {
        RuleSource table = sources.stream()
                .filter(source -> source.path().equals(TABLE_PATH) || source.path().endsWith("/" + TABLE_PATH))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the rule set has no " + TABLE_PATH));
        String text = new String(table.content(), StandardCharsets.UTF_8);
        int header = text.indexOf("\n" + DATA_HEADER);
        if (header < 0) {
            throw new IllegalArgumentException(table.path() + " has no '" + DATA_HEADER + "' header row");
        }
        StringBuilder out = new StringBuilder(JURISDICTION + "," + RATE + "," + RULE + "\n");
        try (org.apache.commons.csv.CSVParser rows = org.apache.commons.csv.CSVFormat.DEFAULT
                .parse(new java.io.StringReader(text.substring(text.indexOf('\n', header + 1) + 1)))) {
            for (org.apache.commons.csv.CSVRecord row : rows) {
                if (row.size() >= 3 && !row.get(1).isBlank()) {
                    out.append(row.get(1).trim()).append(',').append(row.get(2).trim()).append(',')
                            .append(quote(row.get(0).trim())).append('\n');
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The rule set's sources with the rates table replaced by this one. */
    public List<RuleSource> applyTo(List<RuleSource> sources) {
        List<RuleSource> out = new ArrayList<>(sources.size());
        boolean replaced = false;
        for (RuleSource source : sources) {
            if (source.path().equals(TABLE_PATH) || source.path().endsWith("/" + TABLE_PATH)) {
                out.add(new RuleSource(source.path(), rewrite(source).getBytes(StandardCharsets.UTF_8)));
                replaced = true;
            } else {
                out.add(source);
            }
        }
        if (!replaced) {
            throw new TableProblem(file, 0, "the candidate rule set has no " + TABLE_PATH + " for these rates to replace");
        }
        return out;
    }

    private String rewrite(RuleSource source) {
        String text = new String(source.content(), StandardCharsets.UTF_8);
        int header = text.indexOf("\n" + DATA_HEADER);
        if (header < 0) {
            throw new TableProblem(file, 0, source.path() + " has no '" + DATA_HEADER.replace(",", "")
                    + "' header row to put these rates under");
        }
        int end = text.indexOf('\n', header + 1);
        StringBuilder out = new StringBuilder(text.substring(0, end < 0 ? text.length() : end)).append('\n');
        for (ParameterTable.Row row : rows) {
            String code = row.get(JURISDICTION);
            BigDecimal rate = rate(file, row);
            String name = row.get(RULE) != null ? row.get(RULE)
                    : code + " " + rate.toPlainString() + "% (what-if table " + file.getFileName() + ")";
            out.append(quote(name)).append(',').append(code).append(',').append(rate.toPlainString()).append('\n');
        }
        return out.toString();
    }

    private static BigDecimal rate(Path file, ParameterTable.Row row) {
        String text = row.get(RATE);
        try {
            BigDecimal rate = new BigDecimal(text == null ? "" : text.replace("%", "").trim());
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new TableProblem(file, row.line(), "column " + RATE + ": " + text + " is not between 0 and 100");
            }
            return rate.stripTrailingZeros().scale() < 0 ? rate.setScale(0) : rate.stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new TableProblem(file, row.line(), "column " + RATE + ": '" + (text == null ? "" : text)
                    + "' is not a number");
        }
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
