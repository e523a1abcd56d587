package com.esigngateway.api.json;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import com.esigngateway.api.problem.BindingProblems;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * JSON as strict as the contract: a value binds only from its own JSON type (no {@code "1"} or {@code 1.5} for an
 * integer, no {@code 0} for a boolean, no number for a string or a date-time), {@code null} is no value for any
 * field or element (the contract has no nullable field: leave a field out instead), a key may appear once per
 * object, and date-times are RFC 3339 strings. A copy of the application's mapper, so that its modules and
 * settings stay and nothing else (vendor answers, the simulator) becomes stricter than it was.
 */
final class StrictJson {

    /** RFC 3339 {@code date-time}, as the contract's {@code format: date-time} means it. */
    private static final Pattern RFC_3339 = Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private StrictJson() {
    }

    static ObjectMapper from(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        for (LogicalType type : LogicalType.values()) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setAcceptBlankAsEmpty(false);
        }
        // Strings are the native form of these: only the coercions into them above stay refused.
        for (LogicalType stringly : new LogicalType[] { LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime }) {
            strict.coercionConfigFor(stringly)
                    .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        }
        strict.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
        strict.registerModule(new SimpleModule("strict-date-times").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == OffsetDateTime.class ? new Rfc3339(deserializer) : deserializer;
            }
        }));
        return strict;
    }

    /** Where {@link #readOne} gets its parser: opening it may already fail (the body's encoding is detected then). */
    @FunctionalInterface
    interface ParserSource {
        JsonParser open() throws java.io.IOException;
    }

    /**
     * One JSON value from {@code source}, read with {@code using}: null when there is no body, a binding problem when
     * anything follows it or Jackson fails (naming the field, never quoting the input) — unless {@code own} finds in
     * Jackson's failure one of the caller's own to throw as it is (a full spool) — and bytes in no encoding JSON may
     * have are not JSON.
     */
    static <T> T readOne(ObjectReader using, ParserSource source,
            java.util.function.Function<Throwable, java.io.IOException> own) throws java.io.IOException {
        try (JsonParser parser = source.open()) {
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
                T value = using.readValue(parser);
                if (parser.nextToken() != null) {
                    throw BindingProblems.trailingContent();
                }
                return value;
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                java.io.IOException thrown = own.apply(e);
                if (thrown != null) {
                    throw thrown;
                }
                throw BindingProblems.of(e, parser.getParsingContext());
            }
        } catch (java.io.CharConversionException e) {
            throw BindingProblems.notJson(null);
        }
    }

    /** Takes only RFC 3339 strings, then lets the application's own deserializer (time zone, precision) bind them. */
    private static final class Rfc3339 extends DelegatingDeserializer {

        Rfc3339(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Rfc3339(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            if (!RFC_3339.matcher(parser.getText()).matches()) {
                throw context.weirdStringException(parser.getText(), OffsetDateTime.class, "not an RFC 3339 date-time");
            }
            return super.deserialize(parser, context);
        }
    }
}
