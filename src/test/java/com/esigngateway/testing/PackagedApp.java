package com.esigngateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command that starts the packaged gateway, as the ITs run it: the native executable when the build made one
 * (the pom's native profile passes its path to failsafe as {@code native.image.path}), the fast-jar otherwise.
 */
public final class PackagedApp {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private PackagedApp() {
    }

    /** The native executable, or null for a JVM build. */
    public static Path nativeExecutable() {
        String path = System.getProperty("native.image.path", "").trim();
        return path.isEmpty() ? null : Path.of(path);
    }

    /** A loopback port that was free a moment ago, for a gateway the test starts itself. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The executable (native) or the jar that the command runs. */
    public static Path artifact() {
        Path executable = nativeExecutable();
        return executable != null ? executable : JAR;
    }

    /**
     * Starts the packaged gateway with its console output in a temporary file. Only the given settings reach it:
     * the build's own ESIGN_*, QUARKUS_* and MP_JWT_* variables are removed from its environment.
     */
    public static Running start(Map<String, String> environment, String... systemProperties) throws IOException {
        Path output = Files.createTempFile("packaged-app", ".log");
        ProcessBuilder builder = new ProcessBuilder(command(systemProperties))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ESIGN_") || name.startsWith("QUARKUS_")
                || name.startsWith("MP_JWT_"));
        builder.environment().putAll(environment);
        return new Running(builder.start(), output);
    }

    /** A started gateway; closing it stops the process and deletes its output. */
    public record Running(Process process, Path outputFile) implements AutoCloseable {

        public String output() throws IOException {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(outputFile);
        }
    }

    /** The command line, with {@code systemProperties} ("-Dkey=value") where the launcher expects them. */
    public static List<String> command(String... systemProperties) {
        List<String> command = new ArrayList<>();
        Path executable = nativeExecutable();
        if (executable != null) {
            command.add(executable.toAbsolutePath().toString());
            command.addAll(List.of(systemProperties));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(systemProperties));
            command.add("-jar");
            command.add(JAR.toString());
        }
        return command;
    }
}
