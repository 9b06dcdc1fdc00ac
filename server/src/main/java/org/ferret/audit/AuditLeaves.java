package org.ferret.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The leaves of the audit log's Merkle tree: leaf {@code i} (from 0) is the hash of the entry with {@code seq = i + 1},
 * i.e. SHA-256(0x00 || the entry's 32-byte chain hash). The chain hash already covers the entry's content and its
 * predecessor, so the tree commits to every entry and to their order.
 */
@Component
class AuditLeaves {

    private final JdbcTemplate jdbc;

    AuditLeaves(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    /** The number of entries the chain head records. */
    long headSize() {
        return jdbc.queryForObject("select last_seq from audit_head where id = 1", Long.class);
    }

    /** The number of entries present. */
    long rows() {
        return jdbc.queryForObject("select count(*) from audit_log", Long.class);
    }

    static byte[] leaf(String entryHash) {
        return MerkleTree.leafHash(HexFormat.of().parseHex(entryHash.trim()));
    }

    /** Streams the leaf hashes of the first {@code limit} entries in order of seq. */
    void forEach(long limit, Consumer<byte[]> leaves) {
        jdbc.query("select hash from audit_log where seq <= ? order by seq", rs -> {
            leaves.accept(leaf(rs.getString(1)));
        }, limit);
    }

    /** The leaf hashes of the first {@code limit} entries, in order. */
    List<byte[]> leaves(long limit) {
        List<byte[]> out = new ArrayList<>();
        forEach(limit, out::add);
        return out;
    }
}
