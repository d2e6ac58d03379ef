package io.billwright.messaging.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvironmentSecretTest {

    private final EnvironmentSecret secret = new EnvironmentSecret();

    @Test
    void acceptsOnlyTheSamePassword() {
        String stored = secret.encode("correct horse");

        assertThat(stored).doesNotContain("correct horse");
        assertThat(secret.matches("correct horse", stored)).isTrue();
        assertThat(secret.matches("correct hors", stored)).isFalse();
        assertThat(secret.matches("Correct horse", stored)).isFalse();
        assertThat(secret.matches("", stored)).isFalse();
    }

    @Test
    void refusesWhatItDidNotEncode() {
        assertThat(secret.matches("x", "x")).isFalse();
        assertThat(secret.matches("x", null)).isFalse();
        assertThat(secret.matches(null, secret.encode("x"))).isFalse();
    }
}
