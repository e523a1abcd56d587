package com.esigngateway.document;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and finds the gateway's temporary files. A name says which process made it:
 * {@code esign-document-<pid>-<process start, epoch ms>-<random>.bin} (or {@code esign-body-…} for a request
 * body that is still arriving), so that a process starting up can tell the files of a crashed predecessor
 * from those of another gateway that shares the directory (parallel test runs, two instances on one host) and
 * remove only the former. A file counts as the gateway's only when its name has that form and it is
 * owner-only, as {@link Files#createTempFile} makes it on POSIX systems.
 */
public final class SpoolFiles {

    public static final String DOCUMENT_PREFIX = "esign-document-";
    public static final String BODY_PREFIX = "esign-body-";
    public static final String SUFFIX = ".bin";

    private static final Pattern NAME = Pattern.compile(
            "(?:" + DOCUMENT_PREFIX + "|" + BODY_PREFIX + ")(\\d+)-(\\d+)-\\d+" + Pattern.quote(SUFFIX));
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final String owner;

    private SpoolFiles(String owner) {
        this.owner = owner;
    }

    /** The files of this process. */
    public static SpoolFiles ofThisProcess() {
        return new SpoolFiles(tag(ProcessHandle.current()));
    }

    /** {@code <pid>-<start>} of a process: the start time tells a reused pid (a restarted container's 1) apart. */
    static String tag(ProcessHandle process) {
        return process.pid() + "-" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** A new owner-only file in {@code directory}. */
    public Path create(Path directory, String prefix) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, prefix + owner + "-", SUFFIX);
    }

    /** What {@link #removeLeftovers} did. */
    public record Removed(int files, long bytes) {
    }

    /** Deletes the files of gateway processes that are no longer running; everything else stays. */
    public Removed removeLeftovers(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return new Removed(0, 0);
        }
        int files = 0;
        long bytes = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "esign-*" + SUFFIX)) {
            for (Path file : entries) {
                if (isLeftover(file)) {
                    long size = Files.size(file);
                    if (Files.deleteIfExists(file)) {
                        files++;
                        bytes += size;
                    }
                }
            }
        }
        return new Removed(files, bytes);
    }

    boolean isLeftover(Path file) throws IOException {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !ownerOnly(file)) {
            return false;
        }
        String maker = name.group(1) + "-" + name.group(2);
        if (maker.equals(owner)) {
            return false;
        }
        Optional<ProcessHandle> process = parsePid(name.group(1)).flatMap(ProcessHandle::of);
        return process.isEmpty() || !tag(process.get()).equals(maker);
    }

    private static boolean ownerOnly(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            return false; // without POSIX permissions nothing shows the file is ours: leave it
        }
    }

    private static Optional<Long> parsePid(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
