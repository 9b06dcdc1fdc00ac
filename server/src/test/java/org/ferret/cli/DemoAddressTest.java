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

    @Test
    void spring_properties_after_a_server_command_pass_through_to_spring() {
        FerretCli.Demo cmd = new FerretCli.Demo();
        new CommandLine(cmd).parseArgs("--server.port=9090", "--address", "0.0.0.0", "--logging.level.root=WARN");
        assertThat(cmd.springArguments())
                .containsExactly("--server.port=9090", "--logging.level.root=WARN", "--server.address=0.0.0.0");
        FerretCli.Serve serve = new FerretCli.Serve();
        new CommandLine(serve).parseArgs("--server.port=9091");
        assertThat(serve.springArguments()).containsExactly("--server.port=9091");
    }

    @Test
    void anything_else_unknown_is_refused_by_name() {
        FerretCli.Demo cmd = new FerretCli.Demo();
        CommandLine line = new CommandLine(cmd);
        java.io.StringWriter err = new java.io.StringWriter();
        line.setErr(new java.io.PrintWriter(err));
        line.setExecutionStrategy(parsed -> {
            cmd.springArguments();
            return 0;
        });
        assertThat(line.execute("--adress", "0.0.0.0")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--adress'");
    }

    @Test
    void the_help_lists_test_and_the_version_is_the_builds() {
        CommandLine line = new CommandLine(new FerretCli());
        String help = line.getUsageMessage();
        assertThat(help).contains("test").contains("demo").contains("serve").contains("launcher");
        java.io.StringWriter out = new java.io.StringWriter();
        line.setOut(new java.io.PrintWriter(out));
        line.execute("--version");
        assertThat(out.toString()).startsWith("Ferret ").doesNotContain("development");
    }
}
