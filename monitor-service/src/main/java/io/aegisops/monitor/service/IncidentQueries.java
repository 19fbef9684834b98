package io.aegisops.monitor.service;

import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.monitor.domain.Alert;
import io.aegisops.monitor.domain.Incident;
import io.aegisops.monitor.domain.IncidentTransition;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Read side of incidents, kept apart from {@link IncidentService} so reads never take write locks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IncidentQueries {

    /** Newest first, optionally filtered by status and target. */
    public List<IncidentView> list(Set<IncidentStatus> statuses, String target, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!statuses.isEmpty()) {
            query.append(" and status in :statuses");
            parameters.and("statuses", statuses);
        }
        if (target != null) {
            query.append(" and target = :target");
            parameters.and("target", target);
        }
        return Incident.<Incident>find(query.toString(), Sort.descending("openedAt"), parameters)
                .page(Page.ofSize(limit)).list().stream().map(Views::of).toList();
    }

    public Optional<IncidentDetails> details(UUID id) {
        return Incident.<Incident>findByIdOptional(id).map(incident -> new IncidentDetails(
                Views.of(incident),
                Alert.ofIncident(id).stream().map(Views::of).toList(),
                IncidentTransition.ofIncident(id).stream().map(IncidentDetails.Transition::of).toList()));
    }
}
