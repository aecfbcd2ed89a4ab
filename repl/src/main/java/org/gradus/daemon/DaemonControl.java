package org.gradus.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code gradus daemon --status} (is this build's daemon running, since when, how many runs) and {@code gradus
 * daemon --stop} (it exits once its runs in flight end; the next run starts a new one). Exit code 0; 2 for a
 * usage error.
 */
final class DaemonControl {
    private DaemonControl() {
    }

    static int command(String[] args, Map<String, String> env) {
        if (args.length != 2 || !(args[1].equals("--status") || args[1].equals("--stop"))) {
            System.err.println("gradus: daemon needs --status or --stop (see gradus --help)");
            return 2;
        }
        var launch = DaemonLaunch.ofThisJvm(env);
        Path dir = DaemonPlace.folder(env);
        String problem = DaemonPlace.problem(dir);
        if (launch.isEmpty() || problem != null) {
            System.out.println("gradus daemon: not used: " + (problem != null ? problem : "this JVM's command line cannot be read"));
            return 0;
        }
        DaemonPlace place = new DaemonPlace(dir, launch.get().key());
        SocketChannel ch = DaemonClient.connect(place);
        if (ch == null) {
            System.out.println("gradus daemon: not running (socket " + place.socket() + ")");
            return 0;
        }
        try (ch) {
            DataOutputStream to = new DataOutputStream(new java.io.BufferedOutputStream(Wire.out(ch), 4096));
            to.writeInt(Wire.MAGIC);
            to.writeByte(args[1].equals("--stop") ? Wire.STOP : Wire.STATUS);
            to.flush();
            DataInputStream from = new DataInputStream(new java.io.BufferedInputStream(Wire.in(ch), 1 << 14));
            while (true) {
                byte type = from.readByte();
                if (type == Wire.EXIT) return from.readInt();
                byte[] b = new byte[from.readInt()];
                from.readFully(b);
                System.out.write(b, 0, b.length);
                System.out.flush();
            }
        } catch (IOException e) {
            System.out.println("gradus daemon: not running (" + e.getMessage() + ")");
            return 0;
        }
    }
}
