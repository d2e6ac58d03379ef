package io.billwright.events;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The service's one JSON configuration (Jackson 3), for every message it reads or writes.
 *
 * <ul>
 *   <li>Reading is strict: an unknown property, a trailing token, a missing primitive or a number where text
 *       is expected (an amount sent as {@code 1280.0} instead of {@code "1280.00"}) fails.</li>
 *   <li>Decimals are read exactly, as {@code BigDecimal}, also into a tree, trailing zeros kept; a
 *       {@code BigDecimal} is written plain, never in exponent form.</li>
 *   <li>Dates are ISO strings ({@code 2026-01-31}), never timestamps.</li>
 *   <li>Properties come out in declaration order (a record's component order), never sorted, so a
 *       payload reads the same every time.</li>
 * </ul>
 *
 * <p>A Jackson 3 mapper is immutable and thread-safe: {@link #mapper()} hands out one shared instance.
 */
public final class WireJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();

    private WireJson() {
    }

    /** The configured mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
