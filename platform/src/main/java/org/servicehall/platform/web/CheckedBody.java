package org.servicehall.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body checked as it is read, so that a refusal comes before the rest is read: at most
 * {@code hall.api.max-body-size} bytes, however it is sent (a chunked body has no length to check up front), and for
 * JSON, the bytes JSON allows: UTF-8, strictly (no overlong forms, which Jackson decodes, so that {@code C0 AF} would
 * be a {@code /}; no surrogates, nothing truncated), no byte order mark (Jackson skips one, or takes the body for
 * UTF-16 or UTF-32 from its first bytes), and no control characters but tab and line breaks (JSON allows none in its
 * text; inside strings they are escaped). The JDK's decoder judges the UTF-8.
 */
final class CheckedBody extends ServletInputStream {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private final ServletInputStream in;
    private final DataSize max;
    private final CharsetDecoder utf8;
    private final CharBuffer decoded = CharBuffer.allocate(4096);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private long count;
    private boolean started;
    private boolean finished;

    /** @param json whether the body is to be JSON, and so checked for its bytes */
    CheckedBody(ServletInputStream in, DataSize max, boolean json) {
        this.in = in;
        this.max = max;
        this.utf8 = json ? StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                                  .onUnmappableCharacter(CodingErrorAction.REPORT) : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n == -1) {
            finish();
        } else if (n > 0) {
            check(buffer, offset, n);
        }
        return n;
    }

    private void check(byte[] buffer, int offset, int n) throws IOException {
        if (count + n > max.toBytes()) {
            throw RefusedBody.tooLarge(max);
        }
        if (utf8 != null) {
            for (int i = offset; i < offset + n; i++) {
                byte b = buffer[i];
                if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                    throw RefusedBody.notJson(String.format("The body holds the control character 0x%02X at byte "
                            + "%d; JSON allows none but tab and line breaks (escape them in strings)", b,
                                                            count + i - offset));
                }
            }
            ByteBuffer input = ByteBuffer.allocate(pending.remaining() + n).put(pending).put(buffer, offset, n).flip();
            decode(input, false);
            pending = input;
        }
        count += n;
    }

    private void finish() throws IOException {
        if (utf8 != null && !finished) {
            finished = true;
            decode(pending, true);
            decoded.clear();
            if (utf8.flush(decoded).isError()) {
                throw notUtf8();
            }
        }
    }

    private void decode(ByteBuffer input, boolean endOfInput) throws IOException {
        CoderResult result;
        do {
            decoded.clear();
            result = utf8.decode(input, decoded, endOfInput);
            if (!started && decoded.position() > 0) {
                started = true;
                if (decoded.get(0) == BYTE_ORDER_MARK) {
                    throw RefusedBody.notJson("The body begins with a byte order mark; send UTF-8 without one");
                }
            }
            if (result.isError()) {
                throw notUtf8();
            }
        } while (result.isOverflow());
    }

    private RefusedBody notUtf8() {
        return RefusedBody.notJson("The body is not valid UTF-8 (a malformed, overlong or truncated sequence)");
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
