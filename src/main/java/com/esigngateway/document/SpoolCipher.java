package com.esigngateway.document;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * Encrypts what goes to the spool with a key that exists only in this process's memory, so that a file left
 * behind by a crash (SIGKILL, OOM kill, power loss) is unreadable. AES-256 in CTR mode: a stream cipher, so a
 * 100 MB document is encrypted and decrypted as it flows, in place, without buffering (AES-GCM decryption in the
 * JDK holds the whole ciphertext until its tag is checked). Every file gets its own random IV. Integrity is not
 * the point: the files are owner-only and live no longer than their request.
 */
public final class SpoolCipher {

    private static final String TRANSFORMATION = "AES/CTR/NoPadding";
    private static final int IV_BYTES = 16;

    private final SecretKey key;
    private final SecureRandom random;

    private SpoolCipher(SecretKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** A fresh random key. Call at run time only: a key made during a native build would be baked into the image. */
    public static SpoolCipher withRandomKey() {
        try {
            SecureRandom random = new SecureRandom();
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return new SpoolCipher(generator.generateKey(), random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** The parameters of one encrypted file: its IV. Decrypting needs this and the process's key. */
    public final class Sealed {
        private final byte[] iv;

        private Sealed(byte[] iv) {
            this.iv = iv;
        }

        /** Plaintext from {@code ciphertext}, from its first byte. */
        public InputStream decrypting(InputStream ciphertext) {
            return new DecryptingInputStream(ciphertext, cipher(Cipher.DECRYPT_MODE, iv));
        }
    }

    /** A new file's parameters. */
    public Sealed seal() {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return new Sealed(iv);
    }

    /** Writes the ciphertext of what it is given to {@code out}. */
    public OutputStream encrypting(Sealed sealed, OutputStream out) {
        return new EncryptingOutputStream(out, cipher(Cipher.ENCRYPT_MODE, sealed.iv));
    }

    private Cipher cipher(int mode, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is not available", e);
        }
    }

    private static final class EncryptingOutputStream extends FilterOutputStream {
        private final Cipher cipher;
        private byte[] buffer = new byte[0];

        EncryptingOutputStream(OutputStream out, Cipher cipher) {
            super(out);
            this.cipher = cipher;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            if (buffer.length < count) {
                buffer = new byte[Math.max(count, 8192)];
            }
            try {
                int produced = cipher.update(bytes, offset, count, buffer, 0);
                out.write(buffer, 0, produced);
            } catch (GeneralSecurityException e) {
                throw new IOException("spool encryption failed", e);
            }
        }
    }

    private static final class DecryptingInputStream extends InputStream {
        private final InputStream in;
        private final Cipher cipher;
        private byte[] buffer = new byte[0];

        DecryptingInputStream(InputStream in, Cipher cipher) {
            this.in = in;
            this.cipher = cipher;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (buffer.length < count) {
                buffer = new byte[Math.max(count, 8192)];
            }
            int n = in.read(buffer, 0, count);
            if (n <= 0) {
                return n;
            }
            try {
                // CTR turns n bytes of ciphertext into exactly n bytes of plaintext
                return cipher.update(buffer, 0, n, bytes, offset);
            } catch (GeneralSecurityException e) {
                throw new IOException("spool decryption failed", e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
