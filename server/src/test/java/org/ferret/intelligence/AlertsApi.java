package org.ferret.intelligence;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alert bodies for the alert tests. */
final class AlertsApi {

    private AlertsApi() {
    }

    /** A warning about alarm pistols mailed as toys, with one proposed indicator, to a group or to peers. */
    static Map<String, Object> warning(String title, String group, List<String> peers, String passOn) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "WARNING");
        a.put("topic", "ALARM_AND_GAS_WEAPONS");
        a.put("title", title);
        a.put("summary", "Alarm pistols convertible to live fire are mailed from CN to the Nordics declared as toy guns.");
        a.put("countries", List.of("CN", "FI"));
        a.put("audience", "ENFORCEMENT");
        a.put("passOn", passOn);
        a.put("validUntil", LocalDate.now().plusDays(60).toString());
        if (group != null) a.put("group", group);
        a.put("peers", peers);
        a.put("sources", List.of(Map.of("kind", "SEIZURE", "description", "three postal seizures in Helsinki, October")));
        a.put("profile", Map.of("conveyances", List.of("postal"), "origins", List.of("CN"), "destinations", List.of("FI", "SE"),
                "declaredDescriptions", List.of("toy gun", "plastic toy"), "hsCodes", List.of("9503")));
        a.put("indicators", List.of(Map.of("label", "Alarm pistols declared as toys from CN", "terms", List.of("toy gun", "toy pistol"),
                "routes", List.of("CN->FI", "CN->SE"), "declaredValueBelow", 40)));
        return a;
    }
}
