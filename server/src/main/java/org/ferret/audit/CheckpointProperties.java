package org.ferret.audit;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checkpoint settings: {@code ferret.audit.checkpoints.enabled} (sign on a schedule, default true),
 * {@code .interval} (ISO-8601, default {@code PT1H}; a checkpoint is signed only when the log grew),
 * {@code .witnesses} (comma-separated ids of exchange peers that witness this node's checkpoints) and
 * {@code .file} (where this node keeps its checkpoints, default {@code <data dir>/audit-checkpoints.jsonl}).
 */
@Component
public class CheckpointProperties {

    private final boolean enabled;
    private final Duration interval;
    private final List<String> witnesses;

    CheckpointProperties(@Value("${ferret.audit.checkpoints.enabled:true}") boolean enabled,
            @Value("${ferret.audit.checkpoints.interval:PT1H}") String interval,
            @Value("${ferret.audit.checkpoints.witnesses:}") String witnesses) {
        this.enabled = enabled;
        this.interval = Duration.parse(interval);
        this.witnesses = Arrays.stream(witnesses.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration interval() {
        return interval;
    }

    /** The peers that witness this node's checkpoints. */
    public List<String> witnesses() {
        return witnesses;
    }
}
