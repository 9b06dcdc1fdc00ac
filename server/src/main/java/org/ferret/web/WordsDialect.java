package org.ferret.web;

import java.time.temporal.TemporalAccessor;
import java.util.Set;

import org.ferret.shared.Words;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every template {@code #words}: enum constants, audit actions and field names in words, and dates in the one
 * format, all through {@link Words} (so a screen and a Java-built message never differ).
 */
@Component
class WordsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "words";
    private static final Expressions WORDS = new Expressions();

    WordsDialect() {
        super("Ferret words");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return WORDS;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** What {@code #words} offers templates; see {@link Words}. */
    public static final class Expressions {

        public String of(Enum<?> e) {
            return Words.of(e);
        }

        public String lower(Enum<?> e) {
            return Words.lower(e);
        }

        public String event(String eventType) {
            return Words.of(org.ferret.registry.EventType.class, eventType);
        }

        public String kind(String itemKind) {
            return Words.of(org.ferret.registry.ItemKind.class, itemKind);
        }

        public String action(String action) {
            return Words.action(action);
        }

        public String field(String field) {
            return Words.field(field);
        }

        public String date(TemporalAccessor t) {
            return Words.date(t);
        }

        public String dateTime(TemporalAccessor t) {
            return Words.dateTime(t);
        }

        public String timestamp(TemporalAccessor t) {
            return Words.timestamp(t);
        }
    }
}
