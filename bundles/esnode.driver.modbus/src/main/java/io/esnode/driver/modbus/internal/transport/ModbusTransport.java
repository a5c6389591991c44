package io.esnode.driver.modbus.internal.transport;

import io.esnode.driver.modbus.internal.codec.ModbusConnectException;
import io.esnode.driver.modbus.internal.codec.ModbusException;

/**
 * One connection to a Modbus bus (TCP endpoint, serial line or serial gateway), used by one thread at a time.
 * {@link #close()} may be called from any thread and unblocks a running exchange.
 */
public interface ModbusTransport extends AutoCloseable {

    void open() throws ModbusConnectException;

    boolean isOpen();

    /**
     * Sends a request PDU to a unit and returns its response PDU. Returns or throws within {@code timeoutMillis}
     * (plus scheduling jitter). A timeout leaves the transport either in step (any late reply is recognised and
     * skipped later) or closed.
     *
     * @throws io.esnode.driver.modbus.internal.codec.ModbusTimeoutException no answer in time
     * @throws io.esnode.driver.modbus.internal.codec.ModbusFrameException   short or malformed answer
     * @throws ModbusConnectException                                         the connection broke (now closed)
     */
    byte[] exchange(int unitId, byte[] pdu, long timeoutMillis) throws ModbusException;

    @Override
    void close();

    /** What this transport talks to, for logs and the driver status (no credentials exist in Modbus). */
    String target();
}
