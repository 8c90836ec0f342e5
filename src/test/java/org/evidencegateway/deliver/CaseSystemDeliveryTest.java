package org.evidencegateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.evidencegateway.casesystem.AcknowledgementVerifier;
import org.evidencegateway.error.ErrorCode;
import org.evidencegateway.open.TestPackages;
import org.evidencegateway.party.DeliveryProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CaseSystemDeliveryTest {
    @TempDir
    Path dir;

    final DeliveryAttempt attempt = AcknowledgementCheckTest.attempt(UUID.randomUUID());
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(CaseSystemDelivery.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void deliver_logsATransientFailureAsOneWarningWithCodeDestinationPackageAndAttempt_withoutStackTrace()
            throws Exception {
        // Given a case system that cannot be reached
        CaseSystemDelivery delivery = delivery(pkg -> {
            throw TransientDeliveryException.unavailable("ua-case", "POST https://127.0.0.1:9: connection refused",
                    new java.net.ConnectException("connection refused"));
        });
        Reenveloped pkg = new Reenveloped(attempt, Files.createFile(dir.resolve("package.p7m")));

        // When the attempt is made, Then the failure goes on to the broker, and the log has one line about it
        assertThatThrownBy(() -> delivery.deliver(pkg)).isInstanceOf(TransientDeliveryException.class);
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).as("stack trace").isNull();
            assertThat(event.getFormattedMessage()).contains("EGW-DLV-005", "ua-case",
                    attempt.check().packageId().toString(), "attempt 1", "connection refused");
        });
        assertThat(pkg.file()).doesNotExist();
    }

    @Test
    void deliver_doesNotTakeAnAcknowledgementThatDoesNotHold_asDelivery() throws Exception {
        // Given a case system that answers with an acknowledgement of another package
        byte[] otherPackages = AcknowledgementCheckTest.ack(AcknowledgementCheckTest.CASE_KEY, UUID.randomUUID(),
                AcknowledgementCheckTest.MANIFEST_SHA256);
        CaseSystemDelivery delivery = delivery(pkg -> DeliveryOutcome.delivered(pkg.attempt(), otherPackages));

        // When the attempt is made, Then it is not delivered but retried, as the outcome is unknown
        assertThatThrownBy(() -> delivery.deliver(new Reenveloped(attempt, dir.resolve("package.p7m"))))
                .isInstanceOfSatisfying(TransientDeliveryException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DLV_ACKNOWLEDGEMENT_INVALID));
    }

    private static CaseSystemDelivery delivery(CaseSystemClient client) {
        return new CaseSystemDelivery(Map.of(DeliveryProtocol.REST, client), new AcknowledgementCheck(
                new AcknowledgementVerifier(TestPackages.PKI.validator())), null,
                new DeliveryMetrics(new SimpleMeterRegistry()));
    }
}
