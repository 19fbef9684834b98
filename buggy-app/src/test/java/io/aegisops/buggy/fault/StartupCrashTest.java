package io.aegisops.buggy.fault;

import io.aegisops.buggy.support.Profiles;
import io.aegisops.buggy.support.RecordingTerminator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.buggy.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

/** With crash-on-start configured the app exits with that code right after starting (here: recorded). */
@QuarkusTest
@TestProfile(Profiles.CrashOnStart.class)
class StartupCrashTest {

    @Test
    void shouldExitWithTheConfiguredCodeRightAfterStartUp() {
        within(Duration.ofSeconds(30), () -> assertThat(RecordingTerminator.exitCodes())
                .contains(Profiles.CrashOnStart.EXIT_CODE));
    }
}
