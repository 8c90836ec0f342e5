package org.evidencegateway.cli;

import java.io.PrintWriter;
import org.evidencegateway.manifest.Item;
import org.evidencegateway.manifest.Manifest;
import org.evidencegateway.open.SignerReport;
import org.evidencegateway.open.VerificationReport;

/** The human-readable forms of a verification report. */
final class ReportText {
    private ReportText() {
    }

    /** What the package is and who sent it. */
    static void summary(VerificationReport report, PrintWriter out) {
        Manifest m = report.manifest();
        out.printf("VALID package %s%n", m.packageId());
        out.printf("  kind:        %s%n", m.kind());
        out.printf("  from → to:   %s/%s → %s/%s%n", m.sender().country(), m.sender().agency(),
                m.recipient().country(), m.recipient().agency());
        out.printf("  case:        %s%n", m.caseReference());
        out.printf("  subject:     %s%n", m.subject());
        out.printf("  legal basis: %s%n", m.legalBasis().instrument().title());
        out.printf("  urgency:     %s%n", m.urgency().level());
        if (m.relatedPackageId() != null) {
            out.printf("  related to:  %s%n", m.relatedPackageId());
        }
        out.printf("  package:     %d bytes, SHA-256 %s, %s, opened with %s%n", report.packageBytes(),
                report.packageSha256(), report.encryption(), report.openedWith());
        for (SignerReport s : report.signers()) {
            out.printf("  signed by:   %s (%s) at %s, %s/%s, chain %s%n", s.agency(), s.subject(), s.signingTime(),
                    s.scheme(), s.digest(), s.chain());
        }
    }

    /** The summary, then every item. */
    static void withItems(VerificationReport report, PrintWriter out) {
        summary(report, out);
        out.printf("  items:       %d, %d bytes, every size and SHA-256 verified%n",
                report.manifest().items().size(), report.itemBytes());
        for (Item item : report.manifest().items()) {
            out.printf("    %s  %12d  %s  %s%n", item.sha256(), item.size(), item.mediaType(), item.path());
        }
    }
}
