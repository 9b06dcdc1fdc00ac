package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ferret.testsupport.FerretIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Hostile and careless input over real HTTP (issue 9, "Hostile input"): each refused with a clear 4xx, never a 500. */
@FerretIntegrationTest
class HostileInputIT {

    static final String HEADER = "external_ref,kind,manufacturer";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static String prefix() {
        return "H" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    long items(String prefix) {
        return jdbc.queryForObject("select count(*) from registry_item where external_ref like ?", Long.class, prefix + "%");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> importCsv(byte[] body, int expectedStatus) {
        var res = RegistryApi.registrar(port).client.post().uri("/api/v1/items/import")
                .contentType(MediaType.parseMediaType("text/csv")).body(body).retrieve().toEntity(Map.class);
        assertThat(res.getStatusCode().value()).as("%s", res.getBody()).isEqualTo(expectedStatus);
        return res.getBody();
    }

    // --- 1. UTF-8 everywhere ---

    @Test
    void a_latin1_csv_posted_to_the_api_is_rejected_naming_the_line_and_byte_offset_and_nothing_is_stored() {
        String p = prefix();
        String text = HEADER + "\n" + p + "1,pistol,Glock\n" + p + "2,pistol,Walther M\u00fcller\n";
        var body = importCsv(text.getBytes(StandardCharsets.ISO_8859_1), 422);
        assertThat(body.get("code")).isEqualTo("IMPORT_REJECTED");
        int offset = text.indexOf('\u00fc');
        assertThat((String) body.get("detail")).contains("line 3").contains("byte offset " + offset).contains("0xFC");
        assertThat(body.get("errors").toString()).contains("line=3");
        assertThat(items(p)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from registry_item where manufacturer like '%\uFFFD%'", Long.class))
                .isZero();
    }

    @Test
    void a_utf8_csv_with_a_byte_order_mark_is_accepted_with_its_umlaut_intact() {
        String p = prefix();
        String text = "\uFEFF" + HEADER + "\n" + p + "1,pistol,Walther M\u00fcller\n";
        var body = importCsv(text.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(body.get("created")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select manufacturer from registry_item where external_ref = ?", String.class, p + "1"))
                .isEqualTo("Walther M\u00fcller");
    }

    @Test
    void a_latin1_csv_uploaded_on_the_import_page_is_rejected_naming_the_line_and_byte_offset() throws Exception {
        String p = prefix();
        String text = HEADER + "\n" + p + "1,pistol,Walther M\u00fcller\n";
        var res = upload(signedIn("registrar"), text.getBytes(StandardCharsets.ISO_8859_1), "ALL_OR_NOTHING");
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("not valid UTF-8").contains("byte offset " + text.indexOf('\u00fc'))
                .contains("line 2");
        assertThat(items(p)).isZero();
    }

    // --- 2. JSON strictness ---

    ResponseEntityAssert registerRaw(String json) {
        var res = RegistryApi.registrar(port).client.post().uri("/api/v1/items").contentType(MediaType.APPLICATION_JSON)
                .body(json).retrieve().toEntity(String.class);
        return new ResponseEntityAssert(res.getStatusCode().value(), res.getHeaders().getContentType(), res.getBody());
    }

    record ResponseEntityAssert(int status, MediaType type, String body) {
        ResponseEntityAssert isProblem(int expected, String code, String field) {
            assertThat(status).as(body).isEqualTo(expected);
            assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("%s", type).isTrue();
            assertThat(body).contains("\"code\":\"" + code + "\"");
            if (field != null) {
                assertThat(body).contains("\"field\":\"" + field + "\"");
            }
            return this;
        }
    }

    @Test
    void an_enum_given_by_number_or_as_a_numeric_string_is_refused_naming_the_field() {
        long before = jdbc.queryForObject("select count(*) from registry_item", Long.class);
        registerRaw("{\"kind\":5}").isProblem(400, "VALIDATION_FAILED", "kind");
        registerRaw("{\"kind\":\"5\"}").isProblem(400, "VALIDATION_FAILED", "kind");
        registerRaw("{\"kind\":\"PISTOL\",\"markings\":[{\"kind\":0}]}").isProblem(400, "VALIDATION_FAILED", "markings[0].kind");
        assertThat(jdbc.queryForObject("select count(*) from registry_item", Long.class)).isEqualTo(before);
    }

    @Test
    void an_integer_given_as_a_fraction_or_a_string_is_refused_naming_the_field() {
        registerRaw("{\"kind\":\"PISTOL\",\"yearOfManufacture\":2019.9}")
                .isProblem(400, "VALIDATION_FAILED", "yearOfManufacture");
        registerRaw("{\"kind\":\"PISTOL\",\"yearOfManufacture\":\"2019\"}")
                .isProblem(400, "VALIDATION_FAILED", "yearOfManufacture");
        assertThat(registerRaw("{\"kind\":\"PISTOL\",\"yearOfManufacture\":2019}").status()).isEqualTo(201);
    }

    @Test
    void a_key_given_twice_is_refused_naming_it() {
        var r = registerRaw("{\"kind\":\"PISTOL\",\"kind\":\"MACHINE_GUN\"}").isProblem(400, "VALIDATION_FAILED", "kind");
        assertThat(r.body()).contains("more than once");
        registerRaw("{\"kind\":\"PISTOL\",\"markings\":[{\"kind\":\"MANUFACTURE\",\"serialNumber\":\"A1\",\"serialNumber\":\"B2\"}]}")
                .isProblem(400, "VALIDATION_FAILED", "markings[0].serialNumber");
    }

    @Test
    void an_event_dated_before_1800_or_in_the_future_is_refused_naming_the_field() {
        var api = RegistryApi.registrar(port);
        String id = (String) api.register(RegistryApi.pistol(prefix() + "D1")).get("id");
        var old = api.post("/api/v1/items/" + id + "/events", RegistryApi.event("THEFT_REPORTED", "1000-01-01"));
        assertThat(old.getStatusCode().value()).isEqualTo(400);
        assertThat(old.getBody().get("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(old.getBody().get("errors").toString()).contains("occurredOn").contains("1800-01-01");
        var future = api.post("/api/v1/items/" + id + "/events",
                RegistryApi.event("THEFT_REPORTED", java.time.LocalDate.now().plusDays(30).toString()));
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(future.getBody().get("errors").toString()).contains("occurredOn").contains("future");
        assertThat(api.post("/api/v1/items/" + id + "/events", RegistryApi.event("THEFT_REPORTED", "1800-01-01"))
                .getStatusCode().value()).isEqualTo(201);
    }

    // --- 3. control characters ---

    /** A raw request with the registrar's credentials, the path and query sent exactly as given. */
    HttpResponse<String> raw(String method, String pathAndQuery, String contentType, String accept, byte[] body)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("registrar:registrar-demo".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertProblem(HttpResponse<String> res, int status, String code) {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        String type = res.headers().firstValue("Content-Type").orElse("");
        assertThat(type).startsWith("application/problem+json");
        assertThat(type.toLowerCase()).doesNotContain("iso-8859-1");
        assertThat(res.body()).contains("\"code\":\"" + code + "\"").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_nul_in_a_query_parameter_is_refused_400_naming_it_never_500() throws Exception {
        var serial = raw("GET", "/api/v1/items?serial=AB%00CD", null, null, null);
        assertProblem(serial, 400, "VALIDATION_FAILED");
        assertThat(serial.body()).contains("\"field\":\"serial\"").contains("U+0000");
        var licence = raw("GET", "/api/v1/holders?licence=AB%00CD", null, null, null);
        assertProblem(licence, 400, "VALIDATION_FAILED");
        assertThat(licence.body()).contains("\"field\":\"licence\"");
        assertThat(raw("GET", "/api/v1/items?serial=AB%09CD", null, null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void a_nul_in_a_registered_item_is_refused_naming_the_field_and_nothing_is_stored() {
        long before = jdbc.queryForObject("select count(*) from registry_item", Long.class);
        registerRaw("{\"kind\":\"PISTOL\",\"manufacturer\":\"Glo\\u0000ck\"}")
                .isProblem(400, "VALIDATION_FAILED", "manufacturer");
        registerRaw("{\"kind\":\"PISTOL\",\"markings\":[{\"kind\":\"MANUFACTURE\",\"serialNumber\":\"AB\\u0001CD\"}]}")
                .isProblem(400, "VALIDATION_FAILED", "markings[0].serialNumber");
        // a line break is JSON-legal but not in a one-line field: the domain refuses it
        registerRaw("{\"kind\":\"PISTOL\",\"model\":\"17\\nGen 5\"}").isProblem(400, "VALIDATION_FAILED", "model");
        assertThat(jdbc.queryForObject("select count(*) from registry_item", Long.class)).isEqualTo(before);
    }

    @Test
    void a_nul_in_a_csv_import_is_refused_naming_line_and_column() {
        String p = prefix();
        var body = importCsv((HEADER + "\n" + p + "1,pistol,Glock\n" + p + "2,pistol,Wal\u0000ther\n")
                .getBytes(StandardCharsets.UTF_8), 422);
        assertThat(body.get("errors").toString()).contains("field=manufacturer").contains("line=3").contains("U+0000");
        assertThat(items(p)).isZero();
    }

    // --- 4. sizes ---

    static Map<String, Object> marking(String serial) {
        return Map.of("kind", "MANUFACTURE", "manufacturer", "M".repeat(200), "countryOrPlace", "P".repeat(100),
                "serialNumber", serial, "location", "L".repeat(200), "method", "STAMPED");
    }

    @Test
    void a_json_body_over_one_megabyte_is_refused_413_before_it_is_read() throws Exception {
        byte[] big = ("{\"kind\":\"PISTOL\",\"manufacturer\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(raw("POST", "/api/v1/items", "application/json", null, big), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void more_than_fifty_markings_are_refused_and_an_item_with_fifty_long_ones_can_still_be_seized() {
        String p = prefix();
        var api = RegistryApi.registrar(port);
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(marking(p + "-" + "9".repeat(28) + i));
        }
        var tooMany = api.post("/api/v1/items", Map.of("kind", "PISTOL", "markings", many));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMany.getBody().get("errors").toString()).contains("markings").contains("at most 50");

        // fifty markings of the longest kind make events far over the 4000 characters Modulith's H2 schema held
        var item = api.register(Map.of("kind", "PISTOL", "markings", many.subList(0, 50)));
        String id = (String) item.get("id");
        var seized = api.post("/api/v1/items/" + id + "/events", RegistryApi.event("SEIZURE", "2026-11-01"));
        assertThat(seized.getStatusCode().value()).as("%s", seized.getBody()).isEqualTo(201);
        var fiftyFirst = api.post("/api/v1/items/" + id + "/markings", marking(p + "X51"));
        assertThat(fiftyFirst.getStatusCode().value()).isEqualTo(400);
        assertThat(fiftyFirst.getBody().get("errors").toString()).contains("at most 50");
    }

    @Test
    void a_csv_of_more_than_100000_rows_is_rejected_over_http_and_nothing_is_written() {
        String p = prefix();
        StringBuilder csv = new StringBuilder("external_ref,kind\n").append(p).append("0,laser gun\n");
        for (int i = 1; i <= 100_000; i++) {
            csv.append(p).append(i).append(",frame\n");
        }
        var body = importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), 422);
        assertThat(body.get("errors").toString()).contains("more than 100000 data rows").contains("line=100002");
        assertThat(items(p)).isZero();
    }

    // --- 5. concurrency ---

    @Test
    void three_simultaneous_imports_of_one_new_file_never_answer_500_and_create_each_item_once() throws Exception {
        String p = prefix();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 500; i++) {
            csv.append(p).append(i).append(",pistol,Glock\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return raw("POST", "/api/v1/items/import", "text/csv", null, file);
            }));
        }
        start.countDown();
        long created = 0;
        int ok = 0;
        for (var call : calls) {
            var res = call.get();
            assertThat(res.statusCode()).as(res.body()).isIn(200, 409);
            if (res.statusCode() == 409) {
                assertProblem(res, 409, "IMPORT_IN_PROGRESS");
            } else {
                ok++;
                var m = new tools.jackson.databind.json.JsonMapper().readValue(res.body(), Map.class);
                created += ((Number) m.get("created")).longValue();
            }
        }
        pool.shutdown();
        assertThat(ok).isPositive();
        assertThat(created).isEqualTo(500);
        assertThat(items(p)).isEqualTo(500);
    }

    // --- 6. every error is problem+json in UTF-8 with a code ---

    @Test
    void framework_errors_are_problem_json_with_a_stable_code() throws Exception {
        assertProblem(raw("GET", "/api/v1/no-such-thing", null, null, null), 404, "NOT_FOUND");
        assertProblem(raw("DELETE", "/api/v1/items", null, null, null), 405, "METHOD_NOT_ALLOWED");
        assertProblem(raw("POST", "/api/v1/items", "application/xml", null, "<item/>".getBytes()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(raw("GET", "/api/v1/items?serial=AB1", null, "text/csv", null), 406, "NOT_ACCEPTABLE");
        var missing = raw("GET", "/api/v1/items", null, null, null);
        assertProblem(missing, 400, "MALFORMED_REQUEST");
        assertThat(missing.body()).contains("serial");
    }

    @Test
    void the_401_is_utf8_problem_json_and_keeps_its_ellipsis() throws Exception {
        var res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/items?serial=AB1")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertProblem(res, 401, "UNAUTHENTICATED");
        assertThat(res.headers().firstValue("Content-Type").orElseThrow().toLowerCase()).contains("utf-8");
        assertThat(res.body()).contains("fer_\u2026");
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_with_a_stable_code_and_no_stack_trace() throws Exception {
        jdbc.execute("alter table registry_holder rename to registry_holder_away");
        try {
            var res = raw("GET", "/api/v1/holders?licence=LIC-1", null, null, null);
            assertProblem(res, 500, "INTERNAL");
            assertThat(res.body()).doesNotContain("registry_holder").doesNotContain("SQL");
        } finally {
            jdbc.execute("alter table registry_holder_away rename to registry_holder");
        }
    }

    // --- helpers for the screens: sign in through the form and upload as a browser does ---

    HttpClient signedIn(String user) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = csrf(page(browser, "/login"));
        var res = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "-demo&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    String page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    HttpResponse<String> upload(HttpClient browser, byte[] file, String mode) throws Exception {
        String csrf = csrf(page(browser, "/items/import"));
        String boundary = "----ferret" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        for (var field : List.of(Map.entry("_csrf", csrf), Map.entry("mode", mode))) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"items.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/items/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
