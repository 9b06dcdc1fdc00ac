package org.ferret.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.ferret.shared.EmbeddedDatabase;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at its database. On PostgreSQL each context gets its own freshly created schema,
 * so contexts and concurrent runs never see each other's rows. If PostgreSQL was asked for and cannot be
 * reached, the test fails: a PostgreSQL run must never silently fall back to H2.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("ferret.test.db"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext ctx) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> props;
        if (onPostgres()) {
            String url = System.getProperty("ferret.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getProperty("ferret.test.pg.user", "postgres");
            String schema = System.getProperty("ferret.test.pg.schema", "ferret_it") + "_" + id;
            try (var c = DriverManager.getConnection(url, user, "")) {
                c.createStatement().execute("create schema " + schema);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(url, user, schema)));
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL integration tests need the server at " + url
                        + " (user " + user + "): " + e.getMessage(), e);
            }
            props = Map.of("spring.datasource.url", url + "?currentSchema=" + schema,
                    "spring.datasource.username", user, "spring.datasource.password", "",
                    "spring.flyway.schemas", schema, "spring.flyway.default-schema", schema,
                    "ferret.test.database", "postgres");
        } else {
            props = Map.of("spring.datasource.url", EmbeddedDatabase.inMemory("ferret_" + id),
                    "spring.datasource.username", "sa", "spring.datasource.password", "",
                    "ferret.test.database", "h2");
        }
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ferret-test-db", props));
    }

    private static void dropSchema(String url, String user, String schema) {
        try (var c = DriverManager.getConnection(url, user, "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
