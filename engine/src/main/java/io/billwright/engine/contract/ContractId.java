package io.billwright.engine.contract;

import java.util.Objects;

/** Identifies a contract across all its versions. */
public record ContractId(String value) {
    public ContractId {
        Objects.requireNonNull(value, "contract id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("contract id is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
