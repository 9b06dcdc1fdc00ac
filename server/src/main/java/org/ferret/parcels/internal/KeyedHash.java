package org.ferret.parcels.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ferret.parcels.Declaration;
import org.ferret.parcels.ParcelsProperties;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256) of senders and addressees: what the history features count instead of names and
 * addresses. The key comes from {@code ferret.parcels.hash-key} (FERRET_PARCELS_HASH_KEY); demo and test mode make
 * one and keep it in the data directory so that histories survive a restart. Without a key no declaration is taken.
 */
@Component
public class KeyedHash {
    private final ParcelsProperties properties;
    private volatile SecretKeySpec key;

    KeyedHash(ParcelsProperties properties) {
        this.properties = properties;
    }

    /** The keyed hash of a party (name, address, postcode and country, normalised), or "" for none. */
    public String of(Declaration.Party p) {
        if (p == null) {
            return "";
        }
        String canonical = norm(p.name()) + "\u001f" + norm(p.address()) + "\u001f" + norm(p.postcode()) + "\u001f" + norm(p.country());
        return HexFormat.of().formatHex(mac().doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** This thread's MAC under the key (a Mac is not thread-safe; looking one up and keying it per party cost more than the hash). */
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    private Mac mac() {
        Mac mac = macs.get();
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(key());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
            macs.set(mac);
        }
        return mac;
    }

    private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(n).replaceAll(" ").strip();
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (key == null) {
                key = new SecretKeySpec(loadKey(), "HmacSHA256");
            }
            return key;
        }
    }

    private byte[] loadKey() {
        String configured = properties.getHashKey();
        if (configured != null && !configured.isBlank()) {
            try {
                byte[] b = Base64.getDecoder().decode(configured.strip());
                if (b.length >= 16) {
                    return b;
                }
            } catch (IllegalArgumentException notBase64) {
                // a passphrase: used as its bytes
            }
            if (configured.length() < 16) {
                throw new FerretException(ErrorCode.PARCELS_NOT_CONFIGURED, "ferret.parcels.hash-key is too short (at least 16 bytes)");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (!properties.isGenerateHashKey()) {
            throw new FerretException(ErrorCode.PARCELS_NOT_CONFIGURED,
                    "no key for the keyed hashes of senders and addressees: set FERRET_PARCELS_HASH_KEY (32 random bytes, base64)");
        }
        Path file = Path.of(properties.getDataDir()).resolve("parcels").resolve("hash.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] b = new byte[32];
                new SecureRandom().nextBytes(b);
                Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(b));
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new FerretException(ErrorCode.PARCELS_NOT_CONFIGURED, "cannot keep the generated hash key in " + file + ": " + e.getMessage());
        }
    }
}
