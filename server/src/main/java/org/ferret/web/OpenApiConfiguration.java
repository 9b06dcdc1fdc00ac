package org.ferret.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at /v3/api-docs: titled with the build's version, both ways to authenticate (an API token as
 * a bearer, or HTTP Basic) so Swagger UI offers "Authorize", and on every operation the problem+json answers it can
 * give (400 bad input, 401, 403, 404 for a path naming a record, 409 for a change refused by the record's state or a
 * duplicate, 413 for size-limited multipart uploads, 422 for a rejected import), all with the one {@code Problem} schema that {@link ProblemHandler} writes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";
    static final String BASIC = "basic";
    /** Operations authenticated by a document's signature rather than by a user. */
    static final String EXCHANGE_PREFIX = "/api/v1/exchange";
    static final String LEGACY_EXCHANGE_PREFIX = "/api/v1/tracing/exchange";

    @Bean
    OpenAPI ferretOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties b = build.getIfAvailable();
        String version = b != null ? b.getVersion() : FerretVersion.fromManifest();
        return new OpenAPI()
                .info(new Info().title("Ferret API").version(version)
                        .description("The UN Firearms Protocol at work: registry, tracing and node exchange. Errors are "
                                + "RFC 9457 problem+json with a stable code member; see docs/architecture.md, Errors."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("fer_…").description("An API token issued by an administrator "
                                        + "(Authorization: Bearer fer_…); it acts with one role of its owner."))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user's name and password; failed attempts are throttled (429)."))
                        .addSchemas("Problem", problemSchema()))
                .security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC)));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> operations(item).forEach((method, op) -> document(path, method, op)));
        };
    }

    private static void document(String path, HttpMethod method, Operation op) {
        boolean signed = path.startsWith(EXCHANGE_PREFIX) && method == HttpMethod.POST
                || path.startsWith(LEGACY_EXCHANGE_PREFIX) && method == HttpMethod.POST;
        boolean hasInput = op.getRequestBody() != null || op.getParameters() != null && !op.getParameters().isEmpty();
        java.util.Set<String> bodyTypes = op.getRequestBody() == null || op.getRequestBody().getContent() == null
                ? java.util.Set.of() : op.getRequestBody().getContent().keySet();
        boolean upload = bodyTypes.stream().anyMatch(t -> t.startsWith("multipart/") || t.startsWith("text/csv"));
        // only multipart bodies have a size limit (spring.servlet.multipart.*); streamed CSV has none
        boolean limited = bodyTypes.stream().anyMatch(t -> t.startsWith("multipart/"));
        if (hasInput) {
            add(op, "400", "The request is malformed or a value is invalid; `errors` names each field (and line)");
        }
        if (signed) {
            op.setSecurity(List.of());
            add(op, "403", "Unknown sending node, bad signature, or a document for another node");
            add(op, "409", "The document was received before (replayed id or nonce)");
        } else {
            add(op, "401", "No or bad credentials (bearer token or HTTP Basic)");
            add(op, "403", "The caller's role does not allow this");
        }
        if (path.contains("{")) {
            add(op, "404", "No record with this id");
        }
        if (!signed && method != HttpMethod.GET) {
            add(op, "409", "Refused by the record's state (e.g. an illegal transition) or a duplicate");
        }
        if (limited) {
            add(op, "413", "The upload is larger than the server accepts");
        }
        if (upload || path.endsWith("/import")) { // an import of JSON is rejected as a whole too (seizures)
            add(op, "422", "The import was rejected; the report lists every bad row");
        }
    }

    private static void add(Operation op, String status, String description) {
        if (op.getResponses().containsKey(status)) {
            return;
        }
        op.getResponses().addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }

    private static Map<HttpMethod, Operation> operations(PathItem item) {
        Map<HttpMethod, Operation> ops = new java.util.LinkedHashMap<>();
        put(ops, HttpMethod.GET, item.getGet());
        put(ops, HttpMethod.POST, item.getPost());
        put(ops, HttpMethod.PUT, item.getPut());
        put(ops, HttpMethod.PATCH, item.getPatch());
        put(ops, HttpMethod.DELETE, item.getDelete());
        return ops;
    }

    private static void put(Map<HttpMethod, Operation> ops, HttpMethod method, Operation op) {
        if (op != null) {
            ops.put(method, op);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        error.addProperty("line", new IntegerSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with Ferret's stable code");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("code", new StringSchema().description("Stable error code, e.g. VALIDATION_FAILED"));
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }
}
