package org.ferret.prints.ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.ferret.audit.Actor;
import org.ferret.printfiles.Verdict;
import org.ferret.prints.PrintScreening;
import org.ferret.prints.PrintsProperties;
import org.ferret.prints.internal.ClientRateLimit;
import org.ferret.shared.FormErrors;
import org.ferret.shared.Words;
import org.ferret.shared.access.CanScreenPrints;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * "Check a print file": a printing service (or a print reviewer) screens one file by hand, as its systems do through
 * {@code POST /api/v1/prints/screen}, with the same limits (size, files per minute per account), the same audit entry,
 * and the verdict in words with its evidence; a file held for review is in the reviewers' queue at once.
 */
@Controller
class ScreenPage {
    private final PrintScreening screening;
    private final PrintsProperties properties;
    private final ClientRateLimit rate;
    private final ObjectMapper json;

    ScreenPage(PrintScreening screening, PrintsProperties properties, ClientRateLimit rate, ObjectMapper json) {
        this.screening = screening;
        this.properties = properties;
        this.rate = rate;
        this.json = json;
    }

    @GetMapping("/prints/screen")
    @CanScreenPrints
    String form(Model model) {
        model.addAttribute("errors", new FormErrors(labels()));
        return page(model);
    }

    @PostMapping("/prints/screen")
    @CanScreenPrints
    @SuppressWarnings("unchecked")
    String screen(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) throws IOException {
        FormErrors errors = new FormErrors(labels());
        model.addAttribute("errors", errors);
        String client = Actor.current().username();
        if (file == null || file.isEmpty()) {
            errors.add("file", "choose the file to screen (STL, 3MF, OBJ or G-code)");
        } else if (file.getSize() > properties.getMaxFileBytes()) {
            errors.add("file", "the file has " + file.getSize() + " bytes; at most " + properties.getMaxFileBytes() + " can be screened");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model);
        }
        OptionalLong wait = rate.take(client);
        if (wait.isPresent()) {
            errors.add("file", "this account has screened files faster than it may (" + properties.getPerClientPerMinute() + " a minute, "
                    + properties.getBurst() + " at once); try again in " + wait.getAsLong() + " s");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            return page(model);
        }
        PrintScreening.Result r = screening.screen(client, file.getOriginalFilename(), file.getBytes());
        Map<String, Object> s = json.readValue(r.toJson(), Map.class);
        Verdict v = r.screening().verdict();
        model.addAttribute("result", r);
        model.addAttribute("verdict", Words.of(v));
        model.addAttribute("verdictClass", switch (v) {
            case ALLOW -> "alert-ok";
            case REVIEW -> "alert-warn";
            case BLOCK, ERROR -> "alert-error";
        });
        model.addAttribute("meaning", switch (v) {
            case ALLOW -> "Nothing in the file matches a firearm part or a known part of the library: it may be printed.";
            case REVIEW -> "The file resembles a firearm part. Do not print it: it is held for a print reviewer, who decides.";
            case BLOCK -> "The file matches a known firearm part. Do not print it: it is held for a print reviewer.";
            case ERROR -> "The file could not be screened, so it is not cleared: do not print it as it is.";
        });
        model.addAttribute("evidence", ReviewPages.evidence(s));
        model.addAttribute("notes", s.getOrDefault("notes", List.of()));
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("maxMb", String.format(java.util.Locale.ROOT, "%.1f", properties.getMaxFileBytes() / 1e6)); // MB of 10^6 bytes
        model.addAttribute("perMinute", properties.getPerClientPerMinute());
        model.addAttribute("burst", properties.getBurst());
        return "prints/screen";
    }

    private static Map<String, String> labels() {
        return FormErrors.labels("file", "File to screen");
    }
}
