package org.ferret.prints.internal;

import java.util.List;

import org.ferret.printfiles.corpus.Corpus;
import org.ferret.printfiles.corpus.MeshWriters;
import org.ferret.prints.KnownParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo fingerprints ({@code ./ferret demo}): on a first start with an empty library, three procedural known-part
 * stand-ins of the library's evaluation corpus (plates with holes, pockets and channels; no firearm file) are added,
 * ({@code Corpus.knownParts(3, 2026)}, the evaluation's seed).
 */
@Component
@ConditionalOnProperty(name = "ferret.demo-data", havingValue = "true")
@Order(30)
class DemoKnownParts implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoKnownParts.class);
    /** The seed of the evaluation's known parts ({@code Evaluation}). */
    static final long SEED = 2026;

    private final KnownParts parts;

    DemoKnownParts(KnownParts parts) {
        this.parts = parts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (parts.current().version() > 0) return;
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data", null, List.of()));
        try {
            for (Corpus.Part p : Corpus.knownParts(3, SEED)) {
                parts.add(p.id() + ".stl", MeshWriters.binaryStl(p.mesh()), "stand-in (" + p.kind() + ")", "demo: procedural stand-in " + p.id());
            }
            log.info("Loaded {} demo known parts into the print fingerprint library", parts.current().entries().size());
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
