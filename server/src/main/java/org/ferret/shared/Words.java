package org.ferret.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The one way Ferret puts values into words for people: enum constants through the message bundle
 * ({@code messages.properties}, key {@code enum.<package below org.ferret>.<Type>.<CONSTANT>}), field names, audit
 * actions, and dates in the one date format of the user's locale (Accept-Language, default English). Templates reach
 * it as {@code #words} (web.WordsDialect); Java code that writes messages calls it directly.
 */
public final class Words {

    /** The locale when no request says otherwise. */
    public static final Locale DEFAULT_LOCALE = Locale.ENGLISH;

    private static final String BUNDLE = "messages";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private Words() {
    }

    /** The locale of the current request (its Accept-Language), else {@link #DEFAULT_LOCALE}. */
    public static Locale locale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale l = context == null ? null : context.getLocale();
        return l == null ? DEFAULT_LOCALE : l;
    }

    /** The bundle key of an enum constant, e.g. {@code enum.registry.EventType.THEFT_REPORTED}. */
    public static String key(Enum<?> e) {
        String type = e.getDeclaringClass().getName().replace('$', '.');
        String relative = type.startsWith("org.ferret.") ? type.substring("org.ferret.".length()) : type;
        return "enum." + relative + "." + e.name();
    }

    /** The words for a constant, as they stand at the start of a line ("Reported stolen"); "—" for null. */
    public static String of(Enum<?> e) {
        if (e == null) {
            return "—";
        }
        return text(key(e)).orElseGet(() -> humanise(e.name()));
    }

    /** The words for a constant inside a sentence ("the item is reported stolen"). */
    public static String lower(Enum<?> e) {
        return e == null ? "—" : decapitalise(of(e));
    }

    /** The words of the constant {@code name} of {@code type} (for values carried as text); humanised if unknown. */
    public static <E extends Enum<E>> String of(Class<E> type, String name) {
        if (name == null) {
            return "—";
        }
        try {
            return of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return humanise(name);
        }
    }

    /** Whether the bundle has words for the constant (the test that walks every enum shown on screens asks this). */
    public static boolean has(Enum<?> e, Locale locale) {
        return text(key(e), locale).isPresent();
    }

    /** An audit action ({@code EVENT_RECORDED}) in words: the bundle's {@code audit.action.…}, else humanised. */
    public static String action(String action) {
        if (action == null) {
            return "—";
        }
        return text("audit.action." + action).orElseGet(() -> humanise(action));
    }

    /** A form or JSON field name in words: {@code requestingAgency} is "Requesting agency", {@code a.b[0].c} "C". */
    public static String field(String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        String last = field.replaceAll("\\[\\d+]", "");
        int dot = last.lastIndexOf('.');
        last = dot >= 0 ? last.substring(dot + 1) : last;
        Optional<String> known = text("field." + last);
        if (known.isPresent()) {
            return known.get();
        }
        StringBuilder sb = new StringBuilder();
        for (char c : last.toCharArray()) {
            if (Character.isUpperCase(c) && !sb.isEmpty()) {
                sb.append(' ').append(Character.toLowerCase(c));
            } else if (c == '_' || c == '-') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return capitalise(sb.toString().strip());
    }

    // ---- dates: one format ------------------------------------------------------------------------

    /** The one date format: the locale's medium date ("Dec 2, 2026" in English, "2 Dec 2026" in en-GB). */
    public static DateTimeFormatter dateFormat(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** A date, or "—". Instants are dated in UTC, the zone every time in Ferret is shown in. */
    public static String date(TemporalAccessor t) {
        LocalDate d = toDate(t);
        return d == null ? "—" : dateFormat(locale()).format(d);
    }

    /** A date and time to the minute: the date as {@link #date} and the time in UTC ("Dec 2, 2026 14:05 UTC"). */
    public static String dateTime(TemporalAccessor t) {
        return withTime(t, "HH:mm");
    }

    /** As {@link #dateTime}, to the second (the audit trail). */
    public static String timestamp(TemporalAccessor t) {
        return withTime(t, "HH:mm:ss");
    }

    private static String withTime(TemporalAccessor t, String time) {
        if (t == null) {
            return "—";
        }
        LocalDateTime utc = toUtc(t);
        return dateFormat(locale()).format(utc.toLocalDate()) + " " + DateTimeFormatter.ofPattern(time).format(utc)
                + " UTC";
    }

    private static LocalDate toDate(TemporalAccessor t) {
        if (t == null) {
            return null;
        }
        if (t instanceof LocalDate d) {
            return d;
        }
        return toUtc(t).toLocalDate();
    }

    private static LocalDateTime toUtc(TemporalAccessor t) {
        return switch (t) {
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case java.time.ZonedDateTime z -> z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case LocalDateTime l -> l;
            case LocalDate d -> d.atStartOfDay();
            default -> LocalDateTime.from(t);
        };
    }

    // ---- internals -------------------------------------------------------------------------------

    private static Optional<String> text(String key) {
        return text(key, locale());
    }

    private static Optional<String> text(String key, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(BUNDLE, locale, Words.class.getClassLoader(), NO_FALLBACK)
                    .getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    static String humanise(String constant) {
        return capitalise(constant.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String decapitalise(String s) {
        // leave acronyms and proper names ("NCIC", "UN") as they are
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
