package io.billwright.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The reader decides every body of {@link ReadCorpus} exactly as it did before it was made faster: the same
 * accept or reject, reason, field and text, the same content hash (stored for deduplication), envelope hash and
 * event. The recorded outcomes were written by {@link ReadOutcomes#main} on the reader before the change.
 */
class MessageReaderOutcomesTest {

    @Test
    void everyBodyIsDecidedAsRecorded() throws IOException {
        List<byte[]> bodies = ReadCorpus.bodies();
        List<String> expected = recorded();
        assertThat(expected).hasSameSizeAs(bodies);
        MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), 1 << 20);
        for (int i = 0; i < bodies.size(); i++) {
            String actual = ReadOutcomes.of(reader, bodies.get(i))
                    .replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
            assertThat(actual).as("body %d: %s", i, new String(bodies.get(i), StandardCharsets.UTF_8))
                    .isEqualTo(expected.get(i));
        }
    }

    private static List<String> recorded() throws IOException {
        try (InputStream in = MessageReaderOutcomesTest.class.getClassLoader().getResourceAsStream(ReadOutcomes.RESOURCE);
             BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.add(line);
            }
            return out;
        }
    }
}
