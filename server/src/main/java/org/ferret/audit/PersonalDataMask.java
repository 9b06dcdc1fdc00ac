package org.ferret.audit;

import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which values in an audit entry's before/after JSON are personal data, and how they are hidden from a reader
 * without the need to see them: holders' names and licence or registration numbers, and the names of witnesses
 * to a destruction. The stored entry (and its hash) is never changed; masking happens as it is read.
 */
final class PersonalDataMask {

    static final String MASK = "•••";

    /** Fields personal in any entry (a licence number is a person's, whatever the record). */
    private static final Set<String> ANYWHERE = Set.of("licenceNumber", "witness", "holderName");
    /** Fields personal only in entries about holders (elsewhere "name" is an agency's or a token's). */
    private static final Set<String> IN_HOLDERS = Set.of("name");

    private final ObjectMapper json;

    PersonalDataMask(ObjectMapper json) {
        this.json = json;
    }

    /** True when the entry holds personal data that {@link #mask} would hide. */
    boolean holdsPersonalData(AuditEntry e) {
        return !same(e.beforeJson(), mask(e.entityType(), e.beforeJson()))
                || !same(e.afterJson(), mask(e.entityType(), e.afterJson()));
    }

    AuditEntry mask(AuditEntry e) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.agency(), e.action(), e.entityType(), e.entityId(),
                mask(e.entityType(), e.beforeJson()), mask(e.entityType(), e.afterJson()), e.prevHash(), e.hash(), e.covers());
    }

    private String mask(String entityType, String text) {
        if (text == null || text.isBlank() || !(text.contains("{"))) {
            return text;
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
            return text; // not JSON (a plain note): nothing structured to mask
        }
        boolean changed = walk(root, "holder".equals(entityType), true);
        return changed ? json.writeValueAsString(root) : text;
    }

    private static boolean walk(JsonNode node, boolean holder, boolean top) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (String field : Set.copyOf(o.propertyNames())) {
                JsonNode v = o.get(field);
                boolean personal = ANYWHERE.contains(field) || (holder && top && IN_HOLDERS.contains(field));
                if (personal && v != null && !v.isNull()) {
                    if (!(v.isString() && MASK.equals(v.asString()))) {
                        o.put(field, MASK);
                        changed = true;
                    }
                } else if (v != null) {
                    changed |= walk(v, holder, false);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) {
                changed |= walk(child, holder, false);
            }
        }
        return changed;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
