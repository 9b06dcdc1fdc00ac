package org.ferret.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.ferret.identity.DemoUsers;
import org.ferret.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo mode: on an empty registry, loads the synthetic demo data ({@link Banner} then prints where to sign in). */
@Component
@ConditionalOnProperty(name = "ferret.demo-data", havingValue = "true")
@Order(20)
class DemoData implements ApplicationRunner {

    static final long SEED = 20261128L;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Registry registry;
    private final org.ferret.licensing.Licensing licensing;
    private final org.ferret.licensing.ImportAuthorisations imports;
    private final DemoDeactivations deactivations;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int items;

    DemoData(Registry registry, org.ferret.licensing.Licensing licensing,
            org.ferret.licensing.ImportAuthorisations imports, org.ferret.standards.Assessments assessments,
            org.ferret.standards.StandardPacks packs, TransactionTemplate tx, Clock clock, @Value("${ferret.demo-data.items:3000}") int items) {
        this.deactivations = new DemoDeactivations(assessments, packs);
        this.registry = registry;
        this.licensing = licensing;
        this.imports = imports;
        this.tx = tx;
        this.clock = clock;
        this.items = items;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = registry.countByStatus().values().stream().mapToLong(Long::longValue).sum();
        if (existing == 0) {
            var previous = SecurityContextHolder.getContext().getAuthentication();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("demo-data", null, List.of()));
            try {
                long start = System.nanoTime();
                log.info("Loading {} synthetic demo items (first start only)…", items);
                int n = new DemoDataGenerator(registry, SEED, LocalDate.now(clock), deactivations)
                        .generate(items, tx, i -> {
                            if (i % 500 == 0) {
                                log.info("  {} / {} demo items", i, items);
                            }
                        });
                log.info("Loaded {} demo items in {} s", n, (System.nanoTime() - start) / 1_000_000_000);
                log.info("Loaded {} demo export licences", DemoLicences.load(licensing, registry, LocalDate.now(clock), tx));
                log.info("Loaded {} demo import authorisations", DemoLicences.loadImports(imports, registry,
                        LocalDate.now(clock), tx));
            } finally {
                SecurityContextHolder.getContext().setAuthentication(previous);
            }
        }
    }

    /**
     * Prints where to sign in and the demo logins, after every other start-up step (the parcels history of the first
     * start, parcels.internal.SimulatedOperator, comes after the registry's demo data), so it is the last thing shown.
     */
    @Component
    @ConditionalOnProperty(name = "ferret.demo-data", havingValue = "true")
    @Order(100)
    static class Banner implements ApplicationRunner {
        private final String port;

        Banner(@Value("${local.server.port:${server.port:8080}}") String port) {
            this.port = port;
        }

        @Override
        public void run(ApplicationArguments args) {
            StringBuilder sb = new StringBuilder("\n\n  Ferret demo is running at http://localhost:" + port + "\n  Demo logins (username / password):\n");
            DemoUsers.LOGINS.forEach((user, role) -> sb.append(String.format("    %-13s / %-18s %s%n", user, user + "-demo", role.label())));
            sb.append("  All demo data is synthetic. Stop with Ctrl+C.\n");
            System.out.println(sb);
        }
    }
}
