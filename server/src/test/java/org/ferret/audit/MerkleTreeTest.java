package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit log's Merkle tree against the Certificate Transparency test vectors (RFC 6962 leaves and tree heads, as
 * published with the reference implementations), and proofs over seeded random leaves for every size up to 100.
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();
    static final List<String> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static MerkleTree ctTree() {
        return new MerkleTree(CT_LEAVES.stream().map(h -> MerkleTree.leafHash(HEX.parseHex(h))).toList());
    }

    static List<String> hex(List<byte[]> l) {
        return l.stream().map(HEX::formatHex).toList();
    }

    @Test
    void the_roots_of_the_reference_leaves_are_the_tree_heads_of_rfc_6962_for_every_size() {
        MerkleTree t = ctTree();
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(t.root(n))).as("size " + n).isEqualTo(CT_ROOTS.get(n));
        }
    }

    @Test
    void the_accumulator_gives_the_same_roots_as_the_tree_without_holding_it() {
        MerkleTree.Accumulator acc = new MerkleTree.Accumulator();
        assertThat(HEX.formatHex(acc.root())).isEqualTo(CT_ROOTS.get(0));
        for (int n = 1; n <= 8; n++) {
            acc.append(MerkleTree.leafHash(HEX.parseHex(CT_LEAVES.get(n - 1))));
            assertThat(HEX.formatHex(acc.root())).as("size " + n).isEqualTo(CT_ROOTS.get(n));
        }
    }

    @Test
    void the_audit_paths_of_the_reference_tree_are_the_published_ones() {
        MerkleTree t = ctTree();
        assertThat(hex(t.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(t.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void the_consistency_proof_from_2_to_8_leaves_is_the_published_one() {
        assertThat(hex(ctTree().consistencyProof(2, 8))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    static Stream<Arguments> seeds() {
        return Stream.of(Arguments.of(1L), Arguments.of(20261202L), Arguments.of(-7L));
    }

    static List<byte[]> randomLeaves(long seed, int n) {
        Random r = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] entryHash = new byte[32];
            r.nextBytes(entryHash);
            out.add(MerkleTree.leafHash(entryHash));
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void every_leafs_inclusion_proof_verifies_in_every_size_up_to_100_and_fails_for_a_tampered_leaf_index_or_path(long seed) {
        MerkleTree t = new MerkleTree(randomLeaves(seed, 100));
        List<byte[]> leaves = randomLeaves(seed, 100);
        for (int n = 1; n <= 100; n++) {
            byte[] root = t.root(n);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = t.inclusionProof(i, n);
                assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), path, root)).as("leaf %d of %d", i, n).isTrue();
                byte[] tampered = leaves.get(i).clone();
                tampered[0] ^= 1;
                assertThat(MerkleTree.verifyInclusion(i, n, tampered, path, root)).isFalse();
                if (n > 1) {
                    int other = (i + 1) % n;
                    assertThat(MerkleTree.verifyInclusion(other, n, leaves.get(i), path, root))
                            .as("leaf %d's path as leaf %d of %d", i, other, n).isFalse();
                    List<byte[]> bent = new ArrayList<>(path);
                    byte[] first = bent.getFirst().clone();
                    first[31] ^= 0x80;
                    bent.set(0, first);
                    assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), bent, root)).isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void every_consistency_proof_verifies_for_all_sizes_up_to_100_and_fails_when_an_early_leaf_was_rewritten(long seed) {
        List<byte[]> leaves = randomLeaves(seed, 100);
        MerkleTree t = new MerkleTree(leaves);
        Random r = new Random(seed ^ 0x5eed);
        for (int n = 1; n <= 100; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = t.consistencyProof(m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, t.root(m), t.root(n), proof)).as("%d -> %d", m, n).isTrue();
                if (m < n) {
                    // the same log with one of its first m entries rewritten: its new tree does not extend the old one
                    List<byte[]> rewritten = new ArrayList<>(leaves.subList(0, n));
                    rewritten.set(r.nextInt(m), MerkleTree.leafHash(new byte[] {(byte) m, (byte) n}));
                    MerkleTree other = new MerkleTree(rewritten);
                    assertThat(MerkleTree.verifyConsistency(m, n, t.root(m), other.root(n), other.consistencyProof(m, n)))
                            .as("rewritten %d -> %d", m, n).isFalse();
                    assertThat(MerkleTree.verifyConsistency(m, n, t.root(m), t.root(n), List.of())).isFalse();
                }
            }
        }
    }

    @Test
    void a_leaf_outside_the_tree_has_no_proof() {
        MerkleTree t = ctTree();
        assertThatThrownBy(() -> t.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.root(9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(8, 8, t.root(1), List.of(), t.root(8))).isFalse();
    }
}
