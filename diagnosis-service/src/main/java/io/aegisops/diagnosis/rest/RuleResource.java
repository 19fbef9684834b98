package io.aegisops.diagnosis.rest;

import io.aegisops.diagnosis.rules.Rule;
import io.aegisops.diagnosis.rules.RuleSet;
import io.aegisops.diagnosis.service.DiagnoserChain;
import io.aegisops.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Shows what the engine knows, so people can tell why an incident got the diagnosis it got. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rules")
public class RuleResource {

    /**
     * @param source   where the rules were read from
     * @param engines  the diagnosers in the order they are asked; the rules engine is the last resort
     * @param rules    in evaluation order: the first one an incident's alerts satisfy wins
     */
    public record LoadedRules(String source, List<String> engines, List<Rule> rules) {
    }

    private final RuleSet rules;
    private final DiagnoserChain chain;

    public RuleResource(RuleSet rules, DiagnoserChain chain) {
        this.rules = rules;
        this.chain = chain;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The loaded diagnosis rules, in evaluation order (highest priority first)")
    public LoadedRules list() {
        return new LoadedRules(rules.source(), chain.engines(), rules.rules());
    }
}
