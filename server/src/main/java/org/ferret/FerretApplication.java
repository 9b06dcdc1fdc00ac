package org.ferret;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ferret's Spring Boot application; {@link org.ferret.cli.FerretCli} is the process entry point. */
@SpringBootApplication
public class FerretApplication {
    public static void main(String[] args) {
        SpringApplication.run(FerretApplication.class, args);
    }
}
