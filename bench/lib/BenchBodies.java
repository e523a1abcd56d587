import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/**
 * Writes the request bodies bench/run sends, for one document size:
 * <ul>
 * <li>{@code gateway-<label>.json}: the gateway's clean request (document as base64 {@code content}, or
 * a template-only document {@code {"fileName":"a.pdf","templateId":"FORM-1"}} for size "none");</li>
 * <li>{@code vendor-<label>.json}: the vendor body the gateway makes of it (POST rest/v1/sessions,
 * {@code FileBytes} as a JSON number array), field for field as VendorSessionMapper and the vendor
 * model's @JsonPropertyOrder write it with the default wire settings. bench/run checks its length
 * against the Content-Length the gateway really sends.</li>
 * </ul>
 * Document bytes are pseudo-random (fixed seed per size, after a "%PDF-1.4" header), so they do not
 * compress and the number array has its typical ~3.57 bytes per input byte.
 * <p>
 * Usage: {@code java BenchBodies.java [--gateway-only] <out-dir> <label>=<document-bytes>...}
 * (document-bytes 0 = template only; --gateway-only skips the vendor bodies). Run with the JDK's
 * single-file source launcher; no build needed.
 */
public class BenchBodies {

    static final String OWNER = "agent@example.com";
    static final String TITLE = "Bench purchase agreement";
    static final String TRANSACTION = "TX-BENCH-0001";

    public static void main(String[] args) throws IOException {
        int first = 0;
        boolean gatewayOnly = false;
        if (args.length > 0 && args[0].equals("--gateway-only")) {
            gatewayOnly = true;
            first = 1;
        }
        if (args.length < first + 2) {
            System.err.println("usage: java BenchBodies.java [--gateway-only] <out-dir> <label>=<document-bytes>...");
            System.exit(2);
        }
        Path dir = Path.of(args[first]);
        Files.createDirectories(dir);
        for (int i = first + 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            String label = pair[0];
            int size = Integer.parseInt(pair[1]);
            byte[] document = size == 0 ? null : document(size);
            write(dir.resolve("gateway-" + label + ".json"), out -> gateway(out, document));
            if (!gatewayOnly) {
                write(dir.resolve("vendor-" + label + ".json"), out -> vendor(out, document));
            }
        }
    }

    static byte[] document(int size) {
        byte[] bytes = new byte[size];
        new Random(0x5EED_0000L + size).nextBytes(bytes);
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
        return bytes;
    }

    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            body.writeTo(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The clean request: the contract's shape, two signers (NONE and KBA), one document. */
    static void gateway(OutputStream out, byte[] document) throws IOException {
        ascii(out, "{\"owner\":\"" + OWNER + "\",\"title\":\"" + TITLE + "\",\"transactionId\":\"" + TRANSACTION
                + "\",\"signingOrder\":\"SEQUENTIAL\",\"documents\":[");
        if (document == null) {
            ascii(out, "{\"fileName\":\"a.pdf\",\"templateId\":\"FORM-1\"}");
        } else {
            ascii(out, "{\"fileName\":\"a.pdf\",\"content\":\"");
            OutputStream base64 = Base64.getEncoder().wrap(new NonClosing(out));
            base64.write(document);
            base64.close();
            ascii(out, "\"}");
        }
        ascii(out, "],\"signers\":["
                + "{\"email\":\"seller@example.com\",\"firstName\":\"Sam\",\"lastName\":\"Seller\",\"role\":\"Seller 1\","
                + "\"sequence\":1,\"authentication\":{\"method\":\"NONE\"}},"
                + "{\"email\":\"buyer@example.com\",\"firstName\":\"Bea\",\"lastName\":\"Buyer\",\"role\":\"Buyer 1\","
                + "\"sequence\":2,\"authentication\":{\"method\":\"KBA\"}}]}");
    }

    /** What the gateway sends to POST rest/v1/sessions for the request above (default wire settings). */
    static void vendor(OutputStream out, byte[] document) throws IOException {
        ascii(out, "{\"userName\":\"" + OWNER + "\",\"session\":{\"SessionInfo\":{\"TransactionId\":\"" + TRANSACTION
                + "\",\"Title\":\"" + TITLE + "\",\"UseSequence\":1,\"SendSignerInvites\":true},\"Documents\":[");
        if (document == null) {
            ascii(out, "{\"FileName\":\"a.pdf\",\"FormId\":\"FORM-1\"}");
        } else {
            ascii(out, "{\"FileName\":\"a.pdf\",\"FileBytes\":[");
            byte[][] digits = new byte[256][];
            for (int i = 0; i < 256; i++) {
                digits[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            }
            for (int i = 0; i < document.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(digits[document[i] & 0xFF]);
            }
            ascii(out, "]}");
        }
        ascii(out, "],\"Signers\":["
                + "{\"EmailAddress\":\"seller@example.com\",\"FirstName\":\"Sam\",\"LastName\":\"Seller\",\"SignerRole\":\"Seller 1\","
                + "\"Sequence\":1,\"AuthMethod\":0,\"AuthMethods\":[],\"Properties\":{}},"
                + "{\"EmailAddress\":\"buyer@example.com\",\"FirstName\":\"Bea\",\"LastName\":\"Buyer\",\"SignerRole\":\"Buyer 1\","
                + "\"Sequence\":2,\"AuthMethod\":2,\"AuthMethods\":[],\"Properties\":{}}]}}");
    }

    /** Lets the base64 wrapper be closed (to flush its padding) without closing the file. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
