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
        LifecycleEvent le = LifecycleEvent.from(e, EventId.newId(), item, history.size() + 1, Instant.now(), "test", related);
        history.add(le);
        return le;
    }

    NewEvent ev(EventType type) {
        day = day.plusDays(1);
        return NewEvent.of(type, day);
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
        add(NewEvent.destruction(day.plusDays(1), new Destruction("shredding", "J. Doe", "D-1")));
        add(ev(EventType.THEFT_REPORTED));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("Reported stolen").hasMessageContaining("destroyed");
    }

    @Test
    void a_correction_retracts_an_erroneous_destruction_and_the_status_is_derived_again() {
        add(ev(EventType.MANUFACTURE));
        LifecycleEvent wrong = add(NewEvent.destruction(day, new Destruction("shredding", "J. Doe", "D-1")));
        assertThat(derive(ItemKind.RIFLE).status()).isEqualTo(ItemStatus.DESTROYED);
        add(NewEvent.correction(day, wrong.id(), "destruction recorded on the wrong item"));
        assertThat(derive(ItemKind.RIFLE).status()).isEqualTo(ItemStatus.IN_LAWFUL_POSSESSION);
        add(NewEvent.export(day, CountryCode.of("FR")));
        assertThat(derive(ItemKind.RIFLE).status()).isEqualTo(ItemStatus.EXPORTED);
    }

    @Test
    void a_correction_cannot_itself_be_corrected() {
        LifecycleEvent theft = add(ev(EventType.THEFT_REPORTED));
        LifecycleEvent correction = add(NewEvent.correction(day, theft.id(), "typo"));
        add(NewEvent.correction(day, correction.id(), "undo"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot itself be corrected");
    }

    @Test
    void a_correction_must_name_an_earlier_event_of_the_same_item() {
        add(ev(EventType.MANUFACTURE));
        add(NewEvent.correction(day, EventId.newId(), "no such event"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("not an earlier event");
    }

    @Test
    void the_same_event_cannot_be_corrected_twice() {
        LifecycleEvent theft = add(ev(EventType.THEFT_REPORTED));
        add(NewEvent.correction(day, theft.id(), "typo"));
        add(NewEvent.correction(day, theft.id(), "again"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("already been corrected");
    }

    @Test
    void a_component_fitting_cannot_be_corrected_but_a_marking_can() {
        LifecycleEvent fitted = add(ev(EventType.COMPONENT_FITTED), ItemId.newId());
        LifecycleEvent marking = add(ev(EventType.MARKING));
        add(NewEvent.correction(day, marking.id(), "serial misread"));
        assertThat(StatusDerivation.retracted(history)).containsExactly(marking.id());
        add(NewEvent.correction(day, fitted.id(), "wrong barrel"));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("component fitted");
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
        add(NewEvent.export(day, CountryCode.of("FR")));
        add(ev(EventType.THEFT_REPORTED));
        assertThatThrownBy(() -> derive(ItemKind.PISTOL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("exported");
        history.removeLast();
        add(new NewEvent(EventType.IMPORT, day, null, CountryCode.of("FR"), null, null, null, null, null, null, null));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.IN_LAWFUL_POSSESSION);
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
        add(NewEvent.deactivation(day, new Deactivation("CERT-1", "EU 2015/2403", "Proof house", "EU mark")));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.DEACTIVATED);
        add(NewEvent.destruction(day, new Destruction("smelting", "Officer A", "D-7")));
        assertThat(derive(ItemKind.PISTOL).status()).isEqualTo(ItemStatus.DESTROYED);
    }

    @Test
    void the_current_holder_is_the_last_one_a_transfer_named() {
        HolderId a = HolderId.newId();
        HolderId b = HolderId.newId();
        add(NewEvent.transfer(day, a));
        add(NewEvent.transfer(day.plusDays(2), b));
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
        add(NewEvent.deactivation(day, new Deactivation("C", "S", "A", null)));
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
}
