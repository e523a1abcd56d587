package com.esigngateway.document;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.crypto.Sha256;
import com.esigngateway.observability.GatewayMetrics;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Where decoded documents go while a request is handled: memory up to {@code esign.gateway.spool-threshold},
 * a private temporary file in {@code esign.gateway.spool-directory} beyond it. Files are removed when the
 * HTTP request ends; what they hold is encrypted with a key this process keeps in memory ({@link SpoolCipher}),
 * and files a crashed predecessor left behind are removed at start-up ({@link SpoolFiles}).
 */
@ApplicationScoped
@Unremovable // looked up by the Jackson deserializer, which CDI cannot inject into
public class DocumentSpool {

    private static final Logger LOG = Logger.getLogger(DocumentSpool.class);

    private final long threshold;
    private final Path directory;
    private final long capacity;
    private final AtomicLong spooled = new AtomicLong();
    /**
     * Removes a spooled file whose content object was collected without its request ending (a safety
     * net). An instance field, not a static one: a Cleaner owns a thread, and a native image must not
     * carry a thread created at build time.
     */
    private final Cleaner cleaner = Cleaner.create();
    private final SpoolCipher cipher = SpoolCipher.withRandomKey();
    private final SpoolFiles files = SpoolFiles.ofThisProcess();

    public DocumentSpool(GatewayConfig config, GatewayMetrics metrics) {
        metrics.spooledBytes(this::spooledBytes);
        this.threshold = config.spoolThreshold().asLongValue();
        this.directory = config.spoolDirectory().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
        this.capacity = config.spoolCapacity().asLongValue();
    }

    /** Removes what a gateway that crashed left in the spool directory, before any request can spool. */
    void removeLeftovers(@Observes StartupEvent ignored) {
        try {
            SpoolFiles.Removed removed = files.removeLeftovers(directory);
            if (removed.files() > 0) {
                LOG.infof("Removed %d file(s) (%d bytes) that an earlier gateway process left in %s",
                        removed.files(), removed.bytes(), directory);
            }
        } catch (java.io.IOException e) {
            LOG.warnf("Could not look for leftover files in %s (%s)", directory, e.getClass().getSimpleName());
        }
    }

    /** The directory temporary files go to. */
    public Path directory() {
        return directory;
    }

    public SpoolCipher cipher() {
        return cipher;
    }

    public SpoolFiles files() {
        return files;
    }

    /** Takes {@code bytes} of the capacity; a {@link SpoolFullException} when that would go beyond it. */
    public void reserve(long bytes) throws SpoolFullException {
        if (spooled.addAndGet(bytes) > capacity) {
            spooled.addAndGet(-bytes);
            throw new SpoolFullException();
        }
    }

    /** Gives back what {@link #reserve} took. */
    public void release(long bytes) {
        spooled.addAndGet(-bytes);
    }

    /** Bytes of documents in temporary files right now. */
    public long spooledBytes() {
        return spooled.get();
    }

    /** The spool is full: the request is answered 503, not read further. */
    public static final class SpoolFullException extends IOException {
        SpoolFullException() {
            super("the document spool is full", null);
        }
    }

    /** The spool of the running application; in-memory only outside one (plain unit tests). */
    static Spooler current() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            return container.instance(DocumentSpool.class).get().spooler();
        }
        return new Spooler(Long.MAX_VALUE, null, null, null, null);
    }

    /**
     * A new place for one document's bytes: in memory up to the spool threshold, then in an encrypted file that counts
     * against the capacity. {@link Spooler#finish()} gives the content; {@link Spooler#discard()} throws it away.
     */
    public Spooler spooler() {
        return new Spooler(threshold, directory, this, cipher, files);
    }

    /** Receives one document's decoded bytes, counting what the vendor body will need. */
    public static final class Spooler extends OutputStream {
        private final long threshold;
        private final Path directory;
        private final DocumentSpool spool;
        private final SpoolCipher cipher;
        private final SpoolFiles files;
        private final AtomicLong reserved = new AtomicLong();
        private MessageDigest digest; // from the moment the document goes to a file
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
        private OutputStream out = memory;
        private Path file;
        private SpoolCipher.Sealed sealed;
        private long length;
        private long digits;

        Spooler(long threshold, Path directory, DocumentSpool spool, SpoolCipher cipher, SpoolFiles files) {
            this.threshold = threshold;
            this.directory = directory;
            this.spool = spool;
            this.cipher = cipher;
            this.files = files;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int count) throws IOException {
            if (file == null && length + count > threshold) {
                moveToFile();
            }
            if (file != null && spool != null) {
                spool.reserve(count);
                reserved.addAndGet(count);
            }
            out.write(buffer, offset, count);
            if (digest != null) {
                digest.update(buffer, offset, count);
            }
            digits += DocumentSource.digits(buffer, offset, count);
            length += count;
        }

        private void moveToFile() throws IOException {
            if (spool != null) {
                spool.reserve(length);
                reserved.addAndGet(length);
            }
            file = files.create(directory, SpoolFiles.DOCUMENT_PREFIX); // owner-only on POSIX
            removeWhenTheRequestEnds(file, this::unreserve);
            sealed = cipher.seal();
            out = new BufferedOutputStream(cipher.encrypting(sealed, Files.newOutputStream(file)), 64 * 1024);
            memory.writeTo(out);
            digest = Sha256.digest();
            digest.update(memory.toByteArray());
            memory = null;
        }

        public DocumentContent finish() throws IOException {
            out.close();
            if (file == null) {
                return DocumentContent.inMemory(memory.toByteArray(), digits);
            }
            Path spooledFile = file;
            Runnable releaser = () -> {
                unreserve();
                DocumentContent.deleteQuietly(spooledFile);
            };
            DocumentContent content = DocumentContent.spooled(file, sealed, length, digits,
                    HexFormat.of().formatHex(digest.digest()), releaser);
            if (spool != null) {
                // a content collected without being released (its request gone another way) goes with its bytes
                spool.cleaner.register(content, releaser);
            }
            return content;
        }

        /** Gives the spooled bytes back to the capacity; once, when the file goes. */
        private void unreserve() {
            long bytes = reserved.getAndSet(0);
            if (bytes > 0 && spool != null) {
                spool.release(bytes);
            }
        }

        public void discard() {
            unreserve();
            try {
                out.close();
            } catch (IOException ignored) {
                // being thrown away
            }
            if (file != null) {
                DocumentContent.deleteQuietly(file);
            }
        }

        private static void removeWhenTheRequestEnds(Path file, Runnable unreserve) {
            ArcContainer container = Arc.container();
            RoutingContext request = container == null || !container.requestContext().isActive() ? null
                    : container.instance(CurrentVertxRequest.class).get().getCurrent();
            if (request == null) {
                unreserve.run(); // outside a request nothing is in flight; the Cleaner removes the file
                return;
            }
            request.addEndHandler(ignored -> {
                unreserve.run();
                DocumentContent.deleteQuietly(file);
            });
        }
    }
}
