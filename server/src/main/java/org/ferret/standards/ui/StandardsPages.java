package org.ferret.standards.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ferret.audit.Actor;
import org.ferret.shared.FerretException;
import org.ferret.shared.FormErrors;
import org.ferret.shared.Words;
import org.ferret.shared.access.CanAssessStandards;
import org.ferret.shared.access.CanManageStandards;
import org.ferret.shared.access.CanReadRegistry;
import org.ferret.standards.Assessment;
import org.ferret.standards.Assessments;
import org.ferret.standards.Comparison;
import org.ferret.standards.Decision;
import org.ferret.standards.FactType;
import org.ferret.standards.FirearmType;
import org.ferret.standards.HumanDecision;
import org.ferret.standards.Purpose;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.ferret.standards.UploadedPacks;
import org.ferret.standards.ChangeKind;
import org.ferret.standards.PackDiff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screens for registrars and technical experts: the packs, a pack as a document, the checklist, the comparison, the
 * upload of a pack (problems by line and field, the text kept) and the differences between two versions.
 */
@Controller
@RequestMapping("/standards")
class StandardsPages {

    /** An option of a select: the submitted value and its words. */
    record Option(String value, String text) {
    }

    /** One checklist field: form name, label with unit and paragraph, and the options of a yes/no or choice fact. */
    record Field(String name, String label, String hint, List<Option> options) {
    }

    /** A human requirement's decision field and its evidence fields. */
    record HumanField(StandardPack.Requirement requirement, String decision, List<Field> evidence) {
    }

    /** One problem of an upload, with the text of the line it names (null when it names none). */
    record LineProblem(Integer line, String field, String message, String text) {
    }

    /** One row of the differences: what changed, and the paragraph of the requirement it concerns (from the newer pack). */
    record DiffRow(ChangeKind kind, String name, String paragraph, String field, String before, String after) {
    }

    private final StandardPacks packs;
    private final Assessments assessments;
    private final UploadedPacks uploads;

    StandardsPages(StandardPacks packs, Assessments assessments, UploadedPacks uploads) {
        this.packs = packs;
        this.assessments = assessments;
        this.uploads = uploads;
    }

    @GetMapping
    @CanReadRegistry
    String list(Model model) {
        model.addAttribute("packs", packs.all());
        model.addAttribute("withdrawn", packs.all().stream().filter(packs::withdrawn).map(StandardPack::reference).toList());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("deactivationPacks", packs.latest(Purpose.DEACTIVATION));
        model.addAttribute("types", FirearmType.DEACTIVATION_TYPES);
        return "standards/list";
    }

    @GetMapping("/pack")
    @CanReadRegistry
    String pack(@RequestParam String id, @RequestParam(required = false) String version, Model model) {
        StandardPack pack = pack(id, version);
        model.addAttribute("pack", pack);
        model.addAttribute("stored", uploads.stored(pack).orElse(null));
        model.addAttribute("withdrawn", packs.withdrawn(pack));
        model.addAttribute("versions", packs.versions(pack.id()).stream().filter(p -> p != pack).toList());
        model.addAttribute("samePurpose", packs.byPurpose(pack.purpose()).stream().filter(p -> p != pack).toList());
        return "standards/pack";
    }

    @GetMapping("/upload")
    @CanManageStandards
    String uploadForm(Model model) {
        return upload(new FormErrors(uploadLabels()), List.of(), "", model);
    }

    @PostMapping("/upload")
    @CanManageStandards
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
            Model model, RedirectAttributes flash, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        FormErrors errors = new FormErrors(uploadLabels());
        String name = null;
        String given = text == null ? "" : text;
        if (file != null && !file.isEmpty()) {
            name = file.getOriginalFilename();
            java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
            try {
                given = utf8.decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                errors.add("file", "the file is not UTF-8 text");
                response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
                return upload(errors, List.of(), text == null ? "" : text, model);
            }
        }
        String uploadName = name;
        String sent = given;
        List<LineProblem> problems = new ArrayList<>();
        try {
            UploadedPacks.Uploaded u = uploads.upload(uploadName, sent);
            flash.addFlashAttribute("notice", (u.created() ? u.pack().reference() + " was uploaded and can be used now."
                    : u.pack().reference() + " was already stored with this text; nothing changed."));
            return "redirect:/standards/pack?id=" + enc(u.pack().id()) + "&version=" + enc(u.pack().version());
        } catch (org.ferret.standards.PackInvalidException e) {
            String[] lines = sent.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            for (FerretException.FieldProblem p : e.problems()) {
                String at = p.line() != null && p.line() >= 1 && p.line() <= lines.length ? lines[p.line() - 1] : null;
                problems.add(new LineProblem(p.line(), p.field(), p.message(), at));
            }
            errors.add("text", "the pack was not uploaded: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + ", each listed below with its line and field");
        } catch (FerretException e) {
            errors.add(e, "", Map.of("text", "text", "fileName", "file"));
        }
        response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
        return upload(errors, problems, sent, model);
    }

    private String upload(FormErrors errors, List<LineProblem> problems, String text, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("text", text);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        return "standards/upload";
    }

    private static Map<String, String> uploadLabels() {
        return FormErrors.labels("text", "Pack text", "file", "File");
    }

    @PostMapping("/withdraw")
    @CanManageStandards
    String withdraw(@RequestParam String id, @RequestParam String version, @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        try {
            uploads.withdraw(id, version, reason);
            flash.addFlashAttribute("notice", id + "@" + version + " is withdrawn: it stays readable, and no new assessment uses it.");
        } catch (FerretException e) {
            flash.addFlashAttribute("problem", e.problems().isEmpty() ? e.getMessage()
                    : e.problems().stream().map(p -> Words.field(p.field()) + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return "redirect:/standards/pack?id=" + enc(id) + "&version=" + enc(version);
    }

    @GetMapping("/diff")
    @CanReadRegistry
    String diff(@RequestParam String from, @RequestParam String to, Model model) {
        StandardPack before = reference(from);
        StandardPack after = reference(to);
        List<PackDiff.Change> changes = PackDiff.between(before, after);
        List<DiffRow> header = new ArrayList<>();
        List<DiffRow> facts = new ArrayList<>();
        List<DiffRow> requirements = new ArrayList<>();
        for (PackDiff.Change c : changes) {
            switch (c.what()) {
                case "fact" -> facts.add(new DiffRow(c.kind(), c.name(), null, c.field(), c.before(), c.after()));
                case "requirement" -> {
                    StandardPack.Requirement r = after.requirement(c.name()) != null ? after.requirement(c.name()) : before.requirement(c.name());
                    requirements.add(new DiffRow(c.kind(), r.title(), r.paragraph(), c.field(), c.before(), c.after()));
                }
                default -> header.add(new DiffRow(c.kind(), c.name(), null, c.field(), c.before(), c.after()));
            }
        }
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("changes", changes);
        model.addAttribute("header", header);
        model.addAttribute("facts", facts);
        model.addAttribute("requirements", requirements);
        return "standards/diff";
    }

    private StandardPack reference(String ref) {
        return packs.byReference(ref).orElseThrow(() -> new FerretException(org.ferret.shared.ErrorCode.NOT_FOUND,
                "No standard version " + ref + " is loaded"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/assess")
    @CanAssessStandards
    String assessForm(@RequestParam(defaultValue = "eu-2015-2403") String id, @RequestParam(required = false) String version,
            @RequestParam(required = false) String item, @RequestParam(required = false) String type, Model model) {
        StandardPack pack = pack(id, version);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("item", item == null ? "" : item);
        form.put("firearmType", type == null ? "" : type);
        return checklist(pack, form, new FormErrors(labels(pack)), null, model);
    }

    @PostMapping("/assess")
    @CanAssessStandards
    String assess(@RequestParam MultiValueMap<String, String> params, Model model) {
        StandardPack pack = pack(params.getFirst("id"), params.getFirst("version"));
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        FormErrors errors = new FormErrors(labels(pack));
        FirearmType type = null;
        String t = form.getOrDefault("firearmType", "");
        if (!t.isBlank()) {
            try {
                type = FirearmType.valueOf(t);
            } catch (IllegalArgumentException e) {
                errors.add("firearmType", "choose a firearm type from the list");
            }
        }
        UUID item = null;
        String i = form.getOrDefault("item", "").strip();
        if (!i.isEmpty()) {
            try {
                item = UUID.fromString(i);
            } catch (IllegalArgumentException e) {
                errors.add("item", "expected the item's id (as on its page), or leave it empty for an item described here");
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        for (StandardPack.Fact f : pack.facts().values()) {
            String v = form.get("facts." + f.name());
            if (v != null && !v.isBlank()) {
                facts.put(f.name(), v.strip());
            }
        }
        Map<String, HumanDecision> decisions = new LinkedHashMap<>();
        for (StandardPack.Requirement r : pack.requirements()) {
            if (r.decision() != Decision.HUMAN) {
                continue;
            }
            String d = form.getOrDefault("decisions." + r.id(), "");
            if (d.isBlank()) {
                continue;
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            for (String e : r.evidence()) {
                String v = form.getOrDefault("evidence." + r.id() + "." + e, "").strip();
                if (!v.isEmpty()) {
                    evidence.put(e, v);
                }
            }
            decisions.put(r.id(), new HumanDecision(d.equals("met"), Actor.current().username(), evidence, null));
        }
        FirearmType chosen = type;
        UUID forItem = item;
        var done = errors.submit(() -> assessments.run(pack.id(), pack.version(), chosen, forItem, facts, decisions), "", Map.of());
        return checklist(pack, form, errors, done.orElse(null), model);
    }

    @GetMapping("/compare")
    @CanReadRegistry
    String compare(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String type, @RequestParam(required = false) UUID assessment, Model model) {
        model.addAttribute("all", packs.all());
        model.addAttribute("types", FirearmType.values());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("type", type);
        StandardPack target = to == null ? null : packs.byReference(to).orElse(null);
        if (target != null && assessment != null) {
            assessments.find(assessment).ifPresent(a -> model.addAttribute("comparison",
                    Comparison.compare(a.reference(), a.facts(), target, a.firearmType(), Map.of())));
        } else if (target != null && from != null) {
            FirearmType ft = type == null || type.isBlank() ? null : FirearmType.valueOf(type);
            packs.byReference(from).ifPresent(x -> model.addAttribute("comparison", Comparison.of(x, target, ft)));
        }
        return "standards/compare";
    }

    private String checklist(StandardPack pack, Map<String, String> form, FormErrors errors, Assessment done, Model model) {
        List<Field> fields = new ArrayList<>();
        for (StandardPack.Fact f : pack.facts().values()) {
            List<Option> options = switch (f.type()) {
                case BOOLEAN -> List.of(new Option("yes", "Yes"), new Option("no", "No"));
                case CHOICE -> f.options().stream().map(o -> new Option(o, words(o))).toList();
                default -> null;
            };
            fields.add(new Field("facts." + f.name(), label(pack, f), hint(f), options));
        }
        List<HumanField> humans = new ArrayList<>();
        for (StandardPack.Requirement r : pack.requirements()) {
            if (r.decision() == Decision.HUMAN) {
                humans.add(new HumanField(r, "decisions." + r.id(), r.evidence().stream()
                        .map(e -> new Field("evidence." + r.id() + "." + e, words(e), null, null)).toList()));
            }
        }
        model.addAttribute("pack", pack);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", fields);
        model.addAttribute("humans", humans);
        model.addAttribute("decisionOptions", List.of(new Option("met", "Met"), new Option("not_met", "Not met")));
        model.addAttribute("types", FirearmType.values());
        model.addAttribute("typeOptions", java.util.Arrays.stream(FirearmType.values()).map(t -> new Option(t.name(), Words.of(t))).toList());
        model.addAttribute("done", done);
        model.addAttribute("others", packs.all().stream().filter(p -> p.purpose() == pack.purpose() && p != pack).toList());
        return "standards/assess";
    }

    /** The label says the unit and the paragraph that asks for the fact. */
    static String label(StandardPack pack, StandardPack.Fact f) {
        String paragraph = f.paragraph() != null ? f.paragraph() : pack.requirements().stream()
                .filter(r -> r.facts().contains(f.name())).map(StandardPack.Requirement::paragraph).findFirst().orElse(null);
        return f.label() + (f.unit() == null ? "" : " (" + f.unit().symbol() + ")") + (paragraph == null ? "" : " · " + paragraph);
    }

    static String hint(StandardPack.Fact f) {
        if (f.type().numeric()) {
            return Words.of(f.type()) + " in " + f.unit().symbol() + (f.min() == null && f.max() == null ? "" : ", " + f.rangeText());
        }
        return f.type() == FactType.TEXT ? "Text" : null;
    }

    /** "verifying_authority" → "Verifying authority". */
    static String words(String name) {
        String s = name.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Map<String, String> labels(StandardPack pack) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("item", "Registered item");
        l.put("firearmType", "Firearm type");
        pack.facts().values().forEach(f -> l.put("facts." + f.name(), label(pack, f)));
        return l;
    }

    private StandardPack pack(String id, String version) {
        if (version == null || version.isBlank()) {
            return packs.latest(id == null ? "" : id).orElseThrow(() -> new FerretException(org.ferret.shared.ErrorCode.NOT_FOUND,
                    "No standard pack " + id));
        }
        return packs.get(id, version);
    }
}
