package org.ferret.standards.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ferret.audit.AuditLog;
import org.ferret.registry.ImportedItemControl;
import org.ferret.registry.ItemKind;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.standards.Assessment;
import org.ferret.standards.Assessments;
import org.ferret.standards.FirearmType;
import org.ferret.standards.HumanDecision;
import org.ferret.standards.ImportsNotPassing;
import org.ferret.standards.Purpose;
import org.ferret.standards.StandardPack;
import org.ferret.standards.StandardPacks;
import org.ferret.standards.Verdict;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * UN paper para 46 as the registry's {@link ImportedItemControl}: the import of an item deactivated abroad is assessed
 * under the deactivation standard this state applies ({@code ferret.standards.import-deactivated}), that of an alarm or
 * signal weapon under its convertibility standard ({@code ferret.standards.import-alarm}), with the facts given on the
 * import. A firearm deactivated to a weaker standard abroad does not pass silently: it is refused, naming what is not
 * met by paragraph, or flagged ({@code ferret.standards.imports-not-passing}). The assessment is stored, audited and
 * linked from the import event.
 */
@Component
class ImportGate implements ImportedItemControl {

    static final String FIELD = "standardAssessment";

    private final Assessments assessments;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StandardPack deactivated;
    private final StandardPack alarm;
    private final ImportsNotPassing notPassing;

    ImportGate(StandardPacks packs, Assessments assessments, JdbcClient jdbc, AuditLog audit, Environment env) {
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.audit = audit;
        this.deactivated = configured(packs, env, "ferret.standards.import-deactivated", "eu-2015-2403@2018/337",
                Purpose.DEACTIVATION);
        this.alarm = configured(packs, env, "ferret.standards.import-alarm", "eu-2019-69@2019/69", Purpose.CONVERTIBILITY);
        String mode = env.getProperty("ferret.standards.imports-not-passing", "REFUSE").strip().toUpperCase(Locale.ROOT);
        try {
            this.notPassing = ImportsNotPassing.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ferret.standards.imports-not-passing must be FLAG or REFUSE, was " + mode, e);
        }
    }

    /** A configured pack must be loaded and of the purpose it is used for; otherwise the start stops, naming the property. */
    private static StandardPack configured(StandardPacks packs, Environment env, String property, String fallback,
            Purpose purpose) {
        String ref = env.getProperty(property, fallback).strip();
        StandardPack p = packs.byReference(ref).orElseThrow(() -> new IllegalStateException(property + "=" + ref
                + " names no loaded standard pack (id@version); loaded: " + String.join(", ",
                        packs.byPurpose(purpose).stream().map(StandardPack::reference).toList())));
        if (p.purpose() != purpose) {
            throw new IllegalStateException(property + "=" + ref + " is a " + p.purpose().name().toLowerCase(Locale.ROOT)
                    + " standard; it must be a " + purpose.name().toLowerCase(Locale.ROOT) + " one");
        }
        return p;
    }

    @Override
    public void imported(ImportAssessed i) {
        StandardPack pack = i.concern() == Concern.DEACTIVATED ? deactivated : alarm;
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, HumanDecision> decisions = new LinkedHashMap<>();
        if (i.concern() == Concern.DEACTIVATED) {
            // what the item's deactivation recorded here already proved counts, when it was under this very version;
            // else what its latest assessment under this version recorded (e.g. a technical expert's, made first)
            recordedDeactivation(i.item().value(), pack).or(() -> assessments.latest(i.item().value(), pack.reference()))
                    .ifPresent(a -> {
                facts.putAll(a.facts());
                decisions.putAll(a.decisions());
            });
        }
        Given given = given(i.standardAssessment());
        facts.putAll(given.facts());
        decisions.putAll(given.decisions());
        FirearmType type = type(i, given.firearmType());
        Assessment a = assessments.run(pack.id(), pack.version(), type, i.item().value(), facts, decisions);
        boolean passed = a.result().verdict() == Verdict.PASSED;
        String what = i.concern() == Concern.DEACTIVATED ? "imported deactivated firearms" : "imported alarm and signal weapons";
        if (!passed && notPassing == ImportsNotPassing.REFUSE) {
            List<String> missing = a.result().missing();
            throw new FerretException(ErrorCode.STANDARD_NOT_MET, "Import refused: the item does not pass " + pack.reference()
                    + ", the standard this state applies to " + what + ": " + String.join("; ", missing),
                    missing.stream().map(m -> new FerretException.FieldProblem(FIELD, m)).toList());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String outcome = passed ? "PASSED" : "FLAGGED";
        jdbc.sql("""
                insert into standards_import (event_id, item_id, assessment_id, concern, pack_id, pack_version, outcome, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.event().value(), i.item().value(), a.id(), i.concern().name(), pack.id(), pack.version(), outcome, now)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("item", i.item().value().toString());
        after.put("assessment", a.id().toString());
        after.put("standard", pack.reference());
        after.put("concern", i.concern().name());
        after.put("outcome", outcome);
        after.put("from", i.from().value());
        if (!passed) {
            after.put("missing", a.result().missing());
        }
        audit.record(passed ? "STANDARD_IMPORT_PASSED" : "STANDARD_IMPORT_FLAGGED", "standards_import",
                i.event().value().toString(), null, after);
        if (passed && i.deactivation() != null) {
            // deactivated here under this state's standard: listed with the others when that standard is found weaker
            jdbc.sql("""
                    insert into standards_deactivation (event_id, item_id, assessment_id, pack_id, pack_version, certificate, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(i.event().value(), i.item().value(), a.id(), pack.id(), pack.version(),
                            i.deactivation().certificateNumber(), now)
                    .update();
        }
    }

    /** What the import gave for the standard: facts, the recording person's decisions, the firearm type. */
    record Given(Map<String, Object> facts, Map<String, HumanDecision> decisions, Object firearmType) {
    }

    @SuppressWarnings("unchecked")
    static Given given(Map<String, Object> in) {
        List<FerretException.FieldProblem> problems = new java.util.ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, HumanDecision> decisions = new LinkedHashMap<>();
        String by = org.ferret.audit.Actor.current().username();
        in.forEach((k, v) -> {
            switch (k) {
                case "facts" -> {
                    if (v instanceof Map<?, ?> m) {
                        m.forEach((name, value) -> facts.put(String.valueOf(name), value));
                    } else if (v != null) {
                        problems.add(new FerretException.FieldProblem(FIELD + ".facts", "expected an object of fact name to value"));
                    }
                }
                case "decisions" -> {
                    if (v instanceof Map<?, ?> m) {
                        m.forEach((req, d) -> {
                            if (d instanceof Map<?, ?> dm && dm.get("met") instanceof Boolean met) {
                                Map<String, String> evidence = new LinkedHashMap<>();
                                if (dm.get("evidence") instanceof Map<?, ?> em) {
                                    em.forEach((ek, ev) -> {
                                        if (ev != null && !ev.toString().isBlank()) {
                                            evidence.put(String.valueOf(ek), ev.toString());
                                        }
                                    });
                                }
                                Object note = dm.get("note");
                                decisions.put(String.valueOf(req), new HumanDecision(met, by, evidence,
                                        note == null ? null : note.toString()));
                            } else {
                                problems.add(new FerretException.FieldProblem(FIELD + ".decisions." + req,
                                        "expected {met: true or false, evidence: {…}, note}"));
                            }
                        });
                    } else if (v != null) {
                        problems.add(new FerretException.FieldProblem(FIELD + ".decisions", "expected an object of requirement id to decision"));
                    }
                }
                case "firearmType" -> {
                }
                default -> problems.add(new FerretException.FieldProblem(FIELD + "." + k, "expected facts, decisions or firearmType"));
            }
        });
        if (!problems.isEmpty()) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "Import assessment rejected: " + String.join("; ",
                    problems.stream().map(p -> p.field() + ": " + p.message()).toList()), problems);
        }
        return new Given(facts, decisions, in.get("firearmType"));
    }

    /** The assessment behind the item's latest deactivation recorded here under this pack version (not withdrawn). */
    private Optional<Assessment> recordedDeactivation(UUID item, StandardPack pack) {
        return jdbc.sql("""
                select assessment_id from standards_deactivation where item_id = ? and pack_id = ? and pack_version = ?
                and withdrawn = false order by recorded_at desc""")
                .params(item, pack.id(), pack.version()).query(UUID.class).list().stream().findFirst()
                .flatMap(assessments::find);
    }

    /** The type named with the facts, else the one the kind tells (an alarm weapon is one whatever it looks like). */
    private static FirearmType type(ImportAssessed i, Object named) {
        if (named != null && !named.toString().isBlank()) {
            String n = named.toString().strip().toUpperCase(Locale.ROOT);
            try {
                return FirearmType.valueOf(n);
            } catch (IllegalArgumentException e) {
                throw new FerretException(ErrorCode.VALIDATION_FAILED, "Unknown firearm type " + named,
                        List.of(new FerretException.FieldProblem(FIELD + ".firearmType", "expected one of "
                                + String.join(", ", java.util.Arrays.stream(FirearmType.values())
                                        .map(FirearmType::name).toList()) + ", was " + named)));
            }
        }
        if (i.concern() == Concern.ALARM_OR_SIGNAL) {
            return FirearmType.ALARM_WEAPON;
        }
        return fromKind(i.kind());
    }

    /** The deactivation table's type a registry kind surely is; null (every requirement) when the kind does not tell. */
    static FirearmType fromKind(ItemKind kind) {
        return switch (kind) {
            case PISTOL -> FirearmType.PISTOL;
            case REVOLVER -> FirearmType.REVOLVER;
            case SUBMACHINE_GUN, MACHINE_GUN -> FirearmType.AUTOMATIC;
            default -> null;
        };
    }
}
