package io.billwright.messaging.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code billing_package} row: the package the service issued, and when the broker confirmed it.
 *
 * @param confirmedAt when the broker first confirmed it, or null
 * @param erpStatus   the ERP's last word (POSTED, REJECTED, RESENT), or null
 */
record IssuedPackage(PackageFigures figures, Instant createdAt, Instant confirmedAt, String erpStatus) {

    IssuedPackage {
        Objects.requireNonNull(figures, "figures");
    }

    String id() {
        return figures.id();
    }
}
