package org.gradus.daemon;

/**
 * The daemon's protocol on its Unix domain socket (both ends are this build: the socket's name carries the
 * build identity, so no version is negotiated beyond {@link #MAGIC}).
 *
 * <pre>
 * client → daemon  int MAGIC, byte request
 *                  RUN:    UTF cwd, int n, n × UTF arg, int m, m × (UTF name, UTF value) environment,
 *                          boolean console, long processStart (System.nanoTime; {@link #NO_START} if unknown),
 *                          UTF stdout charset, UTF stderr charset, boolean terminal described, and if so
 *                          UTF TERM, UTF COLORTERM ("" if unset), int columns, int rows (the client's terminal
 *                          for a run that draws on it: {@link org.gradus.cli.ClientTerminal})
 *                  then, while the run goes on: byte {@link #OUTPUT_CLOSED} when the client's stdout reader
 *                  went away; closing the connection cancels the run (the client's Ctrl-C)
 *                  REPL:   UTF cwd, int m, m × (UTF name, UTF value) environment, UTF TERM, UTF COLORTERM ("" if
 *                          unset), int columns, int rows, UTF the terminal's charset (the client's terminal, in raw
 *                          mode: {@link DaemonRepl})
 *                  then, while the REPL goes on: byte KEYS, int length, bytes (what was typed, as the terminal sent
 *                  it: Ctrl-C is byte 3); byte RESIZE, int columns, int rows; closing the connection (or its
 *                  output side) is the terminal gone: the REPL ends
 * daemon → client  frames: byte OUT or ERR, int length, bytes (the run's stdout and stderr, exactly; the
 *                  REPL's terminal output, in OUT frames);
 *                  byte EXIT, int code (last); or byte FALLBACK, UTF reason (before any output: run it yourself)
 * </pre>
 */
final class Wire {
    static final int MAGIC = 0x47524431;          // "GRD1"

    static final byte RUN = 1;
    static final byte STATUS = 2;
    static final byte STOP = 3;
    static final byte REPL = 4;

    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    static final byte FALLBACK = 4;

    static final byte OUTPUT_CLOSED = 1;
    static final byte KEYS = 2;
    static final byte RESIZE = 3;

    static final long NO_START = Long.MIN_VALUE;

    private Wire() {
    }

    /** Writes the variables {@code env} as the requests carry them: their count, then each name and value. */
    static void writeEnvironment(java.io.DataOutputStream to, java.util.Map<String, String> env) throws java.io.IOException {
        to.writeInt(env.size());
        for (var e : new java.util.TreeMap<>(env).entrySet()) {
            to.writeUTF(e.getKey());
            to.writeUTF(e.getValue());
        }
    }

    /** Reads what {@link #writeEnvironment} wrote. */
    static java.util.Map<String, String> readEnvironment(java.io.DataInputStream in) throws java.io.IOException {
        int n = in.readInt();
        java.util.Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) env.put(in.readUTF(), in.readUTF());
        return env;
    }

    /**
     * Streams over the channel that read and write it directly: {@link java.nio.channels.Channels}'s streams
     * take the channel's blocking lock, so a read waiting for the client's cancel would block every write of
     * the run's output.
     */
    static java.io.InputStream in(java.nio.channels.SocketChannel ch) {
        return new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (len == 0) return 0;
                return ch.read(java.nio.ByteBuffer.wrap(b, off, len));
            }
        };
    }

    static java.io.OutputStream out(java.nio.channels.SocketChannel ch) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) ch.write(buf);
            }
        };
    }
}
