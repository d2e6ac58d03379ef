package io.billwright.simulations.generate;

import io.billwright.engine.contract.CustomerTaxStatus;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Customers across the firm's markets, each with the entity that serves it: mostly a domestic one, some served
 * across a border (EU reverse charge, exports), a few tax-exempt, and some EU consumers (private clients without a
 * VAT id). The first seven cover every tax treatment the engine knows, whatever the firm's size: domestic VAT, EU
 * reverse charge, a US state's sales tax, a Canadian province's HST, an EU consumer, an export and an exempt body.
 * Most customers state whether they buy as a business or a consumer; the rest leave it to their VAT id.
 */
final class CustomerFactory {

    /** Of EU customers: consumers, with no VAT id. */
    static final int EU_CONSUMERS_PER_MILLE = 80;
    static final int EXEMPT_PER_MILLE = 40;
    /** Customers whose tax status (business or consumer) the CRM states. */
    static final int STATUS_STATED_PER_MILLE = 800;

    private static final List<String> COUNTRIES = List.of("DE", "FR", "GB", "NL", "BE", "IT", "ES", "AT", "IE", "PL",
            "SE", "US", "CA", "AU", "NZ", "SG", "CH", "JP");
    private static final int[] COUNTRY_WEIGHTS = {16, 9, 12, 6, 2, 3, 3, 2, 2, 2, 2, 20, 6, 5, 1, 4, 3, 2};
    private static final List<String> US_STATES = List.of("NY", "CA", "TX", "IL", "MA", "WA", "FL", "NJ", "GA", "PA",
            "CO", "HI", "NM", "SD", "WV");
    private static final int[] US_STATE_WEIGHTS = {14, 14, 10, 7, 6, 5, 6, 5, 4, 5, 4, 3, 3, 2, 2};
    private static final List<String> CA_PROVINCES = List.of("ON", "QC", "BC", "AB", "NS", "MB");
    private static final int[] CA_PROVINCE_WEIGHTS = {40, 22, 16, 12, 6, 4};
    private static final Set<String> EU = Set.of("DE", "FR", "NL", "BE", "IT", "ES", "AT", "IE", "PL", "SE");
    private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("GB", "GBP"),
            Map.entry("US", "USD"), Map.entry("CA", "CAD"), Map.entry("AU", "AUD"), Map.entry("NZ", "NZD"),
            Map.entry("SG", "SGD"), Map.entry("CH", "CHF"), Map.entry("JP", "JPY"), Map.entry("SE", "SEK"),
            Map.entry("PL", "PLN"));
    private static final List<String> STEMS = List.of("Nord", "Alta", "Blue", "Cedar", "Delta", "Ever", "Fern",
            "Granite", "Harbor", "Iron", "Juniper", "Kestrel", "Lumen", "Meridian", "Nova", "Oak", "Pioneer", "Quartz",
            "River", "Summit", "Terra", "Union", "Vertex", "Willow", "Zenith", "Aster", "Birch", "Coral", "Dune",
            "Ember");
    private static final List<String> TRADES = List.of("tech", "works", "logic", "data", "med", "trans", "bau",
            "chem", "soft", "log", "fin", "energy", "foods", "motion", "retail", "pharma");
    private static final List<String> PUBLIC_BODIES = List.of("City of %s", "%s Foundation", "University of %s",
            "%s Health Trust", "%s Red Cross Society");
    private static final List<String> GIVEN_NAMES = List.of("Anna", "Lukas", "Marie", "Jan", "Sofia", "Pierre",
            "Elena", "Marco", "Ines", "Piotr", "Astrid", "Niamh");
    private static final List<String> FAMILY_NAMES = List.of("Keller", "Dubois", "Rossi", "Janssen", "Novak",
            "Lindqvist", "Garcia", "Huber", "Murphy", "Peeters", "Kowalski", "Moreau");

    /** A customer whose treatment is fixed: where it is, who serves it, and how it buys. */
    private record Case(String country, String region, String seller, boolean exempt, boolean consumer) {
    }

    private static final List<Case> EVERY_TREATMENT = List.of(
            new Case("DE", null, "BW-DE", false, false),   // domestic VAT
            new Case("FR", null, "BW-DE", false, false),   // EU reverse charge
            new Case("US", "NY", "BW-US", false, false),   // US state sales tax
            new Case("CA", "ON", "BW-CA", false, false),   // Canadian HST
            new Case("AT", null, "BW-DE", false, true),    // EU consumer: the seller's VAT
            new Case("CH", null, "BW-DE", false, false),   // export: out of scope
            new Case("GB", null, "BW-GB", true, false));   // exempt public body

    private final SplittableRandom random;

    CustomerFactory(SplittableRandom random) {
        this.random = random;
    }

    CustomerProfile create(int index) {
        Case drawn = index < EVERY_TREATMENT.size() ? EVERY_TREATMENT.get(index) : draw();
        String country = drawn.country();
        String stem = Randoms.pick(random, STEMS);
        String name = drawn.exempt() ? String.format(PUBLIC_BODIES.get(random.nextInt(PUBLIC_BODIES.size())), stem)
                : drawn.consumer() ? Randoms.pick(random, GIVEN_NAMES) + " " + Randoms.pick(random, FAMILY_NAMES)
                : stem + Randoms.pick(random, TRADES) + " " + legalForm(country);
        String taxId = drawn.consumer() ? null : taxId(country);
        CustomerTaxStatus status = !Randoms.perMille(random, STATUS_STATED_PER_MILLE) ? null
                : drawn.consumer() ? CustomerTaxStatus.CONSUMER : CustomerTaxStatus.BUSINESS;
        Currency currency = Currency.getInstance(CURRENCIES.getOrDefault(country, "EUR"));
        return new CustomerProfile("CU-%05d".formatted(index + 1), name, country, drawn.region(), taxId,
                drawn.exempt(), status, currency, Seller.byId(drawn.seller()));
    }

    private Case draw() {
        String country = Randoms.weighted(random, COUNTRIES, COUNTRY_WEIGHTS);
        String region = switch (country) {
            case "US" -> Randoms.weighted(random, US_STATES, US_STATE_WEIGHTS);
            case "CA" -> Randoms.weighted(random, CA_PROVINCES, CA_PROVINCE_WEIGHTS);
            default -> null;
        };
        boolean exempt = Randoms.perMille(random, EXEMPT_PER_MILLE);
        boolean consumer = !exempt && EU.contains(country) && Randoms.perMille(random, EU_CONSUMERS_PER_MILLE);
        return new Case(country, region, sellerFor(country), exempt, consumer);
    }

    /** Mostly the domestic entity; some customers are served from another country. */
    private String sellerFor(String country) {
        int draw = random.nextInt(100);
        return switch (country) {
            case "DE" -> draw < 85 ? "BW-DE" : "BW-NL";
            case "FR" -> draw < 85 ? "BW-FR" : "BW-DE";
            case "NL" -> draw < 85 ? "BW-NL" : "BW-DE";
            case "BE", "SE" -> "BW-NL";
            case "IT", "ES", "AT", "PL", "CH" -> "BW-DE";
            case "IE" -> draw < 50 ? "BW-GB" : "BW-NL";
            case "GB" -> "BW-GB";
            case "US" -> draw < 90 ? "BW-US" : "BW-GB";
            case "CA" -> draw < 90 ? "BW-CA" : "BW-US";
            case "AU", "NZ" -> "BW-AU";
            default -> "BW-SG";
        };
    }

    private String legalForm(String country) {
        return switch (country) {
            case "DE", "AT", "CH" -> "GmbH";
            case "FR" -> "SAS";
            case "NL", "BE" -> "B.V.";
            case "IT" -> "S.r.l.";
            case "ES" -> "S.L.";
            case "PL" -> "Sp. z o.o.";
            case "SE" -> "AB";
            case "GB", "IE" -> "Ltd";
            case "US" -> "Inc.";
            case "CA" -> "Corp.";
            case "AU", "NZ" -> "Pty Ltd";
            case "SG" -> "Pte. Ltd.";
            default -> "K.K.";
        };
    }

    /** A registration number in the country's usual shape (EU VAT ids with their country prefix). */
    private String taxId(String country) {
        return switch (country) {
            case "DE" -> "DE" + digits(9);
            case "FR" -> "FR" + digits(11);
            case "NL" -> "NL" + digits(9) + "B01";
            case "BE" -> "BE0" + digits(9);
            case "IT" -> "IT" + digits(11);
            case "ES" -> "ESB" + digits(8);
            case "AT" -> "ATU" + digits(8);
            case "IE" -> "IE" + digits(7) + "WA";
            case "PL" -> "PL" + digits(10);
            case "SE" -> "SE" + digits(10) + "01";
            case "GB" -> "GB" + digits(9);
            case "US" -> digits(2) + "-" + digits(7);
            case "CA" -> digits(9) + "RT0001";
            case "AU", "NZ" -> digits(11);
            case "SG" -> "20" + digits(7) + "K";
            case "CH" -> "CHE" + digits(9) + "MWST";
            default -> "T" + digits(13);
        };
    }

    private String digits(int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }
}
