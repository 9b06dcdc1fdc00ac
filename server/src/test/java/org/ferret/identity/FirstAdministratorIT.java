package org.ferret.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.ferret.FerretApplication;
import org.ferret.shared.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** {@code ferret serve} on an empty database: no default password, ever. */
class FirstAdministratorIT {

    /** Starts Ferret as {@code serve} would (no demo profile) on a new in-memory database, with these properties. */
    private static ConfigurableApplicationContext serveOnEmptyDatabase(String... properties) {
        String db = EmbeddedDatabase.inMemory("first_" + UUID.randomUUID().toString().replace("-", ""));
        var args = new java.util.ArrayList<String>(List.of("--spring.datasource.url=" + db, "--spring.main.banner-mode=off"));
        for (String p : properties) {
            args.add("--" + p);
        }
        // the start-up log goes to this class's logger, kept quiet so that the failures these tests provoke on
        // purpose do not print "ERROR … Application run failed" and a stack trace; expectedFailure says so instead
        args.add("--logging.level." + FirstAdministratorIT.class.getName() + "=OFF");
        args.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        return new SpringApplicationBuilder(FerretApplication.class).main(FirstAdministratorIT.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    /** The start-up failure's reason, announced on the test output as expected (the test asserts on it). */
    private static String expectedFailure(Throwable e) {
        String reason = deepestMessage(e);
        System.out.println("FirstAdministratorIT: Ferret refused to start, as this test expects: " + reason);
        return reason;
    }

    private static String deepestMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    @Test
    void refuses_to_start_without_administrator_credentials_and_says_which_variables_to_set() {
        // System.console() is null under the test runner, so nobody can be asked either
        assertThatThrownBy(() -> serveOnEmptyDatabase().close())
                .satisfies(e -> assertThat(expectedFailure(e)).contains("FERRET_ADMIN_USERNAME", "FERRET_ADMIN_PASSWORD"));
    }

    @Test
    void creates_the_first_administrator_from_the_environment_and_no_other_user() {
        try (var ctx = serveOnEmptyDatabase("FERRET_ADMIN_USERNAME=chief", "FERRET_ADMIN_PASSWORD=a-long-secret-1",
                "FERRET_COUNTRY=se", "FERRET_AGENCY_CODE=SPA")) {
            Users users = ctx.getBean(Users.class);
            assertThat(users.users()).extracting(Users.UserView::username).containsExactly("chief");
            FerretPrincipal chief = users.loadUserByUsername("chief");
            assertThat(chief.roles()).containsExactly(Role.ADMINISTRATOR);
            assertThat(chief.agencyCode()).isEqualTo("SPA");
            assertThat(ctx.getBean(PasswordEncoder.class).matches("a-long-secret-1", chief.getPassword())).isTrue();
            assertThat(users.exists("admin")).as("no demo user outside demo mode").isFalse();
        }
    }

    @Test
    void refuses_a_short_first_password() {
        assertThatThrownBy(() -> serveOnEmptyDatabase("FERRET_ADMIN_USERNAME=chief", "FERRET_ADMIN_PASSWORD=short",
                "FERRET_COUNTRY=SE").close())
                .satisfies(e -> assertThat(expectedFailure(e)).contains("password must have at least"));
    }
}
