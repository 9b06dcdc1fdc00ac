package org.ferret.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.ferret.testsupport.TestDatabase;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module with only the module it depends on (exchange, for the node key and the witnesses): appends chain,
 * rollbacks leave no entry, tampering shows.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false) // ModularityTests verifies
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class AuditModuleTest {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_entry_rolled_back_with_its_change_leaves_no_trace_and_the_chain_stays_intact() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("module-test", null, java.util.List.of()));
        try {
            long before = trail.count();
            tx.executeWithoutResult(s -> audit.record("THING_CHANGED", "thing", "1", Map.of("v", 1), Map.of("v", 2)));
            tx.executeWithoutResult(s -> {
                audit.record("THING_CHANGED", "thing", "1", Map.of("v", 2), Map.of("v", 3));
                s.setRollbackOnly();
            });
            assertThat(trail.count()).isEqualTo(before + 1);
            AuditEntry last = trail.page(new AuditTrail.Filter("thing", "1", null, null), 0, 10).getFirst();
            assertThat(last.actor()).isEqualTo("module-test");
            assertThat(last.afterJson()).isEqualTo("{\"v\":2}");
            assertThat(verifier.verify().intact()).isTrue();

            org.ferret.testsupport.Dba.of(jdbc).update("update audit_log set after_json = '{\"v\":9}' where seq = ?", last.seq());
            assertThat(verifier.verify().brokenAtSeq()).isEqualTo(last.seq());
            org.ferret.testsupport.Dba.of(jdbc).update("update audit_log set after_json = ? where seq = ?", last.afterJson(), last.seq());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
