package org.ferret.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ferret.shared.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that reaches {@code /error} (no handler for the path or method, unsupported or unacceptable media
 * type, an exception no handler maps, …) is answered as problem+json in UTF-8 with a stable {@code code}, unless a
 * browser asks for HTML outside {@code /api}. The body is written whatever the request's Accept header says (a 406
 * must still say why), and never holds a stack trace or the exception's message.
 */
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController extends BasicErrorController {

    private final JsonMapper json;

    ProblemErrorController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers, JsonMapper json) {
        super(errorAttributes, new ErrorProperties(), resolvers.orderedStream().toList());
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
            write(request, response);
            return null;
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        write(request, ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse());
        return null;
    }

    @Override
    public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
        error(request);
        return null;
    }

    private void write(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = getStatus(request);
        ErrorCode code = switch (status) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> ErrorCode.NOT_ACCEPTABLE;
            case CONTENT_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            default -> status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL;
        };
        String detail = switch (code) {
            case NOT_FOUND -> "No resource at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + ".";
            case METHOD_NOT_ALLOWED -> "This resource does not accept " + method(request) + "; see /v3/api-docs.";
            case UNSUPPORTED_MEDIA_TYPE -> "This resource does not accept the request's Content-Type; see /v3/api-docs.";
            case NOT_ACCEPTABLE -> "This resource cannot answer in a type the Accept header allows; it answers JSON.";
            case INTERNAL -> "An unexpected error occurred on the server; it has been logged.";
            default -> status.getReasonPhrase() + ".";
        };
        ProblemDetail pd = ProblemHandler.problem(code, detail, List.of());
        pd.setStatus(status.value());
        try {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(pd));
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String method(HttpServletRequest request) {
        return request.getMethod() == null ? "this method" : request.getMethod();
    }
}
