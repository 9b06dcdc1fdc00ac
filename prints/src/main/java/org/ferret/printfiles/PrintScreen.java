package org.ferret.printfiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ferret.printfiles.fingerprint.Fingerprint;
import org.ferret.printfiles.fingerprint.Fingerprinter;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.printfiles.geometry.Deposit;
import org.ferret.printfiles.geometry.Features;
import org.ferret.printfiles.geometry.Primitives;
import org.ferret.printfiles.geometry.Topology;
import org.ferret.printfiles.geometry.Voxels;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.Limits;
import org.ferret.printfiles.read.Mesh;
import org.ferret.printfiles.read.PrintModel;
import org.ferret.printfiles.read.PrintReaders;
import org.ferret.printfiles.read.Toolpath;
import org.ferret.printfiles.read.UnreadableFileException;

/**
 * The print-file screen: reads a file within its limits, measures it, fingerprints it, compares it with the
 * library and answers allow, review, block or error with the evidence. It fails closed: anything that stops
 * the screen from finishing (a malformed file, a limit, the time allowed, a fault of the screen itself) is
 * {@code ERROR}, never {@code ALLOW}.
 *
 * <p>Verdict rule: an exact file match or a design match blocks; lineage, a platform feature or a bore (a
 * channel at a bullet diameter with a coaxial chamber) sends to review; nothing of these allows.
 */
public final class PrintScreen {
    /** Fingerprint distance up to which a part is the known design (set from the evaluation, docs/prints.md). */
    public static final double DESIGN_MAX = 0.40;
    /** Fingerprint distance up to which a part is reported as a derivative (lineage). */
    public static final double LINEAGE_MAX = 0.60;

    private final Library library;
    private final Limits limits;
    private final List<Features.Platform> platforms;

    public PrintScreen(Library library, Limits limits, List<Features.Platform> platforms) {
        this.library = library;
        this.limits = limits;
        this.platforms = List.copyOf(platforms);
    }

    public PrintScreen(Library library) {
        this(library, Limits.defaults(), Features.STAND_IN_PLATFORMS);
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What one file gives before the library is consulted: facts, notes, surfaces and the fingerprint. */
    public record Measured(PrintModel model, Map<String, Object> facts, List<String> notes, List<Features.Bore> bores,
                           List<Features.PlatformMatch> platformMatches, Fingerprint fingerprint) {}

    public Measured measure(String name, byte[] bytes, Deadline deadline) throws UnreadableFileException {
        PrintModel model = PrintReaders.read(name, bytes, limits, deadline);
        Map<String, Object> facts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Features.Bore> bores = List.of();
        List<Features.PlatformMatch> plat = List.of();
        Voxels v;
        switch (model) {
            case Mesh m -> {
                if (m.facets() == 0) throw new UnreadableFileException(UnreadableFileException.Kind.MALFORMED, "the mesh has no facets");
                facts.put("format", "mesh");
                facts.put("facets", m.facets());
                double[] b = Voxels.bounds(m);
                facts.put("sizeMm", List.of(b[3] - b[0], b[4] - b[1], b[5] - b[2]));
                double longest = Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2]));
                if (longest < 5) notes.add(String.format(Locale.ROOT, "the part is only %.3g mm long: its file may be in metres or inches, not millimetres", longest));
                if (longest > 2000) notes.add(String.format(Locale.ROOT, "the part is %.0f mm long: its file may be in microns, not millimetres", longest));
                Topology t = Topology.of(m, deadline);
                facts.put("vertices", t.vertices);
                facts.put("parts", t.parts);
                facts.put("watertight", t.watertight());
                if (!t.watertight()) facts.put("openEdges", t.openEdges);
                facts.put("volumeMm3", Math.abs(t.signedVolume));
                List<Primitives.Surface> surfaces = Primitives.fit(m, t, deadline);
                int planes = 0, cyl = 0, cones = 0;
                for (Primitives.Surface s : surfaces) {
                    switch (s.kind()) {
                        case PLANE -> planes++;
                        case CYLINDER -> cyl++;
                        case CONE -> cones++;
                    }
                }
                facts.put("planes", planes);
                facts.put("cylinders", cyl);
                facts.put("cones", cones);
                Features.Found found = features(surfaces, notes);
                facts.put("holesAndBosses", found.holes());
                bores = found.bores();
                plat = found.platforms();
                v = Voxels.of(m, Fingerprinter.RESOLUTION, deadline);
            }
            case Toolpath tp -> {
                facts.put("format", "gcode");
                facts.put("segments", tp.segments());
                facts.put("layers", tp.layers());
                double[] b = Voxels.bounds(tp);
                facts.put("sizeMm", List.of(b[3] - b[0], b[4] - b[1], b[5] - b[2]));
                Deposit dep = Deposit.of(tp, deadline);
                facts.put("loops", dep.loopCount());
                notes.add(dep.loopCount() > 0
                        ? "G-code is compared on the volume its perimeter loops enclose; holes, bores and platform features are measured on vertical channels (circular hole loops stacked over layers) and on channels lying along the bed (gaps whose width follows a circle's chord over the layers), not on channels at a slant; bosses only lying along the bed"
                        : "G-code without closed perimeter loops: compared on its deposited beads, gaps up to " + Voxels.SPARSE_GAP_MM + " mm filled; no holes measured");
                List<Primitives.Surface> channels = new ArrayList<>(dep.holes(deadline));
                channels.addAll(dep.lyingChannels(deadline));
                channels.addAll(dep.lyingBosses(deadline));
                Features.Found found = features(channels, notes);
                facts.put("holesAndBosses", found.holes());
                bores = found.bores();
                plat = found.platforms();
                v = Voxels.of(dep, Fingerprinter.RESOLUTION, deadline);
            }
        }
        Fingerprint fp = Fingerprinter.of(v, deadline);
        return new Measured(model, facts, notes, bores, plat, fp);
    }

    /** Measurable holes and bosses (for the facts), bores and platform matches from fitted or stacked surfaces. */
    private Features.Found features(List<Primitives.Surface> surfaces, List<String> notes) {
        List<Map<String, Object>> holes = new ArrayList<>();
        for (Primitives.Surface s : surfaces) {
            if (Features.measurable(s) && holes.size() < 50) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("kind", s.hole() ? "hole" : "boss");
                h.put("diameterMm", s.diameter());
                h.put("lengthMm", s.length());
                holes.add(h);
            }
        }
        List<Features.Bore> bores = Features.bores(surfaces);
        for (Features.Bore bo : bores) if (!bo.chamber()) notes.add(bo.describe() + ", no chamber: not counted as a bore (tubing is made at these sizes)");
        return new Features.Found(holes, bores, Features.platforms(surfaces, platforms));
    }

    public Screening screen(String name, byte[] bytes) {
        long t0 = System.nanoTime();
        String sha = sha256(bytes);
        Deadline deadline = Deadline.in(limits);
        try {
            Measured m = measure(name, bytes, deadline);
            List<Evidence> ev = new ArrayList<>();
            for (Library.Entry e : library.byHash(sha))
                ev.add(new Evidence(EvidenceLevel.EXACT_FILE, "the file is byte for byte one a known part (" + e.partType() + ", " + e.source() + ") was computed from",
                        Map.of(), e.id()));
            for (Library.Near n : library.nearest(m.fingerprint(), 3)) {
                double scale = m.fingerprint().scaleTo(n.entry().fingerprint());
                Map<String, Double> meas = Map.of("distance", n.distance(), "scale", scale);
                String sc = Math.abs(scale - 1) < 0.02 ? "" : String.format(Locale.ROOT, ", at %.3g × its size%s", scale,
                        Math.abs(scale - 25.4) < 0.5 || Math.abs(scale - 1 / 25.4) < 0.002 ? " (inches read as millimetres or back)" : "");
                if (n.distance() <= DESIGN_MAX)
                    ev.add(new Evidence(EvidenceLevel.DESIGN, String.format(Locale.ROOT, "shape matches known part %s (%s, %s): distance %.3f ≤ %.2f%s",
                            n.entry().id(), n.entry().partType(), n.entry().source(), n.distance(), DESIGN_MAX, sc), meas, n.entry().id()));
                else if (n.distance() <= LINEAGE_MAX)
                    ev.add(new Evidence(EvidenceLevel.LINEAGE, String.format(Locale.ROOT, "shape resembles known part %s (%s, %s): distance %.3f ≤ %.2f, a derivative?%s",
                            n.entry().id(), n.entry().partType(), n.entry().source(), n.distance(), LINEAGE_MAX, sc), meas, n.entry().id()));
            }
            for (Features.PlatformMatch p : m.platformMatches())
                ev.add(new Evidence(EvidenceLevel.PLATFORM, p.describe(), Map.of("diameterA", p.diametersMm()[0], "diameterB", p.diametersMm()[1], "spacing", p.spacingMm()), null));
            for (Features.Bore b : m.bores())
                if (b.chamber())
                    ev.add(new Evidence(EvidenceLevel.BORE, b.describe(), Map.of("diameter", b.diameterMm(), "length", b.lengthMm(), "chamberDiameter", b.chamberDiameterMm()), null));
            Verdict verdict = Verdict.ALLOW;
            for (Evidence e : ev) {
                Verdict w = switch (e.level()) {
                    case EXACT_FILE, DESIGN -> Verdict.BLOCK;
                    case LINEAGE, PLATFORM, BORE -> Verdict.REVIEW;
                };
                if (w.ordinal() > verdict.ordinal()) verdict = w;
            }
            ev.sort(java.util.Comparator.comparing(Evidence::level));
            return new Screening(name, verdict, ev, null, sha, m.fingerprint(), m.facts(), m.notes(), (System.nanoTime() - t0) / 1e6);
        } catch (UnreadableFileException e) {
            return new Screening(name, Verdict.ERROR, List.of(), e.reason(), sha, null, Map.of("errorKind", e.kind().name().toLowerCase(Locale.ROOT)), List.of(), (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // fail closed: a fault of the screen is an error answer, never a pass
            return new Screening(name, Verdict.ERROR, List.of(), "the screen failed on this file (" + e.getClass().getSimpleName() + "): "
                    + e.getMessage(), sha, null, Map.of("errorKind", "internal"), List.of(), (System.nanoTime() - t0) / 1e6);
        }
    }
}
