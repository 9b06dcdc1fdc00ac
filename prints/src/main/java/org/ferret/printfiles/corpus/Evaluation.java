package org.ferret.printfiles.corpus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ferret.printfiles.EvidenceLevel;
import org.ferret.printfiles.PrintScreen;
import org.ferret.printfiles.Screening;
import org.ferret.printfiles.Verdict;
import org.ferret.printfiles.fingerprint.Fingerprint;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.printfiles.read.Mesh;

/**
 * The evaluation without gun files: known-part stand-ins go into a fingerprint library (from their binary STL);
 * each is then transformed and screened; benign lookalikes are screened against the same library. Reports,
 * per transformation, how often the right known part is found (design match, and design or lineage), how often
 * a lookalike or another part is matched, the bore detector's precision and recall, and timings.
 */
public final class Evaluation {
    private Evaluation() {}

    /** One transformation: its name and the file it produces from a mesh and the part's index. */
    public record Transformation(String name, String extension, Function<Mesh, byte[]> file) {}

    /** The G-code row on which the bore detector is evaluated on G-code (channels upright, 20 % infill). */
    static final String STOOD_UP = "G-code, stood up (channels vertical), 20 % infill";
    /** The G-code row on which the bore detector is evaluated on channels lying along the bed (the stand-ins as modelled: channels along x). */
    static final String LYING = "G-code, Marlin relative E";

    public static List<Transformation> transformations() {
        List<Transformation> t = new ArrayList<>();
        t.add(new Transformation("identical file (binary STL)", "stl", MeshWriters::binaryStl));
        t.add(new Transformation("ASCII STL", "stl", MeshWriters::asciiStl));
        t.add(new Transformation("rotated and moved", "stl", m -> MeshWriters.binaryStl(Transforms.rotateAndMove(m, 7 + m.facets(), true))));
        t.add(new Transformation("mirrored", "stl", m -> MeshWriters.binaryStl(Transforms.mirror(m))));
        t.add(new Transformation("mirrored and rotated", "stl", m -> MeshWriters.binaryStl(Transforms.rotateAndMove(Transforms.mirror(m), 11 + m.facets(), true))));
        t.add(new Transformation("scaled ×1.5", "stl", m -> MeshWriters.binaryStl(Transforms.scale(m, 1.5))));
        t.add(new Transformation("re-meshed (each facet in 4)", "stl", m -> MeshWriters.binaryStl(Transforms.subdivide(m))));
        t.add(new Transformation("decimated (vertex clustering, 60 cells)", "stl", m -> MeshWriters.binaryStl(Transforms.decimate(m, 60))));
        t.add(new Transformation("3MF, millimetres", "3mf", m -> MeshWriters.threeMf(m, "millimeter", false)));
        t.add(new Transformation("3MF, inches, part in a second model file", "3mf", m -> MeshWriters.threeMf(m, "inch", true)));
        t.add(new Transformation("OBJ", "obj", MeshWriters::obj));
        t.add(new Transformation("G-code, Marlin relative E", "gcode", m -> Slicer.slice(m, Slicer.Flavour.MARLIN_RELATIVE)));
        t.add(new Transformation("G-code, Marlin absolute E", "gcode", m -> Slicer.slice(m, Slicer.Flavour.MARLIN_ABSOLUTE)));
        t.add(new Transformation("G-code, Klipper, firmware retraction", "gcode", m -> Slicer.slice(m, Slicer.Flavour.KLIPPER_FIRMWARE_RETRACT)));
        t.add(new Transformation("G-code, RepRap, inches", "gcode", m -> Slicer.slice(m, Slicer.Flavour.REPRAP_INCHES)));
        for (int pct : new int[] {40, 20, 10, 0})
            t.add(new Transformation("G-code, " + pct + " % infill", "gcode", m -> Slicer.slice(m, Slicer.Flavour.MARLIN_RELATIVE, pct / 100.0)));
        t.add(new Transformation("G-code, no walls, solid infill", "gcode", m -> Slicer.slice(m, Slicer.Settings.of(Slicer.Flavour.MARLIN_RELATIVE).noPerimeters())));
        t.add(new Transformation("G-code, no walls, 40 % infill", "gcode", m -> Slicer.slice(m, Slicer.Settings.of(Slicer.Flavour.MARLIN_RELATIVE).infill(0.4).noPerimeters())));
        t.add(new Transformation("G-code of the rotated part", "gcode", m -> Slicer.slice(Transforms.rotateAndMove(m, 13 + m.facets(), false), Slicer.Flavour.MARLIN_RELATIVE)));
        t.add(new Transformation(STOOD_UP, "gcode", m -> Slicer.slice(Transforms.standUp(m), Slicer.Flavour.MARLIN_RELATIVE, 0.2)));
        t.add(new Transformation("lightly edited (small block added)", "stl", m -> MeshWriters.binaryStl(Transforms.addBlock(m))));
        return t;
    }

    public record Row(String transformation, int parts, int design, int designOrLineage, int blocked, int wrongPart, double medianMs) {}

    public record Report(List<Row> rows, int lookalikes, int falseDesign, int falseLineage, int lookalikeBlocked, int lookalikeErrors,
                         int boreTp, int boreFp, int boreFn, int boreNegatives, double medianMs, double medianCpuMs, int files, double bigMeshSeconds, double bigMeshCpuSeconds, int bigMeshFacets,
                         Verdict bigMeshVerdict, Library library, List<Double> trueDistances, List<Double> benignDistances,
                         List<ModelFile> stlModels, Bores gcodeBores, int gcodeLookalikeDesign, int gcodeLookalikeLineage,
                         Bores gcodeBoresLying, int gcodeLyingLookalikeDesign, int gcodeLyingLookalikeLineage) {}

    /** Bore detector counts: true, false, missed, negatives. */
    public record Bores(int tp, int fp, int fn, int negatives) {}

    /** One file of the npm package stl-models (MIT; the copies in corpus/stl-models, see its LICENSE) and what the screen said. */
    public record ModelFile(String path, Verdict verdict, boolean matched, String reason) {}

    /** The stl-models files listed in corpus/stl-models/INDEX, each screened against {@code screen}. */
    static List<ModelFile> stlModels(PrintScreen screen, List<Double> times) {
        String base = "/org/ferret/printfiles/corpus/stl-models/";
        List<ModelFile> out = new ArrayList<>();
        try (var index = Evaluation.class.getResourceAsStream(base + "INDEX")) {
            if (index == null) throw new IllegalStateException("corpus/stl-models/INDEX is missing from the class path");
            for (String path : new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (path.isBlank()) continue;
                byte[] file;
                try (var in = Evaluation.class.getResourceAsStream(base + path.strip())) {
                    if (in == null) throw new IllegalStateException("corpus/stl-models/" + path + " is listed but missing");
                    file = in.readAllBytes();
                }
                Screening sc = screen.screen(path.substring(path.lastIndexOf('/') + 1), file);
                times.add(sc.millis());
                boolean matched = sc.evidence().stream().anyMatch(e -> e.knownPart() != null);
                out.add(new ModelFile(path.strip(), sc.verdict(), matched, sc.reason()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    public static Report run(int known, boolean bigMesh, PrintStream log) {
        List<Corpus.Part> parts = Corpus.knownParts(known, 2026);
        Library lib = Library.empty();
        PrintScreen bare = new PrintScreen(Library.empty());
        for (Corpus.Part p : parts) {
            byte[] stl = MeshWriters.binaryStl(p.mesh());
            Screening s = bare.screen(p.id() + ".stl", stl);
            if (s.fingerprint() == null) throw new IllegalStateException(p.id() + " could not be fingerprinted: " + s.reason());
            lib = lib.with(new Library.Entry(p.id(), p.kind(), "evaluation stand-in", Set.of(s.sha256()), s.fingerprint()));
        }
        PrintScreen screen = new PrintScreen(lib);
        List<Double> all = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> trueD = new ArrayList<>();
        List<Double> benignD = new ArrayList<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Row> rows = new ArrayList<>();
        int boreTp = 0, boreFp = 0, boreFn = 0, boreNeg = 0;
        int gTp = 0, gFp = 0, gFn = 0, gNeg = 0;
        int hTp = 0, hFp = 0, hFn = 0, hNeg = 0; // G-code with the channels lying along the bed
        for (Transformation t : transformations()) {
            int design = 0, loose = 0, blocked = 0, wrong = 0;
            List<Double> ms = new ArrayList<>();
            for (Corpus.Part p : parts) {
                byte[] file = t.file().apply(p.mesh());
                long c0 = mx.getCurrentThreadCpuTime();
                Screening s = screen.screen(p.id() + "." + t.extension(), file);
                cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
                if (s.fingerprint() != null) trueD.add(lib.entries().stream().filter(e -> e.id().equals(p.id())).findFirst().orElseThrow().fingerprint().distance(s.fingerprint()));
                ms.add(s.millis());
                all.add(s.millis());
                boolean d = s.evidence().stream().anyMatch(e -> (e.level() == EvidenceLevel.DESIGN || e.level() == EvidenceLevel.EXACT_FILE) && p.id().equals(e.knownPart()));
                boolean l = d || s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.LINEAGE && p.id().equals(e.knownPart()));
                boolean w = s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.DESIGN && e.knownPart() != null && !p.id().equals(e.knownPart()));
                if (d) design++;
                if (l) loose++;
                if (w) wrong++;
                if (s.verdict() == Verdict.BLOCK) blocked++;
                if (s.verdict() == Verdict.ERROR) log.println("  error on " + p.id() + " " + t.name() + ": " + s.reason());
                if (t.extension().equals("stl") && t.name().startsWith("identical")) {
                    boolean b = s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.BORE);
                    if (b && p.bore()) boreTp++;
                    if (b && !p.bore()) boreFp++;
                    if (!b && p.bore()) boreFn++;
                    if (!p.bore()) boreNeg++;
                }
                if (t.name().equals(LYING)) {
                    boolean b = s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.BORE);
                    if (b && p.bore()) hTp++;
                    if (b && !p.bore()) { hFp++; log.println("  lying G-code bore evidence on " + p.id() + " (" + p.kind() + ")"); }
                    if (!b && p.bore()) { hFn++; log.println("  lying G-code bore missed on " + p.id() + ": " + s.facts().get("holesAndBosses")); }
                    if (!p.bore()) hNeg++;
                }
                if (t.name().equals(STOOD_UP)) {
                    boolean b = s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.BORE);
                    if (b && p.bore()) gTp++;
                    if (b && !p.bore()) { gFp++; log.println("  G-code bore evidence on " + p.id() + " (" + p.kind() + ")"); }
                    if (!b && p.bore()) { gFn++; log.println("  G-code bore missed on " + p.id() + ": " + s.facts().get("holesAndBosses")); }
                    if (!p.bore()) gNeg++;
                }
            }
            Row row = new Row(t.name(), parts.size(), design, loose, blocked, wrong, median(ms));
            rows.add(row);
            log.printf(Locale.ROOT, "%-45s design %d/%d, design or lineage %d/%d, blocked %d, wrong part %d, median %.1f ms%n",
                    t.name(), design, parts.size(), loose, parts.size(), blocked, wrong, row.medianMs());
        }
        List<Corpus.Part> benign = Corpus.lookalikes(99);
        int fd = 0, fl = 0, fb = 0, fe = 0;
        for (Corpus.Part p : benign) {
            long c0 = mx.getCurrentThreadCpuTime();
            Screening s = screen.screen(p.id() + ".stl", MeshWriters.binaryStl(p.mesh()));
            cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
            all.add(s.millis());
            if (s.fingerprint() != null) benignD.add(lib.nearest(s.fingerprint(), 1).get(0).distance());
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.DESIGN)) fd++;
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.LINEAGE)) fl++;
            if (s.verdict() == Verdict.BLOCK) fb++;
            if (s.verdict() == Verdict.ERROR) { fe++; log.println("  error on lookalike " + p.id() + " (" + p.kind() + "): " + s.reason()); }
            boolean b = s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.BORE);
            if (b) { boreFp++; log.println("  bore evidence on lookalike " + p.id() + " (" + p.kind() + ")"); }
            boreNeg++;
            if (s.verdict() != Verdict.ALLOW) log.println("  lookalike " + p.id() + " (" + p.kind() + "): " + s.verdict() + " " + s.evidence().stream().map(e -> e.description()).toList());
        }
        log.printf(Locale.ROOT, "lookalikes %d: design match %d, lineage %d, blocked %d, errors %d%n", benign.size(), fd, fl, fb, fe);
        int gd = 0, gl = 0;
        for (Corpus.Part p : benign) { // the lookalikes sliced upright: the tubes at bullet diameters are the G-code bore detector's hard negatives
            long c0 = mx.getCurrentThreadCpuTime();
            Screening s = screen.screen(p.id() + ".gcode", Slicer.slice(Transforms.standUp(p.mesh()), Slicer.Flavour.MARLIN_RELATIVE, 0.2));
            cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
            all.add(s.millis());
            if (s.fingerprint() != null) benignD.add(lib.nearest(s.fingerprint(), 1).get(0).distance());
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.DESIGN)) gd++;
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.LINEAGE)) gl++;
            if (s.verdict() == Verdict.ERROR) log.println("  error on sliced lookalike " + p.id() + " (" + p.kind() + "): " + s.reason());
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.BORE)) { gFp++; log.println("  G-code bore evidence on lookalike " + p.id() + " (" + p.kind() + ")"); }
            gNeg++;
            if (s.verdict() != Verdict.ALLOW) log.println("  sliced lookalike " + p.id() + " (" + p.kind() + "): " + s.verdict() + " " + s.evidence().stream().map(e -> e.description()).toList());
        }
        log.printf(Locale.ROOT, "sliced lookalikes %d: design match %d, lineage %d%n", benign.size(), gd, gl);
        int hd = 0, hl = 0;
        for (Corpus.Part p : benign) { // the lookalikes sliced lying as modelled (tubes and sleeves along x): hard negatives for the lying-channel detector
            long c0 = mx.getCurrentThreadCpuTime();
            Screening s = screen.screen(p.id() + ".gcode", Slicer.slice(p.mesh(), Slicer.Flavour.MARLIN_RELATIVE, 0.2));
            cpu.add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
            all.add(s.millis());
            if (s.fingerprint() != null) benignD.add(lib.nearest(s.fingerprint(), 1).get(0).distance());
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.DESIGN)) hd++;
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.LINEAGE)) hl++;
            if (s.verdict() == Verdict.ERROR) log.println("  error on lying sliced lookalike " + p.id() + " (" + p.kind() + "): " + s.reason());
            if (s.evidence().stream().anyMatch(e -> e.level() == EvidenceLevel.BORE)) { hFp++; log.println("  lying G-code bore evidence on lookalike " + p.id() + " (" + p.kind() + ")"); }
            hNeg++;
            if (s.verdict() != Verdict.ALLOW) log.println("  lying sliced lookalike " + p.id() + " (" + p.kind() + "): " + s.verdict() + " " + s.evidence().stream().map(e -> e.description()).toList());
        }
        log.printf(Locale.ROOT, "lookalikes sliced lying %d: design match %d, lineage %d%n", benign.size(), hd, hl);
        List<ModelFile> models = stlModels(screen, all);
        models.forEach(m -> log.printf(Locale.ROOT, "  stl-models %s: %s%s%n", m.path(), m.verdict(), m.reason() == null ? "" : " (" + m.reason() + ")"));
        log.printf(Locale.ROOT, "bore: %d true, %d false, %d missed (negatives %d)%n", boreTp, boreFp, boreFn, boreNeg);
        log.printf(Locale.ROOT, "bore on G-code: %d true, %d false, %d missed (negatives %d)%n", gTp, gFp, gFn, gNeg);
        log.printf(Locale.ROOT, "bore on G-code, channels lying: %d true, %d false, %d missed (negatives %d)%n", hTp, hFp, hFn, hNeg);
        log.printf(Locale.ROOT, "distance to the right part: median %.3f, 90th %.3f, 95th %.3f, max %.3f; lookalike to its nearest part: min %.3f, 5th %.3f, median %.3f%n",
                quantile(trueD, 0.5), quantile(trueD, 0.9), quantile(trueD, 0.95), quantile(trueD, 1), quantile(benignD, 0), quantile(benignD, 0.05), quantile(benignD, 0.5));
        double big = Double.NaN;
        double bigCpu = Double.NaN;
        int bigFacets = 0;
        Verdict bigVerdict = null;
        if (bigMesh) {
            Mesh m = parts.get(0).mesh();
            while (m.facets() < 1_000_000) m = Transforms.subdivide(m);
            m = new Mesh(java.util.Arrays.copyOf(m.xyz(), 1_000_000 * 9), 1_000_000); // exactly a million (an open surface now: honest extra work)
            byte[] stl = MeshWriters.binaryStl(m);
            screen.screen("warm.stl", stl);
            long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            Screening s = screen.screen("big.stl", stl);
            big = (System.nanoTime() - t0) / 1e9;
            bigCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            bigFacets = m.facets();
            bigVerdict = s.verdict();
            log.printf(Locale.ROOT, "1,000,000-facet mesh: %.2f s (CPU %.2f s), verdict %s%n", big, bigCpu, s.verdict());
        }
        return new Report(rows, benign.size(), fd, fl, fb, fe, boreTp, boreFp, boreFn, boreNeg, median(all), median(cpu), all.size(), big, bigCpu, bigFacets, bigVerdict, lib, trueD, benignD, models,
                new Bores(gTp, gFp, gFn, gNeg), gd, gl, new Bores(hTp, hFp, hFn, hNeg), hd, hl);
    }

    static double quantile(List<Double> v, double q) {
        List<Double> s = new ArrayList<>(v);
        java.util.Collections.sort(s);
        if (s.isEmpty()) return Double.NaN;
        return s.get((int) Math.min(s.size() - 1, Math.round(q * (s.size() - 1))));
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        java.util.Collections.sort(s);
        if (s.isEmpty()) return Double.NaN;
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public static String markdown(Report r) {
        StringBuilder sb = new StringBuilder("| transformation | parts | design match (right part) | design or lineage | blocked | matched another part | median ms |\n|---|---|---|---|---|---|---|\n");
        for (Row w : r.rows())
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d (%.0f %%) | %d (%.0f %%) | %d | %d | %.1f |%n", w.transformation(), w.parts(), w.design(), 100.0 * w.design() / w.parts(),
                    w.designOrLineage(), 100.0 * w.designOrLineage() / w.parts(), w.blocked(), w.wrongPart(), w.medianMs()));
        sb.append(String.format(Locale.ROOT, "%nLookalikes: %d; design match (false block) %d, lineage (false review) %d, blocked %d, errors %d.%n",
                r.lookalikes(), r.falseDesign(), r.falseLineage(), r.lookalikeBlocked(), r.lookalikeErrors()));
        java.util.Map<String, java.util.Map<Verdict, Integer>> byFolder = new java.util.TreeMap<>();
        for (ModelFile m : r.stlModels()) {
            byFolder.computeIfAbsent(m.path().contains("/") ? m.path().substring(0, m.path().indexOf('/')) : ".", k -> new java.util.EnumMap<>(Verdict.class))
                    .merge(m.verdict(), 1, Integer::sum);
        }
        sb.append(String.format(Locale.ROOT, "%nstl-models (npm, MIT; %d files in corpus/stl-models), verdict per folder: %s; matched a known part: %d.%n",
                r.stlModels().size(), byFolder.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                        .map(v -> v.getValue() + " " + v.getKey().name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", ")))
                        .collect(java.util.stream.Collectors.joining("; ")), r.stlModels().stream().filter(ModelFile::matched).count()));
        int flagged = r.boreTp() + r.boreFp();
        sb.append(String.format(Locale.ROOT, "Bore evidence: %d true, %d false on %d negatives (%d of them tubes and sleeves at exactly a bullet diameter), %d missed; precision %s.%n",
                r.boreTp(), r.boreFp(), r.boreNegatives(), 2 * org.ferret.printfiles.geometry.Calibres.TABLE.size(), r.boreFn(), flagged == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) r.boreTp() / flagged)));
        Bores g = r.gcodeBores();
        int gFlagged = g.tp() + g.fp();
        sb.append(String.format(Locale.ROOT, "Lookalikes sliced upright (G-code, 20 %% infill): design match %d, lineage %d. Bore evidence on G-code (row \"%s\" and the sliced lookalikes): %d true, %d false on %d negatives, %d missed; precision %s.%n",
                r.gcodeLookalikeDesign(), r.gcodeLookalikeLineage(), STOOD_UP, g.tp(), g.fp(), g.negatives(), g.fn(), gFlagged == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) g.tp() / gFlagged)));
        Bores h = r.gcodeBoresLying();
        int hFlagged = h.tp() + h.fp();
        sb.append(String.format(Locale.ROOT, "Lookalikes sliced lying (G-code, 20 %% infill): design match %d, lineage %d. Bore evidence on G-code with the channels lying along the bed (row \"%s\" and the lookalikes sliced lying): %d true, %d false on %d negatives, %d missed; precision %s, recall %s.%n",
                r.gcodeLyingLookalikeDesign(), r.gcodeLyingLookalikeLineage(), LYING, h.tp(), h.fp(), h.negatives(), h.fn(), hFlagged == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) h.tp() / hFlagged),
                h.tp() + h.fn() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) h.tp() / (h.tp() + h.fn()))));
        sb.append(String.format(Locale.ROOT, "Median screen time per file over %d files: %.1f ms.%n", r.files(), r.medianMs()));
        sb.append(String.format(Locale.ROOT, "Median CPU time of the screening thread per file: %.1f ms.%n", r.medianCpuMs()));
        sb.append(String.format(Locale.ROOT, "Fingerprint distance of a transformed part to its own entry: median %.3f, 95th percentile %.3f, max %.3f; of a lookalike to its nearest entry: min %.3f, 5th percentile %.3f, median %.3f (design ≤ %.2f, lineage ≤ %.2f).%n",
                quantile(r.trueDistances(), 0.5), quantile(r.trueDistances(), 0.95), quantile(r.trueDistances(), 1), quantile(r.benignDistances(), 0), quantile(r.benignDistances(), 0.05), quantile(r.benignDistances(), 0.5), PrintScreen.DESIGN_MAX, PrintScreen.LINEAGE_MAX));
        if (r.bigMeshFacets() > 0) sb.append(String.format(Locale.ROOT, "A %,d-facet binary STL: %.2f s wall, %.2f s CPU (verdict %s).%n", r.bigMeshFacets(), r.bigMeshSeconds(), r.bigMeshCpuSeconds(), r.bigMeshVerdict()));
        return sb.toString();
    }

}
