package org.ferret.screening.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferret.screening.profile.Profiles;

/**
 * Fuzz tests of the declaration CSV readers: {@link FastReader} (byte windows, two threads) and the
 * line-by-line {@link TableReader} path. Without {@code JAZZER_FUZZ} in the environment (the build and CI) Jazzer
 * runs each test once per file of its seed corpus, {@code src/test/resources/org/ferret/screening/data/
 * DeclarationReaderFuzzTestInputs/<test>/}; with {@code JAZZER_FUZZ=1} it fuzzes (see docs/screening.md).
 */
class DeclarationReaderFuzzTest {
    private static final int[] WINDOWS = {1, 7, 64, FastReader.DEFAULT_WINDOW};

    /**
     * Any bytes as a postal declaration file: both paths, in both error modes and with byte windows that cut
     * records anywhere, read the same rows and report the same problems; every problem names the file and a line
     * of it (or the whole file); nothing but {@link BadInputException} comes out.
     */
    @FuzzTest(maxDuration = "2m")
    void any_file_is_read_the_same_by_both_paths_or_rejected_naming_its_lines(byte[] input) throws Exception {
        Path f = Files.createTempFile("fuzz-declarations", ".csv");
        try {
            Files.write(f, input);
            FastReaderTest.same(Profiles.POSTAL, List.of(f), WINDOWS);
            long lines = 1;
            for (byte b : input) if (b == '\n' || b == '\r') lines++;
            List<RowProblem> problems;
            try {
                problems = new TableReader(Profiles.POSTAL, OnError.SKIP_AND_REPORT).read(List.of(f), 64).problems();
            } catch (BadInputException e) {
                problems = e.problems();
            }
            for (RowProblem p : problems) {
                assertThat(p.file()).isEqualTo(f.toString());
                assertThat(p.line()).as("%s", p).isBetween(0L, lines);
                assertThat(p.reason()).isNotBlank();
            }
        } finally {
            Files.delete(f);
        }
    }

    /** Any text through the per-record parser: rows are taken or each bad one is reported with its line. */
    @FuzzTest(maxDuration = "2m")
    void any_text_is_parsed_record_by_record_or_rejected_naming_its_lines(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        Table.Builder b = new Table.Builder(Profiles.POSTAL);
        List<RowProblem> problems = new java.util.ArrayList<>();
        try {
            new TableReader(Profiles.POSTAL, OnError.SKIP_AND_REPORT).read("f.csv", new java.io.BufferedReader(new java.io.StringReader(text)), b, problems);
        } catch (BadInputException e) {
            problems.addAll(e.problems());
        }
        b.build();
        for (RowProblem p : problems) {
            assertThat(p.file()).isEqualTo("f.csv");
            assertThat(p.line()).as("%s", p).isGreaterThanOrEqualTo(0);
            assertThat(p.reason()).isNotBlank();
        }
    }
}
