// An empty state whose title is a real heading, so screen readers can find it like any other section.
import { EmptyState, type EmptyStateProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends Omit<EmptyStateProps, 'title' | 'description'> {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}

export function Empty({ title, description, actions, ...rest }: Props) {
  return (
    <EmptyState {...rest}>
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
