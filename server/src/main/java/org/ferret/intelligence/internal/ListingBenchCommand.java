package org.ferret.intelligence.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.ferret.shared.BenchSubcommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferret bench listings}: trains the listing model on the training part of the synthetic labelled set and
 * reports precision and recall on its held-out part, at the review queue's threshold, for the model and for the
 * terms alone (a listing is flagged when it has a firearm, part, kit or blueprint term and no harmless-context
 * term), overall and for the hard negatives and evasive positives. No database, no Spring.
 */
@Command(name = "listings", mixinStandardHelpOptions = true,
        description = "Listing scoring on the synthetic labelled set: precision and recall on the held-out part.")
public class ListingBenchCommand implements BenchSubcommand {

    @Option(names = "--listings", defaultValue = "3000", description = "generated listings (default ${DEFAULT-VALUE})")
    int listings;

    @Option(names = "--seed", defaultValue = "2026", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threshold", defaultValue = "0.5", description = "queue threshold (default ${DEFAULT-VALUE})")
    double threshold;

    @Override
    public Integer call() {
        List<SyntheticListings.Labelled> all = SyntheticListings.generate(listings, seed);
        System.out.println("== held out at random (a fifth) ==");
        run(SyntheticListings.split(all, 0.2, 7L));
        System.out.println("== held out by unseen template (per family one language's wording) ==");
        run(SyntheticListings.byUnseenTemplate(all, 7L));
        return 0;
    }

    void run(SyntheticListings.Split split) {
        long t0 = System.nanoTime();
        ListingModel model = ListingModel.train(split.train().stream().map(SyntheticListings.Labelled::example).toList(),
                ListingModel.Settings.STANDARD, "bench", ListingTerms.standard());
        long trained = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "synthetic set: %d listings (seed %d), %d to train, %d held out; trained in %.1f s%n",
                listings, seed, split.train().size(), split.heldOut().size(), trained / 1e9);
        Predicate<SyntheticListings.Labelled> byModel = l -> model.score(l.title(), l.text()).score() >= threshold;
        Predicate<SyntheticListings.Labelled> byTerms = ListingBenchCommand::termsFlag;
        report("model (terms + char n-grams)", split.heldOut(), byModel);
        report("terms alone", split.heldOut(), byTerms);
        for (String kind : split.heldOut().stream().map(SyntheticListings.Labelled::kind).distinct().sorted().toList()) {
            List<SyntheticListings.Labelled> part = split.heldOut().stream().filter(l -> l.kind().equals(kind)).toList();
            long flagged = part.stream().filter(byModel).count();
            long flaggedTerms = part.stream().filter(byTerms).count();
            System.out.printf(Locale.ROOT, "  %-18s %-8s %4d held out: model flags %4d, terms flag %4d%n", kind,
                    part.get(0).positive() ? "positive" : "negative", part.size(), flagged, flaggedTerms);
        }
    }

    static boolean termsFlag(SyntheticListings.Labelled l) {
        var m = ListingTerms.standard().find(ListingText.words(l.title() + " \n " + l.text()));
        boolean positive = m.stream().anyMatch(x -> switch (x.term().signal()) {
            case FIREARM, PART, KIT, BLUEPRINT -> true;
            default -> false;
        });
        boolean harmless = m.stream().anyMatch(x -> x.term().signal() == org.ferret.intelligence.ListingSignal.HARMLESS_CONTEXT);
        return positive && !harmless;
    }

    static void report(String what, List<SyntheticListings.Labelled> heldOut, Predicate<SyntheticListings.Labelled> flag) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (SyntheticListings.Labelled l : heldOut) {
            boolean f = flag.test(l);
            if (f && l.positive()) tp++;
            else if (f) fp++;
            else if (l.positive()) fn++;
            else tn++;
        }
        System.out.printf(Locale.ROOT, "%-30s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d, tn %d)%n", what,
                tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn), tp, fp, fn, tn);
    }
}
