package org.ferret.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferret.screening.cli.ScreenCliGoldenTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ferret.screening.cli.ScreenCliGoldenTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen score} window by window writes the same bytes as the whole-file path ({@code --whole-file}) on a
 * generated file: windows of a few hundred rows cut most days in two, so the history features (a sender's or a
 * route's earlier declarations, when a sender was first seen) must carry across window boundaries exactly.
 */
class StreamingScoreTest {
    @TempDir
    static Path dir;

    static Path model, data;

    @BeforeAll
    static void trainAndGenerate() throws Exception {
        Path train = dir.resolve("train.csv");
        data = dir.resolve("stream.csv");
        assertThat(run("generate", "--profile", "postal", "--rows", "6000", "--seed", "3", "--start", "2025-12-01", "--days", "28", "--out", train.toString()).exit()).isZero();
        // 20 days of about 600 rows each, after the training data
        assertThat(run("generate", "--profile", "postal", "--rows", "12000", "--seed", "4", "--start", "2025-12-29", "--days", "20", "--out", data.toString()).exit()).isZero();
        model = dir.resolve("m.model");
        Run r = run("train", "--quiet", "--profile", "postal", "--data", train.toString(), "--model", model.toString(), "--rounds", "10", "--critical-rounds", "10");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    static byte[] score(Path in, String name, String... more) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("score", "--quiet", "--model", model.toString(), "--data", in.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        Run r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readAllBytes(out);
    }

    @ParameterizedTest(name = "windows of {0} bytes")
    @ValueSource(ints = {1024, 40_000, 33_554_432})
    void streamed_output_is_byte_identical_to_the_whole_file_path(int window) throws Exception {
        byte[] whole = score(data, "whole.csv", "--whole-file");
        byte[] streamed = score(data, "streamed-" + window + ".csv", "--window-bytes", Integer.toString(window));
        assertThat(streamed).isEqualTo(whole);
        String text = new String(whole, StandardCharsets.UTF_8);
        assertThat(text).as("history features are in the reasons").contains("earlier declarations");
        assertThat(text.lines().count()).isEqualTo(12_001);
    }

    @Test
    void the_selection_is_the_same_streamed_and_whole() throws Exception {
        byte[] whole = score(data, "whole-sel.csv", "--whole-file", "--capacity", "5%", "--exploration", "10%");
        byte[] streamed = score(data, "streamed-sel.csv", "--window-bytes", "40000", "--capacity", "5%", "--exploration", "10%");
        assertThat(streamed).isEqualTo(whole);
        assertThat(new String(whole, StandardCharsets.UTF_8).lines().filter(l -> l.endsWith(",1")).count()).isEqualTo(600);
        assertThat(Files.exists(dir.resolve("streamed-sel.csv.part"))).as("the part file is removed").isFalse();
    }

    @Test
    void a_file_out_of_time_order_is_scored_as_a_whole_with_a_note() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(data, StandardCharsets.UTF_8));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(body, new Random(5));
        Path shuffled = dir.resolve("shuffled.csv");
        List<String> all = new ArrayList<>(List.of(lines.get(0)));
        all.addAll(body);
        Files.write(shuffled, all, StandardCharsets.UTF_8);
        byte[] whole = score(shuffled, "shuffled-whole.csv", "--whole-file");
        Path out = dir.resolve("shuffled-streamed.csv");
        Run r = run("score", "--quiet", "--model", model.toString(), "--data", shuffled.toString(), "--out", out.toString(), "--window-bytes", "40000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("the file is not in time order; scoring it as a whole");
        assertThat(Files.readAllBytes(out)).isEqualTo(whole);
    }

    @Test
    void progress_goes_to_stderr_when_asked_for() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Run r = run("score", "--progress", "--model", model.toString(), "--data", data.toString(), "--out", dir.resolve("p.csv").toString(), "--window-bytes", "400000");
            assertThat(r.exit()).as(r.err()).isZero();
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("score").contains("12,000 rows").contains("rows/s");
    }
}
