import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a gateway's (or the floor's) CPU went during one bench/run measurement, by layer, from a JFR recording
 * (bench/run BENCH_PROFILE=DIR records one per measurement with {@code settings=profile}):
 * <ul>
 * <li>Java execution samples ({@code jdk.ExecutionSample}), each charged to the layer of its innermost frame outside
 * the JDK ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*}, {@code com.sun.*}): a
 * {@code java.util.Base64} loop called by the document reader counts as document decoding; a stack that is JDK code
 * throughout counts as "JDK only". Samples see threads running Java code only: socket reads and writes in the kernel,
 * GC and the JIT compilers are not in them (bench/run reports CPU by thread kind from /proc);</li>
 * <li>allocated bytes by the same layers, from {@code jdk.ObjectAllocationSample} weights.</li>
 * </ul>
 * With {@code --requests N --cpu-ms MS} (what the measurement served and the user+system CPU of the threads that run
 * Java code, event loops and workers, during it), shares are also given in µs of CPU per request. {@code --stacks FILE} also writes the folded stacks (one line per distinct stack,
 * frames root first, separated by ';', then the sample count), for a flame graph tool.
 * <p>
 * Usage: {@code java bench/lib/JfrLayers.java RECORDING.jfr [--requests N --cpu-ms MS] [--stacks FILE] [--top N]}
 */
public class JfrLayers {

    /** Layer by package or class prefix; the first match wins, so the more specific prefixes come first. */
    static final String[][] LAYERS = {
        {"com.esigngateway.api.json.", "binding: strict JSON reader (project)"},
        {"com.esigngateway.api.http.", "HTTP edge: body receiver, filters (project)"},
        {"com.esigngateway.api.problem.", "problems (project)"},
        {"com.esigngateway.api.validation.", "validation (project)"},
        {"com.esigngateway.api.", "resource (project)"},
        {"com.esigngateway.session.SigningSessionRequestValidator", "validation (project)"},
        {"com.esigngateway.session.VendorSessionMapper", "mapping (project)"},
        {"com.esigngateway.session.Idempotent", "idempotency (project)"},
        {"com.esigngateway.session.RequestFingerprint", "idempotency (project)"},
        {"com.esigngateway.state.", "idempotency (project)"},
        {"com.esigngateway.session.", "use cases (project)"},
        {"com.esigngateway.document.", "documents: decode, spool (project)"},
        {"com.esigngateway.vendor.wire.", "body writing (project)"},
        {"com.esigngateway.vendor.rest.", "vendor HTTP client (project)"},
        {"com.esigngateway.vendor.call.", "call pipeline: limits, slots, classification (project)"},
        {"com.esigngateway.vendor.auth.", "token (project)"},
        {"com.esigngateway.vendor.", "vendor gateway (project)"},
        {"com.esigngateway.observability.", "metrics, spans (project)"},
        {"com.esigngateway.security.", "security (project)"},
        {"com.esigngateway.", "other project code"},
        {"bench.floor.", "the floor's own code"},
        {"io.netty.", "Netty (I/O)"},
        {"io.vertx.core.", "Vert.x core"},
        {"io.vertx.ext.web.", "Vert.x Web"},
        {"org.jboss.resteasy.reactive.client.", "REST client"},
        {"io.quarkus.rest.client.", "REST client"},
        {"org.jboss.resteasy.reactive.", "Quarkus REST"},
        {"io.quarkus.resteasy.reactive.", "Quarkus REST"},
        {"com.fasterxml.jackson.", "Jackson"},
        {"io.quarkus.jackson.", "Jackson"},
        {"org.hibernate.validator.", "Hibernate Validator"},
        {"io.quarkus.hibernate.validator.", "Hibernate Validator"},
        {"jakarta.validation.", "Hibernate Validator"},
        {"io.smallrye.faulttolerance.", "Fault Tolerance"},
        {"io.quarkus.smallrye.faulttolerance.", "Fault Tolerance"},
        {"io.micrometer.", "Micrometer"},
        {"io.quarkus.micrometer.", "Micrometer"},
        {"org.jboss.logmanager.", "logging"},
        {"org.jboss.logging.", "logging"},
        {"io.quarkus.logging.", "logging"},
        {"io.quarkus.bootstrap.logging.", "logging"},
        {"io.quarkus.runtime.logging.", "logging"},
        {"io.opentelemetry.", "OpenTelemetry"},
        {"io.quarkus.opentelemetry.", "OpenTelemetry"},
        {"io.quarkus.security.", "security (Quarkus)"},
        {"io.quarkus.vertx.http.runtime.security.", "security (Quarkus)"},
        {"io.quarkus.vertx.http.", "Quarkus HTTP (Vert.x)"},
        {"io.quarkus.vertx.", "Quarkus Vert.x"},
        {"io.quarkus.arc.", "ArC + context propagation"},
        {"io.smallrye.context.", "ArC + context propagation"},
        {"io.quarkus.smallrye.context.", "ArC + context propagation"},
        {"io.smallrye.mutiny.", "Mutiny"},
        {"io.quarkus.cache.", "cache (Caffeine)"},
        {"com.github.benmanes.caffeine.", "cache (Caffeine)"},
        {"io.quarkus.", "Quarkus other"},
    };

    static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java JfrLayers.java RECORDING.jfr [--requests N --cpu-ms MS] [--stacks FILE] [--top N]");
            System.exit(2);
        }
        Path recording = Path.of(args[0]);
        long requests = 0;
        double cpuMs = 0;
        Path stacksOut = null;
        int top = 25;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Long.parseLong(args[++i]);
                case "--cpu-ms" -> cpuMs = Double.parseDouble(args[++i]);
                case "--stacks" -> stacksOut = Path.of(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }

        Map<String, Long> samples = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        Map<String, Long> folded = new HashMap<>();
        Map<String, Long> hotFrames = new HashMap<>();
        long total = 0;
        long totalAllocated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null) {
                        continue;
                    }
                    total++;
                    samples.merge(layerOf(stack), 1L, Long::sum);
                    if (!stack.getFrames().isEmpty()) {
                        hotFrames.merge(frameName(stack.getFrames().get(0)), 1L, Long::sum);
                    }
                    if (stacksOut != null) {
                        folded.merge(fold(stack), 1L, Long::sum);
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    long weight = event.getLong("weight");
                    totalAllocated += weight;
                    allocated.merge(stack == null ? "unknown" : layerOf(stack), weight, Long::sum);
                }
                default -> {
                }
            }
        }

        PrintWriter out = new PrintWriter(System.out, true);
        out.printf("Recording %s: %d Java execution samples, %.1f MiB allocated (sampled weights)%n%n",
                recording.getFileName(), total, totalAllocated / 1048576.0);

        double perRequestJavaUs = requests > 0 && cpuMs > 0 ? 1000.0 * cpuMs / requests : 0;
        if (perRequestJavaUs > 0) {
            out.printf("CPU of the threads that run Java code (event loops, workers) per request: %.1f µs; the µs column divides it.%n%n",
                    perRequestJavaUs);
        }

        out.println(perRequestJavaUs > 0 ? "| layer (innermost non-JDK frame) | Java samples | µs per request | allocated |"
                : "| layer (innermost non-JDK frame) | Java samples | allocated |");
        out.println(perRequestJavaUs > 0 ? "|---|---:|---:|---:|" : "|---|---:|---:|");
        List<Map.Entry<String, Long>> layers = new ArrayList<>(samples.entrySet());
        layers.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> e : layers) {
            double share = (double) e.getValue() / total;
            double alloc = totalAllocated == 0 ? 0 : (double) allocated.getOrDefault(e.getKey(), 0L) / totalAllocated;
            if (perRequestJavaUs > 0) {
                out.printf("| %s | %.1f %% | %.1f | %.1f %% |%n", e.getKey(), 100 * share, share * perRequestJavaUs, 100 * alloc);
            } else {
                out.printf("| %s | %.1f %% | %.1f %% |%n", e.getKey(), 100 * share, 100 * alloc);
            }
        }
        for (Map.Entry<String, Long> e : allocated.entrySet()) {
            if (!samples.containsKey(e.getKey()) && totalAllocated > 0) {
                out.printf(perRequestJavaUs > 0 ? "| %s | 0 | 0 | %.1f %% |%n" : "| %s | 0 | %.1f %% |%n", e.getKey(),
                        100.0 * e.getValue() / totalAllocated);
            }
        }
        if (requests > 0) {
            out.printf("%nAllocated per request: %.1f KiB (sampled weights).%n", totalAllocated / 1024.0 / requests);
        }

        out.printf("%nHottest frames (self):%n%n");
        List<Map.Entry<String, Long>> frames = new ArrayList<>(hotFrames.entrySet());
        frames.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (int i = 0; i < Math.min(top, frames.size()); i++) {
            out.printf("- %.1f %% %s%n", 100.0 * frames.get(i).getValue() / total, frames.get(i).getKey());
        }

        if (stacksOut != null) {
            List<String> lines = new ArrayList<>();
            folded.forEach((stack, count) -> lines.add(stack + " " + count));
            lines.sort(null);
            Files.write(stacksOut, lines);
        }
    }

    static String layerOf(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (isJdk(type)) {
                continue;
            }
            for (String[] layer : LAYERS) {
                if (type.startsWith(layer[0])) {
                    return layer[1];
                }
            }
            return "other: " + packageOf(type);
        }
        return "JDK only";
    }

    static boolean isJdk(String type) {
        for (String prefix : JDK) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    static String frameName(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String fold(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames();
        StringBuilder line = new StringBuilder();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (line.length() > 0) {
                line.append(';');
            }
            line.append(frameName(frames.get(i)).replace(' ', '_'));
        }
        return line.toString();
    }
}
