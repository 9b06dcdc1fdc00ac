package org.ferret.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read strictly, so that what a client meant is never guessed: enums only by name ({@code "kind": 5} and
 * {@code "kind": "5"} are refused), integers only as integers ({@code 2019.9} and {@code "2019"} are refused), a key
 * given twice in one object is refused, and a string holding a control character other than tab, CR and LF is
 * refused (the domain refuses those too where a field is one line). Each is answered 400 naming the field.
 */
@Configuration
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule("ferret-strict-strings").addDeserializer(String.class, new NoControlCharacters()));
    }

    /** Strings as Jackson reads them, refused if they hold a control character other than tab, CR or LF. */
    static final class NoControlCharacters extends StdScalarDeserializer<String> {

        NoControlCharacters() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String v = StringDeserializer.instance.deserialize(p, ctxt);
            if (v != null) {
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                        throw InvalidFormatException.from(p, "contains the control character U+"
                                + String.format("%04X", (int) c) + " at position " + (i + 1)
                                + "; control characters are not allowed", v, String.class);
                    }
                }
            }
            return v;
        }
    }
}
