package io.aegisops.diagnosis.service;

import io.aegisops.contract.Diagnosis;

/**
 * CDI event fired when a transaction issues a diagnosis. Observed after commit, so metrics and logs count
 * only diagnoses that really exist, never one whose transaction rolled back and is retried.
 */
public record DiagnosisIssued(Diagnosis diagnosis) {
}
