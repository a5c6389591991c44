package io.esnode.driver.modbus.internal.transport;

import java.io.IOException;

/** A raw byte stream that carries RTU frames: a serial port or a TCP connection to a serial gateway. */
interface ByteLink {

    void open() throws IOException;

    boolean isOpen();

    void write(byte[] b) throws IOException;

    /** Reads up to {@code len} bytes, waiting at most {@code waitMillis} (≥ 1); returns 0 when nothing came. */
    int read(byte[] b, int off, int len, int waitMillis) throws IOException;

    /** Drops every byte that has already arrived. */
    void discardInput() throws IOException;

    void close();

    String target();
}
