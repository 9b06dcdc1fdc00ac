package org.ferret.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.i18n.LocaleContextHolder;

/** Every enum a screen or message can show has words in messages.properties; dates have one shape per locale. */
class WordsTest {

    /**
     * Enums that never reach a person as words: stable codes of the API contract and internal switches. A new enum is
     * either given words in messages.properties or named here, on purpose.
     */
    static final Set<String> NOT_SHOWN = Set.of(
            "org.ferret.shared.ErrorCode",          // a code for machines; problem+json carries a detail in words
            "org.ferret.shared.access.Capability"); // authorities, never printed

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void every_constant_of_every_enum_shown_on_screens_has_words() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<? extends Enum<?>> type : enums()) {
            for (Enum<?> constant : type.getEnumConstants()) {
                checked++;
                if (!Words.has(constant, Locale.ENGLISH)) {
                    missing.add(Words.key(constant) + "=");
                }
            }
        }
        assertThat(checked).as("enum constants found on the class path").isGreaterThan(100);
        assertThat(missing).as("constants without words; add these lines to messages.properties").isEmpty();
    }

    @Test
    void words_read_as_words() {
        assertThat(Words.of(org.ferret.registry.EventType.THEFT_REPORTED)).isEqualTo("Reported stolen");
        assertThat(Words.lower(org.ferret.registry.ItemStatus.REPORTED_STOLEN)).isEqualTo("reported stolen");
        assertThat(Words.of(org.ferret.registry.ItemKind.SUBMACHINE_GUN)).isEqualTo("Submachine gun");
        assertThat(Words.of(org.ferret.tracing.TraceCandidate.Decision.PROPOSED)).isEqualTo("Proposed");
        assertThat(Words.of(org.ferret.registry.EventType.class, "NO_SUCH")).isEqualTo("No such");
        assertThat(Words.field("requestingAgency")).isEqualTo("Requesting agency");
        assertThat(Words.field("markings[0].serialNumber")).isEqualTo("Serial number");
        assertThat(Words.action("EVENT_RECORDED")).isEqualTo("Event recorded");
    }

    @Test
    void dates_have_one_shape_in_the_users_locale() {
        LocalDate d = LocalDate.of(2026, 12, 2);
        Instant at = Instant.parse("2026-12-02T14:05:09Z");
        assertThat(Words.date(d)).isEqualTo("Dec 2, 2026");
        assertThat(Words.date(at)).isEqualTo("Dec 2, 2026");
        assertThat(Words.dateTime(at)).isEqualTo("Dec 2, 2026 14:05 UTC");
        assertThat(Words.timestamp(at)).isEqualTo("Dec 2, 2026 14:05:09 UTC");
        LocaleContextHolder.setLocale(Locale.UK);
        assertThat(Words.date(d)).isEqualTo("2 Dec 2026");
        assertThat(Words.of(org.ferret.registry.EventType.THEFT_REPORTED)).isEqualTo("Reported stolen");
    }

    @SuppressWarnings("unchecked")
    static List<Class<? extends Enum<?>>> enums() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
        List<Class<? extends Enum<?>>> out = new ArrayList<>();
        for (BeanDefinition d : scanner.findCandidateComponents("org.ferret")) {
            String name = d.getBeanClassName();
            // the screening library prints to a terminal, not to screens; benchmarks' switches are internal
            if (String.valueOf(d.getResourceDescription()).contains("test-classes")
                    || name.startsWith("org.ferret.screening.") || name.contains("BenchCommand") || NOT_SHOWN.contains(name)) {
                continue;
            }
            out.add((Class<? extends Enum<?>>) Class.forName(name));
        }
        return out;
    }
}
