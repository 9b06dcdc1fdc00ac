package org.ferret.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of Certificate Transparency (RFC 6962 §2.1, RFC 9162 §2.1) over a list of leaf hashes: leaf hash
 * = SHA-256(0x00 || leaf), interior node = SHA-256(0x01 || left || right), a tree of n leaves split at the largest
 * power of two below n. Builds roots for any size, audit paths (inclusion proofs) and consistency proofs, and
 * verifies both with the RFC 9162 algorithms, which do not rebuild the tree.
 */
public final class MerkleTree {

    private final List<byte[]> leaves;

    /** A tree over these leaf hashes (each 32 bytes, already hashed with {@link #leafHash}). */
    public MerkleTree(List<byte[]> leafHashes) {
        this.leaves = List.copyOf(leafHashes);
    }

    public int size() {
        return leaves.size();
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        sha.update(data);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the first {@code n} leaves (MTH(D[0:n])); the empty tree's root is SHA-256 of nothing. */
    public byte[] root(int n) {
        checkSize(n);
        return n == 0 ? sha256().digest() : mth(0, n);
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code n} leaves (PATH(m, D[0:n])). */
    public List<byte[]> inclusionProof(int index, int n) {
        checkSize(n);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + n + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, n, proof);
        return proof;
    }

    /** The proof that the tree of the first {@code m} leaves is a prefix of the tree of the first {@code n}. */
    public List<byte[]> consistencyProof(int m, int n) {
        checkSize(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("a tree of " + m + " leaves is not a prefix of one of " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, proof);
        }
        return proof;
    }

    private byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(mth(from, from + k), mth(from + k, to));
    }

    // RFC 6962 §2.1.1, PATH(m, D[from:to]); collected leaf-side first
    private void path(int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(mth(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(mth(from, from + k));
        }
    }

    // RFC 6962 §2.1.2, SUBPROOF(m, D[from:to], b)
    private void subproof(int m, int from, int to, boolean whole, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                out.add(mth(from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(m, from, from + k, whole, out);
            out.add(mth(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, out);
            out.add(mth(from, from + k));
        }
    }

    /** The largest power of two smaller than n (n > 1). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private void checkSize(int n) {
        if (n < 0 || n > leaves.size()) {
            throw new IllegalArgumentException("the tree has " + leaves.size() + " leaves, not " + n);
        }
    }

    /** RFC 9162 §2.1.3.2: true when {@code proof} shows the leaf at {@code index} is in the tree of {@code size}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: true when {@code proof} shows the tree of {@code size1} with root {@code root1} is a prefix of
     * the tree of {@code size2} with root {@code root2}.
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1 || root1 == null || root2 == null) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            // size1 is a power of two: its root is the first node of the path
            path.addFirst(root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    /**
     * Roots of growing prefixes without holding the tree: append leaves in order, ask for the root of what was
     * appended so far. Keeps one hash per set bit of the size (the perfect subtrees of the RFC's tree).
     */
    public static final class Accumulator {
        private final List<byte[]> stack = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            byte[] h = leafHash;
            long s = size;
            while ((s & 1) == 1) {
                h = nodeHash(stack.removeLast(), h);
                s >>= 1;
            }
            stack.add(h);
            size++;
        }

        public long size() {
            return size;
        }

        /** MTH of the leaves appended so far. */
        public byte[] root() {
            if (stack.isEmpty()) {
                return sha256().digest();
            }
            byte[] r = stack.getLast();
            for (int i = stack.size() - 2; i >= 0; i--) {
                r = nodeHash(stack.get(i), r);
            }
            return r;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
