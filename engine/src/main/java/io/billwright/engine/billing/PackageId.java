package io.billwright.engine.billing;

import io.billwright.engine.contract.ContractId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A billing package's id: a name-based UUID of contract, trigger and sequence, so recomputing the same
 * trigger always yields the same id. ERP connectors deduplicate on it.
 */
public record PackageId(String value) {
    public PackageId {
        Objects.requireNonNull(value, "package id");
    }

    public static PackageId derive(ContractId contract, Trigger trigger, int sequence) {
        String name = contract.value() + "|" + trigger.kind() + "|" + trigger.key() + "|" + sequence;
        return new PackageId("PKG-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value;
    }
}
