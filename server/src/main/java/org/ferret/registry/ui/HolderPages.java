package org.ferret.registry.ui;

import org.ferret.shared.FormErrors;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.ferret.registry.CountryCode;
import org.ferret.registry.Holder;
import org.ferret.registry.HolderId;
import org.ferret.registry.HolderRole;
import org.ferret.registry.HolderType;
import org.ferret.registry.NewHolder;
import org.ferret.registry.Registry;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanRegister;
import org.ferret.shared.access.CanReadPersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Holders (persons and organisations items are or were with): find by licence number, register, and look one up.
 * Holder records are personal data: every read goes through the registry, which writes it to the audit log, and
 * read-only users do not see them at all.
 */
@Controller
@RequestMapping("/holders")
@CanReadPersonalData
class HolderPages {


    private final Registry registry;

    HolderPages(Registry registry) {
        this.registry = registry;
    }

    @GetMapping
    String holders(@RequestParam(required = false) String licence, Model model) {
        FormErrors searchErrors = new FormErrors(Map.of("licence", "Licence or registration number"));
        List<Holder> found = null;
        if (licence != null && !licence.isBlank()) {
            found = searchErrors.capture("licence", () -> registry.findHoldersByLicence(licence));
        }
        model.addAttribute("licence", licence);
        model.addAttribute("found", found);
        model.addAttribute("searchErrors", searchErrors);
        model.addAttribute("form", new HolderForm());
        return page(model, new FormErrors(labels()));
    }

    @PostMapping
    @CanRegister
    String register(@ModelAttribute("form") HolderForm form, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        FormErrors errors = new FormErrors(labels());
        HolderType type = ItemForms.enumValue(HolderType.class, "type", form.getType(), true, errors);
        HolderRole role = ItemForms.enumValue(HolderRole.class, "role", form.getRole(), true, errors);
        CountryCode country = errors.capture("country", () -> CountryCode.ofNullable(form.getCountry()));
        return errors.submit(() -> {
            Holder h = registry.registerHolder(new NewHolder(type, role, form.getName(), form.getLicenceNumber(),
                    country));
            flash.addFlashAttribute("notice", "Holder registered. To record a transfer to them, give their licence "
                    + "number or this holder id: " + h.id());
            return "redirect:/holders/" + h.id();
        }, "", Map.of()).orElseGet(() -> {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("searchErrors", new FormErrors(Map.of()));
            return page(model, errors);
        });
    }

    @GetMapping("/{id}")
    String holder(@PathVariable String id, Model model) {
        HolderId holderId;
        try {
            holderId = HolderId.parse(id);
        } catch (FerretException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            model.addAttribute("holder", registry.holder(holderId));
        } catch (FerretException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "holders/holder";
    }

    private String page(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("types", Option.of(HolderType.values()));
        model.addAttribute("roles", Option.of(HolderRole.values()));
        return "holders/holders";
    }

    private static Map<String, String> labels() {
        return FormErrors.labels("type", "Person or organisation", "role", "Capacity", "name", "Name",
                "licenceNumber", "Licence or registration number", "country", "Country");
    }
}
