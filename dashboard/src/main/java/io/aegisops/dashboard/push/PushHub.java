package io.aegisops.dashboard.push;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps one stream per open page and sends news to all of them. Streams are Mutiny emitters: Quarkus REST
 * cancels a stream when its connection closes, which is how a closed tab leaves the room.
 */
@ApplicationScoped
public class PushHub {

    private static final Logger LOG = Logger.getLogger(PushHub.class);
    /** Messages a slow page may fall behind by before its stream is ended (the page then reconnects). */
    private static final int BUFFER = 512;

    private final Map<String, MultiEmitter<? super PushMessage>> streams = new ConcurrentHashMap<>();

    /**
     * A new stream. {@code onOpen} runs with the stream's id once it can receive messages, {@code onClose} once
     * it has ended for any reason.
     */
    public Multi<PushMessage> open(Consumer<String> onOpen, Consumer<String> onClose) {
        String id = UUID.randomUUID().toString();
        return Multi.createFrom().<PushMessage>emitter(emitter -> {
            streams.put(id, emitter);
            emitter.onTermination(() -> {
                if (streams.remove(id) != null) {
                    onClose.accept(id);
                }
            });
            onOpen.accept(id);
        }, BUFFER);
    }

    /** Sends to every open page. */
    public void broadcast(String type, Object data) {
        PushMessage message = new PushMessage(type, data);
        streams.forEach((id, emitter) -> send(id, emitter, message));
    }

    /** Sends to one page. */
    public void sendTo(String streamId, String type, Object data) {
        MultiEmitter<? super PushMessage> emitter = streams.get(streamId);
        if (emitter != null) {
            send(streamId, emitter, new PushMessage(type, data));
        }
    }

    /** Open streams (pages). */
    public int size() {
        return streams.size();
    }

    private void send(String id, MultiEmitter<? super PushMessage> emitter, PushMessage message) {
        try {
            if (!emitter.isCancelled()) {
                emitter.emit(message);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Stream %s did not take a %s message: %s", id, message.type(), e.getMessage());
        }
    }
}
