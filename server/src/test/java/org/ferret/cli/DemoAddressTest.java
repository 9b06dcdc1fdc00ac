package org.ferret.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import picocli.CommandLine;

class DemoAddressTest {

    @Test
    void the_demo_listens_on_this_machine_only_by_default() throws Exception {
        Properties demo = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-demo.properties"));
        assertThat(demo.getProperty("server.address")).isEqualTo("127.0.0.1");
        FerretCli.Demo cmd = new FerretCli.Demo();
        new CommandLine(cmd).parseArgs();
        assertThat(cmd.springArguments()).isEmpty();
    }

    @Test
    void the_demo_listens_where_address_says() {
        FerretCli.Demo cmd = new FerretCli.Demo();
        new CommandLine(cmd).parseArgs("--address", "0.0.0.0");
        assertThat(cmd.springArguments()).containsExactly("--server.address=0.0.0.0");
    }
}
