package org.ferret.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The test-only path for tampering with append-only tables, as an attacker with DBA rights would: on PostgreSQL each
 * connection runs with {@code session_replication_role = replica}, which skips Ferret's append-only triggers (and
 * needs a superuser, which the test server's {@code postgres} role is); on H2 there are no triggers to skip. Never
 * used by Ferret itself; docs/operations.md "Threat model" says what such an attacker can and cannot hide.
 */
public final class Dba {

    private Dba() {
    }

    /** A template whose statements bypass the append-only triggers. */
    public static JdbcTemplate of(JdbcTemplate jdbc) {
        return of(jdbc.getDataSource());
    }

    public static JdbcTemplate of(DataSource ds) {
        return new JdbcTemplate(new DelegatingDataSource(ds) {
            @Override
            public Connection getConnection() throws SQLException {
                return bypass(super.getConnection());
            }
        });
    }

    private static Connection bypass(Connection c) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return c;
        }
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
        }
        return (Connection) Proxy.newProxyInstance(Dba.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        try (Statement s = c.createStatement()) {
                            s.execute("set session_replication_role = default");
                        }
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
