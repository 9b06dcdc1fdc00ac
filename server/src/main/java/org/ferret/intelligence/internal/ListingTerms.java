package org.ferret.intelligence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ferret.intelligence.IndicatorLanguage;
import org.ferret.intelligence.ListingSignal;

/**
 * The indicator terms ({@code listing-terms.tsv} beside this class: English, German, French, Spanish and Dutch, with
 * slang, plus makes, models and calibres in any language) and their matching against a listing's words in normal
 * form ({@link ListingText}), so that {@code G l 0 c k}, {@code Schalldämpfer} and {@code schalldampfer} all match.
 */
public final class ListingTerms {

    /** One term: its words in normal form, whether the last word may have any ending, its signal and language. */
    public record Term(String written, String[] words, boolean prefix, ListingSignal signal, IndicatorLanguage language) {
    }

    /** A term found at word positions {@code from} (inclusive) to {@code to} (exclusive). */
    public record Match(Term term, int from, int to, String matched) {
    }

    private final List<Term> terms;

    ListingTerms(List<Term> terms) {
        this.terms = List.copyOf(terms);
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort((a, b) -> Integer.compare(b.words.length, a.words.length));
        this.longestFirst = List.copyOf(sorted);
    }

    private final List<Term> longestFirst;

    private static final ListingTerms STANDARD = load();

    /** The terms shipped with Ferret. */
    public static ListingTerms standard() {
        return STANDARD;
    }

    public List<Term> terms() {
        return terms;
    }

    private static ListingTerms load() {
        List<Term> out = new ArrayList<>();
        try (InputStream in = ListingTerms.class.getResourceAsStream("listing-terms.tsv")) {
            if (in == null) throw new IllegalStateException("listing-terms.tsv is missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new IllegalStateException("listing-terms.tsv line " + n + ": expected signal, language, term");
                out.add(term(f[2], ListingSignal.valueOf(f[0]), IndicatorLanguage.valueOf(f[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ListingTerms(out);
    }

    static Term term(String written, ListingSignal signal, IndicatorLanguage language) {
        boolean prefix = written.endsWith("*");
        String[] words = ListingText.words(prefix ? written.substring(0, written.length() - 1) : written).read().toArray(String[]::new);
        if (words.length == 0) throw new IllegalStateException("the term '" + written + "' has no words");
        return new Term(written, words, prefix, signal, language);
    }

    /**
     * The terms found in the words, longest first where two overlap on the same start (so {@code glue gun} is
     * found, and the {@code gun} inside it is not counted again for a firearm).
     */
    public List<Match> find(ListingText.Words w) {
        List<Match> found = new ArrayList<>();
        boolean[] taken = new boolean[w.size()];
        for (Term t : longestFirst) {
            for (int i = 0; i + t.words.length <= w.size(); i++) {
                if (matches(t, w, i) && free(taken, i, i + t.words.length)) {
                    Arrays.fill(taken, i, i + t.words.length, true);
                    found.add(new Match(t, i, i + t.words.length, String.join(" ", w.read().subList(i, i + t.words.length))));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.from, b.from));
        return found;
    }

    private static boolean free(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) return false;
        }
        return true;
    }

    private static boolean matches(Term t, ListingText.Words w, int at) {
        for (int k = 0; k < t.words.length; k++) {
            boolean last = k == t.words.length - 1;
            if (!same(t.words[k], w.read().get(at + k), last && t.prefix)
                    && !same(t.words[k], w.written().get(at + k), last && t.prefix)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String term, String word, boolean prefix) {
        return prefix ? word.startsWith(term) : word.equals(term);
    }
}
