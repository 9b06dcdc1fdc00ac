package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The canonical text a covered row is hashed from (what the verifier recomputes from the stored row): every column
 * but the derived ones, by name, each value by its type's reading; an SQL null leaves its column out. Read from a real
 * result set (H2 in memory), each typed column null in one row and set in the other.
 */
class RowHasherTest {

    @Test
    void typed_columns_hash_by_their_canonical_text_and_a_null_column_is_left_out() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:rowhasher;MODE=PostgreSQL");
                Statement s = c.createStatement()) {
            s.execute("""
                    create table t (id int primary key, at timestamp with time zone, local_at timestamp, on_day date,
                        code char(4), amount numeric(10,3), name varchar(20), cached varchar(20))""");
            s.execute("insert into t values (1, null, null, null, null, null, 'x', 'c')");
            s.execute("""
                    insert into t values (2, timestamp with time zone '2026-12-07 23:40:00.125+02:00',
                        timestamp '2026-12-07 08:00:00', date '2026-12-07', 'AB', 12.500, 'y', 'c')""");
            CoveredTable spec = new CoveredTable("t", List.of("id"), Set.of("cached"));
            try (ResultSet rs = s.executeQuery("select * from t order by id")) {
                RecordHashing.RowHasher hasher = new RecordHashing.RowHasher(rs.getMetaData(), spec);
                rs.next();
                assertThat(hasher.key(rs)).isEqualTo(key(1));
                assertThat(hasher.hash(rs)).isEqualTo(RecordHashing.sha256("id=1:1;name=1:x;"));
                rs.next();
                // names in order; the instant in UTC, the char without its padding, the number without trailing zeros
                assertThat(hasher.hash(rs)).isEqualTo(RecordHashing.sha256("amount=4:12.5;at=24:2026-12-07T21:40:00.125Z;"
                        + "code=2:AB;id=1:2;local_at=16:2026-12-07T08:00;name=1:y;on_day=10:2026-12-07;"));
            }
        }
    }

    private static String key(int id) {
        return RecordHashing.Table.key(List.of(id));
    }
}
