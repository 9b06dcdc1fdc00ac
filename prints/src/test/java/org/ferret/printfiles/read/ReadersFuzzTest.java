package org.ferret.printfiles.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import org.ferret.printfiles.PrintScreen;
import org.ferret.printfiles.Screening;
import org.ferret.printfiles.Verdict;
import org.ferret.printfiles.fingerprint.Library;
import org.ferret.printfiles.geometry.Features;

/**
 * Fuzz tests of the readers and the screen. Without {@code JAZZER_FUZZ} in the environment (the build and CI)
 * Jazzer runs each test once per file of the seed corpus {@code src/test/resources/org/ferret/printfiles/read/
 * ReadersFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes (see docs/prints.md).
 */
class ReadersFuzzTest {
    private static final Limits SMALL = new Limits(1 << 20, 50_000, 200_000, 8 << 20, 100, Duration.ofSeconds(5));

    /** Any bytes under every format's reader: a model or an {@link UnreadableFileException} with a reason, nothing else. */
    @FuzzTest(maxDuration = "2m")
    void any_bytes_are_read_or_refused_with_a_reason_by_every_reader(byte[] input) {
        for (Format f : Format.values()) {
            try {
                PrintModel m = PrintReaders.read(f, input, SMALL, Deadline.in(SMALL));
                switch (m) {
                    case Mesh mesh -> assertThat(mesh.facets()).isBetween(0, SMALL.maxFacets());
                    case Toolpath t -> assertThat(t.segments()).isBetween(1, SMALL.maxSegments());
                }
            } catch (UnreadableFileException e) {
                assertThat(e.reason()).isNotBlank();
            }
        }
    }

    /**
     * Any bytes through the whole screen, the format told by the content (the reader test above covers each
     * format by name): a verdict always, and an error always has a reason.
     */
    @FuzzTest(maxDuration = "2m")
    void any_file_gets_a_verdict_and_an_error_names_its_reason(byte[] input) {
        PrintScreen screen = new PrintScreen(Library.empty(), SMALL, Features.STAND_IN_PLATFORMS);
        Screening s = screen.screen("upload", input);
        assertThat(s.verdict()).isNotNull();
        if (s.verdict() == Verdict.ERROR) assertThat(s.reason()).isNotBlank();
        assertThat(s.toJson()).startsWith("{").endsWith("}");
    }
}
