package org.ferret.parcels.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.ferret.audit.Actor;
import org.ferret.parcels.CsvDeclarations;
import org.ferret.parcels.ItemAnswer;
import org.ferret.parcels.internal.DeclarationCsv;
import org.ferret.shared.ErrorCode;
import org.ferret.shared.FerretException;
import org.ferret.shared.FerretException.FieldProblem;
import org.ferret.shared.FormErrors;
import org.ferret.shared.access.CanSubmitDeclarations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The postal operator's upload of a declarations CSV file (docs/parcels.md), answered item by item. */
@Controller
@RequestMapping("/parcels/upload")
@CanSubmitDeclarations
class UploadPage {

    /** One problem as the page lists it: the line, the column as written, the column in words, the reason. */
    record Problem(Integer line, String itemId, String column, String label, String message) {
    }

    /** One answered item: its line and the answer. */
    record Answered(int line, ItemAnswer answer) {
    }

    private final CsvDeclarations csv;

    UploadPage(CsvDeclarations csv) {
        this.csv = csv;
    }

    private static FormErrors errors() {
        return new FormErrors(FormErrors.labels("file", "CSV file"));
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("errors", errors());
        model.addAttribute("allOrNothing", false);
        model.addAttribute("maxItems", csv.maxItems());
        return "parcels/upload";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String allOrNothing, Model model, HttpServletResponse response)
            throws IOException {
        boolean atomic = allOrNothing != null;
        FormErrors errors = errors();
        model.addAttribute("errors", errors);
        model.addAttribute("allOrNothing", atomic);
        model.addAttribute("maxItems", csv.maxItems());
        if (file == null || file.isEmpty()) {
            errors.add("file", "choose a CSV file of declarations to upload");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "parcels/upload";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        String operator = Actor.current().agency();
        if (operator == null) {
            errors.add("file", "only a user of an operator's agency sends declarations");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "parcels/upload";
        }
        CsvDeclarations.Result result;
        try (InputStream in = file.getInputStream()) {
            result = csv.submit(in, operator, atomic, csv.maxItems(), CsvDeclarations.Progress.NONE);
        } catch (FerretException e) {
            if (e.code() == ErrorCode.IMPORT_REJECTED) {
                // all or nothing: every problem listed, nothing stored
                errors.add("file", e.getMessage());
                model.addAttribute("rejected", e.problems().stream().map(p -> problem(null, p)).toList());
            } else {
                for (FieldProblem p : e.problems().isEmpty() ? List.of(new FieldProblem("file", e.getMessage())) : e.problems()) {
                    errors.add("file", (p.line() == null ? "" : "line " + p.line() + ": ") + p.message()
                            + (e.problems().isEmpty() ? "" : "; nothing was stored"));
                }
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "parcels/upload";
        }
        List<Answered> answered = result.answers().items().stream()
                .filter(a -> a.status() != ItemAnswer.Status.REJECTED).map(a -> new Answered(result.lineOf(a), a)).toList();
        List<Problem> rejected = result.answers().items().stream().filter(a -> a.status() == ItemAnswer.Status.REJECTED)
                .flatMap(a -> a.problems().stream().map(p -> problem(a.itemId(), p))).toList();
        model.addAttribute("result", result.answers());
        model.addAttribute("answered", answered);
        model.addAttribute("rejected", rejected);
        return "parcels/upload";
    }

    private static Problem problem(String itemId, FieldProblem p) {
        return new Problem(p.line(), itemId, p.field(), DeclarationCsv.label(p.field()), p.message());
    }
}
