package io.esnode.driver.mqtt.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY})
 * and SEC1 EC ({@code EC PRIVATE KEY}). Encrypted keys are refused. Errors name the file, never its content.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemFiles() {
    }

    private record Block(String type, String headers, byte[] der) {
    }

    public static List<X509Certificate> certificates(Path file) throws GeneralSecurityException, IOException {
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (Block b : blocks(file)) {
            if (b.type().equals("CERTIFICATE") || b.type().equals("TRUSTED CERTIFICATE")) {
                certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        if (certs.isEmpty()) {
            throw new CertificateException(file + " contains no PEM certificate");
        }
        return certs;
    }

    public static PrivateKey privateKey(Path file) throws GeneralSecurityException, IOException {
        for (Block b : blocks(file)) {
            switch (b.type()) {
                case "PRIVATE KEY":
                    return pkcs8(b.der(), file);
                case "RSA PRIVATE KEY":
                    refuseEncrypted(b, file);
                    return pkcs8(sequence(integerZero(), RSA_ALGORITHM, octetString(b.der())), file);
                case "EC PRIVATE KEY":
                    refuseEncrypted(b, file);
                    byte[] curve = Der.sec1CurveOid(b.der());
                    if (curve == null) {
                        throw new GeneralSecurityException(file + ": EC key without named curve parameters");
                    }
                    return pkcs8(sequence(integerZero(), sequence(EC_PUBLIC_KEY_OID, curve), octetString(b.der())), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw new GeneralSecurityException(file + ": encrypted private keys are not supported");
                default:
                    // EC PARAMETERS and other blocks are skipped
            }
        }
        throw new GeneralSecurityException(file + " contains no PEM private key");
    }

    private static void refuseEncrypted(Block b, Path file) throws GeneralSecurityException {
        if (b.headers().contains("ENCRYPTED")) {
            throw new GeneralSecurityException(file + ": encrypted private keys are not supported");
        }
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException(file + ": private key is not RSA, EC or EdDSA PKCS#8");
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            StringBuilder headers = new StringBuilder();
            StringBuilder base64 = new StringBuilder();
            for (String line : body.split("\r?\n")) {
                if (line.contains(":")) {
                    headers.append(line).append('\n');
                } else {
                    base64.append(line.trim());
                }
            }
            try {
                out.add(new Block(m.group(1), headers.toString(), Base64.getDecoder().decode(base64.toString())));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": invalid base64 in a " + m.group(1) + " block");
            }
        }
        return out;
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return Der.tlv(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return Der.tlv(0x30, out.toByteArray());
    }

    /** The few DER operations needed to re-wrap PKCS#1 and SEC1 keys as PKCS#8. */
    static final class Der {
        private Der() {
        }

        static byte[] tlv(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int len = content.length;
            if (len < 0x80) {
                out.write(len);
            } else {
                int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write((len >>> (8 * i)) & 0xff);
                }
            }
            out.writeBytes(content);
            return out.toByteArray();
        }

        /** The curve OID (as a whole TLV) from the [0] field of an ECPrivateKey, or null. */
        static byte[] sec1CurveOid(byte[] der) throws GeneralSecurityException {
            int[] seq = header(der, 0, 0x30);
            int pos = seq[0];
            int end = pos + seq[1];
            while (pos < end) {
                int tag = der[pos] & 0xff;
                int[] h = header(der, pos, tag);
                if (tag == 0xa0) {
                    int[] oid = header(der, h[0], 0x06);
                    return Arrays.copyOfRange(der, h[0], oid[0] + oid[1]);
                }
                pos = h[0] + h[1];
            }
            return null;
        }

        /** Checks the tag at {@code pos}; returns {content offset, content length}. */
        private static int[] header(byte[] der, int pos, int expectedTag) throws GeneralSecurityException {
            if (pos + 2 > der.length || (der[pos] & 0xff) != expectedTag) {
                throw new GeneralSecurityException("malformed DER in EC private key");
            }
            int len = der[pos + 1] & 0xff;
            int off = pos + 2;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n == 0 || n > 3 || off + n > der.length) {
                    throw new GeneralSecurityException("malformed DER length in EC private key");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (der[off + i] & 0xff);
                }
                off += n;
            }
            if (off + len > der.length) {
                throw new GeneralSecurityException("truncated DER in EC private key");
            }
            return new int[] {off, len};
        }
    }
}
