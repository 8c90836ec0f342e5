package org.evidencegateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    @Test
    void signsInSoftware_anEcKeyHeldInMemory() throws Exception {
        assertThat(Providers.signsInSoftware(ecKeyPair().getPrivate())).isTrue();
    }

    @Test
    void inBouncyCastle_convertsAKeyOnce_intoOneThatSignsForTheSamePublicKey() throws Exception {
        java.security.KeyPair jdk = ecKeyPair();

        java.security.PrivateKey converted = Providers.inBouncyCastle(jdk.getPrivate());

        assertThat(Providers.inBouncyCastle(jdk.getPrivate())).isSameAs(converted);
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA", Providers.BC);
        signer.initSign(converted);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(jdk.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).as("checked by the JDK against the original public key").isTrue();
    }

    @Test
    void leavesRsaKeysToTheJdk() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThat(Providers.signsInSoftware(rsa.generateKeyPair().getPrivate())).isFalse();
    }

    @Test
    void leavesAKeyWithoutPkcs8EncodingToItsOwnProvider_asATokenKeyIs() throws Exception {
        ECParameterSpec params = ((ECPrivateKey) ecKeyPair().getPrivate()).getParams();
        ECPrivateKey inToken = new ECPrivateKey() {
            @Override
            public BigInteger getS() {
                throw new UnsupportedOperationException("sensitive");
            }

            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }

            @Override
            public ECParameterSpec getParams() {
                return params;
            }
        };

        assertThat(Providers.signsInSoftware(inToken)).isFalse();
    }

    /** A P-256 key pair of the JDK's provider, in memory. */
    private static java.security.KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        return ec.generateKeyPair();
    }
}
