package org.evidencegateway.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.evidencegateway.trust.Credential;

/**
 * The built-in development time-stamping authority (Bouncy Castle TSP): signs RFC 3161 tokens with a credential
 * whose certificate has the critical timeStamping extended key usage. DEVELOPMENT ONLY: its clock is the
 * gateway's, so it proves nothing the gateway's operators could not forge; production configures a real TSA.
 */
public final class EmbeddedTsa implements TimestampAuthority {
    /** TSA policy of the development authority (a private, unregistered arc). */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credential tsa;
    private final Clock clock;

    public EmbeddedTsa(Credential tsa, Clock clock) {
        this.tsa = tsa;
        this.clock = clock;
    }

    @Override
    public byte[] exchange(byte[] timeStampRequest) throws IOException {
        try {
            String algorithm = tsa.privateKey() instanceof RSAKey ? "SHA256withRSA" : "SHA256withECDSA";
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder()
                    .build(algorithm, tsa.privateKey(), tsa.certificate());
            DigestCalculator essCertId = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, essCertId, POLICY);
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            tokens.setAccuracySeconds(1);
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            return responses.generate(new TimeStampRequest(timeStampRequest), new BigInteger(63, RANDOM),
                    Date.from(clock.instant())).getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the embedded TSA cannot sign: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "embedded";
    }
}
