package io.esnode.driver.modbus.internal.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A loopback TCP peer that reads requests of a fixed size and answers each through a script; it can answer late,
 * short, malformed or not at all, which a well-behaved server never does on purpose.
 */
final class ScriptedPeer implements AutoCloseable {
    interface Script {
        /** Writes the answer to request number {@code n} (from 0). */
        void answer(int n, byte[] request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread thread;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();

    ScriptedPeer(int requestSize, Script script) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            int n = 0;
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    accepted.add(s);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    while (true) {
                        byte[] req = new byte[requestSize];
                        in.readFully(req);
                        script.answer(n++, req, s.getOutputStream());
                    }
                } catch (IOException | InterruptedException e) {
                    // connection closed by the client or the test: accept the next one
                }
            }
        }, "scripted-peer");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
