package com.esigngateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No container runtime runs where the tests run, so this checks the Dockerfiles against what they need: the files
 * each COPY reads get through .dockerignore (read with Docker's rules), everything else stays out, and user, port
 * and build command agree with the pom and the Kubernetes settings.
 */
class ContainerBuildFilesTest {

    private static final Path NATIVE = Path.of("Dockerfile.native");
    private static final Path JVM = Path.of("src/main/docker/Dockerfile.jvm");

    @Test
    void nativeBuildStageGetsEverySourceFileItCopies() throws IOException {
        List<String> sources = copySources(NATIVE);
        assertThat(sources).contains("mvnw", ".mvn", "pom.xml", "openapi", "src");
        DockerIgnore ignore = DockerIgnore.read(Path.of(".dockerignore"));
        for (String source : sources) {
            Path path = Path.of(source);
            assertThat(path).as("COPY source " + source).exists();
            try (Stream<Path> files = Files.walk(path)) {
                List<String> excluded = files.filter(Files::isRegularFile).map(ContainerBuildFilesTest::slashes)
                        .filter(ignore::excludes).collect(Collectors.toList());
                assertThat(excluded).as("files under " + source + " that .dockerignore keeps out").isEmpty();
            }
        }
    }

    @Test
    void jvmImageGetsTheFastJarAndNothingElseOfTarget() throws IOException {
        List<String> sources = copySources(JVM);
        assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(source).startsWith("target/quarkus-app/"));
        DockerIgnore ignore = DockerIgnore.read(Path.of(".dockerignore"));
        assertThat(List.of("target/quarkus-app/quarkus-run.jar", "target/quarkus-app/lib/main/a.jar",
                "target/quarkus-app/lib/boot/b.jar", "target/quarkus-app/app/esign-gateway-1.0.0-SNAPSHOT.jar",
                "target/quarkus-app/quarkus/quarkus-application.dat"))
                .noneMatch(ignore::excludes);
        assertThat(List.of(".git/HEAD", "target/classes/application.properties", "target/esign-gateway-1.0.0-SNAPSHOT.jar",
                "target/kubernetes/kubernetes.yml", "e2e/node_modules/playwright-core/package.json", "e2e/package.json",
                "README.md", ".github/workflows/native.yml", "server.log", "src/main/resources/node_modules/x.js"))
                .allMatch(ignore::excludes);
    }

    @Test
    void nativeDockerfileBuildsWithMandrelAndRunsNonRootOnTheMicroImage() throws IOException {
        List<String> lines = instructions(NATIVE);
        assertThat(lines.stream().filter(line -> line.startsWith("FROM ")))
                .containsExactly("FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21 AS build",
                        "FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("RUN ").contains("./mvnw -B package -Dnative -DskipTests"));
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<id>native</id>", "<name>native</name>");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("COPY --from=build .*/code/target/\\*-runner /work/application"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .isEqualTo("ENTRYPOINT [\"/work/application\", \"-Dquarkus.http.host=0.0.0.0\"]"));
        assertRunsAsKubernetesUserOnPort8080(lines);
    }

    @Test
    void jvmDockerfileRunsNonRootOnPort8080() throws IOException {
        List<String> lines = instructions(JVM);
        assertThat(lines.stream().filter(line -> line.startsWith("FROM ")))
                .singleElement().asString().startsWith("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("-Dquarkus.http.host=0.0.0.0"));
        assertRunsAsKubernetesUserOnPort8080(lines);
    }

    @Test
    void packagingNeverBuildsOrPushesAnImage() throws IOException {
        // quarkus-kubernetes brings the container-image API only; an image is built by one of these extensions.
        assertThat(Files.readString(Path.of("pom.xml")))
                .doesNotContainPattern("<artifactId>quarkus-container-image-(docker|podman|jib|buildpack|openshift)</artifactId>");
        Properties properties = applicationProperties();
        assertThat(properties.getProperty("quarkus.container-image.build", "false")).isEqualTo("false");
        assertThat(properties.getProperty("quarkus.container-image.push", "false")).isEqualTo("false");
        assertThat(properties.getProperty("quarkus.kubernetes.deploy", "false")).isEqualTo("false");
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static void assertRunsAsKubernetesUserOnPort8080(List<String> lines) throws IOException {
        Properties properties = applicationProperties();
        String user = properties.getProperty("quarkus.kubernetes.security-context.run-as-user");
        assertThat(user).isEqualTo("1001");
        List<String> users = lines.stream().filter(line -> line.startsWith("USER ")).collect(Collectors.toList());
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).as("the user the image runs as").isEqualTo("USER " + user);
        assertThat(lines).contains("EXPOSE 8080");
    }

    /** Sources of the COPY instructions that read the build context (not --from another stage). */
    private static List<String> copySources(Path dockerfile) throws IOException {
        List<String> sources = new ArrayList<>();
        for (String line : instructions(dockerfile)) {
            if (!line.startsWith("COPY ") || line.contains("--from=")) {
                continue;
            }
            List<String> words = Arrays.stream(line.substring(5).trim().split("\\s+"))
                    .filter(word -> !word.startsWith("--")).collect(Collectors.toList());
            sources.addAll(words.subList(0, words.size() - 1));
        }
        return sources.stream().map(source -> source.replaceAll("/+$", "")).collect(Collectors.toList());
    }

    /** Instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions(Path dockerfile) throws IOException {
        String text = Files.readString(dockerfile).replaceAll("\\\\\\n", " ");
        return text.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());
    }

    private static String slashes(Path path) {
        return path.normalize().toString().replace('\\', '/');
    }

    /**
     * .dockerignore as Docker reads it (moby/patternmatcher): patterns are matched against the path and each of
     * its parent folders; {@code *} and {@code ?} stay within one path segment, {@code **} spans any; a leading
     * {@code !} lets a path back in; the last matching pattern decides.
     */
    record DockerIgnore(List<Pattern> patterns, List<Boolean> exclusions) {

        static DockerIgnore read(Path file) throws IOException {
            List<Pattern> patterns = new ArrayList<>();
            List<Boolean> exclusions = new ArrayList<>();
            for (String raw : Files.readAllLines(file)) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean exclusion = line.startsWith("!");
                String pattern = (exclusion ? line.substring(1) : line).trim().replaceAll("^/+", "").replaceAll("/+$", "");
                patterns.add(Pattern.compile(regex(pattern)));
                exclusions.add(exclusion);
            }
            return new DockerIgnore(patterns, exclusions);
        }

        boolean excludes(String path) {
            boolean excluded = false;
            for (int i = 0; i < patterns.size(); i++) {
                if (matchesSelfOrParent(patterns.get(i), path)) {
                    excluded = !exclusions.get(i);
                }
            }
            return excluded;
        }

        private static boolean matchesSelfOrParent(Pattern pattern, String path) {
            String candidate = path;
            while (true) {
                if (pattern.matcher(candidate).matches()) {
                    return true;
                }
                int slash = candidate.lastIndexOf('/');
                if (slash < 0) {
                    return false;
                }
                candidate = candidate.substring(0, slash);
            }
        }

        private static String regex(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                        i++;
                        regex.append("(.*/)?"); // "**/" spans zero or more folders
                    } else {
                        regex.append(".*");
                    }
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }
}
