package io.aegisops.testsupport.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import java.util.Locale;

/** The probe application's only Kafka code: a record in on probe.in means its upper-case twin out on probe.out. */
@ApplicationScoped
public class ShoutingProcessor {

    @Incoming("probe-in")
    @Outgoing("probe-out")
    public String shout(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
