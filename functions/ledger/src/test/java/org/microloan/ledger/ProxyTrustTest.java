package org.microloan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.X509TrustManager;

import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.Test;

/**
 * The roots the books' functions trust when they reach RDS Proxy over TLS (PlatformStack points
 * quarkus.datasource.reactive.trust-certificate-pem at this file): found on the class path as Vert.x
 * resolves it, and only Amazon Trust Services' roots.
 */
class ProxyTrustTest {

    @Test
    void theProxysRoots_resolveFromTheClassPath_andAreAmazonsFourRoots() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var factory = new PemTrustOptions().addCertPath("amazon-root-cas.pem").getTrustManagerFactory(vertx);
            List<X509Certificate> roots = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toList();

            assertThat(roots).extracting(c -> c.getSubjectX500Principal().getName())
                    .containsExactlyInAnyOrder("CN=Amazon Root CA 1,O=Amazon,C=US", "CN=Amazon Root CA 2,O=Amazon,C=US",
                            "CN=Amazon Root CA 3,O=Amazon,C=US", "CN=Amazon Root CA 4,O=Amazon,C=US");
        } finally {
            vertx.close();
        }
    }
}
