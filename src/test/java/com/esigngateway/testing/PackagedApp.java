package com.esigngateway.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** The executable (native) or the jar that the command runs. */
    public static Path artifact() {
        Path executable = nativeExecutable();
        return executable != null ? executable : JAR;
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
