package dev.mdnp.model.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.model.client.SseReader.SseMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    @Test
    void dataLinesOfOneMessageAreJoinedWithNewlines() throws IOException {
        assertThat(read("data: {\"a\":\ndata:  1}\n\n"))
                .containsExactly(new SseMessage("message", "{\"a\":\n 1}", ""));
    }

    @Test
    void commentsAndHeartbeatsAreSkipped() throws IOException {
        assertThat(read(": heartbeat\n\n:\ndata: x\n: inside\n\n: another\n\n"))
                .containsExactly(new SseMessage("message", "x", ""));
    }

    @Test
    void eventNameAndIdAreKeptAndTheIdPersists() throws IOException {
        assertThat(read("id: 7\nevent: request\ndata: a\n\nevent: state\ndata: b\n\nid: 9\ndata: c\n\n"))
                .containsExactly(
                        new SseMessage("request", "a", "7"),
                        new SseMessage("state", "b", "7"),
                        new SseMessage("message", "c", "9"));
    }

    @Test
    void anIdWithoutDataUpdatesTheLastIdWithoutDispatching() throws IOException {
        SseReader reader = reader("id: 12\n\n");

        assertThat(reader.next()).isNull();
        assertThat(reader.lastEventId()).isEqualTo("12");
    }

    @Test
    void everyLineEndingIsAccepted() throws IOException {
        assertThat(read("data: a\r\n\r\ndata: b\r\rdata: c\n\n"))
                .extracting(SseMessage::data).containsExactly("a", "b", "c");
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDropped() throws IOException {
        assertThat(read("data:x\n\ndata:  y\n\ndata\n\n"))
                .extracting(SseMessage::data).containsExactly("x", " y", "");
    }

    @Test
    void aMessageCutOffByTheEndOfTheStreamIsDropped() throws IOException {
        assertThat(read("data: whole\n\ndata: half\n")).extracting(SseMessage::data).containsExactly("whole");
        assertThat(read("data: whole\n\ndata: ha")).extracting(SseMessage::data).containsExactly("whole");
    }

    @Test
    void anEventFieldWithoutDataIsForgottenAtTheBlankLine() throws IOException {
        assertThat(read("event: state\n\ndata: x\n\n")).containsExactly(new SseMessage("message", "x", ""));
    }

    @Test
    void unknownFieldsAndRetryAreIgnored() throws IOException {
        assertThat(read("retry: 10\nfoo: bar\ndata: x\n\n")).extracting(SseMessage::data).containsExactly("x");
    }

    @Test
    void aLeadingByteOrderMarkIsDropped() throws IOException {
        assertThat(read("\uFEFFdata: x\n\n")).extracting(SseMessage::data).containsExactly("x");
    }

    @Test
    void utf8TextSurvives() throws IOException {
        assertThat(read("data: ✓ grün\n\n")).extracting(SseMessage::data).containsExactly("✓ grün");
    }

    @Test
    void anIdHoldingNulIsIgnored() throws IOException {
        assertThat(read("id: 3\ndata: a\n\nid: 4\0\ndata: b\n\n"))
                .extracting(SseMessage::lastEventId).containsExactly("3", "3");
    }

    @Test
    void anEndlessLineIsRefused() {
        byte[] endless = new byte[(8 << 20) + 10];
        java.util.Arrays.fill(endless, (byte) 'a');
        SseReader reader = new SseReader(new ByteArrayInputStream(endless));

        assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessageContaining("longer than");
    }

    private static List<SseMessage> read(String stream) throws IOException {
        SseReader reader = reader(stream);
        List<SseMessage> messages = new ArrayList<>();
        for (SseMessage message = reader.next(); message != null; message = reader.next()) {
            messages.add(message);
        }
        return messages;
    }

    private static SseReader reader(String stream) {
        return new SseReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    }
}
