package io.esnode.driver.modbus.internal.transport;

import java.io.IOException;
import java.net.Socket;

final class SocketStreams {
    private SocketStreams() {
    }

    static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing: nothing left to do
            }
        }
    }
}
