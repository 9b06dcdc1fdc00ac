package org.ferret.printfiles.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ferret.printfiles.PrintScreen;
import org.ferret.printfiles.Screening;
import org.ferret.printfiles.Verdict;
import org.ferret.printfiles.fingerprint.Library;
import org.junit.jupiter.api.Test;

/**
 * The benign models of the npm package stl-models (MIT, copies in corpus/stl-models) against a library of stand-in
 * known parts: no file is blocked or sent to review, the well-formed solids are allowed, and the files broken on
 * purpose that cannot be read (no faces, a facet count that lies, a missing face) and a lone triangle, which encloses
 * no volume, are errors, never allowed; a binary file whose header only starts like ASCII is read as binary.
 */
class StlModelsTest {

    @Test
    void benign_models_are_never_held_and_unreadable_ones_are_errors() {
        Library lib = Library.empty();
        PrintScreen bare = new PrintScreen(Library.empty());
        for (Corpus.Part p : Corpus.knownParts(4, 2026)) {
            Screening s = bare.screen(p.id() + ".stl", MeshWriters.binaryStl(p.mesh()));
            lib = lib.with(new Library.Entry(p.id(), p.kind(), "test", Set.of(s.sha256()), s.fingerprint()));
        }
        List<Evaluation.ModelFile> files = Evaluation.stlModels(new PrintScreen(lib), new ArrayList<>());
        assertThat(files).hasSize(32);
        Map<String, Verdict> verdicts = files.stream().collect(Collectors.toMap(Evaluation.ModelFile::path, Evaluation.ModelFile::verdict));
        assertThat(verdicts.values()).as("no benign model held").doesNotContain(Verdict.BLOCK, Verdict.REVIEW);
        assertThat(files).noneMatch(Evaluation.ModelFile::matched);
        assertThat(verdicts).containsEntry("objects/gearwheel.bin.stl", Verdict.ALLOW)
                .containsEntry("polytopes/cube.ascii.stl", Verdict.ALLOW).containsEntry("polytopes/cube.bin.stl", Verdict.ALLOW)
                .containsEntry("polytopes/tetrahedron.bin.stl", Verdict.ALLOW)
                .containsEntry("broken/empty.stl", Verdict.ERROR).containsEntry("broken/incorrectFaceCounter.bin.stl", Verdict.ERROR)
                .containsEntry("broken/missingFace.ascii.stl", Verdict.ERROR).containsEntry("polytopes/triangle.bin.stl", Verdict.ERROR);
    }
}
