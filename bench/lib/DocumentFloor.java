import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The floor of the document path: what decoding a document's base64 and writing it as the vendor's number array cost
 * at the least (CPU time of one thread), with nothing else around (no HTTP, no JSON parsing of the rest, no copies between
 * layers). Base64 with {@code java.util.Base64}; the number array with the gateway's own table-driven loop (one int
 * store per byte), copied here so that this file runs alone.
 * <p>
 * Usage: {@code java bench/lib/DocumentFloor.java [KiB, default 100] [seconds per step, default 3]}
 */
public class DocumentFloor {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int[] COMMA_WORD = new int[256];
    private static final byte[] COMMA_LENGTH = new byte[256];

    static {
        for (int v = 0; v < 256; v++) {
            byte[] text = ("," + v).getBytes(StandardCharsets.US_ASCII);
            COMMA_LENGTH[v] = (byte) text.length;
            int word = 0;
            for (int i = text.length - 1; i >= 0; i--) {
                word = (word << 8) | text[i];
            }
            COMMA_WORD[v] = word;
        }
    }

    static int numberArray(byte[] document, byte[] out) {
        int pos = 0;
        out[pos++] = '[';
        for (byte b : document) {
            int v = b & 0xFF;
            INT.set(out, pos, COMMA_WORD[v]);
            pos += COMMA_LENGTH[v];
        }
        out[1] = out[0]; // the first element has no comma: the text starts one byte later
        out[pos] = ']';
        return pos;
    }

    interface Step {
        long run();
    }

    static double microsPerCall(Step step, double seconds) {
        long sink = 0;
        long end = System.nanoTime() + (long) (seconds * 0.3e9);
        while (System.nanoTime() < end) {
            sink += step.run(); // warm-up: C2
        }
        // CPU time of this thread, not wall time: on a shared machine the thread is not running all the time
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long calls = 0;
        long start = threads.getCurrentThreadCpuTime();
        end = start + (long) (seconds * 1e9);
        long now;
        do {
            sink += step.run();
            calls++;
        } while ((now = threads.getCurrentThreadCpuTime()) < end);
        if (sink == 42) {
            System.out.print("");
        }
        return (now - start) / 1e3 / calls;
    }

    public static void main(String[] args) {
        int kib = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        byte[] document = new byte[kib * 1024];
        new Random(1).nextBytes(document);
        byte[] base64 = Base64.getEncoder().encode(document);
        byte[] out = new byte[2 + 4 * document.length];
        double decode = microsPerCall(() -> Base64.getDecoder().decode(base64).length, seconds);
        double render = microsPerCall(() -> numberArray(document, out), seconds);
        System.out.printf("%d KiB document (%d base64 bytes): java.util.Base64 decode %.1f µs, number array %.1f µs,"
                + " together %.1f µs (%.2f ms per MiB)%n", kib, base64.length, decode, render, decode + render,
                (decode + render) / 1000 * 1024 / kib);
    }
}
