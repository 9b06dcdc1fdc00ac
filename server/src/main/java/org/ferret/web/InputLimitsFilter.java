package org.ferret.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.ferret.registry.ImportLimits;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Checks, before any other work (even sign-in), what every request can be checked for: no query parameter holds
 * a control character (400 VALIDATION_FAILED naming the parameter; PostgreSQL cannot even compare text holding
 * NUL), and an API request body is not over its limit (413 PAYLOAD_TOO_LARGE): {@code ferret.api.max-json-size}
 * (1 MB) for JSON, {@code ferret.import.max-size} (32 MB) for a CSV import. A body without a Content-Length is
 * counted as it is read and refused at the limit.
 */
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InputLimitsFilter extends OncePerRequestFilter {

    private final long maxJson;
    private final long maxCsv;
    private final JsonMapper json;

    InputLimitsFilter(@Value("${ferret.api.max-json-size:1MB}") DataSize maxJson, ImportLimits imports, JsonMapper json) {
        this.maxJson = maxJson.toBytes();
        this.maxCsv = imports.maxSize().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String query = req.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                int at = firstControl(name + value);
                if (at >= 0) {
                    String msg = "contains the control character U+" + String.format("%04X", (int) (name + value).charAt(at))
                            + "; control characters are not allowed";
                    write(res, ErrorCode.VALIDATION_FAILED, "Query parameter '" + name.replaceAll("\\p{Cc}", "?") + "' "
                            + msg, List.of(new FieldProblem(name.replaceAll("\\p{Cc}", "?"), msg)));
                    return;
                }
            }
        }
        long limit = limit(req);
        if (limit > 0 && req.getContentLengthLong() > limit) {
            write(res, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(req.getContentLengthLong(), limit), List.of());
            return;
        }
        chain.doFilter(limit > 0 ? new Limited(req, limit) : req, res);
    }

    /** The body limit of an API request, or 0 for none checked here (the upload page's is spring.servlet.multipart). */
    private long limit(HttpServletRequest req) {
        if (!req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            return 0;
        }
        String type = req.getContentType();
        if (type != null && (type.startsWith("text/csv") || type.startsWith(MediaType.TEXT_PLAIN_VALUE))) {
            return maxCsv;
        }
        return maxJson;
    }

    static String tooLarge(long size, long limit) {
        return "The request body is " + (size >= 0 ? size + " bytes" : "larger than that") + "; at most " + limit
                + " bytes are accepted here (docs/operations.md, Input limits).";
    }

    private void write(HttpServletResponse res, ErrorCode code, String detail, List<FieldProblem> problems)
            throws IOException {
        ProblemDetail pd = ProblemHandler.problem(code, detail, problems);
        res.setStatus(code.status().value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getOutputStream().write(json.writeValueAsBytes(pd));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken escape is left to the framework's own parameter parsing
        }
    }

    private static int firstControl(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.getType(v.charAt(i)) == Character.CONTROL) {
                return i;
            }
        }
        return -1;
    }

    /** A request whose body stops with PAYLOAD_TOO_LARGE once more than {@code limit} bytes were read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > limit) {
                            throw new FerretException(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(-1, limit));
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
