package org.ferret.audit;

import java.util.List;

import org.ferret.shared.access.CanReadAudit;
import org.ferret.shared.access.CanVerifyAudit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Signed checkpoints and inclusion proofs for auditors; and, as a witness, the latest checkpoint held from another
 * node. That one is public (its own filter chain): it is signed by the node it describes, carries only a size and a
 * root, and the node that fetches it checks the signature.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit: checkpoints", description = "Signed checkpoints, witnesses and inclusion proofs")
class CheckpointController {

    private final Checkpoints checkpoints;
    private final CheckpointWitness witness;

    CheckpointController(Checkpoints checkpoints, CheckpointWitness witness) {
        this.checkpoints = checkpoints;
        this.witness = witness;
    }

    @PostMapping("/checkpoints")
    @CanVerifyAudit
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign a checkpoint of the audit log now and send it to the witnesses")
    Checkpoint sign() {
        return checkpoints.sign();
    }

    @GetMapping("/checkpoints")
    @CanReadAudit
    @Operation(summary = "This node's signed checkpoints, newest first")
    List<Checkpoint> list() {
        return checkpoints.list();
    }

    @GetMapping("/proof")
    @CanReadAudit
    @Operation(summary = "The audit path proving that entry seq is in the latest checkpoint's tree (RFC 6962)")
    InclusionProof proof(@RequestParam long seq) {
        return checkpoints.prove(seq);
    }

    @GetMapping("/witness/{node}/latest")
    @Operation(summary = "As a witness: the latest checkpoint accepted from a node (public; signed by that node)")
    ResponseEntity<java.util.Map<String, Object>> witnessed(@PathVariable String node) {
        return witness.latest(node).map(c -> ResponseEntity.ok(CheckpointWitness.asJson(c)))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/witness/{node}")
    @CanReadAudit
    @Operation(summary = "As a witness: every checkpoint received from a node, accepted or refused, newest first")
    List<CheckpointWitness.Witnessed> witnessedAll(@PathVariable String node) {
        return witness.all(node);
    }

    /** The witness's public read has its own chain, ahead of the API chain that asks for a user. */
    @Configuration
    static class WitnessSecurity {
        @Bean
        @Order(0)
        @ConditionalOnWebApplication
        SecurityFilterChain witnessedCheckpoints(HttpSecurity http) throws Exception {
            http.securityMatcher(r -> HttpMethod.GET.matches(r.getMethod())
                            && r.getRequestURI().matches("/api/v1/audit/witness/[^/]+/latest"))
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
    }
}
