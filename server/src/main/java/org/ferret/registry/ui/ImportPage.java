package org.ferret.registry.ui;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.ferret.registry.ImportLimits;
import org.ferret.registry.ImportMode;
import org.ferret.registry.ImportReport;
import org.ferret.registry.ItemImport;
import org.ferret.shared.FerretException;
import org.ferret.shared.access.CanRegister;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload of a CSV file of items (layout in docs/csv-import.md), answered with the import report. */
@Controller
@RequestMapping("/items/import")
@CanRegister
class ImportPage {

    /** Most problems listed on the page; the counts always cover all of them. */
    static final int SHOWN_PROBLEMS = 500;

    private final ItemImport importer;
    private final ImportLimits limits;

    ImportPage(ItemImport importer, ImportLimits limits) {
        this.importer = importer;
        this.limits = limits;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("mode", ImportMode.ALL_OR_NOTHING.name());
        return "items/import";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode, Model model, HttpServletResponse response)
            throws IOException {
        ImportMode m = "COMMIT_VALID_ROWS".equals(mode) ? ImportMode.COMMIT_VALID_ROWS : ImportMode.ALL_OR_NOTHING;
        model.addAttribute("mode", m.name());
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "choose a CSV file to upload");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "items/import";
        }
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = importer.importCsv(in, m, null, limits.maxRows());
        } catch (FerretException busy) { // IMPORT_IN_PROGRESS: another import holds the lock
            model.addAttribute("fileError", busy.getMessage());
            response.setStatus(busy.code().status().value());
            return "items/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("report", report);
        model.addAttribute("shownProblems", report.problems().size() > SHOWN_PROBLEMS
                ? report.problems().subList(0, SHOWN_PROBLEMS) : report.problems());
        if (!report.committed()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return "items/import";
    }
}
