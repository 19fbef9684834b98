package io.aegisops.approval.slack;

import io.aegisops.kit.rest.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading Slack's form-encoded block_actions payload. */
class InteractionPayloadTest {

    private static byte[] form(String json) {
        return ("token=legacy&payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadTheButtonTheApprovalAndTheUser() {
        UUID approval = UUID.randomUUID();

        InteractionPayload click = InteractionPayload.parse(form("""
                {"type":"block_actions","user":{"id":"U1","username":"jane","name":"jane"},
                 "response_url":"https://hooks.slack.com/actions/T0/1/x",
                 "actions":[{"action_id":"aegis_reject","value":"%s"}]}""".formatted(approval)));

        assertThat(click).isEqualTo(new InteractionPayload(SlackMessages.REJECT, approval, "jane", "U1",
                "https://hooks.slack.com/actions/T0/1/x"));
    }

    @Test
    void shouldFallBackToTheUserIdWhenSlackSendsNoName() {
        InteractionPayload click = InteractionPayload.parse(form("""
                {"type":"block_actions","user":{"id":"U0123"},
                 "actions":[{"action_id":"aegis_approve","value":"%s"}]}""".formatted(UUID.randomUUID())));

        assertThat(click.user()).isEqualTo("U0123");
    }

    @Test
    void shouldNameWhatIsWrong() {
        assertThatThrownBy(() -> InteractionPayload.parse(form("""
                {"type":"view_submission","actions":[{"action_id":"x","value":"y"}]}""")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("payload.type 'view_submission' is not handled; only block_actions (button clicks) are; "
                        + "payload.actions[0].action_id 'x' is not one of aegis_approve, aegis_reject; "
                        + "payload.actions[0].value 'y' is not an approval id (UUID); payload.user is required; "
                        + "payload.user.id is required (the Slack user id decides whether the click counts)");
        assertThatThrownBy(() -> InteractionPayload.parse("payload=%ZZ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("body is not form-encoded");
        assertThatThrownBy(() -> InteractionPayload.parse(form("[1,2]")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("payload must be a JSON object");
    }
}
