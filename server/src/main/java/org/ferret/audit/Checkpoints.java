package org.ferret.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ferret.exchange.DocumentKind;
import org.ferret.exchange.Exchange;
import org.ferret.exchange.NodeKeys;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the audit log: on a schedule and on demand this node signs the log's size and Merkle root
 * with its node key, appends the checkpoint to its checkpoint file (outside the database) and sends it, with a
 * consistency proof from the previous one, to its witnesses. Also answers inclusion proofs against the latest
 * checkpoint. A checkpoint is never signed over a chain that is broken or no longer matches the earlier checkpoints
 * in the file.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    /** The exchange document kind that carries a checkpoint to a witness. */
    public static final DocumentKind KIND = DocumentKind.of("AUDIT_CHECKPOINT");

    private final AuditLeaves leaves;
    private final CheckpointFile file;
    private final NodeKeys keys;
    private final Exchange exchange;
    private final CheckpointProperties props;
    private final AuditVerifier chain;
    private final CheckpointVerifier checker;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    Checkpoints(AuditLeaves leaves, CheckpointFile file, NodeKeys keys, Exchange exchange, CheckpointProperties props,
            AuditVerifier chain, CheckpointVerifier checker, AuditLog audit, Clock clock, TransactionTemplate tx,
            JdbcClient jdbc) {
        this.leaves = leaves;
        this.file = file;
        this.keys = keys;
        this.exchange = exchange;
        this.props = props;
        this.chain = chain;
        this.checker = checker;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.jdbc = jdbc;
        for (String w : props.witnesses()) {
            if (!exchange.knows(w)) {
                throw new IllegalStateException("ferret.audit.checkpoints.witnesses names '" + w
                        + "', which is not a configured exchange peer (known: " + exchange.peers() + ")");
            }
        }
    }

    /** Signs a checkpoint now, on a user's request (audited as AUDIT_CHECKPOINT_SIGNED). */
    public Checkpoint sign() {
        return sign(true);
    }

    /** The scheduled checkpoint: only when enabled and the log grew since the latest one. */
    @Scheduled(fixedDelayString = "${ferret.audit.checkpoints.interval:PT1H}",
            initialDelayString = "${ferret.audit.checkpoints.interval:PT1H}")
    void scheduled() {
        if (!props.enabled() || keys.ephemeral()) {
            // with a key made up at start-up a checkpoint proves nothing after a restart: sign on request only
            return;
        }
        long latest = latest().map(Checkpoint::size).orElse(-1L);
        if (leaves.headSize() == latest) {
            return;
        }
        try {
            Checkpoint c = sign(false);
            log.info("signed audit {} (root {})", c.describe(), c.root());
        } catch (FerretException e) {
            log.error("no audit checkpoint signed: {}", e.getMessage());
        }
    }

    private synchronized Checkpoint sign(boolean onRequest) {
        return tx.execute(s -> {
            AuditVerifier.Verification v = chain.verify();
            if (!v.intact()) {
                throw new FerretException(ErrorCode.CONFLICT, "the audit chain is broken at entry " + v.brokenAtSeq()
                        + " (" + v.reason() + "): no checkpoint is signed over a broken chain");
            }
            CheckpointVerifier.Verification earlier = checker.verifyLocal();
            if (!earlier.intact()) {
                throw new FerretException(ErrorCode.CONFLICT, "the audit log no longer matches its earlier checkpoints ("
                        + earlier.reason() + "): no checkpoint is signed over it");
            }
            MerkleTree tree = new MerkleTree(leaves.leaves(leaves.headSize()));
            int n = tree.size();
            String root = HexFormat.of().formatHex(tree.root(n));
            var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Checkpoint c = new Checkpoint(keys.nodeId(), n, root, at, keys.sign(Checkpoint.text(keys.nodeId(), n, root, at)));
            file.append(c);
            for (String w : props.witnesses()) {
                exchange.send(w, KIND, String.valueOf(n), witnessBody(w, c, tree));
            }
            if (onRequest) {
                audit.record("AUDIT_CHECKPOINT_SIGNED", "audit_checkpoint", String.valueOf(n), null,
                        Map.of("root", root, "signedAt", at.toString(), "witnesses", props.witnesses()));
            }
            return c;
        });
    }

    /**
     * The checkpoint and a consistency proof from the last checkpoint this witness was sent and did not refuse
     * (documents to one peer are delivered in order, so that is the one it will hold when this one arrives).
     */
    private Map<String, Object> witnessBody(String witness, Checkpoint c, MerkleTree tree) {
        Long previous = exchange.outgoing(witness, KIND).stream().filter(o -> !"REFUSED".equals(o.status()))
                .map(o -> Long.parseLong(o.reference())).reduce((a, b) -> b).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkpoint", CheckpointWitness.asJson(c));
        body.put("previousSize", previous);
        List<String> proof = previous == null || previous > c.size() ? List.of()
                : tree.consistencyProof(previous.intValue(), (int) c.size()).stream().map(HexFormat.of()::formatHex).toList();
        body.put("consistency", proof);
        return body;
    }

    /** This node's checkpoints from its file, newest first (only those it signed itself). */
    public List<Checkpoint> list() {
        return file.read().checkpoints().stream()
                .filter(c -> c.node().equals(keys.nodeId()) && keys.verifyOwn(c.signedText(), c.signature()))
                .sorted(Comparator.comparing(Checkpoint::signedAt).thenComparingLong(Checkpoint::size).reversed())
                .toList();
    }

    /** The largest checkpoint in this node's file. */
    public Optional<Checkpoint> latest() {
        return list().stream().max(Comparator.comparingLong(Checkpoint::size));
    }

    /** The audit path proving that entry {@code seq} is in the tree of the latest checkpoint. */
    public InclusionProof prove(long seq) {
        if (seq < 1) {
            throw new FerretException(ErrorCode.VALIDATION_FAILED, "seq: audit entries are numbered from 1",
                    List.of(new FieldProblem("seq", "must be 1 or more")));
        }
        Checkpoint c = latest().filter(x -> x.size() >= seq).orElseThrow(() -> new FerretException(ErrorCode.NOT_FOUND,
                "no checkpoint covers entry " + seq + " yet (the latest covers "
                        + latest().map(Checkpoint::size).orElse(0L) + " entries): sign a checkpoint first"));
        MerkleTree tree = new MerkleTree(leaves.leaves(c.size()));
        if (tree.size() < c.size() || !java.util.Arrays.equals(tree.root((int) c.size()), c.rootBytes())) {
            throw new FerretException(ErrorCode.CONFLICT, "the audit log no longer matches the " + c.describe()
                    + ": no inclusion proof can be given; verify the log");
        }
        String entryHash = jdbc.sql("select hash from audit_log where seq = :seq").param("seq", seq).query(String.class)
                .single().trim();
        HexFormat hex = HexFormat.of();
        List<String> path = tree.inclusionProof((int) seq - 1, (int) c.size()).stream().map(hex::formatHex).toList();
        return new InclusionProof(seq, seq - 1, c.size(), entryHash, hex.formatHex(AuditLeaves.leaf(entryHash)), path, c);
    }
}
