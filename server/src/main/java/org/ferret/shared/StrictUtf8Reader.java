package org.ferret.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads UTF-8 text and refuses anything else: the first byte that is not part of a valid UTF-8 sequence stops the
 * reading with an {@link InvalidUtf8Exception} naming its line and byte offset, instead of the silent U+FFFD
 * replacement of {@code InputStreamReader} (a Latin-1 "Müller" would otherwise be stored as "M\uFFFDller"). A byte
 * order mark is valid UTF-8 and passes through as U+FEFF; callers that read a header strip it.
 */
public final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean eof;
    private boolean flushed;
    /** Bytes of the input decoded so far, the line being read (1-based) and the byte offset where it starts. */
    private long offset;
    private long line = 1;
    private long lineStart;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    /** A UTF-8 input ended or was broken at a byte that no valid UTF-8 sequence can hold there. */
    public static final class InvalidUtf8Exception extends IOException {
        private final long line;
        private final long byteOffset;
        private final long byteInLine;

        InvalidUtf8Exception(long line, long byteOffset, long byteInLine, String bytes) {
            super("the file is not valid UTF-8: " + bytes + " at byte offset " + byteOffset + " (line " + line
                    + ", byte " + (byteInLine + 1) + " of the line) cannot be read as UTF-8; save the file as UTF-8");
            this.line = line;
            this.byteOffset = byteOffset;
            this.byteInLine = byteInLine;
        }

        /** The line holding the first bad byte, 1-based. */
        public long line() {
            return line;
        }

        /** Offset of the first bad byte from the start of the input, 0-based. */
        public long byteOffset() {
            return byteOffset;
        }

        /** Offset of the first bad byte from the start of its line, 0-based. */
        public long byteInLine() {
            return byteInLine;
        }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (eof && !bytes.hasRemaining()) {
                if (!flushed) {
                    flushed = true;
                    CoderResult r = decoder.decode(bytes, out, true);
                    if (r.isError()) {
                        throw invalid(r);
                    }
                    decoder.flush(out);
                    account(cbuf, off, out.position());
                    if (out.position() > off) {
                        break;
                    }
                }
                return -1;
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            account(cbuf, off, out.position());
            if (r.isError()) {
                throw invalid(r);
            }
            if (r.isOverflow()) {
                break;
            }
            if (!eof) {
                fill();
            }
        }
        return out.position() - off;
    }

    /** Moves line and offset past the characters just decoded into {@code cbuf[from, to)}. */
    private void account(char[] cbuf, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = cbuf[i];
            offset += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
            if (c == '\n') {
                line++;
                lineStart = offset;
            }
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    private InvalidUtf8Exception invalid(CoderResult r) {
        int n = Math.max(1, Math.min(r.length(), bytes.remaining()));
        byte[] bad = new byte[n];
        bytes.get(bytes.position(), bad);
        String shown = n == 1 ? "byte 0x" + HexFormat.of().withUpperCase().formatHex(bad)
                : "bytes " + HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase().formatHex(bad);
        return new InvalidUtf8Exception(line, offset, offset - lineStart, shown);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
