package com.esigngateway.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up removes only what a gateway process that is gone left behind. */
class SpoolFilesTest {

    @TempDir
    Path directory;

    @Test
    void filesOfProcessesThatAreGoneAreRemovedAndEverythingElseStays() throws Exception {
        SpoolFiles ours = SpoolFiles.ofThisProcess();
        Path live = ours.create(directory, SpoolFiles.DOCUMENT_PREFIX);
        Path deadProcess = ownerOnly("esign-document-2147483647-1700000000000-123.bin", 10);
        Path deadBody = ownerOnly("esign-body-2147483647-1700000000000-456.bin", 5);
        // pid 1 is alive but started at another time: a restarted container whose gateway is pid 1 again
        Path reusedPid = ownerOnly("esign-document-1-12345-789.bin", 3);
        Path readableByOthers = Files.writeString(directory.resolve("esign-document-2147483647-1-1.bin"), "x");
        Files.setPosixFilePermissions(readableByOthers, PosixFilePermissions.fromString("rw-r--r--"));
        Path otherName = ownerOnly("esign-document-report.bin", 1);
        Path otherSuffix = ownerOnly("esign-document-2147483647-1-2.tmp", 1);
        Path foreign = ownerOnly("someone-elses.bin", 1);

        SpoolFiles.Removed removed = SpoolFiles.ofThisProcess().removeLeftovers(directory);

        assertThat(removed).isEqualTo(new SpoolFiles.Removed(3, 18));
        assertThat(files()).containsExactlyInAnyOrder(live, readableByOthers, otherName, otherSuffix, foreign)
                .doesNotContain(deadProcess, deadBody, reusedPid);
    }

    @Test
    void aMissingDirectoryHasNothingToRemove() throws Exception {
        assertThat(SpoolFiles.ofThisProcess().removeLeftovers(directory.resolve("absent")))
                .isEqualTo(new SpoolFiles.Removed(0, 0));
    }

    private Path ownerOnly(String name, int size) throws Exception {
        Path file = Files.write(directory.resolve(name), new byte[size]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
