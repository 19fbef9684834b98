package io.aegisops.diagnosis.llm;

import io.aegisops.contract.AlertView;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.diagnosis.domain.IncidentCase;
import io.aegisops.diagnosis.domain.ObservedAlert;
import io.aegisops.diagnosis.service.DiagnosisInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what a model will be asked about, in a short read-only transaction of its own that ends before the model is
 * called. Empty when the investigation will not lead to a diagnosis anyway: its incident is unknown here, closed, has
 * no alerts yet, or already holds a newer investigation.
 */
@ApplicationScoped
public class ModelInputs {

    @Transactional
    public Optional<DiagnosisInput> forInvestigation(Investigation investigation) {
        Optional<IncidentCase> found = IncidentCase.findByIdOptional(UUID.fromString(investigation.incidentId()));
        if (found.isEmpty() || found.get().isClosed()) {
            return Optional.empty();
        }
        IncidentCase incidentCase = found.get();
        Optional<IncidentView> view = incidentCase.lastView();
        Optional<Investigation> held = incidentCase.latestInvestigation();
        if (view.isEmpty() || held.isPresent() && held.get().completedAt() != null
                && investigation.completedAt() != null && held.get().completedAt().isAfter(investigation.completedAt())) {
            return Optional.empty();
        }
        List<AlertView> alerts = ObservedAlert.ofIncident(incidentCase.incidentId);
        return Optional.of(new DiagnosisInput(view.get(), alerts, investigation));
    }
}
