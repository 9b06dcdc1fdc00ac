package org.ferret.intelligence.web;

import java.util.List;
import java.util.UUID;

import org.ferret.intelligence.Alert;
import org.ferret.intelligence.AlertTopic;
import org.ferret.intelligence.Alerts;
import org.ferret.intelligence.FeedbackAction;
import org.ferret.intelligence.NewAlert;
import org.ferret.shared.access.CanIntelligence;
import org.ferret.shared.access.CanScreenParcels;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Alerts between agencies and Ferret nodes (issue 14): issue, list, read (audited), acknowledge, feedback, pass on as
 * the handling marking allows, adopt a proposed indicator into a draft rule pack; closed user groups and subscriptions.
 * Intelligence staff and parcel risk analysts reach it; which alerts each sees follows from their agency and the
 * alert's audience.
 */
@Tag(name = "Intelligence: alerts", description = "Warnings, feedback, seizure alerts and modus-operandi notices between agencies and nodes (docs/intelligence.md)")
@RestController
@RequestMapping("/api/v1/alerts")
@PreAuthorize("hasAnyAuthority('CAN_INTELLIGENCE', 'CAN_SCREEN_PARCELS')")
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @CanIntelligence
    @Operation(summary = "Issue a warning, seizure alert or modus-operandi notice to a closed user group and/or peer nodes")
    Alert issue(@RequestBody NewAlert body) {
        return alerts.issue(body);
    }

    @GetMapping
    @Operation(summary = "The alerts your agency issued or received that your role may see, newest first")
    List<Alert> list() {
        return alerts.visible();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One alert (the read is audited; your agency's first read is tracked)")
    Alert read(@PathVariable UUID id) {
        return alerts.read(id);
    }

    @GetMapping("/{id}/feedback")
    @Operation(summary = "The feedback alerts that answer an alert")
    List<Alert> answers(@PathVariable UUID id) {
        alerts.visibleOrNotFound(id);
        return alerts.answersTo(id);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Your agency acknowledges the alert (sent back to the node it came from)")
    Alert acknowledge(@PathVariable UUID id) {
        return alerts.acknowledge(id);
    }

    record FeedbackBody(FeedbackAction action, String note) {
    }

    @PostMapping("/{id}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "What your agency did on the alert: a feedback alert to its issuer")
    Alert feedback(@PathVariable UUID id, @RequestBody FeedbackBody body) {
        return alerts.feedback(id, body.action(), body.note());
    }

    record PassOnBody(String agency, String peer) {
    }

    @PostMapping("/{id}/pass-on")
    @Operation(summary = "Pass the alert on to another agency here or another node, as its handling marking allows (403 PASSING_ON_FORBIDDEN otherwise)")
    Alert passOn(@PathVariable UUID id, @RequestBody PassOnBody body) {
        return alerts.passOn(id, body.agency(), body.peer());
    }

    record AdoptBody(String weight) {
    }

    @PostMapping("/{id}/indicators/{n}/adopt")
    @ResponseStatus(HttpStatus.CREATED)
    @CanScreenParcels
    @Operation(summary = "Turn proposed indicator n (from 1) into a rule of a new draft of the parcels rule pack, the alert as its source")
    Alerts.Adopted adopt(@PathVariable UUID id, @PathVariable int n, @RequestBody(required = false) AdoptBody body) {
        return alerts.adopt(id, n, body == null ? null : body.weight());
    }

    record GroupBody(String name, List<String> members) {
    }

    @GetMapping("/groups")
    @Operation(summary = "The closed user groups of agencies (and peer nodes)")
    List<Alerts.Group> groups() {
        return alerts.groups();
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @CanIntelligence
    @Operation(summary = "A closed user group: agency codes and node:<peer> members")
    Alerts.Group createGroup(@RequestBody GroupBody body) {
        return alerts.createGroup(body.name(), body.members());
    }

    record SubscriptionBody(AlertTopic topic, String country) {
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "Your agency's subscriptions by topic and country")
    List<Alerts.Subscription> subscriptions() {
        return alerts.subscriptions();
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe your agency to a topic and a country (either empty: any)")
    Alerts.Subscription subscribe(@RequestBody SubscriptionBody body) {
        return alerts.subscribe(body.topic(), body.country());
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of your agency's subscriptions")
    void unsubscribe(@PathVariable UUID id) {
        alerts.unsubscribe(id);
    }
}
