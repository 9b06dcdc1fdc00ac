package org.ferret.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A client that signs in through the login form, as a browser does, and keeps the session for the screens. */
public final class SignedInClient {
    private final HttpClient http;
    private final int port;

    private SignedInClient(HttpClient http, int port) {
        this.http = http;
        this.port = port;
    }

    /** Signs in a demo user ({@code <user>} / {@code <user>-demo}); fails the test if the form refuses. */
    public static SignedInClient signIn(int port, String user) {
        var client = new SignedInClient(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), port);
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(client.page("/login"));
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        var res = client.send(HttpRequest.newBuilder(client.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "-demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build());
        assertThat(res.headers().firstValue("Location").orElseThrow()).as("sign-in of %s", user).doesNotContain("error");
        return client;
    }

    /** The body of a screen, whatever its status. */
    public String page(String path) {
        return get(path).body();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
