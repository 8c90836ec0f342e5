package org.evidencegateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK-hashed runs of long updates give the same GHASH as hashing every block in Java. */
class GhashTest {
    private static final int RUN = Ghash.JDK_MIN_BLOCKS * Ghash.BLOCK_BYTES;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {RUN - 1, RUN, RUN + 1, 2 * RUN + 15, 1 << 20, (1 << 20) + 7})
    void update_longRunsHashedByTheJdk_equalTheJavaHash(int length) throws Exception {
        // Given a key, its hash subkey, some AAD and a ciphertext fed at an odd offset, after a partial block
        Random random = new Random(length);
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
        Cipher block = Cipher.getInstance("AES/ECB/NoPadding");
        block.init(Cipher.ENCRYPT_MODE, key);
        byte[] h = block.doFinal(new byte[16]);
        byte[] aad = new byte[21];
        random.nextBytes(aad);
        byte[] data = new byte[length + 3];
        random.nextBytes(data);

        // When one hash may hand long runs to the JDK and the other hashes everything in Java
        Ghash withJdk = new Ghash(key, h, aad);
        Ghash javaOnly = new Ghash(null, h, aad);
        for (Ghash ghash : new Ghash[] {withJdk, javaOnly}) {
            ghash.update(data, 0, 3);
            ghash.update(data, 3, length - length / 3);
            ghash.update(data, 3 + length - length / 3, length / 3);
        }

        // Then both give the same hash
        assertThat(withJdk.finish()).isEqualTo(javaOnly.finish());
    }
}
