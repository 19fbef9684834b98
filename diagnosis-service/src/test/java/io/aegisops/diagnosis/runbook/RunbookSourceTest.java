package io.aegisops.diagnosis.runbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookSourceTest {

    @Test
    void shouldShipEveryRunbookOfTheRepositoryButItsReadme() {
        RunbookSource.Runbooks shipped = RunbookSource.fromClasspath();

        assertThat(shipped.source()).isEqualTo("classpath:runbooks");
        assertThat(shipped.sections()).extracting(RunbookSection::runbook).containsOnly("bad-deploy.md",
                "cpu-runaway.md", "crash-loop.md", "dependency-down.md", "latency-lock.md", "memory-leak.md",
                "oom-killed.md");
        assertThat(shipped.sections()).extracting(RunbookSection::id)
                .contains("memory-leak.md#symptoms", "oom-killed.md#facts-that-confirm-it",
                        "bad-deploy.md#prevent--root-fix")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldReplaceTheShippedRunbooksByADirectoryOfOnesOwn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("disk-full.md"), "# Disk full\n\n## Symptoms\nNo space left on device.\n");
        Files.writeString(dir.resolve("README.md"), "# About\n\n## Format\nNot a runbook.\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        RunbookSource.Runbooks own = RunbookSource.fromDirectory(dir);

        assertThat(own.source()).isEqualTo(dir.toString());
        assertThat(own.sections()).extracting(RunbookSection::id).containsExactly("disk-full.md#symptoms");
    }

    @Test
    void shouldRefuseADirectoryThatIsMissingOrHoldsNoRunbook(@TempDir Path dir) {
        assertThatThrownBy(() -> RunbookSource.fromDirectory(dir.resolve("missing")))
                .hasMessageContaining("does not exist or is not a directory");
        assertThatThrownBy(() -> RunbookSource.fromDirectory(dir)).hasMessageContaining("holds no *.md runbook");
    }

    @Test
    void shouldNameTheFileOfABrokenRunbook(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.md"), "no title at all\n");

        assertThatThrownBy(() -> RunbookSource.fromDirectory(dir)).hasMessage("runbook broken.md has no '# ' title");
    }
}
