package com.esigngateway.api.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.esigngateway.api.model.Violation;

/**
 * Names an integer parameter the caller sent as something else. Quarkus REST hands a parameter converter the
 * annotations of the resource class's method, which implements the generated interface and carries none: the
 * parameter's name ({@code @QueryParam("page")}) and bounds ({@code @Min}, {@code @Max}) are read from the method it
 * implements, and the value that is no integer is found among the request's parameters. (The generated interface is
 * registered for reflection, so that its methods are found in the native executable too.)
 */
@io.quarkus.runtime.annotations.RegisterForReflection(targets = com.esigngateway.api.generated.SigningSessionsApi.class,
        methods = true, fields = false)
public final class ParameterViolations {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");

    private ParameterViolations() {
    }

    /** The value as an {@code int}, or null when it is none (not decimal digits, or out of range). */
    public static Integer integer(String value) {
        String trimmed = value.trim();
        if (!INTEGER.matcher(trimmed).matches()) {
            return null;
        }
        long number = Long.parseLong(trimmed);
        return number < Integer.MIN_VALUE || number > Integer.MAX_VALUE ? null : (int) number;
    }

    /** The violation for the request's first integer parameter that is no integer, else one for {@code e} as it is. */
    static Violation of(InvalidParameterException e, SimpleResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        Method declared = resource == null ? null
                : declaration(resource.getResourceClass(), resource.getMethodName(), resource.parameterTypes());
        if (declared != null) {
            Class<?>[] types = declared.getParameterTypes();
            Annotation[][] annotations = declared.getParameterAnnotations();
            for (int i = 0; i < types.length; i++) {
                if (types[i] != Integer.class && types[i] != int.class) {
                    continue;
                }
                String name = null;
                String value = null;
                Long min = null;
                Long max = null;
                for (Annotation annotation : annotations[i]) {
                    if (annotation instanceof QueryParam query) {
                        name = "query " + query.value();
                        value = uri == null ? null : uri.getQueryParameters().getFirst(query.value());
                    } else if (annotation instanceof PathParam path) {
                        name = "path " + path.value();
                        value = uri == null ? null : uri.getPathParameters().getFirst(path.value());
                    } else if (annotation instanceof HeaderParam header) {
                        name = "header " + header.value();
                        value = headers == null ? null : headers.getHeaderString(header.value());
                    } else if (annotation instanceof Min lower) {
                        min = lower.value();
                    } else if (annotation instanceof Max upper) {
                        max = upper.value();
                    }
                }
                if (name != null && value != null && integer(value) == null) {
                    return new Violation().field(name).message(mustBe(min, max));
                }
            }
        }
        return new Violation().field(e.parameter() == null ? "parameter" : e.parameter()).message(e.getMessage());
    }

    /** What an integer parameter with these bounds must be. */
    public static String mustBe(Long min, Long max) {
        if (min != null && max != null) {
            return "must be an integer from " + min + " to " + max;
        } else if (min != null) {
            return "must be an integer of at least " + min;
        } else if (max != null) {
            return "must be an integer of at most " + max;
        }
        return "must be an integer";
    }

    /** The method as declared where its parameters are annotated: the class's own, or one it implements. */
    private static Method declaration(Class<?> type, String name, Class<?>[] parameters) {
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(type);
        while (!types.isEmpty()) {
            Class<?> candidate = types.poll();
            try {
                Method method = candidate.getDeclaredMethod(name, parameters);
                for (Annotation[] annotations : method.getParameterAnnotations()) {
                    for (Annotation annotation : annotations) {
                        if (annotation instanceof QueryParam || annotation instanceof PathParam
                                || annotation instanceof HeaderParam) {
                            return method;
                        }
                    }
                }
            } catch (NoSuchMethodException e) {
                // not declared here
            }
            if (candidate.getSuperclass() != null) {
                types.add(candidate.getSuperclass());
            }
            types.addAll(java.util.List.of(candidate.getInterfaces()));
        }
        return null;
    }
}
