package io.billwright.simulations.overrides;

import io.billwright.engine.ruleset.RuleSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Standard tax rates from a finance user's table, applied to the rule set's decision table
 * {@code tax/tax-rates.drl.csv}: the same rules, other rates, no DRL touched. The table has the columns
 * {@code Jurisdiction} (DE, CA-ON, US-NY) and {@code Rate %}, and optionally {@code Rule}, the name the
 * decision receipts show. A listed jurisdiction gets the rate given ({@code none} removes its rate: its
 * items are then held for a missing rate); a jurisdiction the table does not list keeps its rate, so a
 * table of one row changes one rate.
 */
public final class TaxRateTable {

    public static final String TABLE_PATH = "tax/tax-rates.drl.csv";
    static final String JURISDICTION = "Jurisdiction";
    static final String RATE = "Rate %";
    static final String RULE = "Rule";
    static final String NONE = "none";

    private static final Pattern JURISDICTION_CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    private static final String DATA_HEADER = "Rule (and source),";

    /** One rate: the rule's name and the percentage, or a null rate for a removal. */
    private record Rate(String rule, BigDecimal percent) {
    }

    private final Path file;
    private final Map<String, Rate> rates;

    private TaxRateTable(Path file, Map<String, Rate> rates) {
        this.file = file;
        this.rates = rates;
    }

    /** Reads and checks the table: every jurisdiction well formed and listed once, every rate 0 to 100 or none. */
    public static TaxRateTable read(Path file) {
        List<ParameterTable.Row> rows = ParameterTable.read(file, List.of(JURISDICTION, RATE), List.of(RULE));
        Map<String, Long> seen = new HashMap<>();
        Map<String, Rate> rates = new LinkedHashMap<>();
        for (ParameterTable.Row row : rows) {
            String code = row.get(JURISDICTION) == null ? null : row.get(JURISDICTION).toUpperCase(Locale.ROOT);
            if (code == null || !JURISDICTION_CODE.matcher(code).matches()) {
                throw new TableProblem(file, row.line(), "column " + JURISDICTION + ": '"
                        + (code == null ? "" : row.get(JURISDICTION)) + "' is not a jurisdiction such as DE, CA-ON or US-NY");
            }
            Long first = seen.putIfAbsent(code, row.line());
            if (first != null) {
                throw new TableProblem(file, row.line(), code + " is listed twice (first on line " + first + ")");
            }
            BigDecimal percent = rate(file, row);
            String rule = row.get(RULE) != null ? row.get(RULE) : percent == null ? null
                    : code + " " + percent.toPlainString() + "% (what-if table " + file.getFileName() + ")";
            rates.put(code, new Rate(rule, percent));
        }
        return new TaxRateTable(file, rates);
    }

    /**
     * The rates table of a rule set in this class's format (Jurisdiction, Rate %, Rule), for a finance user
     * to edit and pass back: the starting point of a what-if on tax rates.
     */
    public static String export(List<RuleSource> sources) {
        StringBuilder out = new StringBuilder(JURISDICTION + "," + RATE + "," + RULE + "\n");
        ratesOf(tableOf(sources, null)).forEach((code, rate) -> out.append(code).append(',')
                .append(rate.percent().toPlainString()).append(',').append(quote(rate.rule())).append('\n'));
        return out.toString();
    }

    /** The rule set's sources with these rates applied to its rates table. */
    public List<RuleSource> applyTo(List<RuleSource> sources) {
        RuleSource table = tableOf(sources, file);
        List<RuleSource> out = new ArrayList<>(sources.size());
        for (RuleSource source : sources) {
            out.add(source == table ? new RuleSource(source.path(), rewrite(table).getBytes(StandardCharsets.UTF_8))
                    : source);
        }
        return out;
    }

    /** What the table changes in the rule set's rates, one line each: {@code DE 19% -> 16%}. */
    public List<String> changesTo(List<RuleSource> sources) {
        Map<String, Rate> before = ratesOf(tableOf(sources, file));
        List<String> changes = new ArrayList<>();
        rates.forEach((code, rate) -> {
            Rate old = before.get(code);
            String from = old == null ? "no rate" : old.percent().toPlainString() + "%";
            String to = rate.percent() == null ? "no rate" : rate.percent().toPlainString() + "%";
            if (!from.equals(to)) {
                changes.add(code + " " + from + " -> " + to);
            }
        });
        return changes;
    }

    private String rewrite(RuleSource table) {
        String text = new String(table.content(), StandardCharsets.UTF_8);
        int header = text.indexOf("\n" + DATA_HEADER);
        int end = text.indexOf('\n', header + 1);
        StringBuilder out = new StringBuilder(text.substring(0, end < 0 ? text.length() : end)).append('\n');
        Map<String, Rate> merged = new LinkedHashMap<>(ratesOf(table));
        rates.forEach((code, rate) -> {
            if (rate.percent() == null) {
                merged.remove(code);
            } else {
                merged.put(code, rate);
            }
        });
        merged.forEach((code, rate) -> out.append(quote(rate.rule())).append(',').append(code).append(',')
                .append(rate.percent().toPlainString()).append('\n'));
        return out.toString();
    }

    private static RuleSource tableOf(List<RuleSource> sources, Path file) {
        RuleSource table = sources.stream()
                .filter(source -> source.path().equals(TABLE_PATH) || source.path().endsWith("/" + TABLE_PATH))
                .findFirst().orElse(null);
        if (table == null || !new String(table.content(), StandardCharsets.UTF_8).contains("\n" + DATA_HEADER)) {
            String problem = "the rule set has no " + TABLE_PATH + " with a '" + DATA_HEADER.replace(",", "")
                    + "' header row for these rates";
            throw file == null ? new IllegalArgumentException(problem) : new TableProblem(file, 0, problem);
        }
        return table;
    }

    /** The rows of the rule set's rates table, by jurisdiction, in its order. */
    private static Map<String, Rate> ratesOf(RuleSource table) {
        String text = new String(table.content(), StandardCharsets.UTF_8);
        int header = text.indexOf("\n" + DATA_HEADER);
        Map<String, Rate> rates = new LinkedHashMap<>();
        try (CSVParser rows = CSVFormat.DEFAULT.parse(new StringReader(text.substring(text.indexOf('\n', header + 1) + 1)))) {
            for (CSVRecord row : rows) {
                if (row.size() >= 3 && !row.get(1).isBlank()) {
                    rates.put(row.get(1).trim(), new Rate(row.get(0).trim(), new BigDecimal(row.get(2).trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rates;
    }

    /** The rate of a row; null for {@code none}. */
    private static BigDecimal rate(Path file, ParameterTable.Row row) {
        String text = row.get(RATE);
        if (text != null && text.trim().equalsIgnoreCase(NONE)) {
            return null;
        }
        try {
            BigDecimal rate = new BigDecimal(text == null ? "" : text.replace("%", "").trim());
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new TableProblem(file, row.line(), "column " + RATE + ": " + text + " is not between 0 and 100");
            }
            return rate.stripTrailingZeros().scale() < 0 ? rate.setScale(0) : rate.stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new TableProblem(file, row.line(), "column " + RATE + ": '" + (text == null ? "" : text)
                    + "' is not a number (or none, to remove the rate)");
        }
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
