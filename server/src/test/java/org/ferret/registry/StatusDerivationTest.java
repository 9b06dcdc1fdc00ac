package org.ferret.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatusDerivationTest {

    final ItemId item = ItemId.newId();
    final List<LifecycleEvent> history = new ArrayList<>();
    LocalDate day = LocalDate.of(2020, 1, 1);

    LifecycleEvent add(NewEvent e) {
        return add(e, null);
    }

    LifecycleEvent add(NewEvent e, ItemId related) {
        NewEvent what = switch (e) {
            case NewEvent.ComponentFitted f -> new NewEvent.ComponentFitted(f.occurredOn(), related, f.particulars());
            case NewEvent.ComponentRemoved r -> new NewEvent.ComponentRemoved(r.occurredOn(), related, r.particulars());
            default -> e;
        };
        LifecycleEvent le = new LifecycleEvent(EventId.newId(), item, history.size() + 1, Instant.now(), "test", what);
        history.add(le);
        return le;
    }

    NewEvent ev(EventType type) {
        day = day.plusDays(1);
        return NewEvent.simple(type, day);
    }

    static NewEvent withdraw(LocalDate on, EventId corrects, String reason) {
        return NewEvent.Correction.withdrawing(on, corrects, reason);
    }

    DerivedState derive(ItemKind kind) {
        return StatusDerivation.derive(kind, history);
    }

    @Test
    void an_item_without_history_is_in_lawful_possession() {
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.IN_LAWFUL_POSSESSION);
    }

    @Test
    void a_theft_report_makes_the_item_reported_stolen_and_a_recovery_makes_it_found() {
        add(ev(EventType.MANUFACTURE));
        add(ev(EventType.THEFT_REPORTED));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.REPORTED_STOLEN);
        add(ev(EventType.RECOVERY));
        DerivedState s = derive(ItemKind.PISTOL);
        assertThat(s.status()).isEqualTo(ItemStatus.FOUND);
        assertThat(s.statusSince()).isEqualTo(day);
    }

    @Test
    void nothing_but_a_correction_may_follow_destruction() {
        add(ev(EventType.MANUFACTURE));
        add(new NewEvent.Destroyed(day.plusDays(1), new Destruction("shredding", "J. Doe", "D-1"), null));
        add(ev(EventType.THEFT_REPORTED));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("A theft cannot be reported on Jan 3, 2020: the item was destroyed on Jan 3, 2020; "
                        + "only a correction may follow.");
    }

    @Test
    void a_correction_retracts_an_erroneous_destruction_and_the_status_is_derived_again() {
        add(ev(EventType.MANUFACTURE));
        LifecycleEvent wrong = add(new NewEvent.Destroyed(day, new Destruction("shredding", "J. Doe", "D-1"), null));
        assertThat(derive(ItemKind.RIFLE).status()).isEqualTo(ItemStatus.DESTROYED);
        add(withdraw(day, wrong.id(), "destruction recorded on the wrong item"));
        assertThat(derive(ItemKind.RIFLE).status()).isEqualTo(ItemStatus.IN_LAWFUL_POSSESSION);
        add(new NewEvent.Export(day, CountryCode.of("FR"), null));
        assertThat(derive(ItemKind.RIFLE).status()).isEqualTo(ItemStatus.EXPORTED);
    }

    @Test
    void a_correction_cannot_itself_be_corrected() {
        LifecycleEvent theft = add(ev(EventType.THEFT_REPORTED));
        LifecycleEvent correction = add(withdraw(day, theft.id(), "typo"));
        add(withdraw(day, correction.id(), "undo"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot itself be corrected");
    }

    @Test
    void a_correction_must_name_an_earlier_event_of_the_same_item() {
        add(ev(EventType.MANUFACTURE));
        add(withdraw(day, EventId.newId(), "no such event"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("not an earlier event");
    }

    @Test
    void the_same_event_cannot_be_withdrawn_twice() {
        LifecycleEvent theft = add(ev(EventType.THEFT_REPORTED));
        add(withdraw(day, theft.id(), "typo"));
        add(withdraw(day, theft.id(), "again"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("already been withdrawn");
    }

    @Test
    void a_component_fitting_cannot_be_corrected_but_a_marking_can() {
        LifecycleEvent fitted = add(ev(EventType.COMPONENT_FITTED), ItemId.newId());
        LifecycleEvent marking = add(ev(EventType.MARKING));
        add(withdraw(day, marking.id(), "serial misread"));
        assertThat(StatusDerivation.retracted(history)).containsExactly(marking.id());
        add(withdraw(day, fitted.id(), "wrong barrel"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("fitting or removal of a component cannot be corrected");
    }

    @Test
    void manufacture_can_only_start_a_history() {
        add(ev(EventType.SEIZURE));
        add(ev(EventType.MANUFACTURE));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("first event");
    }

    @Test
    void an_exported_item_can_only_come_back_by_import() {
        add(new NewEvent.Export(day, CountryCode.of("FR"), null));
        add(ev(EventType.THEFT_REPORTED));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("exported");
        history.removeLast();
        add(new NewEvent.Import(day, CountryCode.of("FR"), null, null));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.IN_LAWFUL_POSSESSION);
    }

    @Test
    void an_item_imported_deactivated_abroad_is_deactivated_and_a_correction_keeps_its_deactivation() {
        Deactivation abroad = new Deactivation("DE-D-9", "BKA rule 2009", "Beschussamt Ulm", null);
        LifecycleEvent imported = add(new NewEvent.Import(day, CountryCode.of("DE"), null, null, abroad, null));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.DEACTIVATED);
        LifecycleEvent amended = imported.amendedBy(new Amendment(null, CountryCode.of("AT"), null, null, "REF", null));
        assertThat(amended.deactivation()).isEqualTo(abroad);
        assertThat(amended.country()).isEqualTo(CountryCode.of("AT"));
        add(NewEvent.Correction.amending(day.plusDays(1), imported.id(), "country misread", Amendment.country(CountryCode.of("AT"))));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.DEACTIVATED);
        add(withdraw(day.plusDays(2), imported.id(), "recorded on the wrong item"));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.IN_LAWFUL_POSSESSION);
    }

    @Test
    void a_correction_of_a_deactivation_keeps_its_certificate_and_standard() {
        Deactivation d = new Deactivation("C-1", "eu-2015-2403@2018/337", "Proof house", "EU mark");
        LifecycleEvent deactivated = add(new NewEvent.Deactivated(day, d, null));
        LifecycleEvent amended = deactivated.amendedBy(new Amendment(day.plusDays(1), null, null, "Vienna", "R-2", "typo"));
        assertThat(amended.deactivation()).isEqualTo(d);
        assertThat(amended.occurredOn()).isEqualTo(day.plusDays(1));
        assertThatThrownBy(() -> NewEvent.of(EventType.CORRECTION, day, new NewEvent.Fields(null, null, null,
                deactivated.id(), "other standard", null, d, null, null))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("deactivation particulars");
    }

    @Test
    void only_a_frame_or_receiver_is_semi_finished_and_an_alarm_weapon_is_registered_as_a_firearm() {
        ItemAttributes semi = new ItemAttributes(null, null, null, null, null, Construction.SEMI_FINISHED, null);
        assertThat(NewItem.of(ItemKind.RECEIVER, semi, List.of()).attributes().construction()).isEqualTo(Construction.SEMI_FINISHED);
        assertThatThrownBy(() -> NewItem.of(ItemKind.PISTOL, semi, List.of())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("only a frame or receiver is semi-finished");
        ItemAttributes alarm = new ItemAttributes(null, null, null, null, null, Construction.ALARM_OR_SIGNAL, null);
        assertThat(NewItem.of(ItemKind.PISTOL, alarm, List.of()).kind()).isEqualTo(ItemKind.PISTOL);
        assertThatThrownBy(() -> NewItem.of(ItemKind.BARREL, alarm, List.of())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("alarm or signal weapon");
    }

    @Test
    void a_recovery_needs_an_earlier_loss_or_theft_unless_it_starts_the_history() {
        add(ev(EventType.RECOVERY));
        assertThat(derive(ItemKind.FRAME).status()).isEqualTo(ItemStatus.FOUND);
        history.clear();
        add(ev(EventType.MANUFACTURE));
        add(ev(EventType.RECOVERY));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("in lawful possession");
    }

    @Test
    void a_seized_item_can_be_deactivated_and_then_destroyed() {
        add(ev(EventType.SEIZURE));
        add(new NewEvent.Deactivated(day, new Deactivation("CERT-1", "EU 2015/2403", "Proof house", "EU mark"), null));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.DEACTIVATED);
        add(new NewEvent.Destroyed(day, new Destruction("smelting", "Officer A", "D-7"), null));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.DESTROYED);
    }

    @Test
    void the_current_holder_is_the_last_one_a_transfer_named() {
        HolderId a = HolderId.newId();
        HolderId b = HolderId.newId();
        add(new NewEvent.Transfer(day, a, null));
        add(new NewEvent.Transfer(day.plusDays(2), b, null));
        assertThat(derive(ItemKind.PISTOL).holder()).isEqualTo(b);
    }

    @Test
    void a_component_is_fitted_to_one_firearm_at_a_time() {
        ItemId frameA = ItemId.newId();
        ItemId frameB = ItemId.newId();
        add(ev(EventType.COMPONENT_FITTED), frameA);
        assertThat(derive(ItemKind.BARREL).fittedTo()).isEqualTo(frameA);
        add(ev(EventType.COMPONENT_FITTED), frameB);
        assertThatThrownBy(() -> derive(ItemKind.BARREL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("already fitted");
        history.removeLast();
        add(ev(EventType.COMPONENT_REMOVED), frameA);
        add(ev(EventType.COMPONENT_FITTED), frameB);
        assertThat(derive(ItemKind.BARREL).fittedTo()).isEqualTo(frameB);
    }

    @Test
    void a_firearm_tracks_the_set_of_components_currently_fitted() {
        ItemId barrel = ItemId.newId();
        ItemId slide = ItemId.newId();
        add(ev(EventType.COMPONENT_FITTED), barrel);
        add(ev(EventType.COMPONENT_FITTED), slide);
        add(ev(EventType.COMPONENT_REMOVED), barrel);
        assertThat(derive(ItemKind.PISTOL).fittedComponents()).containsExactly(slide);
    }

    @Test
    void removing_a_component_that_is_not_fitted_is_refused() {
        add(ev(EventType.COMPONENT_REMOVED), ItemId.newId());
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("not fitted");
    }

    @Test
    void ammunition_lots_cannot_be_deactivated() {
        add(new NewEvent.Deactivated(day, new Deactivation("C", "S", "A", null), null));
        assertThatThrownBy(() -> derive(ItemKind.AMMUNITION_LOT)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void the_derivation_is_the_same_however_often_it_runs() {
        add(ev(EventType.MANUFACTURE));
        add(ev(EventType.LOSS_REPORTED));
        add(ev(EventType.THEFT_REPORTED));
        add(ev(EventType.SEIZURE));
        assertThat(derive(ItemKind.REVOLVER)).isEqualTo(derive(ItemKind.REVOLVER));
        assertThat(derive(ItemKind.REVOLVER).status()).isEqualTo(ItemStatus.SEIZED);
    }

    @Test
    void an_amended_date_keeps_the_event_and_moves_it_in_the_history() {
        add(ev(EventType.MANUFACTURE));
        LifecycleEvent theft = add(ev(EventType.THEFT_REPORTED));
        LocalDate really = day.minusDays(1);
        add(NewEvent.Correction.amending(day.plusDays(3), theft.id(), "reported the wrong day", Amendment.date(really)));
        DerivedState s = derive(ItemKind.PISTOL);
        assertThat(s.status()).isEqualTo(ItemStatus.REPORTED_STOLEN);
        assertThat(s.statusSince()).isEqualTo(really);
        assertThat(StatusDerivation.retracted(history)).isEmpty();
        assertThat(StatusDerivation.effective(history)).extracting(LifecycleEvent::occurredOn)
                .containsExactly(LocalDate.of(2020, 1, 2), really);
    }

    @Test
    void the_history_is_read_in_occurrence_order_whatever_the_recording_order() {
        LifecycleEvent loss = add(NewEvent.simple(EventType.LOSS_REPORTED, LocalDate.of(2020, 5, 1)));
        add(new NewEvent.Transfer(LocalDate.of(2020, 2, 1), HolderId.newId(), null));
        DerivedState s = derive(ItemKind.PISTOL);
        assertThat(s.status()).isEqualTo(ItemStatus.REPORTED_LOST);
        assertThat(s.statusSince()).isEqualTo(loss.occurredOn());
    }

    @Test
    void an_amendment_can_change_only_the_particulars_the_kind_has() {
        LifecycleEvent theft = add(ev(EventType.THEFT_REPORTED));
        add(NewEvent.Correction.amending(day, theft.id(), "wrong", Amendment.country(CountryCode.of("SE"))));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("The correction cannot amend a country: a theft report has none.");
    }

    @Test
    void an_amended_country_of_export_is_the_one_that_counts() {
        LifecycleEvent export = add(new NewEvent.Export(day, CountryCode.of("SE"), null));
        add(NewEvent.Correction.amending(day, export.id(), "Norway", Amendment.country(CountryCode.of("NO"))));
        assertThat(StatusDerivation.effective(history)).singleElement()
                .satisfies(e -> assertThat(e.country()).isEqualTo(CountryCode.of("NO")));
        assertThat(history.getFirst().country()).isEqualTo(CountryCode.of("SE")); // the recorded event is unchanged
    }
}
