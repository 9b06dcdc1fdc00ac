package org.ferret.shared;

/**
 * JDBC URLs of the embedded H2 database with the options Ferret needs everywhere: PostgreSQL compatibility
 * (so one set of migrations serves both), PostgreSQL's null ordering, and a lock wait long enough for busy
 * moments. {@code application.properties} holds the same options as {@code ferret.h2.options}.
 */
public final class EmbeddedDatabase {

    public static final String OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    private EmbeddedDatabase() {
    }

    /** A database in a file, e.g. {@code file("./data/ferret")}. */
    public static String file(String path) {
        return "jdbc:h2:file:" + path + ";" + OPTIONS;
    }

    /** A named in-memory database that lives until the JVM exits (tests). */
    public static String inMemory(String name) {
        return "jdbc:h2:mem:" + name + ";" + OPTIONS + ";DB_CLOSE_DELAY=-1";
    }
}
