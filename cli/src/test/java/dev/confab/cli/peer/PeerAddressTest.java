package dev.confab.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PeerAddressTest {
    @Test
    void hostNamesIpv4AndBracketedIpv6AreAccepted() {
        assertThat(PeerAddress.parse("tcp://localhost:9000")).isEqualTo(new PeerAddress(PeerAddress.Transport.TCP, "localhost", 9000));
        assertThat(PeerAddress.parse("UDP://10.1.2.3:0")).isEqualTo(new PeerAddress(PeerAddress.Transport.UDP, "10.1.2.3", 0));
        PeerAddress v6 = PeerAddress.parse("tcp://[::1]:9000");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6).hasToString("tcp://[::1]:9000");
    }

    @Test
    void malformedAddressesAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> PeerAddress.parse("http://x:1")).hasMessageContaining("expected tcp:// or udp://");
        assertThatThrownBy(() -> PeerAddress.parse("tcp://x")).hasMessageContaining("expected tcp://HOST:PORT");
        assertThatThrownBy(() -> PeerAddress.parse("tcp://::1:9000")).hasMessageContaining("IPv6 in brackets");
        assertThatThrownBy(() -> PeerAddress.parse("udp://x:1/path")).hasMessageContaining("expected udp://HOST:PORT");
    }

    @Test
    void socketAddressesReadShort() {
        assertThat(PeerAddress.describe(PeerAddress.Transport.UDP, new InetSocketAddress("::1", 5))).isEqualTo("udp://[::1]:5");
        assertThat(PeerAddress.compress("fe80:0:0:1:0:0:0:2")).isEqualTo("fe80:0:0:1::2");
        assertThat(PeerAddress.compress("1:2:3:4:5:6:7:8")).isEqualTo("1:2:3:4:5:6:7:8");
    }
}
