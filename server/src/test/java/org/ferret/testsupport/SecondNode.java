package org.ferret.testsupport;

import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import org.ferret.FerretApplication;
import org.ferret.shared.EmbeddedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Ferret node in the same JVM for tests that cross nodes: its own database (an H2 in memory, or a schema on
 * the PostgreSQL test server) and the node's own properties.
 */
public final class SecondNode {

    private SecondNode() {
    }

    /** Starts a node on database {@code db} with {@code nodeProperties} (port, node id, keys, peers, …). */
    public static ConfigurableApplicationContext start(String db, Map<String, Object> nodeProperties) {
        Map<String, Object> p = new HashMap<>(nodeProperties);
        if (TestDatabase.onPostgres()) {
            String url = pgUrl();
            try (var c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("create schema if not exists " + db);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            p.put("spring.datasource.url", url + "?currentSchema=" + db);
            p.put("spring.datasource.username", "postgres");
            p.put("spring.flyway.schemas", db);
            p.put("spring.flyway.default-schema", db);
        } else {
            p.put("spring.datasource.url", EmbeddedDatabase.inMemory(db));
            p.put("spring.datasource.username", "sa");
        }
        p.put("spring.datasource.password", "");
        // as command-line arguments: they outrank application.properties (builder properties would not)
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(FerretApplication.class).profiles("test").run(args);
    }

    /** Stops the node (if it started) and drops its PostgreSQL schema. */
    public static void stop(ConfigurableApplicationContext node, String db) {
        if (node != null) {
            node.close();
        }
        if (TestDatabase.onPostgres()) {
            try (var c = DriverManager.getConnection(pgUrl(), "postgres", "")) {
                c.createStatement().execute("drop schema if exists " + db + " cascade");
            } catch (java.sql.SQLException e) {
                System.err.println("could not drop " + db + ": " + e.getMessage());
            }
        }
    }

    private static String pgUrl() {
        return System.getProperty("ferret.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }
}
