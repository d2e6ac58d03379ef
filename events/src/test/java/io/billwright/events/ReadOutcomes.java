package io.billwright.events;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * What {@link MessageReader#read} makes of each body of {@link ReadCorpus}, one line each: everything a caller can
 * observe (the rejection's reason, field and text; or the mapped event, the hashes, the envelope and the body).
 * Its main writes the recorded outcomes (gzipped: they are 3 MB of text) that {@code MessageReaderOutcomesTest} compares with; it was run on the
 * reader as it was before it was made faster.
 */
final class ReadOutcomes {

    static final String RESOURCE = "golden/read-outcomes.txt.gz";

    private ReadOutcomes() {
    }

    static List<String> of(MessageReader reader, List<byte[]> bodies) {
        List<String> out = new ArrayList<>(bodies.size());
        for (byte[] body : bodies) {
            out.add(of(reader, body));
        }
        return out;
    }

    static String of(MessageReader reader, byte[] body) {
        try {
            InboundMessage m = reader.read(body);
            boolean sameBody = m.body().equals(new String(body, StandardCharsets.UTF_8));
            return "OK " + m.type() + " | " + m.contractId() + " | " + m.businessKey() + " | " + m.contentHash() + " | "
                    + m.envelopeHash() + " | " + m.envelope().id() + " | " + m.envelope().source() + " | "
                    + m.envelope().time() + " | " + m.envelope().correlationId() + " | " + m.envelope().data()
                    + " | body " + sameBody + " | " + unordered(m.event().toString());
        } catch (RejectedMessage e) {
            return "REJECTED " + e.reason() + " | " + e.field() + " | " + e.detail();
        }
    }

    /**
     * The event's text with the items of every bracket sorted: an event holds hash sets and maps, whose order
     * changes from run to run (enum hash codes), and the recorded text must not.
     */
    static String unordered(String text) {
        return group(text, new int[]{0}, '\0');
    }

    private static String group(String text, int[] at, char close) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        while (at[0] < text.length()) {
            char c = text.charAt(at[0]++);
            if (c == close) {
                break;
            }
            if (c == '[' || c == '{') {
                item.append(c).append(group(text, at, c == '[' ? ']' : '}')).append(c == '[' ? ']' : '}');
            } else if (c == ',' && at[0] < text.length() && text.charAt(at[0]) == ' ') {
                at[0]++;
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        items.sort(null);
        return String.join(", ", items);
    }

    /** Writes the outcomes to {@code src/test/resources}: run from the events module's folder. */
    public static void main(String[] args) throws IOException {
        MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), 1 << 20);
        List<String> lines = of(reader, ReadCorpus.bodies()).stream()
                .map(line -> line.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")).toList();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(
                Path.of("src/test/resources/" + RESOURCE))), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        System.out.println(lines.size() + " outcomes, " + lines.stream().filter(l -> l.startsWith("OK")).count()
                + " accepted");
    }
}
