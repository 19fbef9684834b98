package io.aegisops.diagnosis.runbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookParserTest {

    private static final String RUNBOOK = """
            # OOM killed

            Alert types: OOM_KILLED

            The kernel killed the process.

            ## Symptoms
            - exit code 137

            ## Prevent / root fix
            Raise the limit:
            ```
            ## not a heading inside a code block
            docker update --memory 1g app
            ```

            ## Empty

            ## Escalate when
            It keeps happening.
            """;

    @Test
    void shouldSplitARunbookIntoItsSectionsWithoutThePreamble() {
        List<RunbookSection> sections = RunbookParser.parse("oom-killed.md", RUNBOOK);

        assertThat(sections).extracting(RunbookSection::id).containsExactly("oom-killed.md#symptoms",
                "oom-killed.md#prevent--root-fix", "oom-killed.md#escalate-when");
        RunbookSection first = sections.get(0);
        assertThat(first.title()).isEqualTo("OOM killed");
        assertThat(first.section()).isEqualTo("Symptoms");
        assertThat(first.text()).isEqualTo("- exit code 137");
        assertThat(first.label()).isEqualTo("OOM killed — Symptoms");
        assertThat(sections).extracting(RunbookSection::position).containsExactly(0, 1, 2);
    }

    @Test
    void shouldKeepHeadingsInsideCodeBlocksAsText() {
        RunbookSection fix = RunbookParser.parse("oom-killed.md", RUNBOOK).get(1);

        assertThat(fix.text()).contains("## not a heading inside a code block").contains("docker update");
    }

    @Test
    void shouldExcerptTheFirstWordsOnOneLine() {
        RunbookSection fix = RunbookParser.parse("oom-killed.md", RUNBOOK).get(1);

        assertThat(fix.excerpt(200)).startsWith("Raise the limit: ``` ## not a heading");
        assertThat(fix.excerpt(10)).hasSize(10).endsWith("…");
    }

    @Test
    void shouldHashTheModelWithTheText() {
        RunbookSection section = RunbookParser.parse("oom-killed.md", RUNBOOK).get(0);

        assertThat(section.contentHash("m@1")).isEqualTo(section.contentHash("m@1"))
                .isNotEqualTo(section.contentHash("m@2"));
    }

    @Test
    void shouldRefuseARunbookWithoutTitleOrSections() {
        assertThatThrownBy(() -> RunbookParser.parse("x.md", "## Symptoms\ntext\n"))
                .hasMessage("runbook x.md has no '# ' title");
        assertThatThrownBy(() -> RunbookParser.parse("x.md", "# X\nonly a preamble\n"))
                .hasMessage("runbook x.md has no '## ' section");
        assertThatThrownBy(() -> RunbookParser.parse("x.md", "# X\n## Verify\na\n## Verify\nb\n"))
                .hasMessage("runbook x.md has two sections named 'Verify'");
    }
}
