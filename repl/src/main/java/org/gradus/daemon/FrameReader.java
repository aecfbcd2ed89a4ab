package org.gradus.daemon;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * The client's side of a connection, reading: the daemon's frames ({@link Wire}) one after the other, the bytes
 * of an output frame in a buffer that grows to the largest frame seen.
 */
final class FrameReader {
    private final DataInputStream from;
    private byte[] bytes = new byte[8192];
    private int length;

    FrameReader(SocketChannel channel) {
        this.from = new DataInputStream(new BufferedInputStream(Wire.in(channel), 1 << 14));
    }

    /**
     * The next frame's type; for {@link Wire#OUT} and {@link Wire#ERR} its bytes are then {@link #bytes()}[0,
     * {@link #length()}), for {@link Wire#EXIT} the code is {@link #code()}, for {@link Wire#FALLBACK} the reason
     * {@link #reason()}.
     */
    byte next() throws IOException {
        byte type = from.readByte();
        if (type == Wire.OUT || type == Wire.ERR) {
            length = from.readInt();
            if (length > bytes.length) bytes = new byte[Math.max(length, 2 * bytes.length)];
            from.readFully(bytes, 0, length);
        }
        return type;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Whether another frame has arrived already (and can be read without waiting). */
    boolean more() throws IOException {
        return from.available() > 0;
    }

    int code() throws IOException {
        return from.readInt();
    }

    String reason() throws IOException {
        return from.readUTF();
    }
}
