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
