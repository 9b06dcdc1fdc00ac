package org.ferret.intelligence;

import java.util.List;
import java.util.Map;

import org.ferret.testsupport.JsonApi;

/** HTTP helper for the seizure integration tests: JSON or CSV in, maps out, never throws on error statuses. */
final class SeizuresApi extends JsonApi {

    SeizuresApi(int port, String user) {
        super(port, user);
    }

    int status(String uri) {
        return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** The fields of each problem of a problem+json answer, as "line:field" (line left out when none). */
    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.getOrDefault("errors", List.of())).stream()
                .map(e -> (e.get("line") == null ? "" : e.get("line") + ":") + e.get("field")).toList();
    }
}
