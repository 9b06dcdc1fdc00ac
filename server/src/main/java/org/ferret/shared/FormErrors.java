package org.ferret.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;


/** Validation messages of one submitted form (any module's UI), keyed by form field ("" for the form as a whole), for the templates. */
public final class FormErrors {

    /** One line of the summary above the form: the anchor of the field (or null) and the text. */
    public record Line(String anchor, String text) {
    }

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final Map<String, String> labels;

    public FormErrors(Map<String, String> labels) {
        this.labels = labels;
    }

    public void add(String field, String message) {
        String key = field != null && labels.containsKey(field) ? field : "";
        String text = key.isEmpty() && field != null && !field.isBlank() ? Words.field(field) + ": " + message : message;
        byField.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
    }

    /** Records every problem of a domain exception, renaming its fields to form fields with {@code prefix}. */
    public void add(FerretException e, String prefix, Map<String, String> aliases) {
        add(e, prefix, aliases, p -> true);
    }

    /** As {@link #add(FerretException, String, Map)}, leaving out the problems {@code keep} refuses. */
    public void add(FerretException e, String prefix, Map<String, String> aliases,
            Predicate<FerretException.FieldProblem> keep) {
        if (e.problems().isEmpty()) {
            add("", e.getMessage());
            return;
        }
        for (FerretException.FieldProblem p : e.problems()) {
            if (!keep.test(p)) {
                continue;
            }
            String f = p.field() == null ? "" : aliases.getOrDefault(p.field(), prefix + p.field());
            if (!labels.containsKey(f)) {
                add("", (p.field() == null || p.field().isBlank() ? "" : Words.field(p.field()) + ": ") + p.message());
            } else {
                add(f, p.message());
            }
        }
    }

    /**
     * The one way a screen submits a form: when nothing is wrong so far, {@code change} runs; a refusal by the domain
     * joins the form's problems (its fields renamed with {@code prefix} and {@code aliases}). Gives the change's result
     * (the page to go to next), or empty when the form is to be shown again with every problem at once.
     */
    public <T> java.util.Optional<T> submit(Supplier<T> change, String prefix, Map<String, String> aliases) {
        if (!isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(change.get());
        } catch (FerretException e) {
            add(e, prefix, aliases);
            return java.util.Optional.empty();
        }
    }

    /** Labels in the order given: field, label, field, label, … (the fields a message can be attached to). */
    public static Map<String, String> labels(String... fieldsAndLabels) {
        Map<String, String> l = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldsAndLabels.length; i += 2) {
            l.put(fieldsAndLabels[i], fieldsAndLabels[i + 1]);
        }
        return l;
    }

    /**
     * A date as a form's date input sends it (YYYY-MM-DD), or null: blank (a message when {@code required}) or not a
     * date (a message on {@code field}). The one parser of dates typed into any module's forms.
     */
    public LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                add(field, "must be given");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            add(field, "'" + text.strip() + "' is not a date; expected YYYY-MM-DD");
            return null;
        }
    }

    /** Runs {@code s}; a domain exception becomes a message on {@code field} and the result is null. */
    public <T> T capture(String field, Supplier<T> s) {
        try {
            return s.get();
        } catch (FerretException e) {
            if (e.problems().isEmpty()) {
                add(field, e.getMessage());
            } else {
                e.problems().forEach(p -> add(field, p.message()));
            }
            return null;
        }
    }

    public List<String> get(String field) {
        return byField.get(field);
    }

    /** Whether any of the fields has a message (to open a collapsed part of a form). */
    public boolean any(String... fields) {
        for (String f : fields) {
            if (byField.containsKey(f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any field whose name starts with {@code prefix} has a message. */
    public boolean anyPrefixed(String prefix) {
        return byField.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int count() {
        return byField.values().stream().mapToInt(List::size).sum();
    }

    public List<Line> summary() {
        List<Line> lines = new ArrayList<>();
        byField.forEach((field, messages) -> messages.forEach(m -> lines.add(field.isEmpty()
                ? new Line(null, m)
                : new Line(anchor(field), labels.get(field) + ": " + m))));
        return lines;
    }

    /** The element id a template gives the input of {@code field}. */
    public static String anchor(String field) {
        return field.replace("[", "-").replace("]", "").replace(".", "-");
    }
}
