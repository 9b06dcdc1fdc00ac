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
 * The standard packs Ferret holds, read and validated once at start: those shipped with it
 * ({@code classpath:standards/*.yaml}) and those the authority loads, every {@code *.yaml} in
 * {@code ferret.standards.packs-dir} (none by default). A pack that does not validate stops the start with its file,
 * lines and fields (check one first with {@code ./ferret standards check FILE}); so does a pack whose id and version
 * another pack has already.
 */
@Component
public class StandardPacks {

    private final List<StandardPack> packs;

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
        this.packs = packs.stream().sorted(Comparator.comparing(StandardPack::id).thenComparing(StandardPack::inForce)).toList();
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

    /** The newest version of each pack of this purpose (the ones compared in the matrix). */
    public List<StandardPack> latest(Purpose purpose) {
        return byPurpose(purpose).stream().filter(p -> latest(p.id()).orElseThrow() == p).toList();
    }

    public Optional<StandardPack> latest(String id) {
        return packs.stream().filter(p -> p.id().equals(id)).max(Comparator.comparing(StandardPack::inForce));
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
