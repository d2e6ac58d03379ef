package io.billwright.engine.tax;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Membership of the EU VAT area and the shape of EU VAT ids. */
public final class TaxAreas {

    private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** Each member state's VAT id after its prefix (Greece uses EL), as VIES documents them. */
    private static final Map<String, Pattern> VAT_IDS = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DE", Pattern.compile("\\d{9}")),
            Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("GR", Pattern.compile("\\d{9}")),
            Map.entry("ES", Pattern.compile("[0-9A-Z]\\d{7}[0-9A-Z]")),
            Map.entry("FI", Pattern.compile("\\d{8}")),
            Map.entry("FR", Pattern.compile("[0-9A-HJ-NP-Z]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")),
            Map.entry("IE", Pattern.compile("\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W]")),
            Map.entry("IT", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
            Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("MT", Pattern.compile("\\d{8}")),
            Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")),
            Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("\\d{2,10}")),
            Map.entry("SE", Pattern.compile("\\d{12}")),
            Map.entry("SI", Pattern.compile("\\d{8}")),
            Map.entry("SK", Pattern.compile("\\d{10}")));

    private TaxAreas() {
    }

    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY");

    /** Whether {@code jurisdiction} is {@code US-} followed by a state (or DC) code. */
    public static boolean isUsState(String jurisdiction) {
        return jurisdiction != null && jurisdiction.startsWith("US-") && US_STATES.contains(jurisdiction.substring(3));
    }

    public static boolean isEu(String country) {
        return country != null && EU.contains(country);
    }

    /**
     * Whether {@code taxId} is in the format of a VAT id issued by {@code country} (its prefix, then that member
     * state's own digits and letters: {@code DE} and 9 digits, {@code ATU} and 8, {@code NL} 9 digits {@code B}
     * 2 digits, ...). This is a format check only;
     * confirming it with VIES is the ERP's or the onboarding process's job.
     */
    public static boolean isValidVatId(String taxId, String country) {
        if (taxId == null || country == null || !isEu(country)) {
            return false;
        }
        String prefix = "GR".equals(country) ? "EL" : country;
        Pattern format = VAT_IDS.get(country);
        return taxId.startsWith(prefix) && format != null
                && format.matcher(taxId.substring(prefix.length())).matches();
    }
}
