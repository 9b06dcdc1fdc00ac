package org.ferret.standards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The standard packs Ferret holds: those shipped with it ({@code classpath:standards/*.yaml}) and those the authority
 * puts in {@code ferret.standards.packs-dir} (every {@code *.yaml}, none by default), read and validated once at
 * start, and those an authority uploads ({@link UploadedPacks}: stored in the database, added here at once and again
 * at every start). A file pack that does not validate stops the start with its file, lines and fields (check one
 * first with {@code ./ferret standards check FILE}); so does a pack whose id and version another pack has already.
 * A withdrawn version stays readable (assessments that cite it still show it) but is assessed no more.
 */
@Component
public class StandardPacks {

    private volatile List<StandardPack> packs;
    /** The references read from files (shipped and packs-dir): never replaced by an upload. */
    private final java.util.Set<String> files;
    private final java.util.Set<String> withdrawn = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public StandardPacks() {
        this(shipped());
    }

    @org.springframework.beans.factory.annotation.Autowired
    StandardPacks(@org.springframework.beans.factory.annotation.Value("${ferret.standards.packs-dir:}") String packsDir) {
        this(withLoaded(shipped(), packsDir == null || packsDir.isBlank() ? null : java.nio.file.Path.of(packsDir)));
    }

    /** The shipped packs and those of {@code dir} (null: none); two packs with one id and version are refused. */
    public static List<StandardPack> withLoaded(List<StandardPack> shipped, java.nio.file.Path dir) {
        List<StandardPack> out = new ArrayList<>(shipped);
        if (dir != null) out.addAll(load(dir));
        java.util.Map<String, StandardPack> seen = new java.util.HashMap<>();
        for (StandardPack p : out) {
            StandardPack before = seen.putIfAbsent(p.reference(), p);
            if (before != null) {
                throw new PackInvalidException(p.file(), List.of(new FerretException.FieldProblem("version", null,
                        p.reference() + " is already loaded from " + before.file() + "; give a new version a new version string")));
            }
        }
        return out;
    }

    /** Every {@code *.yaml} of a directory, in name order; a directory that does not exist is an error. */
    public static List<StandardPack> load(java.nio.file.Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "ferret.standards.packs-dir " + dir + " is not a directory");
        }
        try (var files = java.nio.file.Files.list(dir)) {
            List<StandardPack> out = new ArrayList<>();
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                out.add(StandardPack.parse(f.getFileName().toString(), java.nio.file.Files.readString(f, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the standard packs in " + dir, e);
        }
    }

    public StandardPacks(List<StandardPack> packs) {
        this.packs = sorted(packs);
        this.files = java.util.Set.copyOf(packs.stream().map(StandardPack::reference).toList());
    }

    private static List<StandardPack> sorted(List<StandardPack> packs) {
        return packs.stream().sorted(Comparator.comparing(StandardPack::id).thenComparing(StandardPack::inForce)
                .thenComparing(StandardPack::version)).toList();
    }

    /** Adds an uploaded pack beside the others (a new version beside the old ones); its id and version must be new. */
    synchronized void add(StandardPack pack) {
        if (find(pack.id(), pack.version()).isPresent()) {
            throw new IllegalStateException(pack.reference() + " is already loaded");
        }
        List<StandardPack> out = new ArrayList<>(packs);
        out.add(pack);
        packs = sorted(out);
    }

    /** Marks a loaded version withdrawn: kept for the assessments that cite it, refused for new ones. */
    void withdraw(StandardPack pack) {
        withdrawn.add(pack.reference());
    }

    public boolean withdrawn(StandardPack pack) {
        return withdrawn.contains(pack.reference());
    }

    /** Whether the pack was read from a file (shipped with Ferret or from ferret.standards.packs-dir), not uploaded. */
    public boolean fromFile(StandardPack pack) {
        return files.contains(pack.reference());
    }

    /** Every version of a pack, oldest in force first. */
    public List<StandardPack> versions(String id) {
        return packs.stream().filter(p -> p.id().equals(id)).toList();
    }

    /** Reads every shipped pack; a shipped pack that does not validate stops the start with its lines. */
    public static List<StandardPack> shipped() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(StandardPacks.class.getClassLoader())
                    .getResources("classpath*:standards/*.yaml");
            List<StandardPack> out = new ArrayList<>();
            for (Resource r : found) {
                try (InputStream in = r.getInputStream()) {
                    out.add(StandardPack.parse(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the shipped standard packs", e);
        }
    }

    public List<StandardPack> all() {
        return packs;
    }

    public List<StandardPack> byPurpose(Purpose purpose) {
        return packs.stream().filter(p -> p.purpose() == purpose).toList();
    }

    /** The newest version (not withdrawn) of each pack of this purpose (the ones compared in the matrix). */
    public List<StandardPack> latest(Purpose purpose) {
        return byPurpose(purpose).stream().filter(p -> latest(p.id()).orElseThrow() == p).toList();
    }

    /** The version of a pack newest in force that is not withdrawn (the newest withdrawn one if all are). */
    public Optional<StandardPack> latest(String id) {
        Comparator<StandardPack> newest = Comparator.comparing(StandardPack::inForce).thenComparing(StandardPack::version);
        List<StandardPack> all = versions(id);
        return all.stream().filter(p -> !withdrawn(p)).max(newest).or(() -> all.stream().max(newest));
    }

    public Optional<StandardPack> find(String id, String version) {
        return packs.stream().filter(p -> p.id().equals(id) && p.version().equals(version)).findFirst();
    }

    /** A pack by {@code id@version} (the reference a deactivation records) or by id and version. */
    public StandardPack get(String id, String version) {
        return find(id, version).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND,
                "No standard pack " + id + " version " + version + " is loaded"));
    }

    public Optional<StandardPack> byReference(String reference) {
        int at = reference == null ? -1 : reference.lastIndexOf('@');
        return at < 0 ? Optional.empty() : find(reference.substring(0, at), reference.substring(at + 1));
    }
}
