package com.esigngateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a spooled document leaves on disk is ciphertext; read back, it is the document again. */
class SpoolEncryptionTest {

    private static final byte[] MARKER = "CONFIDENTIAL purchase agreement, 12 Elm Street. ".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void aSpooledDocumentsBytesOnDiskAreNotTheDocuments() throws Exception {
        byte[] document = repeat(MARKER, 4000); // ~200 KB, spooled past a 1 KiB threshold
        DocumentSpool.Spooler spooler = new DocumentSpool.Spooler(1024, directory, null, SpoolCipher.withRandomKey(),
                SpoolFiles.ofThisProcess());
        for (int offset = 0; offset < document.length; offset += 1000) {
            spooler.write(document, offset, Math.min(1000, document.length - offset));
        }
        DocumentContent content = spooler.finish();

        List<Path> files = files();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).startsWith(SpoolFiles.DOCUMENT_PREFIX).endsWith(".bin");
        byte[] onDisk = Files.readAllBytes(files.get(0));
        assertThat(onDisk).hasSameSizeAs(document).isNotEqualTo(document);
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("CONFIDENTIAL").doesNotContain("Elm Street");

        assertThat(content.toByteArray()).isEqualTo(document);
        assertThat(readAll(content)).isEqualTo(document);
        assertThat(readAll(content)).as("a second read (a retry) starts from the first byte again").isEqualTo(document);
        assertThat(content.sha256()).isEqualTo(com.esigngateway.crypto.Sha256.hex(document));
        content.release();
        assertThat(files()).isEmpty();
    }

    @Test
    void twoFilesWithTheSameContentDoNotShareCiphertext() throws Exception {
        SpoolCipher cipher = SpoolCipher.withRandomKey();
        byte[] document = repeat(MARKER, 100);
        byte[][] onDisk = new byte[2][];
        for (int i = 0; i < 2; i++) {
            DocumentSpool.Spooler spooler = new DocumentSpool.Spooler(16, directory, null, cipher, SpoolFiles.ofThisProcess());
            spooler.write(document, 0, document.length);
            DocumentContent content = spooler.finish();
            onDisk[i] = Files.readAllBytes(files().get(0));
            content.release();
        }
        assertThat(onDisk[0]).isNotEqualTo(onDisk[1]);
    }

    private static byte[] readAll(DocumentContent content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[7000];
        try (DocumentSource.Reader reader = content.open()) {
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] bytes, int times) {
        byte[] result = new byte[bytes.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(bytes, 0, result, i * bytes.length, bytes.length);
        }
        return result;
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
