package io.esnode.driver.modbus.internal.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/** A serial port through jSerialComm, opened exclusively with the configured line settings. */
final class SerialLink implements ByteLink {
    private final SerialSettings settings;
    private volatile SerialPort port;

    SerialLink(SerialSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open() throws IOException {
        close();
        SerialPort p;
        try {
            p = SerialPort.getCommPort(settings.port());
        } catch (RuntimeException e) {
            throw new IOException("no serial port " + settings.port() + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(settings.baudRate(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parity());
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + settings.port() + " (error "
                    + p.getLastErrorCode() + ")");
        }
        port = p;
    }

    private int parity() {
        switch (settings.parity()) {
            case "odd": return SerialPort.ODD_PARITY;
            case "even": return SerialPort.EVEN_PARITY;
            default: return SerialPort.NO_PARITY;
        }
    }

    @Override
    public boolean isOpen() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    public void write(byte[] b) throws IOException {
        SerialPort p = open(port);
        int n = p.writeBytes(b, b.length);
        if (n != b.length) {
            throw new IOException("wrote " + n + " of " + b.length + " bytes to " + settings.port());
        }
    }

    @Override
    public int read(byte[] b, int off, int len, int waitMillis) throws IOException {
        SerialPort p = open(port);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, waitMillis, 0);
        int n = p.readBytes(b, len, off);
        if (n < 0) {
            throw new IOException("read from " + settings.port() + " failed (error " + p.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void discardInput() throws IOException {
        SerialPort p = open(port);
        byte[] junk = new byte[256];
        int n;
        while ((n = p.bytesAvailable()) > 0) {
            p.readBytes(junk, Math.min(n, junk.length));
        }
    }

    private SerialPort open(SerialPort p) throws IOException {
        if (p == null || !p.isOpen()) {
            throw new IOException("serial port " + settings.port() + " is closed");
        }
        return p;
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    @Override
    public String target() {
        return "rtu://" + settings.port() + "?" + settings.baudRate() + "," + settings.dataBits()
                + settings.parity().charAt(0) + settings.stopBits();
    }
}
