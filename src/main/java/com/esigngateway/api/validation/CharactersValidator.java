package com.esigngateway.api.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Counts code points; {@code null} is valid, as for {@code @Size}. */
public class CharactersValidator implements ConstraintValidator<Characters, CharSequence> {

    private int min;
    private int max;

    @Override
    public void initialize(Characters constraint) {
        min = constraint.min();
        max = constraint.max();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = Character.codePointCount(value, 0, value.length());
        return length >= min && length <= max;
    }

    /** The length of a string as the contract counts it. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
