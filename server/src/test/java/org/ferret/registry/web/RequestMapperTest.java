package org.ferret.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.ferret.registry.EventType;
import org.ferret.registry.InvalidValueException;
import org.ferret.registry.ItemKind;
import org.ferret.registry.MarkingKind;
import org.ferret.registry.NewItem;
import org.ferret.shared.FerretException.FieldProblem;
import org.junit.jupiter.api.Test;

class RequestMapperTest {

    static Requests.AddMarking marking(MarkingKind kind, String serial, String importCountry) {
        return new Requests.AddMarking(kind, "Glock", "Austria", serial, null, importCountry, null, null, null, null,
                null, "frame", null, null);
    }

    static Requests.RegisterItem item(String country, List<Requests.AddMarking> markings, Requests.RecordEvent initial) {
        return new Requests.RegisterItem(ItemKind.PISTOL, "Glock", "17", "9x19mm", country, 2019, null, null, null,
                markings, initial);
    }

    @Test
    void maps_a_valid_request_to_a_new_item_with_its_markings() {
        NewItem item = RequestMapper.item(item("at", List.of(marking(MarkingKind.MANUFACTURE, "AB-1", null)), null));
        assertThat(item.attributes().countryOfManufacture().value()).isEqualTo("AT");
        assertThat(item.markings()).singleElement()
                .satisfies(m -> assertThat(m.elements().serialNumber().normalised()).isEqualTo("AB1"));
    }

    @Test
    void names_nested_fields_by_their_json_path_and_reports_them_all_at_once() {
        var request = item("QQ", List.of(marking(MarkingKind.MANUFACTURE, "ok", null),
                marking(MarkingKind.IMPORT, "X".repeat(41), "ZZ")), null);
        assertThatThrownBy(() -> RequestMapper.item(request)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("countryOfManufacture",
                        "markings[1].serialNumber", "markings[1].importCountry"));
    }

    @Test
    void names_the_field_of_an_initial_event_with_its_prefix() {
        var event = new Requests.RecordEvent(EventType.DESTRUCTION, LocalDate.of(2020, 1, 1), null, null, null, null,
                null, null, null, null, null, new Requests.DestructionDetails("shredding", null, "C-1"), null, null, null, null);
        assertThatThrownBy(() -> RequestMapper.item(item("AT", List.of(), event)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("initialEvent.destruction.witness"));
    }

    @Test
    void a_transfer_without_a_holder_names_the_json_field_holder_id() {
        var event = new Requests.RecordEvent(EventType.TRANSFER_OF_POSSESSION, LocalDate.of(2020, 1, 1), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> RequestMapper.event(event)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("holderId"));
    }

    @Test
    void a_missing_event_type_is_named() {
        var event = new Requests.RecordEvent(null, LocalDate.of(2020, 1, 1), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> RequestMapper.event(event)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("type"));
    }
}
