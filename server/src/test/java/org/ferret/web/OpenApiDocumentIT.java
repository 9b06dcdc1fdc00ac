package org.ferret.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** The OpenAPI document says what a client needs: name and version, how to authenticate, every error, one tag style. */
@FerretIntegrationTest
class OpenApiDocumentIT {

    @LocalServerPort
    int port;
    @Autowired
    BuildProperties build;

    @SuppressWarnings("unchecked")
    Map<String, Object> doc() {
        return RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().body(Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void is_titled_ferret_api_with_the_builds_version_and_offers_bearer_and_basic() {
        Map<String, Object> doc = doc();
        Map<String, Object> info = (Map<String, Object>) doc.get("info");
        assertThat(info.get("title")).isEqualTo("Ferret API");
        assertThat(info.get("version")).isEqualTo(build.getVersion()).isNotEqualTo("v0").asString().matches("\\d+\\.\\d+.*");
        Map<String, Map<String, Object>> schemes = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertThat(schemes.get("bearer")).containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(schemes.get("basic")).containsEntry("type", "http").containsEntry("scheme", "basic");
        assertThat((List<Map<String, Object>>) doc.get("security")).extracting(m -> m.keySet())
                .anySatisfy(k -> assertThat(k).containsExactly("bearer"))
                .anySatisfy(k -> assertThat(k).containsExactly("basic"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_operation_documents_its_problem_json_errors_and_carries_a_tag_in_the_one_style() {
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc().get("paths");
        assertThat(paths).containsKeys("/api/v1/items", "/api/v1/items/{id}", "/api/v1/tracing/requests");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            String where = method.toUpperCase() + " " + path;
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
            List<String> expected = new ArrayList<>(List.of("403"));
            boolean signed = path.contains("exchange") && method.equals("post");
            if (!signed) {
                expected.add("401");
            }
            if (path.contains("{")) {
                expected.add("404");
            }
            if (op.get("requestBody") != null || op.get("parameters") != null) {
                expected.add("400");
            }
            if (!method.equals("get")) {
                expected.add("409");
            }
            if (path.endsWith("/import")) {
                expected.add("422"); // the CSV is streamed, so no 413: nothing limits its size
            }
            Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
            if (body != null && ((Map<String, Object>) body.get("content")).keySet().stream().anyMatch(t -> t.startsWith("multipart/"))) {
                expected.add("413");
            }
            for (String status : expected) {
                Map<String, Object> r = responses.get(status);
                if (r == null || !((Map<String, Object>) r.get("content")).containsKey("application/problem+json")) {
                    problems.add(where + ": no problem+json " + status);
                }
            }
            List<String> tags = (List<String>) op.get("tags");
            if (tags == null || tags.size() != 1 || !tags.getFirst().matches("[A-Z][a-z]+: [a-z][a-z ,]+")) {
                problems.add(where + ": tag " + tags + " is not of the form \"Module: subject\"");
            }
        }));
        assertThat(problems).isEmpty();
    }
}
