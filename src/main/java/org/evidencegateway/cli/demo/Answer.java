package org.evidencegateway.cli.demo;

/**
 * The gateway's answer to a submission, whichever edge it came through: the package id and status of an accepted
 * package, or the error code and detail of a refused one — with the signed evidence either way (a
 * SubmissionAcceptance or a SubmissionRejection), null only if the gateway gave none.
 */
record Answer(String packageId, String status, String code, String detail, byte[] signedEvidence) {
    static Answer accepted(String packageId, String status, byte[] signedEvidence) {
        return new Answer(packageId, status, null, null, signedEvidence);
    }

    static Answer refused(String code, String detail, byte[] signedEvidence) {
        return new Answer(null, null, code, detail, signedEvidence);
    }

    boolean isAccepted() {
        return code == null;
    }
}
