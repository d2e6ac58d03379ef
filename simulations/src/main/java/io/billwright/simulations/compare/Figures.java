package io.billwright.simulations.compare;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money figures in one currency for one side of a comparison.
 *
 * @param billedNet         net amount of the packages issued, less what credit notes credited
 * @param tax               tax on those packages
 * @param retentionWithheld retention withheld from them
 * @param retentionReleased retention released (completion packages)
 * @param held              amount of items still held at the end of the replay
 * @param unbilled          amount of items eligible at the end of the replay but not billed yet (they wait
 *                          for their trigger: the next period close, an acceptance)
 * @param credited          net credited by credit notes (already taken off {@code billedNet}; tax and retention
 *                          credited are taken off theirs)
 */
public record Figures(BigDecimal billedNet, BigDecimal tax, BigDecimal retentionWithheld, BigDecimal retentionReleased,
                      BigDecimal held, BigDecimal unbilled, BigDecimal credited) {

    public static final Figures ZERO = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** Figures with only a held amount. */
    public static Figures held(BigDecimal amount) {
        return new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, amount, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** Figures with only an amount eligible and not yet billed. */
    public static Figures unbilled(BigDecimal amount) {
        return new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, amount,
                BigDecimal.ZERO);
    }

    public Figures {
        Objects.requireNonNull(billedNet, "billedNet");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(retentionWithheld, "retentionWithheld");
        Objects.requireNonNull(retentionReleased, "retentionReleased");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(unbilled, "unbilled");
        Objects.requireNonNull(credited, "credited");
    }

    public Figures plus(Figures other) {
        return new Figures(billedNet.add(other.billedNet), tax.add(other.tax),
                retentionWithheld.add(other.retentionWithheld), retentionReleased.add(other.retentionReleased),
                held.add(other.held), unbilled.add(other.unbilled), credited.add(other.credited));
    }

    public Figures minus(Figures other) {
        return new Figures(billedNet.subtract(other.billedNet), tax.subtract(other.tax),
                retentionWithheld.subtract(other.retentionWithheld),
                retentionReleased.subtract(other.retentionReleased), held.subtract(other.held),
                unbilled.subtract(other.unbilled), credited.subtract(other.credited));
    }

    /** Net plus tax minus retention withheld plus retention released: what the customer is invoiced. */
    public BigDecimal invoiced() {
        return billedNet.add(tax).subtract(retentionWithheld).add(retentionReleased);
    }

    public boolean isZero() {
        return billedNet.signum() == 0 && tax.signum() == 0 && retentionWithheld.signum() == 0
                && retentionReleased.signum() == 0 && held.signum() == 0 && unbilled.signum() == 0
                && credited.signum() == 0;
    }
}
