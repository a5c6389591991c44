package io.esnode.driver.modbus.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** RTU frames over TCP (serial device servers in "raw" / "transparent" mode). */
final class SocketLink implements ByteLink {
    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;

    SocketLink(String host, int port, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public void open() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            in = s.getInputStream();
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            SocketStreams.closeQuietly(s);
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    @Override
    public void write(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    @Override
    public int read(byte[] b, int off, int len, int waitMillis) throws IOException {
        Socket s = socket;
        if (s == null) {
            throw new IOException("closed");
        }
        s.setSoTimeout(waitMillis);
        try {
            int r = in.read(b, off, len);
            if (r < 0) {
                throw new IOException("closed by the gateway");
            }
            return r;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void discardInput() throws IOException {
        int n;
        while ((n = in.available()) > 0) {
            in.skip(n);
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        SocketStreams.closeQuietly(s);
    }

    @Override
    public String target() {
        return "rtu+tcp://" + host + ":" + port;
    }
}
