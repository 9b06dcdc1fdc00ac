package org.ferret.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.ferret.exchange.Exchange;
import org.ferret.exchange.NodeKeys;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks the audit log against the signed checkpoints this node can get: its own checkpoint file and the latest
 * copy each configured witness holds. A checkpoint covers the first {@code size} entries; the log must still have
 * them and their Merkle root must be the signed one. So a removed tail (even with the chain head moved back) and a
 * chain rewritten with recomputed hashes, which the hash chain alone cannot see, are both found.
 */
@Service
public class CheckpointVerifier {

    /** Where a checked checkpoint came from, and the checkpoint. */
    public record Source(String heldBy, Checkpoint checkpoint) {
    }

    /**
     * The outcome: intact when every checkpoint found matches the log; {@code problems} names each one that does not
     * (the first is {@code reason}); {@code notes} tells what could not be checked (no checkpoint yet, a witness that
     * did not answer).
     */
    public record Verification(boolean intact, int checkpointsChecked, Long latestSize, String reason,
            List<String> problems, List<String> notes) {
    }

    private final CheckpointFile file;
    private final AuditLeaves leaves;
    private final NodeKeys keys;
    private final Exchange exchange;
    private final CheckpointProperties props;
    private final ObjectMapper json;

    CheckpointVerifier(CheckpointFile file, AuditLeaves leaves, NodeKeys keys, Exchange exchange,
            CheckpointProperties props, ObjectMapper json) {
        this.file = file;
        this.leaves = leaves;
        this.keys = keys;
        this.exchange = exchange;
        this.props = props;
        this.json = json;
    }

    /** Against this node's checkpoint file and the witnesses' copies. */
    public Verification verify() {
        return verify(true);
    }

    /** Against this node's checkpoint file only (no network). */
    public Verification verifyLocal() {
        return verify(false);
    }

    private Verification verify(boolean askWitnesses) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        CheckpointFile.Contents local = file.read();
        problems.addAll(local.problems());
        for (Checkpoint c : local.checkpoints()) {
            if (!c.node().equals(keys.nodeId())) {
                notes.add("the checkpoint file holds a " + c.describe() + " of node '" + c.node() + "', not of this node; skipped");
            } else if (!keys.verifyOwn(c.signedText(), c.signature())) {
                if (keys.ephemeral()) {
                    notes.add("the " + c.describe() + " was signed with another key: this node's key is made up at each"
                            + " start (set ferret.exchange.node.private-key), so it cannot be checked");
                } else {
                    problems.add("the " + c.describe() + " in this node's checkpoint file does not carry this node's signature");
                }
            } else {
                sources.add(new Source("this node's checkpoint file", c));
            }
        }
        if (local.checkpoints().isEmpty() && local.problems().isEmpty()) {
            notes.add("this node's checkpoint file (" + file.path() + ") holds no checkpoint yet");
        }
        if (askWitnesses) {
            for (String w : props.witnesses()) {
                witnessCopy(w, sources, problems, notes);
            }
        }
        check(sources, problems);
        Long latest = sources.stream().map(s -> s.checkpoint().size()).max(Long::compare).orElse(null);
        return new Verification(problems.isEmpty(), sources.size(), latest, problems.isEmpty() ? null : problems.getFirst(),
                List.copyOf(problems), List.copyOf(notes));
    }

    private void witnessCopy(String witness, List<Source> sources, List<String> problems, List<String> notes) {
        switch (exchange.fetch(witness, CheckpointWitness.latestPath(keys.nodeId()))) {
            case Exchange.Fetched.Found f -> {
                Checkpoint c;
                try {
                    c = CheckpointFile.parse(json.readTree(f.body()));
                } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
                    notes.add("witness '" + witness + "' answered with something that is not a checkpoint: " + e.getMessage());
                    return;
                }
                if (!c.node().equals(keys.nodeId()) || !keys.verifyOwn(c.signedText(), c.signature())) {
                    notes.add("witness '" + witness + "' returned a " + c.describe() + " that this node did not sign; ignored");
                } else {
                    sources.add(new Source("witness '" + witness + "'", c));
                }
            }
            case Exchange.Fetched.Absent a -> notes.add("witness '" + witness + "' holds no checkpoint of this node yet");
            case Exchange.Fetched.Failed x -> notes.add("witness '" + witness + "' could not be asked: " + x.reason());
        }
    }

    /** One pass over the log's leaves, comparing the root at each checkpoint's size with the signed one. */
    private void check(List<Source> sources, List<String> problems) {
        if (sources.isEmpty()) {
            return;
        }
        List<Source> bySize = sources.stream().sorted(Comparator.comparingLong(s -> s.checkpoint().size())).toList();
        long max = bySize.getLast().checkpoint().size();
        MerkleTree.Accumulator acc = new MerkleTree.Accumulator();
        int[] next = {0};
        // size-0 checkpoints match the empty tree
        compareDue(bySize, next, acc, problems);
        leaves.forEach(max, leaf -> {
            acc.append(leaf);
            compareDue(bySize, next, acc, problems);
        });
        for (int i = next[0]; i < bySize.size(); i++) {
            Source s = bySize.get(i);
            problems.add("log is shorter than checkpoint: the " + s.checkpoint().describe() + " (" + s.heldBy()
                    + ") covers " + s.checkpoint().size() + " entries, the log has " + acc.size());
        }
    }

    private static void compareDue(List<Source> bySize, int[] next, MerkleTree.Accumulator acc, List<String> problems) {
        byte[] root = null;
        while (next[0] < bySize.size() && bySize.get(next[0]).checkpoint().size() == acc.size()) {
            Source s = bySize.get(next[0]++);
            root = root == null ? acc.root() : root;
            if (!Arrays.equals(root, s.checkpoint().rootBytes())) {
                problems.add("the " + s.checkpoint().describe() + " (" + s.heldBy() + ") does not match: root differs"
                        + " (signed " + s.checkpoint().root() + ", the log's first " + acc.size() + " entries give "
                        + HexFormat.of().formatHex(root) + "): entries up to " + acc.size() + " were changed or removed");
            }
        }
    }
}
