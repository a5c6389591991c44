package io.esnode.driver.modbus.internal.transport;

import io.esnode.driver.modbus.internal.codec.MbapHeader;
import io.esnode.driver.modbus.internal.codec.ModbusConnectException;
import io.esnode.driver.modbus.internal.codec.ModbusException;
import io.esnode.driver.modbus.internal.codec.ModbusFrameException;
import io.esnode.driver.modbus.internal.codec.ModbusTimeoutException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Modbus TCP (MBAP framing). Every request gets a new transaction id and only the reply with that id is taken:
 * a late reply to an earlier, timed-out request is read and dropped. A reply cut off by the timeout, or a header
 * that is not MBAP, leaves the byte stream out of step, so the connection is closed instead.
 */
public final class TcpTransport implements ModbusTransport {
    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private int transactionId;
    /** The read timeout last given to the socket, so that it is set only when it changes. */
    private int soTimeoutMillis;

    public TcpTransport(String host, int port, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public void open() throws ModbusConnectException {
        close();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
            soTimeoutMillis = 0;
            socket = s;
        } catch (IOException e) {
            SocketStreams.closeQuietly(s);
            throw new ModbusConnectException("cannot connect to " + target() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isOpen() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    @Override
    public byte[] exchange(int unitId, byte[] pdu, long timeoutMillis) throws ModbusException {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            throw new ModbusConnectException("not connected to " + target(), null);
        }
        transactionId = (transactionId + 1) & 0xFFFF;
        int tx = transactionId;
        Deadline deadline = Deadline.in(timeoutMillis);
        try {
            out.write(MbapHeader.frame(tx, unitId, pdu));
            out.flush();
            while (true) {
                MbapHeader h;
                try {
                    h = MbapHeader.parse(readFully(s, MbapHeader.SIZE, deadline, true));
                } catch (ModbusFrameException e) {
                    close();
                    throw e;
                }
                byte[] body = readFully(s, h.pduLength(), deadline, false);
                if (h.transactionId() == tx) {
                    return body;
                }
                // a late reply to a request that already timed out: skip it and keep waiting for ours
            }
        } catch (IOException e) {
            close();
            throw new ModbusConnectException("connection to " + target() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads exactly {@code n} bytes before the deadline. Nothing at all by then is a plain timeout (when
     * {@code atFrameStart}); a partial frame closes the connection.
     */
    private byte[] readFully(Socket s, int n, Deadline deadline, boolean atFrameStart)
            throws IOException, ModbusException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int wait = deadline.remainingMillis();
            if (wait == 0) {
                throw timedOut(got, n, atFrameStart);
            }
            if (wait != soTimeoutMillis) {
                s.setSoTimeout(wait);
                soTimeoutMillis = wait;
            }
            int r;
            try {
                r = in.read(b, got, n - got);
            } catch (SocketTimeoutException e) {
                throw timedOut(got, n, atFrameStart);
            }
            if (r < 0) {
                throw new IOException("closed by the server");
            }
            got += r;
        }
        return b;
    }

    private ModbusException timedOut(int got, int n, boolean atFrameStart) {
        if (atFrameStart && got == 0) {
            return new ModbusTimeoutException("no answer from " + target());
        }
        close();
        return new ModbusFrameException("incomplete frame from " + target() + ": " + got + " of " + n
                + " bytes before the timeout");
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        SocketStreams.closeQuietly(s);
    }

    @Override
    public String target() {
        return "tcp://" + host + ":" + port;
    }
}
