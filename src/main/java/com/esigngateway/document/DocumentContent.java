package com.esigngateway.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.esigngateway.crypto.Sha256;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A document's bytes as the caller sent them (base64 in {@code content}), decoded once while the body
 * is read: in memory when small, otherwise in a private temporary file, so that a large document costs
 * the heap a bounded buffer rather than its size. The file is encrypted ({@link SpoolCipher}) and removed when the HTTP request ends (and,
 * as a safety net, when this object is collected: {@link DocumentSpool}). Printed without its bytes.
 */
@JsonDeserialize(using = DocumentContentDeserializer.class)
@JsonSerialize(using = DocumentContentSerializer.class)
public final class DocumentContent implements DocumentSource {

    private static final DocumentContent INVALID = new DocumentContent(null, null, null, -1, -1, null, null);

    private final byte[] bytes;
    private final Path file;
    private final SpoolCipher.Sealed sealed;
    private final long length;
    private final long numberArrayLength;
    /** Known up front for a spooled file; computed when first asked for in memory (only idempotent requests ask). */
    private volatile String sha256;
    /** Removes a spooled file and gives its bytes back to the spool's capacity; safe to run more than once. */
    private final Runnable releaser;

    private DocumentContent(byte[] bytes, Path file, SpoolCipher.Sealed sealed, long length, long numberArrayLength,
            String sha256, Runnable releaser) {
        this.bytes = bytes;
        this.file = file;
        this.sealed = sealed;
        this.length = length;
        this.numberArrayLength = numberArrayLength;
        this.sha256 = sha256;
        this.releaser = releaser;
    }

    /** Content held in memory. */
    public static DocumentContent of(byte[] bytes) {
        return inMemory(bytes, DocumentSource.digits(bytes, 0, bytes.length));
    }

    static DocumentContent inMemory(byte[] bytes, long digits) {
        return new DocumentContent(bytes, null, null, bytes.length,
                DocumentSource.numberArrayLength(bytes.length, digits), null, null);
    }

    /** Content in {@code file}, encrypted as {@code sealed} says; {@code releaser} removes it (idempotent). */
    static DocumentContent spooled(Path file, SpoolCipher.Sealed sealed, long length, long digits, String sha256,
            Runnable releaser) {
        return new DocumentContent(null, file, sealed, length, DocumentSource.numberArrayLength(length, digits),
                sha256, releaser);
    }

    /** Stands for {@code content} that was not valid base64; the request validator reports it. */
    public static DocumentContent invalid() {
        return INVALID;
    }

    public boolean isValid() {
        return this != INVALID;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long numberArrayLength() {
        return numberArrayLength;
    }

    /** SHA-256 of the bytes, hex: how the request fingerprint sees this document. */
    public String sha256() {
        String digest = sha256;
        if (digest == null && bytes != null) {
            digest = Sha256.hex(bytes);
            sha256 = digest;
        }
        return digest;
    }

    @Override
    public Reader open() throws IOException {
        if (!isValid()) {
            throw new IllegalStateException("invalid content has no bytes");
        }
        InputStream in = file == null ? new java.io.ByteArrayInputStream(bytes)
                : sealed.decrypting(Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ)));
        return new Reader() {
            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                return in.read(buffer, offset, count);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Removes the temporary file, if any, and gives its bytes back to the spool's capacity. */
    public void release() {
        if (releaser != null) {
            releaser.run();
        } else if (file != null) {
            deleteQuietly(file);
        }
    }

    /** The whole content in memory: for tests and small documents only. */
    public byte[] toByteArray() {
        if (bytes != null) {
            return bytes.clone();
        }
        try (InputStream in = sealed.decrypting(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return isValid() ? "DocumentContent[" + length + " bytes, " + (file == null ? "in memory" : "spooled") + "]"
                : "DocumentContent[invalid base64]";
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the directory is a temporary one; nothing more to do
        }
    }
}
