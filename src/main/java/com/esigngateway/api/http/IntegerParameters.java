package com.esigngateway.api.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import com.esigngateway.api.problem.InvalidParameterException;
import com.esigngateway.api.problem.ParameterViolations;

/**
 * Integer parameters of the API ({@code page}, {@code limit}): a value that is no integer in decimal digits
 * ({@code abc}, {@code 1.5}, {@code 1e1}) or none an {@code int} holds ({@code 2147483648}) is a {@code 400} naming the
 * parameter as the caller sent it ({@code query page}), where Quarkus REST's own converter failure would be a
 * {@code 404}: the converter throws a {@link jakarta.ws.rs.BadRequestException}, which Quarkus REST passes on. (The
 * name is found by {@code api.problem.ParameterViolations} when the annotations given here do not say it: the
 * resource's methods implement the generated interface and carry none.) A value in range of {@code int} is
 * converted, and the contract's bounds are then checked by the validator like every other constraint.
 */
@Provider
public class IntegerParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Integer.class && rawType != int.class) {
            return null;
        }
        String name = null;
        Long min = null;
        Long max = null;
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                name = "query " + query.value();
            } else if (annotation instanceof PathParam path) {
                name = "path " + path.value();
            } else if (annotation instanceof HeaderParam header) {
                name = "header " + header.value();
            } else if (annotation instanceof Min lower) {
                min = lower.value();
            } else if (annotation instanceof Max upper) {
                max = upper.value();
            }
        }
        return (ParamConverter<T>) new Converter(name, ParameterViolations.mustBe(min, max));
    }

    /** {@code parameter}: its name as sent, when known here. */
    private record Converter(String parameter, String must) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            Integer number = ParameterViolations.integer(value);
            if (number == null) {
                throw new InvalidParameterException(parameter, must);
            }
            return number;
        }

        @Override
        public String toString(Integer value) {
            return value == null ? null : value.toString();
        }
    }
}
