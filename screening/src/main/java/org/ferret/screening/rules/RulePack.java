package org.ferret.screening.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A versioned set of risk indicators for one profile, kept as one text file (see docs/screening.md). */
public record RulePack(String name, String version, String profile, List<Rule> rules) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    public RulePack {
        if (name == null || !TOKEN.matcher(name).matches()) throw new IllegalArgumentException("bad pack name '" + name + "'");
        if (version == null || !TOKEN.matcher(version).matches()) throw new IllegalArgumentException("bad pack version '" + version + "'");
        if (profile == null || !TOKEN.matcher(profile).matches()) throw new IllegalArgumentException("bad profile '" + profile + "'");
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) if (!ids.add(r.id())) throw new IllegalArgumentException("rule id " + r.id() + " appears twice");
    }

    /** "name version", as scores cite it. */
    public String label() {
        return name + " " + version;
    }
}
