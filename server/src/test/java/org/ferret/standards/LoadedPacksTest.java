package org.ferret.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An authority's own packs (ferret.standards.packs-dir) load beside the shipped ones: a new version of a shipped
 * standard becomes its latest and diffs against it; a broken pack, a second pack with a loaded id and version, or a
 * directory that is not one stop the start with the file, line and field.
 */
class LoadedPacksTest {
    @TempDir
    Path dir;

    static String shippedEu() throws IOException {
        try (InputStream in = LoadedPacksTest.class.getResourceAsStream("/standards/eu-2015-2403.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_new_version_of_a_shipped_standard_is_loaded_and_becomes_its_latest() throws IOException {
        String text = shippedEu().replace("version: \"2018/337\"", "version: \"2027/1\"").replace("in_force: 2018-04-08", "in_force: 2027-01-01")
                .replace("pin_diameter >= 4.5 mm", "pin_diameter >= 5 mm");
        Files.writeString(dir.resolve("eu-2027.yaml"), text);
        Files.writeString(dir.resolve("notes.txt"), "not a pack");
        StandardPacks packs = new StandardPacks(StandardPacks.withLoaded(StandardPacks.shipped(), dir));

        assertThat(packs.all()).hasSize(StandardPacks.shipped().size() + 1);
        StandardPack latest = packs.latest("eu-2015-2403").orElseThrow();
        assertThat(latest.version()).isEqualTo("2027/1");
        assertThat(latest.file()).isEqualTo("eu-2027.yaml");
        assertThat(PackDiff.between(packs.get("eu-2015-2403", "2018/337"), latest)).extracting(PackDiff.Change::toString)
                .anySatisfy(c -> assertThat(c).contains("5 mm"));
    }

    @Test
    void an_uploaded_version_goes_beside_the_file_ones_and_a_withdrawn_one_is_no_longer_the_latest() throws IOException {
        StandardPacks packs = new StandardPacks(StandardPacks.shipped());
        StandardPack shipped = packs.latest("eu-2015-2403").orElseThrow();
        StandardPack upload = StandardPack.parse(UploadedPacks.PASTED, shippedEu().replace("version: \"2018/337\"", "version: \"2027/1\"")
                .replace("in_force: 2018-04-08", "in_force: 2027-01-01"));
        packs.add(upload);
        assertThat(packs.versions("eu-2015-2403")).containsExactly(shipped, upload);
        assertThat(packs.latest("eu-2015-2403")).contains(upload);
        assertThat(packs.fromFile(shipped)).isTrue();
        assertThat(packs.fromFile(upload)).isFalse();
        assertThatThrownBy(() -> packs.add(upload)).hasMessageContaining("already loaded");

        packs.withdraw(upload);
        assertThat(packs.withdrawn(upload)).isTrue();
        assertThat(packs.latest("eu-2015-2403")).contains(shipped);
        assertThat(packs.get("eu-2015-2403", "2027/1")).isSameAs(upload);
    }

    @Test
    void a_broken_pack_stops_the_start_naming_file_and_line() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), shippedEu().replace("purpose: deactivation", "purpose: [deactivation"));
        assertThatThrownBy(() -> StandardPacks.withLoaded(StandardPacks.shipped(), dir)).isInstanceOf(PackInvalidException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("line ");
    }

    @Test
    void a_second_pack_with_a_loaded_id_and_version_is_refused() throws IOException {
        Files.writeString(dir.resolve("copy.yaml"), shippedEu());
        assertThatThrownBy(() -> StandardPacks.withLoaded(StandardPacks.shipped(), dir)).isInstanceOf(PackInvalidException.class)
                .hasMessageContaining("copy.yaml").hasMessageContaining("eu-2015-2403@2018/337 is already loaded from eu-2015-2403.yaml");
    }

    @Test
    void a_directory_that_is_not_one_is_refused() {
        assertThatThrownBy(() -> StandardPacks.withLoaded(List.of(), dir.resolve("missing"))).hasMessageContaining("is not a directory");
    }
}
