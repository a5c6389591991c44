package io.esnode.driver.modbus.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.driver.modbus.internal.codec.MbapHeader;
import io.esnode.driver.modbus.internal.codec.ModbusConnectException;
import io.esnode.driver.modbus.internal.codec.ModbusFrameException;
import io.esnode.driver.modbus.internal.codec.ModbusTimeoutException;
import io.esnode.driver.modbus.internal.codec.ReadPdu;
import io.esnode.driver.modbus.internal.codec.RtuFrame;
import io.esnode.driver.modbus.internal.codec.Table;
import org.junit.jupiter.api.Test;

/** Late, short and malformed answers: every exchange ends within its timeout and never takes a foreign reply. */
class TransportCorrelationTest {
    static final byte[] READ_ONE = ReadPdu.request(Table.HOLDING_REGISTER, 0, 1);
    static final int MBAP_REQUEST = MbapHeader.SIZE + READ_ONE.length;
    static final int RTU_REQUEST = READ_ONE.length + 3;

    /** Register value = unit id * 100 + request number, so a foreign reply is recognisable. */
    static byte[] tcpReply(byte[] req, int value) {
        int tx = ((req[0] & 0xFF) << 8) | (req[1] & 0xFF);
        return MbapHeader.frame(tx, req[6] & 0xFF, new byte[] {0x03, 0x02, (byte) (value >> 8), (byte) value});
    }

    @Test
    void lateTcpReplyOfATimedOutRequestIsSkipped() throws Exception {
        // request 0 (unit 5) is answered after 400 ms, i.e. after its 150 ms timeout, right before request 1's answer
        java.util.concurrent.atomic.AtomicReference<byte[]> first = new java.util.concurrent.atomic.AtomicReference<>();
        try (ScriptedPeer peer = new ScriptedPeer(MBAP_REQUEST, (n, req, out) -> {
            if (n == 0) {
                first.set(req); // answered only together with request 1
                return;
            }
            if (n == 1) {
                Thread.sleep(250);
                out.write(tcpReply(first.get(), 500));
            }
            out.write(tcpReply(req, (req[6] & 0xFF) * 100 + n));
            out.flush();
        }); TcpTransport t = new TcpTransport("127.0.0.1", peer.port(), 1000)) {
            t.open();
            long start = System.nanoTime();
            assertThrows(ModbusTimeoutException.class, () -> t.exchange(5, READ_ONE, 150));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 140 && ms < 1000, "timeout took " + ms + " ms"); // bounded even on a loaded machine
            // request 1 to unit 1: the late reply (tx 1, value 500) arrives first and must be skipped
            byte[] pdu = t.exchange(1, READ_ONE, 1000);
            assertArrayEquals(new int[] {101}, ReadPdu.registers(pdu, Table.HOLDING_REGISTER, 1));
            assertTrue(t.isOpen());
        }
    }

    @Test
    void truncatedTcpReplyFailsWithinTheTimeoutAndClosesTheConnection() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(MBAP_REQUEST, (n, req, out) -> {
            byte[] full = tcpReply(req, 1);
            out.write(full, 0, full.length - 1); // one byte short, never completed
            out.flush();
        }); TcpTransport t = new TcpTransport("127.0.0.1", peer.port(), 1000)) {
            t.open();
            long start = System.nanoTime();
            ModbusFrameException e = assertThrows(ModbusFrameException.class, () -> t.exchange(1, READ_ONE, 200));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 190 && ms < 1000, "took " + ms + " ms");
            // the 7 header bytes came, then 3 of the 4 PDU bytes (function, byte count, 2 data bytes)
            assertEquals("incomplete frame from " + t.target() + ": 3 of 4 bytes before the timeout", e.getMessage());
            assertFalse(t.isOpen(), "a connection out of step must be closed");
        }
    }

    @Test
    void nonMbapBytesAreAFrameErrorAtOnce() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(MBAP_REQUEST, (n, req, out) -> {
            out.write("HTTP/1.0 400\r\n".getBytes()); // protocol id "P/" != 0
            out.flush();
        }); TcpTransport t = new TcpTransport("127.0.0.1", peer.port(), 1000)) {
            t.open();
            long start = System.nanoTime();
            assertThrows(ModbusFrameException.class, () -> t.exchange(1, READ_ONE, 2000));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "a malformed header must not wait");
            assertFalse(t.isOpen());
        }
    }

    @Test
    void peerClosingIsAConnectError() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(MBAP_REQUEST, (n, req, out) -> {
            throw new java.io.IOException("hang up");
        }); TcpTransport t = new TcpTransport("127.0.0.1", peer.port(), 1000)) {
            t.open();
            assertThrows(ModbusConnectException.class, () -> t.exchange(1, READ_ONE, 1000));
            assertFalse(t.isOpen());
        }
    }

    static byte[] rtuReply(int unit, int value) {
        return RtuFrame.frame(unit, new byte[] {0x03, 0x02, (byte) (value >> 8), (byte) value});
    }

    @Test
    void lateRtuReplyOfAnotherUnitIsSkipped() throws Exception {
        // unit 5's answer comes only after its timeout, immediately followed by unit 1's answer to the next request
        try (ScriptedPeer peer = new ScriptedPeer(RTU_REQUEST, (n, req, out) -> {
            if (n == 1) {
                Thread.sleep(250);
                out.write(rtuReply(5, 500));
                out.write(rtuReply(1, 101));
                out.flush();
            }
        }); RtuTransport t = RtuTransport.overTcp("127.0.0.1", peer.port(), 1000)) {
            t.open();
            assertThrows(ModbusTimeoutException.class, () -> t.exchange(5, READ_ONE, 150));
            byte[] pdu = t.exchange(1, READ_ONE, 1000);
            assertArrayEquals(new int[] {101}, ReadPdu.registers(pdu, Table.HOLDING_REGISTER, 1));
        }
    }

    @Test
    void rtuReplyWithBadCrcIsAFrameErrorAndTheNextExchangeWorks() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(RTU_REQUEST, (n, req, out) -> {
            byte[] r = rtuReply(1, 7);
            if (n == 0) {
                r[r.length - 1] ^= 0x55;
            }
            out.write(r);
            out.flush();
        }); RtuTransport t = RtuTransport.overTcp("127.0.0.1", peer.port(), 1000)) {
            t.open();
            assertThrows(ModbusFrameException.class, () -> t.exchange(1, READ_ONE, 500));
            assertArrayEquals(new int[] {7}, ReadPdu.registers(t.exchange(1, READ_ONE, 500), Table.HOLDING_REGISTER, 1));
        }
    }

    @Test
    void shortRtuReplyFailsWithinTheTimeout() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(RTU_REQUEST, (n, req, out) -> {
            out.write(rtuReply(1, 7), 0, 4); // 4 of 7 bytes
            out.flush();
        }); RtuTransport t = RtuTransport.overTcp("127.0.0.1", peer.port(), 1000)) {
            t.open();
            long start = System.nanoTime();
            ModbusFrameException e = assertThrows(ModbusFrameException.class, () -> t.exchange(1, READ_ONE, 200));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 190 && ms < 1000, "took " + ms + " ms");
            // 3 header bytes read, then 1 of the remaining 4 (2 data + 2 CRC)
            assertEquals("incomplete frame from " + t.target() + ": 1 of 4 bytes before the timeout", e.getMessage());
        }
    }

    @Test
    void connectionRefusedIsAConnectError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TcpTransport t = new TcpTransport("127.0.0.1", port, 500);
        assertThrows(ModbusConnectException.class, t::open);
        assertFalse(t.isOpen());
    }
}
