package org.ferret.cli;

import java.util.concurrent.Callable;

import org.ferret.audit.AuditVerifier;
import org.ferret.audit.Checkpoint;
import org.ferret.audit.CheckpointVerifier;
import org.ferret.audit.Checkpoints;
import org.ferret.audit.RecordCoverageVerifier;
import org.ferret.shared.FerretException;

import picocli.CommandLine.Command;

/**
 * {@code ferret audit verify}: walks the hash chain and checks the signed checkpoints; {@code ferret audit checkpoint}:
 * signs a checkpoint now.
 */
@Command(name = "audit", description = "Audit trail tools.", subcommands = {AuditCommand.Verify.class, AuditCommand.Sign.class})
class AuditCommand {

    @Command(name = "verify", description = "Verify the audit log's hash chain, its signed checkpoints (the checkpoint "
            + "file and the witnesses' copies) and the registry and tracing records it covers; exit code 3 if any is broken.")
    static class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            try (var ctx = FerretCli.offline()) {
                AuditVerifier.Verification v = ctx.getBean(AuditVerifier.class).verify();
                CheckpointVerifier.Verification c = ctx.getBean(CheckpointVerifier.class).verify();
                int code = 0;
                if (v.intact()) {
                    System.out.println("Audit log intact: " + v.entriesChecked() + " entries verified.");
                } else {
                    System.out.println("AUDIT LOG BROKEN at entry " + v.brokenAtSeq() + ": " + v.reason()
                            + " (" + v.entriesChecked() + " entries before it verified)");
                    code = 3;
                }
                if (c.intact()) {
                    System.out.println("Checkpoints: the log matches " + c.checkpointsChecked() + " signed checkpoint(s).");
                } else {
                    c.problems().forEach(p -> System.out.println("CHECKPOINT MISMATCH: " + p));
                    code = 3;
                }
                c.notes().forEach(n -> System.out.println("note: " + n));
                RecordCoverageVerifier.Verification r = ctx.getBean(RecordCoverageVerifier.class).verify();
                if (r.intact()) {
                    System.out.println("Records: " + r.recordsChecked() + " rows of " + r.tables().size()
                            + " covered tables match the audit chain; " + r.derivedChecked()
                            + " derived records match their history.");
                } else {
                    r.problems().forEach(p -> System.out.println("RECORD TAMPERED: " + p.what()));
                    if (r.problemCount() > r.problems().size()) {
                        System.out.println("... and " + (r.problemCount() - r.problems().size()) + " more");
                    }
                    code = 3;
                }
                return code;
            }
        }
    }

    @Command(name = "checkpoint", description = "Sign a checkpoint of the audit log (size and Merkle root) with the node "
            + "key, append it to the checkpoint file and queue it for the witnesses; exit code 3 if refused.")
    static class Sign implements Callable<Integer> {
        @Override
        public Integer call() {
            try (var ctx = FerretCli.offline()) {
                Checkpoint c = ctx.getBean(Checkpoints.class).sign();
                System.out.println("Signed the " + c.describe() + ", root " + c.root() + ".");
                return 0;
            } catch (FerretException refused) {
                System.out.println("NO CHECKPOINT SIGNED: " + refused.getMessage());
                return 3;
            }
        }
    }
}
