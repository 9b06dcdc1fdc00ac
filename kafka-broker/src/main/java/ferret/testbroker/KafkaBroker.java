package ferret.testbroker;

import java.io.IOException;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Starts one KRaft broker (combined broker and controller), prints {@code FERRET-KAFKA-BROKER <bootstrap servers>}
 * and runs until its standard input closes (the test that started it ended or died), then stops and exits.
 */
public final class KafkaBroker {
    private KafkaBroker() {
    }

    // outside org.ferret: the server's module checks scan org.ferret, and this is no module of the server
    public static void main(String[] args) throws IOException {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        System.out.println("FERRET-KAFKA-BROKER " + broker.getBrokersAsString());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for the end of standard input
            }
        } finally {
            broker.destroy();
            System.exit(0);
        }
    }
}
