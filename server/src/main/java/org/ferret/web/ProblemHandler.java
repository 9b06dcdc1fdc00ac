package org.ferret.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every error of the REST API to RFC 9457 problem+json with a stable {@code code} member and,
 * where fields are at fault, an {@code errors} array naming them. Deliberately no catch-all handler:
 * an unexpected exception is a bug and surfaces as a plain 500.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(FerretException.class)
    ResponseEntity<ProblemDetail> onDomain(FerretException e) {
        if (e instanceof org.ferret.shared.RateLimitedException r) {
            return ResponseEntity.status(e.code().status()).header(HttpHeaders.RETRY_AFTER, Long.toString(r.retryAfterSeconds()))
                    .body(problem(e.code(), e.getMessage(), e.problems()));
        }
        return ResponseEntity.status(e.code().status()).body(problem(e.code(), e.getMessage(), e.problems()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> onDenied(RuntimeException e) {
        return ResponseEntity.status(ErrorCode.FORBIDDEN.status())
                .body(problem(ErrorCode.FORBIDDEN, "Your role does not allow this action.", List.of()));
    }

    /**
     * A unique key taken by a concurrent request between our check and our insert (e.g. two registrations of one
     * external reference at once): a conflict the client can resolve, not a server failure.
     */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> onDuplicateKey(org.springframework.dao.DuplicateKeyException e) {
        return ResponseEntity.status(ErrorCode.CONFLICT.status()).body(problem(ErrorCode.CONFLICT,
                "A concurrent request registered the same record first; read it, or try again.", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> onTypeMismatch(MethodArgumentTypeMismatchException e) {
        FerretException domain = domainCause(e);
        if (domain != null) {
            return onDomain(domain);
        }
        String msg = "Invalid value '" + e.getValue() + "' for parameter '" + e.getName() + "'";
        return ResponseEntity.badRequest()
                .body(problem(ErrorCode.VALIDATION_FAILED, msg, List.of(new FieldProblem(e.getName(), msg))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FerretException domain = domainCause(ex);
        if (domain != null) {
            String field = jsonPath(ex);
            List<FieldProblem> problems = domain.problems().isEmpty() && field != null
                    ? List.of(new FieldProblem(field, domain.getMessage()))
                    : domain.problems();
            return ResponseEntity.status(domain.code().status())
                    .body(problem(domain.code(), prefix(field) + domain.getMessage(), problems));
        }
        Throwable cause = ex.getMostSpecificCause();
        String field = jsonPath(ex);
        String detail;
        ErrorCode code = ErrorCode.MALFORMED_REQUEST;
        if (cause instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(ife.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            detail = "Unknown value '" + ife.getValue() + "' for field '" + field + "'; expected one of: " + allowed;
            code = ErrorCode.VALIDATION_FAILED;
        } else if (cause instanceof UnrecognizedPropertyException upe) {
            detail = "Unknown field '" + field + "'";
            code = ErrorCode.VALIDATION_FAILED;
        } else if (cause instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            detail = "Field '" + field + "' " + ife.getOriginalMessage();
            code = ErrorCode.VALIDATION_FAILED;
        } else if (cause instanceof InvalidFormatException ife && isInteger(ife.getTargetType())) {
            detail = "Invalid value '" + ife.getValue() + "' for field '" + field + "'; expected a whole number";
            code = ErrorCode.VALIDATION_FAILED;
        } else if (cause instanceof InvalidFormatException ife) {
            detail = "Invalid value '" + ife.getValue() + "' for field '" + field + "'";
            code = ErrorCode.VALIDATION_FAILED;
        } else if (cause instanceof JacksonException je && duplicateKey(je) != null) {
            field = field == null ? duplicateKey(je) : field + "." + duplicateKey(je);
            detail = "Field '" + field + "' is given more than once; each field may appear once";
            code = ErrorCode.VALIDATION_FAILED;
        } else if (cause instanceof MismatchedInputException mie && field != null) {
            detail = "Invalid value for field '" + field + "'"
                    + (isInteger(mie.getTargetType()) ? "; expected a whole number" : "") + ": " + mie.getOriginalMessage();
            code = ErrorCode.VALIDATION_FAILED;
        } else if (cause instanceof JacksonException je && field != null) {
            detail = "Cannot read field '" + field + "': " + je.getOriginalMessage();
        } else if (cause instanceof JacksonException je && je.getLocation() != null) {
            detail = "Malformed JSON at line " + je.getLocation().getLineNr() + ", column "
                    + je.getLocation().getColumnNr() + ": " + je.getOriginalMessage();
        } else {
            detail = "Request body is missing or not valid JSON.";
        }
        List<FieldProblem> problems = field == null ? List.of() : List.of(new FieldProblem(field, detail));
        return ResponseEntity.status(code.status()).body(problem(code, detail, problems));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(fe -> problems.add(new FieldProblem(fe.getField(), fe.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(ge -> problems.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        String detail = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(ErrorCode.VALIDATION_FAILED, detail, problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                problems.add(new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        String detail = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(ErrorCode.VALIDATION_FAILED, detail, problems));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse er) {
            body = er.getBody();
        }
        if (body instanceof ProblemDetail pd && (pd.getProperties() == null || !pd.getProperties().containsKey("code"))) {
            ErrorCode code = switch (statusCode.value()) {
                case 404 -> ErrorCode.NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 406 -> ErrorCode.NOT_ACCEPTABLE;
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                default -> statusCode.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL;
            };
            pd.setProperty("code", code.name());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static boolean isInteger(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class;
    }

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("Duplicate (?:Object property|field) [\"']([^\"']*)[\"']");

    /** The key given twice, if {@code e} is Jackson's strict duplicate detection. */
    private static String duplicateKey(JacksonException e) {
        java.util.regex.Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return m.find() ? m.group(1) : null;
    }

    static ProblemDetail problem(ErrorCode code, String detail, List<FieldProblem> problems) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(code.status(), detail);
        pd.setTitle(code.title());
        pd.setType(URI.create("https://ferret.example/problems/" + code.name().toLowerCase().replace('_', '-')));
        pd.setProperty("code", code.name());
        if (!problems.isEmpty()) {
            pd.setProperty("errors", problems.stream().map(ProblemHandler::asMap).toList());
        }
        return pd;
    }

    private static Map<String, Object> asMap(FieldProblem p) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("field", p.field());
        if (p.line() != null) {
            m.put("line", p.line());
        }
        m.put("message", p.message());
        return m;
    }

    private static String prefix(String field) {
        return field == null ? "" : field + ": ";
    }

    private static FerretException domainCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FerretException fe) {
                return fe;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /** The JSON path of the field at fault, e.g. {@code markings[0].serial}, or null. */
    private static String jsonPath(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JacksonException je && !je.getPath().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (JacksonException.Reference r : je.getPath()) {
                    if (r.getPropertyName() != null) {
                        if (!sb.isEmpty()) {
                            sb.append('.');
                        }
                        sb.append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        sb.append('[').append(r.getIndex()).append(']');
                    }
                }
                return sb.isEmpty() ? null : sb.toString();
            }
        }
        return null;
    }
}
