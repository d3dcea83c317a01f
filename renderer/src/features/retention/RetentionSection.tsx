// Retention on the Privacy page (issue #21): the rules, then the review list they build.
import { Stack, Text, Title } from '@mantine/core';
import { RetentionReviewList } from './RetentionReviewList';
import { RetentionRulesEditor } from './RetentionRulesEditor';

export function RetentionSection() {
  return (
    <section aria-labelledby="retention-title">
      <Title order={2} size="h4" id="retention-title" mb={4}>
        Retention
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        How long you keep people you no longer work with. A rule never deletes anyone: it lists them below for you to keep (with a reason), anonymise or erase.
      </Text>
      <Stack gap="lg">
        <RetentionRulesEditor />
        <section aria-labelledby="retention-review-title">
          <Title order={3} size="h5" id="retention-review-title" mb={4}>
            Review
          </Title>
          <RetentionReviewList />
        </section>
      </Stack>
    </section>
  );
}
