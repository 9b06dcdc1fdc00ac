package org.ferret.parcels;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Kafka broker (KRaft) for the parcels stream tests, in a JVM of its own started from the
 * {@code ferret-kafka-broker} module's class path (the Apache Kafka server artifacts the build fetched; nothing
 * downloaded at run time). It stops when this JVM closes its standard input, or dies.
 */
final class KafkaBrokerProcess implements AutoCloseable {
    private final Process process;
    private final String bootstrap;

    private KafkaBrokerProcess(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    static KafkaBrokerProcess start(int partitions) {
        try {
            URL marker = KafkaBrokerProcess.class.getResource("/ferret-kafka-broker.txt");
            if (marker == null) throw new IllegalStateException("ferret-kafka-broker is not on the test class path");
            Path classes = marker.getProtocol().equals("jar")
                    ? Path.of(new URL(marker.getPath().substring(0, marker.getPath().indexOf('!'))).toURI())
                    : Path.of(marker.toURI()).getParent();
            Path classpathFile = classes.getParent().resolve("broker.classpath");
            String classpath = classes + File.pathSeparator + Files.readString(classpathFile).strip();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, "ferret.testbroker.KafkaBroker", Integer.toString(partitions))
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("FERRET-KAFKA-BROKER ")) {
                    String servers = line.substring("FERRET-KAFKA-BROKER ".length()).strip();
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // the broker's log is not needed once it runs
                            }
                        } catch (IOException e) {
                            // the broker ended
                        }
                    }, "kafka-broker-log");
                    drain.setDaemon(true);
                    drain.start();
                    return new KafkaBrokerProcess(p, servers);
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("the Kafka broker did not start:\n" + seen);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not start the Kafka broker: " + e, e);
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    <T> T withAdmin(Function<Admin, T> f) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return f.apply(admin);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

}
