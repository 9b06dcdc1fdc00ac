package org.ferret.audit;

import java.util.HexFormat;
import java.util.List;

/**
 * Proof that the audit entry {@code seq} is in the tree signed by {@code checkpoint}: its leaf hash, combined in
 * order with the {@code path} hashes (RFC 6962 audit path, leaf side first), gives the checkpoint's root. Anyone
 * holding the checkpoint can check it with {@link #verify()} without reading the log.
 */
public record InclusionProof(long seq, long leafIndex, long treeSize, String entryHash, String leafHash,
        List<String> path, Checkpoint checkpoint) {

    public InclusionProof {
        path = List.copyOf(path);
    }

    /** True when the path leads from the entry's hash to the checkpoint's root. */
    public boolean verify() {
        HexFormat hex = HexFormat.of();
        byte[] leaf = MerkleTree.leafHash(hex.parseHex(entryHash));
        return hex.formatHex(leaf).equals(leafHash) && treeSize == checkpoint.size() && leafIndex == seq - 1
                && MerkleTree.verifyInclusion(leafIndex, treeSize, leaf, path.stream().map(hex::parseHex).toList(),
                        checkpoint.rootBytes());
    }

    /** Whether {@link #verify()} holds, for the JSON form. */
    @com.fasterxml.jackson.annotation.JsonProperty("verified")
    public boolean verified() {
        return verify();
    }
}
