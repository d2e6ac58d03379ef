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
        return rateChanges(sources).stream().map(RateChange::brief).toList();
    }

    /**
     * What the table changes in the rule set's rates, in the table's order: the rates that differ, each named as
     * the rule set's rule names its tax (a rate listed with its current value is no change).
     */
    public List<RateChange> rateChanges(List<RuleSource> sources) {
        Map<String, Rate> before = ratesOf(tableOf(sources, file));
        List<RateChange> changes = new ArrayList<>();
        rates.forEach((code, rate) -> {
            Rate old = before.get(code);
            BigDecimal from = old == null ? null : old.percent();
            boolean same = from == null ? rate.percent() == null
                    : rate.percent() != null && from.compareTo(rate.percent()) == 0;
            if (!same) {
                changes.add(new RateChange(code, taxName(code, old == null ? rate.rule() : old.rule()), from,
                        rate.percent()));
            }
        });
        return changes;
    }

    /**
     * The tax a rate rule names between its jurisdiction and its rate ({@code DE VAT 19% (UStG s.12(1))}: VAT;
     * {@code US-HI general excise 4%}: general excise), or "tax" when it names none.
     */
    private static String taxName(String code, String rule) {
        if (rule == null || !rule.startsWith(code + " ")) {
            return "tax";
        }
        List<String> words = new ArrayList<>();
        for (String word : rule.substring(code.length() + 1).trim().split("\\s+")) {
            if (word.isEmpty() || word.startsWith("(") || word.chars().anyMatch(Character::isDigit)) {
                break;
            }
            words.add(word);
        }
        return words.isEmpty() ? "tax" : String.join(" ", words);
    }

    /**
     * The rates table with this table's rates: a listed jurisdiction's row replaced (or dropped for {@code none}),
     * a new jurisdiction's row added at the end, every other line kept as it was, so that the rule set differs
     * only in the rates the table changes.
     */
    private String rewrite(RuleSource table) {
        String text = new String(table.content(), StandardCharsets.UTF_8);
        int header = text.indexOf("\n" + DATA_HEADER);
        int end = text.indexOf('\n', header + 1);
        StringBuilder out = new StringBuilder(text.substring(0, end < 0 ? text.length() : end)).append('\n');
        Map<String, Rate> pending = new LinkedHashMap<>(rates);
        if (end >= 0) {
            for (String line : text.substring(end + 1).split("\n", -1)) {
                String code = jurisdictionOf(line);
                if (code == null || !pending.containsKey(code)) {
                    out.append(line).append('\n');
                    continue;
                }
                Rate rate = pending.remove(code);
                if (rate.percent() != null) {
                    appendRow(out, code, rate);
                }
            }
        }
        pending.forEach((code, rate) -> {
            if (rate.percent() != null) {
                appendRow(out, code, rate);
            }
        });
        return out.toString().replaceAll("\n+$", "\n");
    }

    private static void appendRow(StringBuilder out, String code, Rate rate) {
        out.append(quote(rate.rule())).append(',').append(code).append(',').append(rate.percent().toPlainString())
                .append('\n');
    }

    /** The jurisdiction of a data row of the rates table; null for any other line. */
    private static String jurisdictionOf(String line) {
        if (line.isBlank()) {
            return null;
        }
        try (CSVParser row = CSVFormat.DEFAULT.parse(new StringReader(line))) {
            List<CSVRecord> records = row.getRecords();
            return records.size() == 1 && records.get(0).size() >= 3 && !records.get(0).get(1).isBlank()
                    ? records.get(0).get(1).trim() : null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
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
