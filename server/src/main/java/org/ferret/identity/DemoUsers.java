package org.ferret.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only ({@code ferret.demo-users=true}, set by the demo and test profiles): one agency set and
 * one user per role, each with the documented password {@code <username>-demo}. Never active in {@code serve}.
 */
@Component
@ConditionalOnProperty(name = "ferret.demo-users", havingValue = "true")
@Order(10)
public class DemoUsers implements org.springframework.boot.ApplicationRunner {

    /** The demo logins, username to role, in the order the README lists them. */
    public static final Map<String, Role> LOGINS = new LinkedHashMap<>();
    static {
        LOGINS.put("admin", Role.ADMINISTRATOR);
        LOGINS.put("registrar", Role.REGISTRAR);
        LOGINS.put("investigator", Role.INVESTIGATOR);
        LOGINS.put("licensing", Role.LICENSING_OFFICER);
        LOGINS.put("customs", Role.CUSTOMS_ANALYST);
        LOGINS.put("postal", Role.POSTAL_OPERATOR);
        LOGINS.put("inspector", Role.INSPECTOR);
        LOGINS.put("auditor", Role.AUDITOR);
        LOGINS.put("readonly", Role.READ_ONLY);
        LOGINS.put("supervisor", Role.SUPERVISOR);
        LOGINS.put("intel", Role.INTELLIGENCE_ANALYST);
        LOGINS.put("expert", Role.TECHNICAL_EXPERT);
        LOGINS.put("printshop", Role.PRINTING_SERVICE);
        LOGINS.put("printreview", Role.PRINT_REVIEWER);
    }

    private final Users users;

    DemoUsers(Users users) {
        this.users = users;
    }

    @Override
    @Transactional
    public void run(org.springframework.boot.ApplicationArguments args) {
        if (users.agencyByCode("NFA").isEmpty()) {
            users.createAgency("NFA", "National Firearms Authority (demo)", AgencyKind.NATIONAL_AUTHORITY, "FI");
            users.createAgency("POLICE", "National Police (demo)", AgencyKind.POLICE, "FI");
            users.createAgency("CUSTOMS", "Customs (demo)", AgencyKind.CUSTOMS, "FI");
            users.createAgency("POST", "Postal operator (demo)", AgencyKind.POSTAL_OPERATOR, "FI");
        }
        LOGINS.forEach((name, role) -> {
            if (!users.exists(name)) {
                String agency = switch (role) {
                    case INVESTIGATOR -> "POLICE";
                    case CUSTOMS_ANALYST, INSPECTOR, SUPERVISOR -> "CUSTOMS";
                    case INTELLIGENCE_ANALYST -> "POLICE";
                    case POSTAL_OPERATOR -> "POST";
                    default -> "NFA";
                };
                users.createUser(new Username(name), displayName(name), name + "-demo", agency, Set.of(role));
            }
        });
    }

    private static String displayName(String username) {
        return "Demo " + Character.toUpperCase(username.charAt(0)) + username.substring(1);
    }
}
