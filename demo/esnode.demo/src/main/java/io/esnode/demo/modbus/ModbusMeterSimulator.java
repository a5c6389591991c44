package io.esnode.demo.modbus;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

/**
 * A simulated facility main meter: a small Modbus TCP server on loopback (unit id 1, also 255) answering read
 * holding registers (3) and read input registers (4) from the same register map, float32 big endian (ABCD):
 * <pre>
 *   0-1  total active power, kW   (slowly varying: 180 kW +- 15 kW over 5 minutes, plus +-1 kW ripple)
 *   2-3  line-to-line voltage, V  (400 +- 2)
 *   4-5  frequency, Hz            (50.0)
 *   6-7  imported energy, kWh     (integrates the power)
 * </pre>
 * Other unit ids get no answer; reads outside registers 0..7 answer exception 2, other functions exception 1.
 */
public final class ModbusMeterSimulator implements AutoCloseable {
    public static final int REGISTERS = 8;
    private final ServerSocket server;
    private final DoubleSupplier kw;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final long startNanos = System.nanoTime();
    private volatile boolean closed;
    private double energyKwh;
    private long lastEnergyNanos = startNanos;

    private ModbusMeterSimulator(ServerSocket server, DoubleSupplier kw) {
        this.server = server;
        this.kw = kw;
        this.acceptor = new Thread(this::acceptLoop, "modbus-meter-sim-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Starts the meter with its own slowly varying power on 127.0.0.1:{@code port}. */
    public static AutoCloseable start(int port) throws IOException {
        return start(port, null);
    }

    /**
     * Starts the meter on 127.0.0.1:{@code port}; {@code kw} supplies the power in kW (e.g. from the facility
     * model), or null for the built-in slow variation.
     */
    public static ModbusMeterSimulator start(int port, DoubleSupplier kw) throws IOException {
        ServerSocket s = new ServerSocket(port, 16, InetAddress.getLoopbackAddress());
        ModbusMeterSimulator sim = new ModbusMeterSimulator(s, kw);
        sim.acceptor.start();
        return sim;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket c = server.accept();
                c.setTcpNoDelay(true);
                clients.add(c);
                Thread t = new Thread(() -> serve(c), "modbus-meter-sim-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("modbus meter simulator: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            DataInputStream in = new DataInputStream(c.getInputStream());
            OutputStream out = c.getOutputStream();
            while (!closed) {
                byte[] head = new byte[7];
                in.readFully(head);
                int length = ((head[4] & 0xFF) << 8) | (head[5] & 0xFF);
                if (head[2] != 0 || head[3] != 0 || length < 2 || length > 254) {
                    return; // not Modbus TCP: drop the connection
                }
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                int unit = head[6] & 0xFF;
                if (unit != 1 && unit != 255) {
                    continue; // no such device behind this address: silence, as a gateway would time out
                }
                byte[] reply = answer(pdu);
                byte[] frame = new byte[7 + reply.length];
                System.arraycopy(head, 0, frame, 0, 4);
                frame[4] = (byte) ((reply.length + 1) >> 8);
                frame[5] = (byte) (reply.length + 1);
                frame[6] = (byte) unit;
                System.arraycopy(reply, 0, frame, 7, reply.length);
                out.write(frame);
                out.flush();
            }
        } catch (EOFException e) {
            // client closed
        } catch (IOException e) {
            if (!closed) {
                System.err.println("modbus meter simulator: " + e.getMessage());
            }
        } finally {
            clients.remove(c);
        }
    }

    private byte[] answer(byte[] pdu) {
        int fc = pdu[0] & 0xFF;
        if ((fc != 3 && fc != 4) || pdu.length != 5) {
            return new byte[] {(byte) (fc | 0x80), 1};
        }
        int start = ((pdu[1] & 0xFF) << 8) | (pdu[2] & 0xFF);
        int count = ((pdu[3] & 0xFF) << 8) | (pdu[4] & 0xFF);
        if (count < 1 || count > 125 || start + count > REGISTERS) {
            return new byte[] {(byte) (fc | 0x80), 2};
        }
        int[] regs = registers();
        byte[] r = new byte[2 + 2 * count];
        r[0] = (byte) fc;
        r[1] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            r[2 + 2 * i] = (byte) (regs[start + i] >> 8);
            r[3 + 2 * i] = (byte) regs[start + i];
        }
        return r;
    }

    /** The current register map. */
    synchronized int[] registers() {
        long now = System.nanoTime();
        double t = (now - startNanos) / 1e9;
        double power = kw != null ? kw.getAsDouble()
                : 180.0 + 15.0 * Math.sin(2 * Math.PI * t / 300.0) + Math.sin(2 * Math.PI * t / 7.0);
        energyKwh += power * (now - lastEnergyNanos) / 3.6e12;
        lastEnergyNanos = now;
        double volts = 400.0 + 2.0 * Math.sin(2 * Math.PI * t / 60.0);
        int[] regs = new int[REGISTERS];
        putFloat(regs, 0, power);
        putFloat(regs, 2, volts);
        putFloat(regs, 4, 50.0);
        putFloat(regs, 6, energyKwh);
        return regs;
    }

    private static void putFloat(int[] regs, int at, double value) {
        int bits = Float.floatToIntBits((float) value);
        regs[at] = (bits >>> 16) & 0xFFFF;
        regs[at + 1] = bits & 0xFFFF;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket c : clients) {
            c.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the meter alone: {@code java ... io.esnode.demo.modbus.ModbusMeterSimulator [port]} (default 1502). */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 1502;
        try (AutoCloseable meter = start(port)) {
            System.out.println("Modbus meter simulator on 127.0.0.1:" + port + " (unit 1, float32 kW at holding 0)");
            Thread.currentThread().join();
        }
    }
}
