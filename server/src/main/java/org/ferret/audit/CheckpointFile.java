package org.ferret.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * This node's signed checkpoints, kept outside the database (one JSON object a line, appended, fsynced), so that
 * whoever rewrites the database must also find and rewrite this file, and cannot rewrite the copies held by the
 * witnesses. Path: {@code ferret.audit.checkpoints.file}.
 */
@Component
class CheckpointFile {

    /** What the file holds: the checkpoints read, and each line that is not one (with its number). */
    record Contents(List<Checkpoint> checkpoints, List<String> problems) {
    }

    private final Path path;
    private final ObjectMapper json;

    CheckpointFile(@Value("${ferret.audit.checkpoints.file:${ferret.data-dir:./data}/audit-checkpoints.jsonl}") String path,
            ObjectMapper json) {
        this.path = Path.of(path).toAbsolutePath();
        this.json = json;
    }

    Path path() {
        return path;
    }

    synchronized void append(Checkpoint c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("node", c.node());
        line.put("size", c.size());
        line.put("root", c.root());
        line.put("signedAt", c.signedAt().toString());
        line.put("signature", c.signature());
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (var ch = java.nio.channels.FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append the checkpoint to " + path, e);
        }
    }

    synchronized Contents read() {
        if (!Files.exists(path)) {
            return new Contents(List.of(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checkpoint file " + path, e);
        }
        List<Checkpoint> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            try {
                out.add(parse(json.readTree(l)));
            } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
                problems.add("line " + (i + 1) + " of the checkpoint file " + path + " is not a checkpoint: " + e.getMessage());
            }
        }
        return new Contents(out, problems);
    }

    /** A checkpoint from its JSON form {@code {node, size, root, signedAt, signature}}. */
    static Checkpoint parse(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a checkpoint is a JSON object");
        }
        JsonNode size = n.get("size");
        if (size == null || !size.isIntegralNumber()) {
            throw new IllegalArgumentException("size: must be a whole number");
        }
        return new Checkpoint(str(n, "node"), size.asLong(), str(n, "root"), Instant.parse(str(n, "signedAt")),
                str(n, "signature"));
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(field + ": must be given");
        }
        return v.asString();
    }
}
