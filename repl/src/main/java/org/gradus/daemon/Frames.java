package org.gradus.daemon;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.util.function.BooleanSupplier;

/**
 * The daemon's side of a connection, writing: the frames of {@link Wire} (output, the exit code, a request to
 * run the command in the client's own process), each written whole, from any thread.
 */
final class Frames {
    private final DataOutputStream toClient;

    Frames(SocketChannel channel) {
        this.toClient = new DataOutputStream(new BufferedOutputStream(Wire.out(channel), 1 << 14));
    }

    /** One frame of {@code type} ({@link Wire#OUT}, {@link Wire#ERR}) with {@code len} bytes ({@code -1}: the rest of {@code b}). */
    synchronized void data(byte type, byte[] b, int off, int len) throws IOException {
        if (len < 0) len = b.length - off;
        if (len == 0) return;
        toClient.writeByte(type);
        toClient.writeInt(len);
        toClient.write(b, off, len);
    }

    synchronized void flush() throws IOException {
        toClient.flush();
    }

    /** The last frame: the command's exit code. */
    synchronized void exit(int code) throws IOException {
        toClient.writeByte(Wire.EXIT);
        toClient.writeInt(code);
        toClient.flush();
    }

    /** The only frame: the client is to run the command itself, for {@code why}. */
    synchronized void fallback(String why) throws IOException {
        toClient.writeByte(Wire.FALLBACK);
        toClient.writeUTF(why);
        toClient.flush();
    }

    /**
     * A stream whose bytes become {@code type} frames, sent at each flush; writes fail as on a closed pipe once
     * {@code closed} says the client's reader went away.
     */
    OutputStream stream(byte type, BooleanSupplier closed) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (closed.getAsBoolean()) throw new IOException("Broken pipe");
                data(type, b, off, len);
            }

            @Override
            public void flush() throws IOException {
                Frames.this.flush();
            }
        };
    }
}
