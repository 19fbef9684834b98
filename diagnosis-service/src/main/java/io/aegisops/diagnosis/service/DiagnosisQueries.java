package io.aegisops.diagnosis.service;

import io.aegisops.contract.Diagnosis;
import io.aegisops.diagnosis.domain.IssuedDiagnosis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read side of diagnoses, apart from {@link DiagnosisService} so that reads never take its locks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiagnosisQueries {

    /** All revisions of an incident, newest first; empty for an incident never diagnosed. */
    public List<Diagnosis> ofIncident(UUID incidentId) {
        return IssuedDiagnosis.ofIncident(incidentId);
    }

    public Optional<Diagnosis> byId(UUID id) {
        return IssuedDiagnosis.byId(id);
    }
}
