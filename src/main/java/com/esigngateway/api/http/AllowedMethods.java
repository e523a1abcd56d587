package com.esigngateway.api.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import com.esigngateway.api.generated.SigningSessionsApi;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which methods each path of the API allows, read from the JAX-RS interfaces generated from the contract: what a
 * {@code 405} lists in {@code Allow} (RFC 9110, 15.5.6) and what {@code OPTIONS} answers. {@code HEAD} is allowed
 * exactly where {@code GET} is, {@code OPTIONS} everywhere. A new generated interface is added to {@link #APIS}.
 */
@RegisterForReflection(targets = SigningSessionsApi.class, methods = true)
public final class AllowedMethods {

    static final List<Class<?>> APIS = List.of(SigningSessionsApi.class);

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, HttpMethod.GET,
            POST.class, HttpMethod.POST, PUT.class, HttpMethod.PUT, DELETE.class, HttpMethod.DELETE,
            PATCH.class, HttpMethod.PATCH, HEAD.class, HttpMethod.HEAD, OPTIONS.class, HttpMethod.OPTIONS);

    /** A path template of the API, e.g. {@code /v1/signing-sessions/{id}}, and what it allows, in alphabetical order. */
    public record Route(String template, Pattern pattern, Set<String> methods) {
        public String allowHeader() {
            return String.join(", ", methods);
        }
    }

    private final List<Route> routes;

    private AllowedMethods(List<Route> routes) {
        this.routes = routes;
    }

    public static AllowedMethods of(List<Class<?>> apis) {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Class<?> api : apis) {
            String base = api.isAnnotationPresent(Path.class) ? api.getAnnotation(Path.class).value() : "";
            for (Method method : api.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
                Set<String> methods = byTemplate.computeIfAbsent(join(base, sub), ignored -> new TreeSet<>());
                methods.add(verb);
                methods.add(HttpMethod.OPTIONS);
                if (verb.equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        List<Route> routes = new ArrayList<>();
        byTemplate.forEach((template, methods) -> routes.add(
                new Route(template, pattern(template), Collections.unmodifiableSortedSet(new TreeSet<>(methods)))));
        return new AllowedMethods(List.copyOf(routes));
    }

    public static AllowedMethods ofTheApi() {
        return of(APIS);
    }

    /** The route a (normalized) request path belongs to. */
    public Optional<Route> route(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes.stream().filter(route -> route.pattern().matcher(trimmed).matches()).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }

    /** The method's HTTP method, by the JAX-RS annotations themselves (a native image keeps no meta-annotations). */
    private static String httpMethod(Method method) {
        for (Map.Entry<Class<? extends Annotation>, String> verb : VERBS.entrySet()) {
            if (method.isAnnotationPresent(verb.getKey())) {
                return verb.getValue();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code /v1/signing-sessions/{id}} matches {@code /v1/signing-sessions/abc}, one segment per parameter. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
