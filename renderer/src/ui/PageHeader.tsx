// The title row every page starts with: a heading, an optional count or subtitle, and actions on the right.
import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  leading?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, leading }: Props) {
  return (
    <Group justify="space-between" align="center" wrap="nowrap" gap="md">
      <Group gap="md" wrap="nowrap" miw={0}>
        {leading}
        <Stack gap={2} miw={0}>
          <Title order={1} size="h2" lineClamp={1}>
            {title}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed" component="div">
              {subtitle}
            </Text>
          )}
        </Stack>
      </Group>
      {actions && (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
