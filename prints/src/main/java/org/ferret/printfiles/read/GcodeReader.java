package org.ferret.printfiles.read;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * G-code of the Marlin, RepRap and Klipper flavours, reconstructed into what it deposits: every move that
 * advances the filament while the nozzle moves becomes a bead segment whose width follows from the filament
 * pushed, the segment's length and the layer height. Honours G90/G91 (positions), M82/M83 (extruder), G92,
 * G20/G21 (inches/millimetres), G2/G3 arcs, M200 volumetric extrusion, M221 flow, G10/G11 firmware retraction
 * (no deposit) and line numbers with checksums. A command it does not know (one that might move the nozzle in a
 * way it cannot follow) makes the file unreadable: the screen fails closed rather than judge a partial part.
 */
public final class GcodeReader {
    private GcodeReader() {}

    /** Commands that neither move the nozzle nor change how moves are read. */
    private static final Set<String> INERT = Set.of(
            "G4", "G28", "G29", "G80", "G17", "M0", "M1", "M17", "M18", "M84", "M104", "M109", "M140", "M190", "M141", "M191",
            "M106", "M107", "M105", "M114", "M115", "M117", "M118", "M73", "M75", "M76", "M77", "M78", "M201", "M202", "M203",
            "M204", "M205", "M206", "M207", "M208", "M209", "M220", "M300", "M400", "M410", "M420", "M500", "M501", "M502",
            "M503", "M80", "M81", "M851", "M900", "M907", "M211", "M486", "M155", "M572", "M566", "M593", "M142", "M122",
            "M862.1", "M862.3", "M104.1", "M555", "M302", "M92", "M350", "M906", "M913", "M916", "M217", "M601",
            "M602", "M600", "M701", "M702", "M25", "M24", "M27", "M31", "M42", "M119", "M149", "M412", "M413", "G34", "G35", "M190.1");
    private static final Set<String> KLIPPER = Set.of(
            "SET_PRESSURE_ADVANCE", "SET_VELOCITY_LIMIT", "EXCLUDE_OBJECT_DEFINE", "EXCLUDE_OBJECT_START", "EXCLUDE_OBJECT_END",
            "SET_FAN_SPEED", "SET_PRINT_STATS_INFO", "BED_MESH_CALIBRATE", "BED_MESH_PROFILE", "BED_MESH_CLEAR", "PRINT_START",
            "START_PRINT", "PRINT_END", "END_PRINT", "SET_RETRACTION", "TURN_OFF_HEATERS", "SET_HEATER_TEMPERATURE",
            "TEMPERATURE_WAIT", "SET_GCODE_OFFSET", "SET_IDLE_TIMEOUT", "SET_INPUT_SHAPER", "M117", "RESPOND", "SET_LED",
            "SDCARD_RESET_FILE", "CLEAR_PAUSE", "PAUSE", "RESUME", "CANCEL_PRINT", "QUAD_GANTRY_LEVEL", "Z_TILT_ADJUST",
            "SET_EXTRUDER_ROTATION_DISTANCE", "ACTIVATE_EXTRUDER", "SET_TMC_CURRENT", "UPDATE_DELAYED_GCODE", "SET_SKEW");

    private static final double FILAMENT_MM = 1.75;

    public static Toolpath read(byte[] b, Limits limits, Deadline deadline) throws UnreadableFileException {
        String text = new String(b, StandardCharsets.UTF_8);
        FloatBuf out = new FloatBuf(1 << 12);
        State s = new State();
        int lineNo = 0;
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = len;
            lineNo++;
            if ((lineNo & 0x3fff) == 0) deadline.check();
            String line = uncomment(text, pos, end);
            pos = end + 1;
            if (line.isEmpty()) continue;
            line(line, lineNo, s, out, limits);
        }
        if (s.segments == 0) throw UnreadableFileException.malformed("G-code deposits nothing: no move extrudes filament");
        return new Toolpath(out.a, s.segments, s.layers);
    }

    private static String uncomment(String t, int from, int to) {
        StringBuilder sb = null;
        int i = from;
        int start = from;
        int stop = to;
        for (; i < to; i++) {
            char c = t.charAt(i);
            if (c == ';') { stop = i; break; }
            if (c == '(') {
                if (sb == null) sb = new StringBuilder();
                sb.append(t, start, i);
                int close = t.indexOf(')', i);
                if (close < 0 || close >= to) { start = to; stop = to; i = to; break; }
                i = close;
                start = close + 1;
            }
        }
        if (sb == null) return t.substring(from, stop).trim();
        if (start < stop) sb.append(t, start, stop);
        return sb.toString().trim();
    }

    private static final class State {
        boolean absXyz = true, absE = true, inches, volumetric;
        double x, y, z, e, filamentArea = Math.PI * FILAMENT_MM * FILAMENT_MM / 4, flow = 1;
        double layerZ = Double.NaN, layerHeight = 0.2, prevLayerZ = 0;
        int segments, layers;
    }

    private static void line(String line, int lineNo, State s, FloatBuf out, Limits limits) throws UnreadableFileException {
        String u = line.toUpperCase(Locale.ROOT);
        int i = 0;
        if (u.charAt(0) == 'N') { // line number, and checksum after '*'
            i = 1;
            while (i < u.length() && (Character.isDigit(u.charAt(i)) || u.charAt(i) == ' ')) i++;
            if (i >= u.length()) return;
        }
        int star = u.indexOf('*');
        if (star >= 0) u = u.substring(0, star);
        u = u.substring(i).trim();
        if (u.isEmpty()) return;
        int sp;
        char c0 = u.charAt(0);
        if ((c0 == 'G' || c0 == 'M' || c0 == 'T') && u.length() > 1 && Character.isDigit(u.charAt(1))) {
            sp = 1;
            while (sp < u.length() && (Character.isDigit(u.charAt(sp)) || u.charAt(sp) == '.' && sp + 1 < u.length() && Character.isDigit(u.charAt(sp + 1)))) sp++;
        } else {
            sp = 0;
            while (sp < u.length() && u.charAt(sp) > ' ') sp++;
        }
        String cmd = u.substring(0, sp);
        String args = u.substring(sp);
        if (cmd.length() > 1 && (c0 == 'G' || c0 == 'M')) cmd = normalise(cmd);
        switch (cmd) {
            case "G0", "G1" -> move(args, lineNo, s, out, limits);
            case "G2", "G3" -> arc(cmd.equals("G2"), args, lineNo, s, out, limits);
            case "G90" -> { s.absXyz = true; s.absE = true; }
            case "G91" -> { s.absXyz = false; s.absE = false; }
            case "M82" -> s.absE = true;
            case "M83" -> s.absE = false;
            case "G20" -> s.inches = true;
            case "G21" -> s.inches = false;
            case "G10", "G11" -> { } // firmware retraction (or RRF tool offsets with P/L): deposits nothing
            case "G92" -> {
                double f = s.inches ? 25.4 : 1;
                Double v;
                boolean any = false;
                if ((v = param(args, 'X', lineNo)) != null) { s.x = v * f; any = true; }
                if ((v = param(args, 'Y', lineNo)) != null) { s.y = v * f; any = true; }
                if ((v = param(args, 'Z', lineNo)) != null) { s.z = v * f; any = true; }
                if ((v = param(args, 'E', lineNo)) != null) { s.e = v * f; any = true; }
                if (!any) { s.x = 0; s.y = 0; s.z = 0; s.e = 0; }
            }
            case "M200" -> {
                Double d = param(args, 'D', lineNo);
                if (d != null) {
                    s.volumetric = d > 0;
                    if (d > 0) s.filamentArea = Math.PI * d * d / 4;
                }
            }
            case "M221" -> {
                Double f = param(args, 'S', lineNo);
                if (f != null) {
                    if (f <= 0 || f > 1000) throw UnreadableFileException.malformed("G-code line " + lineNo + ": M221 flow " + f + " % is out of range");
                    s.flow = f / 100;
                }
            }
            default -> {
                if (cmd.matches("T[0-9]+") || INERT.contains(cmd) || KLIPPER.contains(cmd)) return;
                throw UnreadableFileException.malformed("G-code line " + lineNo + ": unknown command '" + StlReader.clip(cmd)
                        + "': the deposited part cannot be reconstructed safely");
            }
        }
    }

    /** "G01" is "G1", "M082" is "M82". */
    private static String normalise(String cmd) {
        int k = 1;
        while (k < cmd.length() - 1 && cmd.charAt(k) == '0' && Character.isDigit(cmd.charAt(k + 1))) k++;
        return cmd.charAt(0) + cmd.substring(k);
    }

    private static Double param(String args, char letter, int lineNo) throws UnreadableFileException {
        int i = 0, n = args.length();
        while (i < n) {
            char c = args.charAt(i);
            if (c == ' ' || c == '\t') { i++; continue; }
            if (!Character.isLetter(c))
                throw UnreadableFileException.malformed("G-code line " + lineNo + ": '" + c + "' where a parameter letter was expected");
            int j = i + 1;
            while (j < n && "0123456789+-.".indexOf(args.charAt(j)) >= 0) j++;
            if (j < n && args.charAt(j) != ' ' && args.charAt(j) != '\t' && !Character.isLetter(args.charAt(j)))
                throw UnreadableFileException.malformed("G-code line " + lineNo + ": parameter " + c + " is not followed by a number");
            if (j < n && Character.isLetter(args.charAt(j)) && j == i + 1 && "XYZEFIJRSDPLTHABC".indexOf(c) >= 0 && "XYZEFIJRSDPLTHABC".indexOf(args.charAt(j)) < 0)
                throw UnreadableFileException.malformed("G-code line " + lineNo + ": parameter " + c + " is followed by '" + args.charAt(j) + "', not a number");
            if (c == letter) {
                String num = args.substring(i + 1, j);
                if (num.isEmpty()) return 0.0;
                try {
                    double v = Double.parseDouble(num);
                    if (!Double.isFinite(v) || Math.abs(v) > 1e7) throw new NumberFormatException();
                    return v;
                } catch (NumberFormatException e) {
                    throw UnreadableFileException.malformed("G-code line " + lineNo + ": " + letter + "'" + StlReader.clip(num) + "' is not a usable number");
                }
            }
            i = j;
        }
        return null;
    }

    private static void move(String args, int lineNo, State s, FloatBuf out, Limits limits) throws UnreadableFileException {
        double f = s.inches ? 25.4 : 1;
        Double vx = param(args, 'X', lineNo), vy = param(args, 'Y', lineNo), vz = param(args, 'Z', lineNo), ve = param(args, 'E', lineNo);
        double nx = vx == null ? s.x : s.absXyz ? vx * f : s.x + vx * f;
        double ny = vy == null ? s.y : s.absXyz ? vy * f : s.y + vy * f;
        double nz = vz == null ? s.z : s.absXyz ? vz * f : s.z + vz * f;
        double de = ve == null ? 0 : s.absE ? ve * f - s.e : ve * f;
        if (ve != null) s.e = s.absE ? ve * f : s.e + ve * f;
        deposit(s, nx, ny, nz, de, out, limits);
    }

    private static void deposit(State s, double nx, double ny, double nz, double de, FloatBuf out, Limits limits) throws UnreadableFileException {
        double dx = nx - s.x, dy = ny - s.y;
        double l = Math.sqrt(dx * dx + dy * dy);
        if (de > 1e-9 && l > 1e-6) {
            double zc = Math.max(s.z, nz);
            if (Double.isNaN(s.layerZ) || Math.abs(zc - s.layerZ) > 1e-4) {
                double h = Double.isNaN(s.layerZ) ? zc : zc - s.layerZ;
                if (h > 0.01 && h < 2) s.layerHeight = h;
                s.layerZ = zc;
                s.layers++;
            }
            double vol = (s.volumetric ? de : de * s.filamentArea) * s.flow;
            double w = vol / (l * s.layerHeight);
            if (w > 0.05 && w < 5) {
                if (++s.segments > limits.maxSegments())
                    throw UnreadableFileException.limit("G-code deposits more than the limit of " + limits.maxSegments() + " segments");
                out.add((float) s.x); out.add((float) s.y); out.add((float) s.z);
                out.add((float) nx); out.add((float) ny); out.add((float) nz);
                out.add((float) w); out.add((float) s.layerHeight);
            }
        }
        s.x = nx; s.y = ny; s.z = nz;
    }

    private static void arc(boolean cw, String args, int lineNo, State s, FloatBuf out, Limits limits) throws UnreadableFileException {
        double f = s.inches ? 25.4 : 1;
        Double vx = param(args, 'X', lineNo), vy = param(args, 'Y', lineNo), vz = param(args, 'Z', lineNo), ve = param(args, 'E', lineNo);
        Double vi = param(args, 'I', lineNo), vj = param(args, 'J', lineNo), vr = param(args, 'R', lineNo);
        double nx = vx == null ? s.x : s.absXyz ? vx * f : s.x + vx * f;
        double ny = vy == null ? s.y : s.absXyz ? vy * f : s.y + vy * f;
        double nz = vz == null ? s.z : s.absXyz ? vz * f : s.z + vz * f;
        double de = ve == null ? 0 : s.absE ? ve * f - s.e : ve * f;
        if (ve != null) s.e = s.absE ? ve * f : s.e + ve * f;
        double cx, cy;
        if (vi != null || vj != null) {
            cx = s.x + (vi == null ? 0 : vi * f);
            cy = s.y + (vj == null ? 0 : vj * f);
        } else if (vr != null) {
            double r = vr * f, mx = (s.x + nx) / 2, my = (s.y + ny) / 2, dx = nx - s.x, dy = ny - s.y, d = Math.hypot(dx, dy);
            if (d < 1e-9 || Math.abs(r) < d / 2 - 1e-6) throw UnreadableFileException.malformed("G-code line " + lineNo + ": arc radius " + vr + " cannot join its end points");
            double h = Math.sqrt(Math.max(0, r * r - d * d / 4)) * ((cw ^ r < 0) ? -1 : 1);
            cx = mx - h * dy / d;
            cy = my + h * dx / d;
        } else {
            throw UnreadableFileException.malformed("G-code line " + lineNo + ": arc without I, J or R");
        }
        double r = Math.hypot(s.x - cx, s.y - cy);
        if (Math.abs(Math.hypot(nx - cx, ny - cy) - r) > 0.05 + 0.01 * r)
            throw UnreadableFileException.malformed("G-code line " + lineNo + ": the arc's end point is not on its circle");
        double a0 = Math.atan2(s.y - cy, s.x - cx), a1 = Math.atan2(ny - cy, nx - cx);
        double sweep = a1 - a0;
        if (cw) { if (sweep >= -1e-9) sweep -= 2 * Math.PI; } else { if (sweep <= 1e-9) sweep += 2 * Math.PI; }
        int pieces = (int) Math.min(720, Math.max(1, Math.ceil(Math.abs(sweep) * r / 0.5)));
        double z0 = s.z;
        for (int k = 1; k <= pieces; k++) {
            double a = a0 + sweep * k / pieces;
            double px = k == pieces ? nx : cx + r * Math.cos(a), py = k == pieces ? ny : cy + r * Math.sin(a);
            deposit(s, px, py, z0 + (nz - z0) * k / pieces, de / pieces, out, limits);
        }
    }
}
