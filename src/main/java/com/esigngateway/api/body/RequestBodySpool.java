package com.esigngateway.api.body;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.document.DocumentContent;
import com.esigngateway.document.DocumentSpool;
import com.esigngateway.document.SpoolCipher;
import com.esigngateway.document.SpoolFiles;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/**
 * Holds request bodies while they arrive, so that no thread waits for a slow caller's bytes: small bodies in
 * memory (each up to {@code esign.gateway.spool-threshold}, all together up to {@code esign.gateway.body-memory}),
 * the others in an encrypted spool file, counted against {@code esign.gateway.spool-capacity} like documents.
 * Once a body is complete it is parsed from here, by then a local read.
 */
@ApplicationScoped
public class RequestBodySpool {

    private static final int WRITE_BATCH = 64 * 1024;
    /** Bytes waiting for the disk before the caller is asked to pause (TCP backpressure). */
    private static final int MAX_PENDING = 1024 * 1024;

    private final DocumentSpool spool;
    private final long perBodyMemory;
    private final long memoryBudget;
    private final AtomicLong inMemory = new AtomicLong();

    public RequestBodySpool(DocumentSpool spool, GatewayConfig config) {
        this.spool = spool;
        this.perBodyMemory = config.spoolThreshold().asLongValue();
        this.memoryBudget = config.bodyMemory().asLongValue();
    }

    /** Bytes of bodies held in memory right now. */
    public long bytesInMemory() {
        return inMemory.get();
    }

    /**
     * A body about to arrive. {@link Arriving#append} and {@link Arriving#finish} are called on {@code context}'s
     * event loop; file writes run on a worker, in order, one at a time.
     */
    public Arriving arriving(Context context, Runnable pause, Runnable resume) {
        return new Arriving(context, pause, resume);
    }

    /** A complete body. */
    public interface Received {
        /** The body from its first byte; closing the stream gives the body's memory or file back at once. */
        InputStream open() throws IOException;

        long length();

        /** Whether the body is held in memory (reading it never waits for a file). */
        boolean inMemory();
    }

    /**
     * A body held in memory, as a stream, whose bytes a parser may also read in place ({@link #array()}): a parser
     * over the array itself skips the copies into its own buffer.
     */
    public static final class HeldInMemory extends ByteBufInputStream {
        private final ByteBuf bytes;
        private final Runnable release;

        HeldInMemory(ByteBuf bytes, Runnable release) {
            super(bytes.duplicate());
            this.bytes = bytes;
            this.release = release;
        }

        /** Whether {@link #array()} holds the body (else only the stream does). */
        public boolean hasArray() {
            return bytes.hasArray();
        }

        public byte[] array() {
            return bytes.array();
        }

        public int offset() {
            return bytes.arrayOffset() + bytes.readerIndex();
        }

        public int length() {
            return bytes.readableBytes();
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                release.run();
            }
        }
    }

    public final class Arriving {
        private final Context context;
        private final Runnable pause;
        private final Runnable resume;
        private Buffer memory = Buffer.buffer();
        private long memoryReserved;
        private Buffer pending;
        private volatile boolean writing;
        private boolean paused;
        private Path file;
        private SpoolCipher.Sealed sealed;
        private OutputStream out;
        private long diskReserved;
        private long length;
        private IOException failure;
        private Promise<Received> finished;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        private Arriving(Context context, Runnable pause, Runnable resume) {
            this.context = context;
            this.pause = pause;
            this.resume = resume;
        }

        /** The next chunk. A {@link DocumentSpool.SpoolFullException} when the spool has no room for it. */
        public void append(Buffer chunk) throws IOException {
            if (failure != null) {
                throw failure;
            }
            length += chunk.length();
            if (pending == null && memory.length() + chunk.length() <= perBodyMemory && reserveMemory(chunk.length())) {
                memory.appendBuffer(chunk);
                return;
            }
            if (pending == null) { // the body moves to a file, with what it had in memory
                pending = memory;
                memory = null;
                releaseMemory();
                reserveDisk(pending.length());
            }
            reserveDisk(chunk.length());
            pending.appendBuffer(chunk);
            if (pending.length() >= WRITE_BATCH) {
                write();
            }
            if (pending.length() > MAX_PENDING && !paused) {
                paused = true;
                pause.run();
            }
        }

        /** The body is complete: once it is on disk (or at once, in memory), it can be read. */
        public Future<Received> finish() {
            finished = Promise.promise();
            if (failure != null) {
                finished.fail(failure);
            } else if (pending == null) {
                Buffer body = memory;
                finished.complete(new Received() {
                    @Override
                    public InputStream open() {
                        return new HeldInMemory(body.getByteBuf(), Arriving.this::release);
                    }

                    @Override
                    public long length() {
                        return body.length();
                    }

                    @Override
                    public boolean inMemory() {
                        return true;
                    }
                });
            } else if (!writing) {
                write();
            }
            return finished.future();
        }

        /**
         * Gives back its memory and disk and deletes its file: once the body has been parsed (its stream closed), or
         * when the request ends, whatever happened. Called on the event loop, or on the worker that parsed the body.
         */
        public void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            memory = null;
            pending = null;
            releaseMemory();
            if (writing) {
                return; // the running write does it when it returns
            }
            if (Context.isOnEventLoopThread()) {
                closeAndDeleteOffTheEventLoop();
            } else {
                closeAndDelete();
            }
        }

        private InputStream releasingOnClose(InputStream in) {
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        release();
                    }
                }
            };
        }

        private boolean reserveMemory(int bytes) {
            if (inMemory.addAndGet(bytes) > memoryBudget) {
                inMemory.addAndGet(-bytes);
                return false;
            }
            memoryReserved += bytes;
            return true;
        }

        private void releaseMemory() {
            inMemory.addAndGet(-memoryReserved);
            memoryReserved = 0;
        }

        private void reserveDisk(long bytes) throws DocumentSpool.SpoolFullException {
            spool.reserve(bytes);
            diskReserved += bytes;
        }

        /**
         * Sends what is pending to the file on a worker, and closes the file once the body is complete; called on
         * the event loop when no write is running.
         */
        private void write() {
            if (writing || released.get()) {
                return;
            }
            Buffer batch = pending;
            pending = Buffer.buffer();
            boolean last = finished != null;
            writing = true;
            context.<Void>executeBlocking(() -> {
                if (out == null) {
                    file = spool.files().create(spool.directory(), SpoolFiles.BODY_PREFIX);
                    sealed = spool.cipher().seal();
                    out = new BufferedOutputStream(spool.cipher().encrypting(sealed, Files.newOutputStream(file)),
                            WRITE_BATCH);
                }
                if (batch.length() > 0) {
                    out.write(batch.getBytes());
                }
                if (last) {
                    out.close();
                }
                return null;
            }, true).onComplete(written -> {
                writing = false;
                if (written.failed()) {
                    failure = written.cause() instanceof IOException io ? io : new IOException(written.cause());
                }
                if (released.get()) {
                    closeAndDeleteOffTheEventLoop();
                } else if (failure != null) {
                    if (finished != null) {
                        finished.fail(failure);
                    }
                } else if (last) {
                    completeFromFile();
                } else if (finished != null || pending.length() >= WRITE_BATCH) {
                    write();
                }
                if (paused && !released.get() && pending.length() <= MAX_PENDING) {
                    paused = false;
                    resume.run();
                }
            });
        }

        private void completeFromFile() {
            Path body = file;
            SpoolCipher.Sealed bodySealed = sealed;
            long bodyLength = length;
            finished.complete(new Received() {
                @Override
                public InputStream open() throws IOException {
                    return releasingOnClose(new BufferedInputStream(bodySealed.decrypting(Files.newInputStream(body)),
                            WRITE_BATCH));
                }

                @Override
                public long length() {
                    return bodyLength;
                }

                @Override
                public boolean inMemory() {
                    return false;
                }
            });
        }

        private void closeAndDeleteOffTheEventLoop() {
            if (out == null && file == null) {
                spool.release(diskReserved);
                diskReserved = 0;
                return;
            }
            context.executeBlocking(() -> {
                closeAndDelete();
                return null;
            }, false);
        }

        private void closeAndDelete() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // being thrown away
                }
            }
            if (file != null) {
                DocumentContent.deleteQuietly(file);
            }
            spool.release(diskReserved);
            diskReserved = 0;
        }
    }
}
