package org.ferret.cli;

import java.util.concurrent.Callable;

import org.ferret.audit.AuditVerifier;

import picocli.CommandLine.Command;

/** {@code ferret audit verify}: walks the hash chain and reports the first broken link. */
@Command(name = "audit", description = "Audit trail tools.", subcommands = AuditCommand.Verify.class)
class AuditCommand {

    @Command(name = "verify", description = "Verify the audit log's hash chain; exit code 3 if it is broken.")
    static class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            try (var ctx = FerretCli.offline()) {
                AuditVerifier.Verification v = ctx.getBean(AuditVerifier.class).verify();
                if (v.intact()) {
                    System.out.println("Audit log intact: " + v.entriesChecked() + " entries verified.");
                    return 0;
                }
                System.out.println("AUDIT LOG BROKEN at entry " + v.brokenAtSeq() + ": " + v.reason()
                        + " (" + v.entriesChecked() + " entries before it verified)");
                return 3;
            }
        }
    }
}
