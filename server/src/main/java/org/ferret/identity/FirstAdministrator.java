package org.ferret.identity;

import java.io.Console;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start of a real installation (no users at all), creates the first administrator from
 * {@code FERRET_ADMIN_USERNAME}, {@code FERRET_ADMIN_PASSWORD}, {@code FERRET_AGENCY_CODE},
 * {@code FERRET_AGENCY_NAME} and {@code FERRET_COUNTRY}, asking on the console for what is missing.
 * There is no default password: without a console and without the variables, start-up stops with a clear message.
 * Offline jobs ({@code import}, {@code audit verify}, {@code bench}) switch it off with {@code ferret.first-admin.enabled=false}.
 */
@Component
@ConditionalOnExpression("!${ferret.demo-users:false} && ${ferret.first-admin.enabled:true}")
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    /** Start-up cannot go on: no administrator exists and none could be created. */
    static final class NoAdministratorException extends IllegalStateException {
        NoAdministratorException(String message) {
            super(message);
        }
    }

    private final Users users;
    private final Environment env;

    FirstAdministrator(Users users, Environment env) {
        this.users = users;
        this.env = env;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        Console console = interactiveConsole();
        String username = value("FERRET_ADMIN_USERNAME", "Administrator username", console, false);
        String password = value("FERRET_ADMIN_PASSWORD", "Administrator password (at least " + Users.MIN_PASSWORD
                + " characters)", console, true);
        String agencyCode = valueOr("FERRET_AGENCY_CODE", "NFA");
        String agencyName = valueOr("FERRET_AGENCY_NAME", "National Firearms Authority");
        String country = value("FERRET_COUNTRY", "Country (ISO 3166-1 alpha-2, e.g. FI)", console, false);
        users.createAgency(agencyCode, agencyName, AgencyKind.NATIONAL_AUTHORITY, country.toUpperCase());
        users.createUser(new Username(username), "Administrator", password, agencyCode, Set.of(Role.ADMINISTRATOR));
        System.out.println("Created the first administrator '" + username + "' of agency " + agencyCode + ".");
    }

    /** The console if someone can answer on it; from JDK 22 System.console() exists even when input is redirected. */
    private static Console interactiveConsole() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (ReflectiveOperationException e) {
            return console; // JDK 21: a non-null console is a terminal
        }
    }

    private String valueOr(String variable, String fallback) {
        String v = env.getProperty(variable);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private String value(String variable, String prompt, Console console, boolean secret) {
        String v = env.getProperty(variable);
        if (v != null && !v.isBlank()) {
            return v.strip();
        }
        if (console == null) {
            throw new NoAdministratorException("This Ferret database has no users yet and " + variable
                    + " is not set. Set FERRET_ADMIN_USERNAME, FERRET_ADMIN_PASSWORD and FERRET_COUNTRY"
                    + " (optionally FERRET_AGENCY_CODE, FERRET_AGENCY_NAME), or start Ferret on a terminal to be asked.");
        }
        String answer = secret ? new String(console.readPassword("%s: ", prompt)) : console.readLine("%s: ", prompt);
        if (answer == null || answer.isBlank()) {
            throw new NoAdministratorException(prompt + " is required to create the first administrator.");
        }
        return answer.strip();
    }
}
