package org.ferret.prints.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.printfiles.EvidenceLevel;
import org.ferret.printfiles.Verdict;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.printfiles.geometry.ToolpathPreview;
import org.ferret.printfiles.read.Deadline;
import org.ferret.printfiles.read.Limits;
import org.ferret.printfiles.read.Mesh;
import org.ferret.printfiles.read.PrintModel;
import org.ferret.printfiles.read.PrintReaders;
import org.ferret.printfiles.read.Toolpath;
import org.ferret.printfiles.read.UnreadableFileException;
import org.ferret.prints.FileDisposition;
import org.ferret.prints.HeldFile;
import org.ferret.prints.KnownParts;
import org.ferret.prints.LibrarySubscriptions;
import org.ferret.prints.ReviewOutcome;
import org.ferret.prints.Reviews;
import org.ferret.shared.FormErrors;
import org.ferret.shared.Words;
import org.ferret.shared.access.CanMaintainPrintLibrary;
import org.ferret.shared.access.CanReviewPrints;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/** The print reviewer's screens: the queue of held files, one file with its evidence and 3D preview, the decision; the library. */
@Controller
class ReviewPages {
    private final Reviews reviews;
    private final KnownParts parts;
    private final LibrarySubscriptions subscriptions;
    private final ObjectMapper json;

    ReviewPages(Reviews reviews, KnownParts parts, LibrarySubscriptions subscriptions, ObjectMapper json) {
        this.reviews = reviews;
        this.parts = parts;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    /** One line of evidence as the page shows it. */
    record EvidenceLine(String level, String description, String knownPart, List<String> measures) {}

    @GetMapping("/prints/reviews")
    @CanReviewPrints
    String queue(Model model) {
        model.addAttribute("open", reviews.open());
        model.addAttribute("decided", reviews.decided());
        return "prints/queue";
    }

    @GetMapping("/prints/reviews/{id}")
    @CanReviewPrints
    String one(@PathVariable UUID id, Model model) {
        return page(reviews.get(id), model, new FormErrors(labels()), null, null, null);
    }

    /** The evidence of a screening's JSON ({@code Screening.toJson}) as the pages show it: levels and measures in words. */
    @SuppressWarnings("unchecked")
    static List<EvidenceLine> evidence(Map<String, Object> s) {
        List<EvidenceLine> lines = new ArrayList<>();
        for (Object o : (List<Object>) s.getOrDefault("evidence", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            List<String> measures = new ArrayList<>();
            ((Map<String, Object>) e.getOrDefault("measures", Map.of())).forEach((k, v) -> measures.add(words(k) + ": "
                    + (v instanceof Number n ? String.format(Locale.ROOT, "%.3g", n.doubleValue()) : v)));
            String level = String.valueOf(e.get("level")).toUpperCase(Locale.ROOT);
            lines.add(new EvidenceLine(Words.of(EvidenceLevel.class, level), String.valueOf(e.get("description")),
                    (String) e.get("knownPart"), measures));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private String page(HeldFile h, Model model, FormErrors errors, String outcome, String disposition, String reason) {
        Map<String, Object> s = json.readValue(h.screeningJson(), Map.class);
        List<EvidenceLine> lines = evidence(s);
        model.addAttribute("held", h);
        model.addAttribute("verdict", Words.of(Verdict.valueOf(h.verdict())));
        model.addAttribute("evidence", lines);
        model.addAttribute("notes", s.getOrDefault("notes", List.of()));
        model.addAttribute("facts", s.getOrDefault("facts", Map.of()));
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("dispositions", FileDisposition.values());
        model.addAttribute("errors", errors);
        model.addAttribute("outcome", outcome);
        model.addAttribute("disposition", disposition);
        model.addAttribute("reason", reason);
        return "prints/review";
    }

    /** "diameterMm" → "diameter (mm)": measure names in words. */
    static String words(String key) {
        String k = key;
        String unit = "";
        for (String u : List.of("Mm3", "Mm", "Deg")) {
            if (k.endsWith(u) && k.length() > u.length()) {
                unit = " (" + u.toLowerCase(Locale.ROOT).replace("mm3", "mm³").replace("deg", "°") + ")";
                k = k.substring(0, k.length() - u.length());
                break;
            }
        }
        return k.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT) + unit;
    }

    /** The held file as binary STL for the browser's viewer (a mesh of any format; G-code: {@code preview.lines}). */
    @GetMapping("/prints/reviews/{id}/preview.stl")
    @CanReviewPrints
    ResponseEntity<byte[]> preview(@PathVariable UUID id) {
        return previewOf(id, m -> m instanceof Mesh mesh
                ? ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(MeshWriters.binaryStl(mesh)) : null);
    }

    /** Most segments a G-code preview draws (24 bytes each: under 5 MB). */
    static final int PREVIEW_SEGMENTS = 200_000;

    /**
     * A held G-code file's deposited toolpath for the browser's viewer: bead centre lines as little-endian floats
     * (x0 y0 z0 x1 y1 z1 per segment), every k-th layer when the file has more than {@link #PREVIEW_SEGMENTS}
     * (headers {@code X-Preview-Segments}, {@code X-Preview-Total}, {@code X-Preview-Layer-Step}).
     */
    @GetMapping("/prints/reviews/{id}/preview.lines")
    @CanReviewPrints
    ResponseEntity<byte[]> previewLines(@PathVariable UUID id) {
        return previewOf(id, m -> {
            if (!(m instanceof Toolpath t)) return null;
            ToolpathPreview.Lines l = ToolpathPreview.of(t, PREVIEW_SEGMENTS);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header("X-Preview-Segments", Integer.toString(l.segments()))
                    .header("X-Preview-Total", Integer.toString(l.total()))
                    .header("X-Preview-Layer-Step", Integer.toString(l.layerStep()))
                    .body(l.floats());
        });
    }

    /** Reads the held bytes (an audited read) and answers what {@code answer} makes of the model; 410 when discarded, 422 when none. */
    private ResponseEntity<byte[]> previewOf(UUID id, java.util.function.Function<PrintModel, ResponseEntity<byte[]>> answer) {
        HeldFile h = reviews.get(id);
        Optional<byte[]> b = reviews.bytes(id);
        if (b.isEmpty()) return ResponseEntity.status(HttpStatus.GONE).build();
        try {
            ResponseEntity<byte[]> r = answer.apply(PrintReaders.read(h.fileName(), b.get(), Limits.defaults(), Deadline.in(Limits.defaults())));
            if (r != null) return r;
        } catch (UnreadableFileException | RuntimeException e) {
            // falls through: no preview
        }
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).build();
    }

    @PostMapping("/prints/reviews/{id}/decision")
    @CanReviewPrints
    String decide(@PathVariable UUID id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String disposition,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response, RedirectAttributes flash) {
        FormErrors errors = new FormErrors(labels());
        ReviewOutcome o = parse(ReviewOutcome.class, outcome);
        FileDisposition d = parse(FileDisposition.class, disposition);
        if (o == null) errors.add("outcome", "choose confirm block or release");
        if (d == null) errors.add("disposition", "choose keep the file as evidence or discard it");
        if (reason == null || reason.isBlank()) errors.add("reason", "give the reason for the decision");
        HeldFile h = reviews.get(id);
        return errors.submit(() -> {
            HeldFile done = reviews.decide(id, o, d, reason);
            flash.addFlashAttribute("notice", "Decision recorded for " + done.fileName() + ": " + Words.lower(o) + "; file " + Words.lower(d) + ".");
            return "redirect:/prints/reviews/" + id;
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(h, model, errors, outcome, disposition, reason);
        });
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String v) {
        if (v == null || v.isBlank()) return null;
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> labels() {
        return FormErrors.labels("outcome", "Decision", "disposition", "The file", "reason", "Reason");
    }

    @GetMapping("/prints/library")
    @CanMaintainPrintLibrary
    String library(Model model) {
        return libraryPage(model, new FormErrors(libraryLabels()), null, null);
    }

    @PostMapping("/prints/library")
    @CanMaintainPrintLibrary
    String addPart(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String partType,
            @RequestParam(required = false) String source, Model model, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        FormErrors errors = new FormErrors(libraryLabels());
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return errors.submit(() -> {
            var e = parts.add(name, bytes, partType, source);
            flash.addFlashAttribute("notice", "Known part " + e.id() + " added; the library is now at version " + parts.current().version()
                    + ". The file was not kept.");
            return "redirect:/prints/library";
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return libraryPage(model, errors, partType, source);
        });
    }

    private String libraryPage(Model model, FormErrors errors, String partType, String source) {
        model.addAttribute("library", parts.local());
        List<LibrarySubscriptions.Received> received = subscriptions.received();
        model.addAttribute("received", received);
        model.addAttribute("receivedParts", received.stream().mapToInt(r -> r.parts().size()).sum());
        model.addAttribute("errors", errors);
        model.addAttribute("partType", partType);
        model.addAttribute("source", source);
        return "prints/library";
    }

    private static Map<String, String> libraryLabels() {
        return FormErrors.labels("file", "File of the known part", "partType", "Part type", "source", "Source");
    }
}
