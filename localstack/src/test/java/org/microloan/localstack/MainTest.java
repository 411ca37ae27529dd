package org.microloan.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theOptionsAreRead_andAWrongOneSaysWhatToSendInstead() {
        Main.Arguments a = Main.parse(new String[] {"--data", "/tmp/x", "--port", "9090", "--aws-port", "0"});
        assertThat(a.data()).contains(Path.of("/tmp/x"));
        assertThat(a.apiPort()).isEqualTo(9090);
        assertThat(a.awsPort()).isZero();
        assertThat(a.simulatorPort()).isEqualTo(8089);
        assertThat(a.demo()).isTrue();
        assertThat(Main.parse(new String[] {"--no-demo"}).demo()).isFalse();

        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "eighty"}))
                .hasMessage("--port takes a port number (0-65535, 0 for any), not eighty");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data"})).hasMessage("--data needs a value");
        assertThat(Main.parse(new String[] {"--concurrency", "2"}).concurrency()).isEqualTo(2);
        assertThat(Main.parse(new String[0]).concurrency()).isEqualTo(LocalStack.CONCURRENCY);
        assertThatThrownBy(() -> Main.parse(new String[] {"--concurrency", "0"}))
                .hasMessage("--concurrency takes the most sandboxes a function runs at once (1-64), not 0");
        assertThatThrownBy(() -> Main.parse(new String[] {"--demo"})).hasMessage("unknown option --demo");
    }
}
