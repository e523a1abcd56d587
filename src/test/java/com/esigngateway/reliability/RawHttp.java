package com.esigngateway.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.esigngateway.testing.Requests;

import io.restassured.RestAssured;

/**
 * A client that speaks HTTP/1.1 on a plain socket, as a hostile or clumsy caller does: partial bodies, stalls,
 * pipelining, missing headers. Every read is bounded in time and size.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private long sent;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** A connection to the gateway under test. */
    static RawHttp connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        socket.setSoTimeout(10_000);
        return new RawHttp(socket);
    }

    /** The head of an authenticated JSON POST to the API; {@code framing} is a Content-Length or chunked header. */
    static String postHead(String framing) {
        return "POST " + Requests.PATH + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + Requests.API_KEY
                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        sent += bytes.length;
        return this;
    }

    /** One chunk of a chunked body. */
    RawHttp chunk(byte[] bytes) throws IOException {
        send(Integer.toHexString(bytes.length) + "\r\n");
        send(bytes);
        return send("\r\n");
    }

    /** Sends, unless the gateway has closed the connection already (then the answer tells the rest). */
    void sendQuietly(String text) {
        try {
            send(text);
        } catch (IOException closed) {
            // the gateway ended the connection: read what it said
        }
    }

    /** {@link #answered()}, false when the connection cannot even say. */
    boolean answeredQuietly() {
        try {
            return answered();
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether the gateway has closed the connection (for a connection it sent nothing on; waits 50 ms at most). */
    boolean closedByPeer() throws IOException {
        socket.setSoTimeout(50);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    long sent() {
        return sent;
    }

    /** Whether the gateway has something to say (or has closed the connection) without waiting for it. */
    boolean answered() throws IOException {
        return in.available() > 0 || socket.isInputShutdown();
    }

    /**
     * Everything the gateway sends until it closes the connection, at most {@code limit} bytes and {@code within}
     * time; {@link Received#closed()} says whether the connection ended in that time.
     */
    Received readUntilClosed(Duration within, int limit) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (received.size() < limit) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Received(received.toString(StandardCharsets.UTF_8), false);
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return new Received(received.toString(StandardCharsets.UTF_8), false);
            } catch (IOException reset) {
                return new Received(received.toString(StandardCharsets.UTF_8), true); // closed with a reset
            }
            if (n < 0) {
                return new Received(received.toString(StandardCharsets.UTF_8), true);
            }
            received.write(buffer, 0, n);
        }
        return new Received(received.toString(StandardCharsets.UTF_8), false);
    }

    /** What came back: the text, and whether the gateway closed the connection. */
    record Received(String text, boolean closed) {
        /** How many responses it holds (status lines). */
        long responses() {
            return text.lines().filter(line -> line.startsWith("HTTP/1.1 ")).count();
        }

        String statusLine() {
            return text.lines().findFirst().orElse("");
        }

        String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
