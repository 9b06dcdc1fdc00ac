package org.ferret.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

import org.ferret.registry.Calibre;
import org.ferret.registry.Construction;
import org.ferret.registry.CountryCode;
import org.ferret.registry.Deactivation;
import org.ferret.registry.Destruction;
import org.ferret.registry.EventType;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderRole;
import org.ferret.registry.HolderType;
import org.ferret.registry.ItemAttributes;
import org.ferret.registry.ItemId;
import org.ferret.registry.ItemKind;
import org.ferret.registry.Marking;
import org.ferret.registry.MarkingElements;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.MarkingMethod;
import org.ferret.registry.NewEvent;
import org.ferret.registry.Particulars;
import org.ferret.registry.NewHolder;
import org.ferret.registry.NewItem;
import org.ferret.registry.Registry;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes a deterministic, entirely synthetic registry through the registry's public API: the same seed gives
 * the same items, markings and histories. Names, serials and holders are invented; see docs/demo-data.md.
 */
public final class DemoDataGenerator {

    /** A make and model as the generator uses it. */
    record Model(String manufacturer, String country, String model, ItemKind kind, String calibre, String serialPrefix,
            Construction construction) {
    }

    static final List<Model> MODELS = List.of(
            new Model("Glock", "AT", "G17", ItemKind.PISTOL, "9x19mm", "AB", Construction.POLYMER),
            new Model("Glock", "AT", "G19", ItemKind.PISTOL, "9x19mm", "BK", Construction.POLYMER),
            new Model("Sako", "FI", "85 Hunter", ItemKind.RIFLE, ".308 Win", "S8", Construction.METAL),
            new Model("Tikka", "FI", "T3x", ItemKind.RIFLE, "6.5 Creedmoor", "T3", Construction.METAL),
            new Model("Beretta", "IT", "92FS", ItemKind.PISTOL, "9x19mm", "BER", Construction.METAL),
            new Model("Beretta", "IT", "A400", ItemKind.SHOTGUN, "12/76", "XA", Construction.METAL),
            new Model("Ceska zbrojovka", "CZ", "75 SP-01", ItemKind.PISTOL, "9x19mm", "F", Construction.METAL),
            new Model("Heckler & Koch", "DE", "MP5", ItemKind.SUBMACHINE_GUN, "9x19mm", "HK", Construction.METAL),
            new Model("Walther", "DE", "PPQ", ItemKind.PISTOL, "9x19mm", "FAV", Construction.POLYMER),
            new Model("Smith & Wesson", "US", "Model 686", ItemKind.REVOLVER, ".357 Magnum", "CRK", Construction.METAL),
            new Model("Sturm, Ruger", "US", "10/22", ItemKind.RIFLE, ".22 LR", "0012", Construction.METAL),
            new Model("FN Herstal", "BE", "FN 509", ItemKind.PISTOL, "9x19mm", "GKS", Construction.POLYMER),
            new Model("Benelli", "IT", "M4", ItemKind.SHOTGUN, "12/76", "M4", Construction.METAL));

    static final Model ALARM = new Model("Zoraki", "TR", "917 (converted alarm pistol)", ItemKind.PISTOL, "9x19mm",
            "ZR", Construction.CONVERTED_ALARM_OR_GAS);

    private static final String[] FIRST = {"Aino", "Mikko", "Laura", "Juha", "Sanna", "Timo", "Elina", "Pekka",
            "Maria", "Antti", "Kaisa", "Jari", "Helmi", "Olli", "Noora", "Ville"};
    private static final String[] LAST = {"Virtanen", "Korhonen", "Nieminen", "Makinen", "Hamalainen", "Laine",
            "Heikkinen", "Koskinen", "Jarvinen", "Lehtonen", "Salminen", "Rantanen"};

    /** A firearm still in lawful possession, to which demo components can be fitted. */
    private record Fittable(ItemId id, Model model, LocalDate since) {
    }

    static final int CHUNK = 100;

    private final List<Fittable> fittable = new ArrayList<>();
    private final Registry registry;
    private final Random random;
    private final LocalDate today;
    private int serialCounter;

    private final DemoDeactivations deactivations;

    public DemoDataGenerator(Registry registry, long seed, LocalDate today) {
        this(registry, seed, today, null);
    }

    /** With {@code deactivations}, each deactivation first gets a passing assessment under the shipped EU pack. */
    DemoDataGenerator(Registry registry, long seed, LocalDate today, DemoDeactivations deactivations) {
        this.deactivations = deactivations;
        this.registry = registry;
        this.random = new Random(seed);
        this.today = today;
    }

    /**
     * Registers {@code items} items: firearms with their histories, plus converted alarm pistols, unmarked 3D-printed
     * frames, components and ammunition lots. Items are written in chunks of {@link #CHUNK}, each chunk in one
     * transaction of {@code tx}, so other modules' listeners keep pace and a failure loses at most one chunk.
     */
    public int generate(int items, TransactionOperations tx, IntConsumer progress) {
        List<Holder> dealers = new ArrayList<>();
        List<Holder> owners = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 1; i <= 12; i++) {
                dealers.add(registry.registerHolder(new NewHolder(HolderType.ORGANISATION, HolderRole.DEALER,
                        "Demo Arms Dealer " + i + " Oy", "FI-DL-" + (1000 + i), CountryCode.of("FI"))));
            }
            for (int i = 1; i <= Math.max(50, items / 6); i++) {
                owners.add(registry.registerHolder(new NewHolder(HolderType.PERSON, HolderRole.OWNER,
                        pick(FIRST) + " " + pick(LAST) + " (synthetic)", "FI-PL-" + (100000 + i), CountryCode.of("FI"))));
            }
        });

        // the plan is fixed first, so the same seed always gives the same registry however it is chunked
        List<Runnable> plan = new ArrayList<>(items);
        int firearms = (int) (items * 0.85);
        for (int i = 0; i < firearms; i++) {
            plan.add(() -> firearm(pick(MODELS), dealers, owners));
        }
        for (int i = 0; i < items * 0.02; i++) {
            plan.add(this::convertedAlarmPistol);
        }
        for (int i = 0; i < items * 0.03; i++) {
            plan.add(this::printedFrame);
        }
        while (plan.size() < items - items * 0.05) {
            plan.add(() -> component(dealers, owners));
        }
        while (plan.size() < items) {
            plan.add(() -> ammunitionLot(dealers));
        }
        // registered in a mixed order, as a real registry fills up (the shuffle is seeded too)
        java.util.Collections.shuffle(plan, random);
        for (int from = 0; from < plan.size(); from += CHUNK) {
            List<Runnable> chunk = plan.subList(from, Math.min(plan.size(), from + CHUNK));
            tx.executeWithoutResult(s -> chunk.forEach(Runnable::run));
            progress.accept(from + chunk.size());
        }
        return plan.size();
    }

    private void firearm(Model m, List<Holder> dealers, List<Holder> owners) {
        int year = 1995 + random.nextInt(30);
        LocalDate made = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String serial = serial(m);
        List<Marking> markings = new ArrayList<>();
        markings.add(new Marking(MarkingKind.MANUFACTURE, new MarkingElements(m.manufacturer(), m.country(),
                org.ferret.registry.SerialNumber.of(serial), year, null, null, m.model(), Calibre.ofNullable(m.calibre()),
                null, null), m.kind() == ItemKind.REVOLVER ? "frame, right side" : "frame, left side",
                m.construction() == Construction.POLYMER ? MarkingMethod.EMBEDDED_METAL_INSERT : MarkingMethod.STAMPED));
        boolean imported = !m.country().equals("FI");
        LocalDate importedOn = made.plusDays(30 + random.nextInt(300));
        if (imported && random.nextInt(10) > 0) {
            markings.add(new Marking(MarkingKind.IMPORT, MarkingElements.imported(CountryCode.of("FI"), importedOn.getYear()),
                    "frame, next to the serial", MarkingMethod.LASER));
        }
        NewEvent first = imported
                ? new NewEvent.Import(importedOn, CountryCode.of(m.country()), null, new Particulars(null,
                        "IMP-" + importedOn.getYear() + "-" + (10000 + random.nextInt(90000)), null))
                : new NewEvent.Manufacture(made, null, Particulars.NONE);
        ItemId id = registry.register(new NewItem(m.kind(), new ItemAttributes(m.manufacturer(), m.model(),
                Calibre.ofNullable(m.calibre()), CountryCode.of(m.country()), year, m.construction(), null),
                markings, "DEMO-" + serial, first)).id();

        LocalDate at = imported ? importedOn : made;
        at = next(at, 200);
        registry.recordEvent(id, new NewEvent.Transfer(at, pick(dealers).id(), Particulars.NONE));
        at = next(at, 400);
        registry.recordEvent(id, new NewEvent.Transfer(at, pick(owners).id(), Particulars.NONE));
        if (random.nextInt(4) == 0) {
            at = next(at, 1500);
            registry.recordEvent(id, new NewEvent.Transfer(at, pick(owners).id(), Particulars.NONE));
        }
        int fate = random.nextInt(100);
        if (fate < 5) {
            at = next(at, 1200);
            registry.recordEvent(id, new NewEvent.TheftReported(at, Particulars.NONE));
            if (random.nextInt(3) == 0) {
                at = next(at, 600);
                registry.recordEvent(id, new NewEvent.Seizure(at, new Particulars("Helsinki",
                        "CASE-" + (2000 + random.nextInt(8000)), "recovered in a police operation")));
            }
        } else if (fate < 7) {
            at = next(at, 1200);
            registry.recordEvent(id, new NewEvent.LossReported(at, Particulars.NONE));
        } else if (fate < 9) {
            at = next(at, 1200);
            registry.recordEvent(id, new NewEvent.Seizure(at, new Particulars("Tampere",
                    "CASE-" + (2000 + random.nextInt(8000)), "seized from an unlicensed holder")));
        } else if (fate < 12) {
            at = next(at, 1500);
            String standard = "EU 2015/2403 as amended by 2018/337";
            if (deactivations != null) {
                deactivations.assess(id.value(), m.kind());
                standard = deactivations.reference();
            }
            registry.recordEvent(id, new NewEvent.Deactivated(at, new Deactivation("DEACT-" + (10000 + random.nextInt(90000)),
                    standard, "Proof house (demo)", "EU deactivation mark, FI"), Particulars.NONE));
        } else if (fate < 13) {
            at = next(at, 1500);
            registry.recordEvent(id, new NewEvent.Surrender(at, Particulars.NONE));
            at = next(at, 200);
            registry.recordEvent(id, new NewEvent.Destroyed(at, new Destruction("cut and melted", "Officer (demo)",
                    "DEST-" + (10000 + random.nextInt(90000))), Particulars.NONE));
        } else if (fate < 15) {
            at = next(at, 1500);
            registry.recordEvent(id, new NewEvent.Export(at, CountryCode.of(pick(new String[] {"SE", "EE", "NO", "DE"})), Particulars.NONE));
        } else if (m.kind() == ItemKind.PISTOL) {
            fittable.add(new Fittable(id, m, at));
        }
    }

    private void convertedAlarmPistol() {
        LocalDate seized = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1000));
        String serial = serial(ALARM);
        registry.register(new NewItem(ItemKind.PISTOL, new ItemAttributes(ALARM.manufacturer(), ALARM.model(),
                Calibre.ofNullable("9x19mm"), CountryCode.of("TR"), 2019 + random.nextInt(3), ALARM.construction(), null),
                List.of(new Marking(MarkingKind.MANUFACTURE, MarkingElements.manufacture(ALARM.manufacturer(), "TR", serial),
                        "slide, left side", MarkingMethod.LASER)),
                "DEMO-" + serial, new NewEvent.Seizure(seized, new Particulars("Turku",
                        "CASE-" + (2000 + random.nextInt(8000)), "alarm pistol converted to fire live rounds, bought online"))));
    }

    private void printedFrame() {
        LocalDate seized = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1400));
        registry.register(new NewItem(ItemKind.FRAME, new ItemAttributes(null, "FGC-9 type (3D-printed)",
                Calibre.ofNullable("9x19mm"), null, null, Construction.ADDITIVELY_MANUFACTURED, null),
                List.of(), "DEMO-3DP-" + (++serialCounter), new NewEvent.Seizure(seized, new Particulars(
                        pick(new String[] {"Helsinki", "Oulu", "Vantaa", "Espoo"}), "CASE-" + (2000 + random.nextInt(8000)),
                        "unmarked 3D-printed frame found in a home workshop"))));
    }

    private void component(List<Holder> dealers, List<Holder> owners) {
        Model m = pick(MODELS);
        ItemKind kind = m.kind() == ItemKind.REVOLVER ? ItemKind.CYLINDER
                : m.kind() == ItemKind.PISTOL ? (random.nextBoolean() ? ItemKind.SLIDE : ItemKind.BARREL)
                : random.nextInt(5) == 0 ? ItemKind.SUPPRESSOR : ItemKind.BARREL;
        String serial = serial(m);
        int year = 2005 + random.nextInt(20);
        ItemId id = registry.register(new NewItem(kind, new ItemAttributes(m.manufacturer(), m.model() + " " + kind.label(),
                Calibre.ofNullable(m.calibre()), CountryCode.of(m.country()), year, Construction.METAL, null),
                List.of(new Marking(MarkingKind.MANUFACTURE, MarkingElements.manufacture(m.manufacturer(), m.country(), serial),
                        kind.label(), MarkingMethod.STAMPED)),
                "DEMO-" + serial, new NewEvent.Manufacture(LocalDate.of(year, 6, 1), null, Particulars.NONE))).id();
        LocalDate at = next(LocalDate.of(year, 6, 1), 300);
        registry.recordEvent(id, new NewEvent.Transfer(at, pick(dealers).id(), Particulars.NONE));
        if (random.nextBoolean()) {
            registry.recordEvent(id, new NewEvent.Transfer(next(at, 300), pick(owners).id(), Particulars.NONE));
        }
        if ((kind == ItemKind.SLIDE || kind == ItemKind.BARREL) && !fittable.isEmpty() && random.nextInt(3) == 0) {
            // a replacement part fitted to a pistol, sometimes swapped out again later: the frame's history keeps both
            Fittable f = fittable.remove(random.nextInt(fittable.size()));
            LocalDate on = next(f.since().isAfter(at) ? f.since() : at, 700);
            registry.fitComponent(f.id(), id, on, "replacement " + kind.label() + " fitted by a dealer");
            if (random.nextInt(4) == 0) {
                registry.removeComponent(f.id(), id, next(on, 700), "original " + kind.label() + " refitted");
            }
        }
    }

    private void ammunitionLot(List<Holder> dealers) {
        int year = 2018 + random.nextInt(8);
        String lot = "LOT" + year + "-" + (++serialCounter);
        ItemId id = registry.register(new NewItem(ItemKind.AMMUNITION_LOT, new ItemAttributes("Lapua", "Lot of cartridges",
                Calibre.ofNullable(pick(new String[] {".308 Win", "6.5 Creedmoor", "9x19mm", ".22 LR"})),
                CountryCode.of("FI"), year, null, 500 * (1 + random.nextInt(20))),
                List.of(new Marking(MarkingKind.MANUFACTURE, MarkingElements.manufacture("Lapua", "FI", lot), "packaging",
                        MarkingMethod.LASER)),
                "DEMO-" + lot, new NewEvent.Manufacture(LocalDate.of(year, 3, 1), null, Particulars.NONE))).id();
        registry.recordEvent(id, new NewEvent.Transfer(next(LocalDate.of(year, 3, 1), 200), pick(dealers).id(), Particulars.NONE));
    }

    private String serial(Model m) {
        serialCounter++;
        return switch (m.serialPrefix().length()) {
            case 2 -> m.serialPrefix() + String.format("%05d", serialCounter);
            case 3 -> m.serialPrefix() + "-" + String.format("%06d", serialCounter);
            default -> m.serialPrefix() + String.format("%06d", serialCounter);
        };
    }

    private LocalDate next(LocalDate from, int maxDays) {
        LocalDate d = from.plusDays(1 + random.nextInt(maxDays));
        LocalDate limit = today.minusDays(1);
        return d.isAfter(limit) ? (from.isBefore(limit) ? limit : from) : d;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] list) {
        return list[random.nextInt(list.length)];
    }
}
