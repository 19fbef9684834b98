package io.aegisops.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * The envelope of every AegisOps event: a CloudEvents 1.0 event in structured JSON mode. One envelope for
 * all topics means one parser, one idempotency key ({@link #id}) and one ordering key ({@link #incidentid})
 * everywhere.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id          unique per event; consumers remember it to skip redeliveries
 * @param source      the producing service, e.g. {@code /aegisops/monitor-service}
 * @param type        one of {@link EventTypes}
 * @param incidentid  CloudEvents extension attribute: the incident this event belongs to (also the Kafka key)
 * @param subject     the target (logical service) the incident is about
 * @param time        when the state change happened (not when it was relayed)
 * @param datacontenttype always {@code application/json}
 * @param data        the type-specific payload
 * @param signature   CloudEvents extension attribute: the producer's Ed25519 signature over
 *                    {@link EventCodec#signedContent(CloudEvent)}, base64; only events that order an action carry one
 *                    (approval decisions), so a consumer can tell them from what anyone else put on the topic
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String incidentid,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data,
        String signature) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** This event with a signature (replacing any it had). */
    public CloudEvent signed(String signature) {
        return new CloudEvent(specversion, id, source, type, incidentid, subject, time, datacontenttype, data,
                signature);
    }
}
