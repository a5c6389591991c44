package io.esnode.driver.modbus.internal.transport;

import io.esnode.driver.modbus.internal.codec.ModbusConnectException;
import io.esnode.driver.modbus.internal.codec.ModbusException;
import io.esnode.driver.modbus.internal.codec.ModbusFrameException;
import io.esnode.driver.modbus.internal.codec.ModbusTimeoutException;
import io.esnode.driver.modbus.internal.codec.RtuFrame;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * RTU framing over a {@link ByteLink}. RTU has no transaction id, so correlation works like this: input that
 * arrived before a request is dropped; after the request, a complete frame with a good CRC from another unit or
 * for another function (a late answer to an earlier, timed-out request) is skipped; a frame with a bad CRC or an
 * impossible length, or one cut off by the timeout, is dropped together with whatever follows it on the line.
 */
public final class RtuTransport implements ModbusTransport {
    private final ByteLink link;
    private final long interFrameNanos;
    private long lastActivityNanos;

    RtuTransport(ByteLink link, long interFrameNanos) {
        this.link = link;
        this.interFrameNanos = interFrameNanos;
    }

    public static RtuTransport overTcp(String host, int port, int connectTimeoutMillis) {
        return new RtuTransport(new SocketLink(host, port, connectTimeoutMillis), 0);
    }

    public static RtuTransport serial(SerialSettings settings) {
        return new RtuTransport(new SerialLink(settings), settings.interFrameNanos());
    }

    @Override
    public void open() throws ModbusConnectException {
        try {
            link.open();
        } catch (IOException | RuntimeException e) {
            link.close();
            throw new ModbusConnectException("cannot open " + target() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isOpen() {
        return link.isOpen();
    }

    @Override
    public byte[] exchange(int unitId, byte[] pdu, long timeoutMillis) throws ModbusException {
        if (!link.isOpen()) {
            throw new ModbusConnectException("not connected to " + target(), null);
        }
        try {
            keepSilence();
            link.discardInput();
            link.write(RtuFrame.frame(unitId, pdu));
            Deadline deadline = Deadline.in(timeoutMillis);
            int function = pdu[0] & 0xFF;
            try {
                while (true) {
                    byte[] head = readFully(3, deadline, true);
                    int rest = RtuFrame.remainingAfterThird(head);
                    byte[] frame = new byte[3 + rest];
                    System.arraycopy(head, 0, frame, 0, 3);
                    System.arraycopy(readFully(rest, deadline, false), 0, frame, 3, rest);
                    byte[] response = RtuFrame.pdu(frame);
                    if ((frame[0] & 0xFF) == unitId && ((frame[1] & 0x7F) == function)) {
                        return response;
                    }
                    // a complete answer of another unit or request (it timed out earlier): skip it
                }
            } catch (ModbusFrameException e) {
                link.discardInput();
                throw e;
            } finally {
                lastActivityNanos = System.nanoTime();
            }
        } catch (IOException e) {
            close();
            throw new ModbusConnectException("connection to " + target() + " failed: " + e.getMessage(), e);
        }
    }

    private void keepSilence() {
        long wait = lastActivityNanos + interFrameNanos - System.nanoTime();
        if (interFrameNanos > 0 && wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private byte[] readFully(int n, Deadline deadline, boolean atFrameStart) throws IOException, ModbusException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int wait = deadline.remainingMillis();
            if (wait == 0) {
                if (atFrameStart && got == 0) {
                    throw new ModbusTimeoutException("no answer from " + target());
                }
                throw new ModbusFrameException("incomplete frame from " + target() + ": " + got + " of " + n
                        + " bytes before the timeout");
            }
            got += link.read(b, got, n - got, wait);
        }
        return b;
    }

    @Override
    public void close() {
        link.close();
    }

    @Override
    public String target() {
        return link.target();
    }
}
