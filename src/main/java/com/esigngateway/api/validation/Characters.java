package com.esigngateway.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The contract's {@code minLength}/{@code maxLength} of a string, in characters as JSON Schema counts them (Unicode
 * code points). Bean Validation's {@code @Size} counts UTF-16 units, so a title of 255 emoji would be 510 long for
 * it; the generator template {@code openapi/templates/beanValidationCore.mustache} puts this in its place.
 */
@Documented
@Constraint(validatedBy = CharactersValidator.class)
@Target({ METHOD, FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface Characters {

    String message() default "size must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int min() default 0;

    int max() default Integer.MAX_VALUE;
}
