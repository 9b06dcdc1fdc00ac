package org.ferret.parcels.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ferret.parcels.ParcelsProperties;
import org.ferret.screening.data.BadInputException;
import org.ferret.screening.data.OnError;
import org.ferret.screening.data.RowProblem;
import org.ferret.screening.data.Table;
import org.ferret.screening.data.TableReader;
import org.ferret.screening.model.ScreeningModel;
import org.ferret.screening.model.TrainOptions;
import org.ferret.screening.model.Trainer;
import org.ferret.screening.profile.Profiles;
import org.ferret.screening.rules.RulePack;
import org.ferret.screening.rules.RulePackParser;
import org.ferret.screening.synth.PostalGenerator;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The active model of each profile: the file {@code ferret.parcels.models.<profile>} names (written by
 * {@code ./ferret screen train}), or, in demo and test mode with none given for {@code postal}, one trained once
 * from the generator's synthetic data and kept in the data directory. Loaded on first use, so a server that never
 * screens parcels never loads XGBoost.
 */
@Component
public class ScreeningModels {
    private static final Logger log = LoggerFactory.getLogger(ScreeningModels.class);
    /** The synthetic training data of the demo model: fixed, so every demo and test trains the same model. */
    static final long DEMO_SEED = 20261202L;
    static final int DEMO_ROWS = 20_000;

    private final ParcelsProperties properties;
    private final ModelVersions versions;
    private final Map<String, ScreeningModel> loaded = new ConcurrentHashMap<>();
    private final Map<java.util.UUID, ScreeningModel> versionsLoaded = new ConcurrentHashMap<>();

    ScreeningModels(ParcelsProperties properties, ModelVersions versions) {
        this.properties = properties;
        this.versions = versions;
    }

    /** The model a profile scores with, and the day its history runs to when it is a retrained version. */
    public record Active(ScreeningModel model, java.util.UUID versionId, LocalDate historyThrough) {}

    /**
     * The active model of a profile: the learning loop's ACTIVE version ({@code parcel_model}, read on every call so
     * that a promotion or rollback on any instance takes effect at the next batch), else the configured or bundled one.
     */
    public Active active(String profile) {
        var ref = versions.activeRef(profile);
        if (ref.isPresent()) {
            var r = ref.get();
            ScreeningModel m = versionsLoaded.computeIfAbsent(r.id(), id -> loadVersion(profile, id));
            return new Active(m, r.id(), r.origin() == ModelVersions.Origin.RETRAINED ? r.trainedTo() : configuredHistoryThrough(profile));
        }
        return new Active(bundled(profile), null, configuredHistoryThrough(profile));
    }

    /**
     * The last day of stored rows the configured model's history holds ({@code ferret.parcels.model-history-through.<profile>}),
     * null when none is set. A stored BUNDLED version is that same model, so it has the same day.
     */
    LocalDate configuredHistoryThrough(String profile) {
        String v = properties.getModelHistoryThrough().get(profile);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new FerretException(ErrorCode.PARCELS_NOT_CONFIGURED, "ferret.parcels.model-history-through." + profile
                    + ": expected a date such as 2020-01-28, got " + v);
        }
    }

    /** The active model of a profile; refuses with a clear message when none is configured. */
    public ScreeningModel model(String profile) {
        return active(profile).model();
    }

    /** A stored version's model, from its bytes. */
    public ScreeningModel version(String profile, java.util.UUID id) {
        return versionsLoaded.computeIfAbsent(id, v -> loadVersion(profile, v));
    }

    private ScreeningModel loadVersion(String profile, java.util.UUID id) {
        try {
            Path tmp = Files.createTempFile("ferret-model", ".model");
            try {
                Files.write(tmp, versions.bytes(id));
                ScreeningModel m = ScreeningModel.load(tmp);
                log.info("parcels: profile {} scores with stored version {} ({})", profile, id, m.provenance());
                return m;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | BadInputException e) {
            throw new FerretException(ErrorCode.PARCELS_NOT_CONFIGURED, "cannot load model version " + id + " of profile " + profile + ": " + e.getMessage());
        }
    }

    /** The configured or bundled model of a profile (what the server scores with before the learning loop has a version). */
    public ScreeningModel bundled(String profile) {
        ScreeningModel m = loaded.get(profile);
        if (m != null) {
            return m;
        }
        synchronized (this) {
            return loaded.computeIfAbsent(profile, this::load);
        }
    }

    /** The file the active model of a profile was loaded from (the CLI scores with the same file). */
    public Path file(String profile) {
        String configured = properties.getModels().get(profile);
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(properties.getDataDir()).resolve("parcels").resolve(profile + "-demo.model");
    }

    private ScreeningModel load(String profile) {
        Path file = file(profile);
        try {
            if (properties.getModels().get(profile) == null) {
                boolean demoPostal = profile.equals(Profiles.POSTAL.name());
                boolean demoKcs = profile.equals(Profiles.KCS.name()) && properties.getDemoKcsData() != null
                        && !properties.getDemoKcsData().isBlank();
                if (!properties.isDemoModel() || !(demoPostal || demoKcs)) {
                    throw new FerretException(ErrorCode.PARCELS_NOT_CONFIGURED, "no active model for profile " + profile
                            + ": set ferret.parcels.models." + profile + " to a model file written by ./ferret screen train");
                }
                if (!Files.exists(file)) {
                    if (demoPostal) {
                        trainDemoModel(file);
                    } else {
                        trainDemoKcsModel(Path.of(properties.getDemoKcsData()), properties.getDemoKcsRows(), file);
                    }
                }
            }
            ScreeningModel m = ScreeningModel.load(file);
            log.info("parcels: profile {} scores with {}", profile, m.provenance());
            return m;
        } catch (IOException | BadInputException e) {
            throw new FerretException(ErrorCode.PARCELS_NOT_CONFIGURED, "cannot load the model of profile " + profile
                    + " from " + file + ": " + e.getMessage());
        }
    }

    static void trainDemoModel(Path file) throws IOException, BadInputException {
        log.info("parcels: training the demo model from {} synthetic postal items into {}", DEMO_ROWS, file);
        StringWriter csv = new StringWriter();
        new PostalGenerator(DEMO_SEED, DEMO_ROWS, LocalDate.of(2026, 1, 5), 91).write(csv);
        Table t = read(csv.toString());
        RulePack pack;
        try (InputStream in = ScreeningModels.class.getResourceAsStream("/org/ferret/screening/rules/postal-firearms.rules")) {
            pack = RulePackParser.parse("bundled postal-firearms.rules", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        ScreeningModel m;
        try {
            m = Trainer.train(t, pack, TrainOptions.defaults(), Trainer.Progress.NONE);
        } catch (ml.dmlc.xgboost4j.java.XGBoostError e) {
            throw new IOException("training failed: " + e.getMessage(), e);
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "model", ".tmp");
        m.save(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The demo and test kcs model: trained on the first {@code rows} rows of a KCS benchmark file (train.csv), without
     * a rule pack (the kcs profile has none), so every demo and test on the same file trains the same model.
     */
    static void trainDemoKcsModel(Path data, int rows, Path file) throws IOException, BadInputException {
        if (!Files.isReadable(data)) {
            throw new IOException("the kcs training data " + data + " (ferret.parcels.demo-kcs-data) cannot be read");
        }
        log.info("parcels: training the demo kcs model from the first {} rows of {} into {}", rows, data, file);
        StringBuilder csv = new StringBuilder();
        try (var in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            String line;
            int n = -1;
            while (n < rows && (line = in.readLine()) != null) {
                csv.append(line).append('\n');
                n++;
            }
        }
        Table.Builder b = new Table.Builder(Profiles.KCS);
        new TableReader(Profiles.KCS, OnError.STOP).read(data.toString(), new java.io.BufferedReader(new StringReader(csv.toString())), b,
                new ArrayList<RowProblem>());
        ScreeningModel m;
        try {
            m = Trainer.train(b.build(), null, TrainOptions.defaults(), Trainer.Progress.NONE);
        } catch (ml.dmlc.xgboost4j.java.XGBoostError e) {
            throw new IOException("training failed: " + e.getMessage(), e);
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "model", ".tmp");
        m.save(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Table read(String csv) throws IOException, BadInputException {
        Table.Builder b = new Table.Builder(Profiles.POSTAL);
        List<RowProblem> problems = new ArrayList<>();
        new TableReader(Profiles.POSTAL, OnError.STOP).read("generated", new java.io.BufferedReader(new StringReader(csv)), b, problems);
        return b.build();
    }
}
