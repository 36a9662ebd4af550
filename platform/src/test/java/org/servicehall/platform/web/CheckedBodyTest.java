package org.servicehall.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body is checked as it is read, a few bytes at a time as a client may send them. */
class CheckedBodyTest {

    private static final DataSize LIMIT = DataSize.ofBytes(64);

    @Test
    void validUtf8PassesWhateverHowItIsSplitAcrossReads() throws IOException {
        byte[] body = "{\"name\": \"张三丰 \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= body.length; chunk++) {
            assertThat(readAll(body, chunk, true)).as("in reads of %d", chunk).isEqualTo(body);
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedAsItIsRead() throws IOException {
        byte[] body = "x".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> readAll(body, 10, false))
                .isInstanceOfSatisfying(RefusedBody.class, refused -> assertThat(refused.problem().getStatus())
                        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value()));
        assertThat(readAll(new byte[64], 7, false)).hasSize(64);
    }

    @Test
    void jsonBytesAreStrictUtf8WithoutAByteOrderMarkOrControlCharacters() {
        assertRefused(bytes('{', '"', 'a', '"', ':', '"', 0xC0, 0xAF, '"', '}'), "not valid UTF-8"); // overlong '/'
        assertRefused(bytes('"', 0xE0, 0x80, 0xAF, '"'), "not valid UTF-8");                       // overlong, 3 bytes
        assertRefused(bytes('"', 0xED, 0xA0, 0x80, '"'), "not valid UTF-8");                       // a surrogate
        assertRefused(bytes('"', 0xF4, 0x90, 0x80, 0x80, '"'), "not valid UTF-8");                 // above U+10FFFF
        assertRefused(bytes('"', 0xE2, 0x82), "not valid UTF-8");                                  // cut short at the end
        assertRefused(bytes('"', 0x80, '"'), "not valid UTF-8");                                   // a lone continuation
        assertRefused(bytes(0xEF, 0xBB, 0xBF, '{', '}'), "byte order mark");
        assertRefused(bytes('{', 0x00, '}', 0x00), "control character 0x00");
        assertRefused(bytes('{', '"', 'a', 0x1B, '"', '}'), "control character 0x1B");
    }

    @Test
    void otherBodiesAreOnlyCountedNotJudged() throws IOException {
        byte[] binary = bytes(0xEF, 0xBB, 0xBF, 0x00, 0xC0, 0xAF);

        assertThat(readAll(binary, 2, false)).isEqualTo(binary);
    }

    private static void assertRefused(byte[] body, String why) {
        for (int chunk : new int[] {1, 2, body.length}) {
            assertThatThrownBy(() -> readAll(body, chunk, true)).as("in reads of %d", chunk)
                    .isInstanceOfSatisfying(RefusedBody.class, refused -> {
                        assertThat(refused.problem().getStatus()).isEqualTo(400);
                        assertThat(refused.problem().getDetail()).contains(why);
                    });
        }
    }

    private static byte[] readAll(byte[] body, int chunk, boolean json) throws IOException {
        try (CheckedBody in = new CheckedBody(new Chunks(body, chunk), LIMIT, json)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** A request body arriving {@code chunk} bytes at a time. */
    private static final class Chunks extends ServletInputStream {

        private final ByteArrayInputStream in;
        private final int chunk;

        Chunks(byte[] body, int chunk) {
            this.in = new ByteArrayInputStream(body);
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, chunk));
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
