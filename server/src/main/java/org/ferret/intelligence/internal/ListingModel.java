package org.ferret.intelligence.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ferret.intelligence.ListingCategory;
import org.ferret.intelligence.ListingReason;
import org.ferret.intelligence.ListingSignal;
import org.ferret.intelligence.ReasonKind;

/**
 * The listing score: logistic regression (written plainly, so that every weight can be read) over two kinds of
 * feature: per {@link ListingSignal} the number of indicator terms matched (0–3, scaled to 0–1), and the character
 * 3- to 5-grams of the normalised title and text, hashed into 2^18 slots, each present once and scaled by
 * 1/√n. Trained by stochastic gradient descent with L2 regularisation on a seeded shuffle, so the same labels give
 * the same model. A score's reasons are its largest contributions (weight × feature): the terms, then the text
 * patterns. No Spring.
 */
public final class ListingModel {

    static final int SIGNALS = ListingSignal.values().length;
    static final int BITS = 18;
    static final int DIM = SIGNALS + (1 << BITS);
    static final int MIN_GRAM = 3;
    static final int MAX_GRAM = 5;

    private final float[] w;
    private final double bias;
    private final String version;
    private final ListingTerms terms;

    private ListingModel(float[] w, double bias, String version, ListingTerms terms) {
        this.w = w;
        this.bias = bias;
        this.version = version;
        this.terms = terms;
    }

    /** A labelled example: the listing's title and text, and whether it sells a firearm, part, kit or blueprint. */
    public record Example(String title, String text, boolean positive) {
    }

    /** A listing's score, the category its terms point to (null when none) and the reasons. */
    public record Scored(double score, ListingCategory category, List<ListingReason> reasons) {
    }

    /** Training settings: passes over the data, learning rate, L2 strength, shuffle seed. */
    public record Settings(int epochs, double rate, double l2, long seed) {
        public static final Settings STANDARD = new Settings(12, 0.2, 1e-6, 14L);
    }

    public String version() {
        return version;
    }

    /** Trains a model on the examples (at least one of each label). */
    public static ListingModel train(List<Example> examples, Settings s, String version, ListingTerms terms) {
        long pos = examples.stream().filter(Example::positive).count();
        if (pos == 0 || pos == examples.size()) {
            throw new IllegalArgumentException("training needs positive and negative examples (" + pos + " of " + examples.size() + " positive)");
        }
        List<Features> xs = new ArrayList<>(examples.size());
        for (Example e : examples) xs.add(features(e.title(), e.text(), terms));
        float[] w = new float[DIM];
        double b = Math.log((double) pos / (examples.size() - pos));
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Random random = new Random(s.seed());
        long step = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int k : order) {
                Features x = xs.get(k);
                double rate = s.rate() / (1 + 1e-4 * step++);
                double p = sigmoid(b + x.dot(w));
                double g = (examples.get(k).positive() ? 1 : 0) - p;
                for (int f = 0; f < x.index.length; f++) {
                    int i = x.index[f];
                    w[i] += (float) (rate * (g * x.value[f] - s.l2() * w[i]));
                }
                b += rate * g;
            }
        }
        return new ListingModel(w, b, version, terms);
    }

    /** Scores one listing. */
    public Scored score(String title, String text) {
        Features x = features(title, text, terms);
        double z = bias + x.dot(w);
        List<ListingReason> reasons = new ArrayList<>();
        EnumMap<ListingSignal, Integer> counts = new EnumMap<>(ListingSignal.class);
        for (ListingTerms.Match m : x.matches) counts.merge(m.term().signal(), 1, Integer::sum);
        for (ListingTerms.Match m : x.matches) {
            ListingSignal sig = m.term().signal();
            double contribution = w[sig.ordinal()] * signalValue(counts.get(sig)) / counts.get(sig);
            reasons.add(new ListingReason(ReasonKind.TERM, m.term().written(), m.matched(), sig, m.term().language(), round(contribution)));
        }
        List<Map.Entry<String, Double>> grams = new ArrayList<>();
        for (var e : x.grams.entrySet()) grams.add(Map.entry(e.getKey(), (double) (w[e.getValue()] * x.gramValue)));
        grams.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())));
        for (int i = 0; i < Math.min(5, grams.size()); i++) {
            var g = grams.get(i);
            if (Math.abs(g.getValue()) < 0.005) break;
            reasons.add(new ListingReason(ReasonKind.TEXT_PATTERN, g.getKey(), g.getKey().strip(), null, null, round(g.getValue())));
        }
        return new Scored(sigmoid(z), category(counts), List.copyOf(reasons));
    }

    /** The category the positive terms point to: the signal with most terms; a tie goes to blueprint, kit, part, firearm. */
    static ListingCategory category(Map<ListingSignal, Integer> counts) {
        ListingCategory best = null;
        int most = 0;
        for (ListingCategory c : List.of(ListingCategory.BLUEPRINT, ListingCategory.KIT, ListingCategory.PART, ListingCategory.FIREARM)) {
            int n = counts.getOrDefault(ListingSignal.valueOf(c.name()), 0);
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }

    static double signalValue(int count) {
        return Math.min(count, 3) / 3.0;
    }

    /** The features of one listing: sparse indices and values, with the terms and n-grams they came from. */
    static final class Features {
        int[] index;
        float[] value;
        List<ListingTerms.Match> matches;
        Map<String, Integer> grams;
        float gramValue;

        double dot(float[] w) {
            double z = 0;
            for (int f = 0; f < index.length; f++) z += w[index[f]] * value[f];
            return z;
        }
    }

    static Features features(String title, String text, ListingTerms terms) {
        ListingText.Words words = ListingText.words((title == null ? "" : title) + " \n " + (text == null ? "" : text));
        Features x = new Features();
        x.matches = terms.find(words);
        EnumMap<ListingSignal, Integer> counts = new EnumMap<>(ListingSignal.class);
        for (ListingTerms.Match m : x.matches) counts.merge(m.term().signal(), 1, Integer::sum);
        String s = " " + words.text() + " ";
        Map<String, Integer> grams = new LinkedHashMap<>();
        Map<Integer, Boolean> slots = new HashMap<>();
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int i = 0; i + n <= s.length(); i++) {
                String g = s.substring(i, i + n);
                if (g.isBlank() || grams.containsKey(g)) continue;
                int slot = SIGNALS + hash(g);
                if (slots.putIfAbsent(slot, Boolean.TRUE) != null) continue;
                grams.put(g, slot);
            }
        }
        x.grams = grams;
        x.gramValue = grams.isEmpty() ? 0 : (float) (1 / Math.sqrt(grams.size()));
        x.index = new int[counts.size() + grams.size()];
        x.value = new float[x.index.length];
        int f = 0;
        for (var e : counts.entrySet()) {
            x.index[f] = e.getKey().ordinal();
            x.value[f++] = (float) signalValue(e.getValue());
        }
        for (int slot : grams.values()) {
            x.index[f] = slot;
            x.value[f++] = x.gramValue;
        }
        return x;
    }

    /** FNV-1a of the n-gram's UTF-8 bytes, folded to {@link #BITS} bits. */
    static int hash(String g) {
        int h = 0x811c9dc5;
        for (byte b : g.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return (h ^ (h >>> BITS)) & ((1 << BITS) - 1);
    }
}
