package org.ferret.printfiles.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ferret.printfiles.corpus.Shapes.Blind;
import org.ferret.printfiles.corpus.Shapes.Boss;
import org.ferret.printfiles.corpus.Shapes.Cell;
import org.ferret.printfiles.corpus.Shapes.Solid;
import org.ferret.printfiles.corpus.Shapes.Step;
import org.ferret.printfiles.corpus.Shapes.Through;
import org.ferret.printfiles.geometry.Calibres;
import org.ferret.printfiles.read.Mesh;

/**
 * The evaluation corpus, all procedural and seeded: "known part" stand-ins (parametric bodies with holes,
 * pockets, bosses and channels; some with a stepped channel at cartridge dimensions, some with a platform
 * stand-in hole pair) and benign mechanical lookalikes (tubes at exactly bullet diameters, stepped sleeves,
 * pipes, brackets, rails, gears, enclosures, plates with holes). None is a firearm part or resembles one.
 */
public final class Corpus {
    private Corpus() {}

    /** A named solid; {@code bore} says whether it carries a channel-with-chamber stand-in (ground truth for the bore detector). */
    public record Part(String id, String kind, Mesh mesh, boolean bore) {}

    public static List<Part> knownParts(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("K%02d", i + 1);
            switch (i % 4) {
                case 0, 1 -> out.add(new Part(id, "stand-in plate", randomPlate(r, false), false));
                case 2 -> {
                    List<Calibres.Calibre> stepped = Calibres.TABLE.stream().filter(k -> k.caseMouthMm() - k.bulletMm() >= 0.4 && k.bulletMm() < 15).toList();
                    Calibres.Calibre c = stepped.get(r.nextInt(stepped.size()));
                    double side = c.caseMouthMm() + r.nextDouble(6, 14);
                    List<Step> steps = List.of(new Step(r.nextDouble(8, 20), c.caseMouthMm() / 2), new Step(c.bulletMm() * r.nextDouble(6, 14), c.bulletMm() / 2));
                    out.add(new Part(id, "stand-in block with stepped channel", Shapes.axial(side, 0, 0, steps, 32), true));
                }
                default -> out.add(new Part(id, "stand-in plate with platform hole pair", randomPlate(r, true), false));
            }
        }
        return out;
    }

    static Mesh randomPlate(SplittableRandom r, boolean platformPair) {
        int cols = r.nextInt(3, 7), rows = r.nextInt(2, 5);
        double cell = platformPair ? 17.30 : r.nextDouble(8, 14);
        double t = r.nextDouble(4, 10);
        Cell[] cells = new Cell[cols * rows];
        for (int i = 0; i < cells.length; i++) {
            double p = r.nextDouble();
            double rad = r.nextDouble(1.0, 0.38 * cell);
            cells[i] = p < 0.4 ? new Solid() : p < 0.65 ? new Through(rad) : p < 0.85 ? new Blind(rad, r.nextDouble(0.3, 0.8) * t) : new Boss(rad, r.nextDouble(2, 8));
        }
        if (platformPair) {
            cells[0] = new Through(1.55);
            cells[1] = new Through(1.55);
        }
        return Shapes.plate(cols, rows, cell, t, cells, 6);
    }

    public static List<Part> lookalikes(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Part> out = new ArrayList<>();
        int i = 0;
        for (Calibres.Calibre c : Calibres.TABLE) { // tubes at exactly a bullet diameter: the bore detector's hard negatives
            double inner = c.bulletMm() / 2;
            out.add(new Part("L" + (++i), "tube at the " + c.name() + " bullet diameter", Shapes.tube(inner + r.nextDouble(0.8, 6), inner, r.nextDouble(40, 250), 48), false));
            double counter = inner + r.nextDouble(0.8, 2.5);
            out.add(new Part("L" + (++i), "stepped sleeve at the " + c.name() + " bullet diameter",
                    Shapes.axial(0, counter + r.nextDouble(1, 5), 0, List.of(new Step(r.nextDouble(5, 15), counter), new Step(r.nextDouble(40, 150), inner)), 48), false));
        }
        for (int k = 0; k < 6; k++) {
            double ro = r.nextDouble(8, 40);
            out.add(new Part("L" + (++i), "pipe", Shapes.tube(ro, ro - r.nextDouble(1, 5), r.nextDouble(30, 300), 40), false));
        }
        for (int k = 0; k < 6; k++) {
            double ro = r.nextDouble(10, 40);
            out.add(new Part("L" + (++i), "gear", Shapes.axial(0, ro, r.nextInt(12, 40), List.of(new Step(r.nextDouble(4, 15), r.nextDouble(2, ro / 3))), 240), false));
        }
        for (int k = 0; k < 6; k++) {
            double w = r.nextDouble(8, 30), h = r.nextDouble(3, 10), l = r.nextDouble(60, 300);
            MeshBuilder b = new MeshBuilder();
            Shapes.box(b, 0, 0, 0, l, w, h);
            Shapes.box(b, 0, w * 0.3, h, l, w * 0.7, h + r.nextDouble(2, 8));
            out.add(new Part("L" + (++i), "rail", b.build(), false));
        }
        for (int k = 0; k < 6; k++) {
            Mesh base = randomPlate(r, false);
            double[] bb = org.ferret.printfiles.geometry.Voxels.bounds(base);
            MeshBuilder b = new MeshBuilder().add(base);
            Shapes.box(b, bb[0], bb[1] - r.nextDouble(3, 8), bb[2], bb[3], bb[1], bb[5] + r.nextDouble(15, 50));
            out.add(new Part("L" + (++i), "bracket", b.build(), false));
        }
        for (int k = 0; k < 6; k++) {
            double x = r.nextDouble(40, 150), y = r.nextDouble(30, 100), z = r.nextDouble(20, 60), wall = r.nextDouble(1.5, 4);
            MeshBuilder e = new MeshBuilder().add(hollow(x, y, z, wall));
            out.add(new Part("L" + (++i), "enclosure", e.build(), false));
        }
        for (int k = 0; k < 14; k++) out.add(new Part("L" + (++i), "plate with holes", randomPlate(r, k % 5 == 0), false));
        return out;
    }

    /** A closed box with a wall-thick shell: outer box and an inside-out inner box (two closed surfaces). */
    static Mesh hollow(double x, double y, double z, double wall) {
        MeshBuilder b = new MeshBuilder();
        Shapes.box(b, 0, 0, 0, x, y, z);
        Mesh inner = Shapes.box(wall, wall, wall, x - wall, y - wall, z - wall);
        float[] a = inner.xyz();
        for (int f = 0; f < inner.facets(); f++) {
            int o = f * 9;
            for (int q = 0; q < 3; q++) { float t = a[o + 3 + q]; a[o + 3 + q] = a[o + 6 + q]; a[o + 6 + q] = t; }
        }
        return b.add(inner).build();
    }
}
