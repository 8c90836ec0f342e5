package org.evidencegateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyTypeTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyKeyType_roundTripsByIdAndGeneratesItsSizeAndOid(KeyType type) {
        KeyPair keys = type.generate();
        var spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        String oid = type.oid().startsWith("1.2.840.113549") ? spki.getAlgorithm().getAlgorithm().getId()
                : spki.getAlgorithm().getParameters().toString();

        assertThat(KeyType.byId(type.id())).isSameAs(type);
        assertThat(oid).isEqualTo(type.oid());
        assertThat(bits(keys)).isEqualTo(type.bits());
    }

    @Test
    void signatureAlgorithm_usesSha384OnlyForP384() {
        assertThat(KeyType.signatureAlgorithm(KeyType.EC_P384.generate().getPublic())).isEqualTo("SHA384withECDSA");
        assertThat(KeyType.signatureAlgorithm(KeyType.EC_P256.generate().getPublic())).isEqualTo("SHA256withECDSA");
        assertThat(KeyType.DEFAULT).isEqualTo(KeyType.EC_P256);
    }

    @Test
    void byId_rejectsUnknownId() {
        assertThatThrownBy(() -> KeyType.byId("rsa-1024")).hasMessageContaining("unknown key type rsa-1024");
    }

    private static int bits(KeyPair keys) {
        return keys.getPublic() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength()
                : ((ECPublicKey) keys.getPublic()).getParams().getCurve().getField().getFieldSize();
    }
}
