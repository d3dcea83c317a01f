// The few facts a record's page must show without scrolling (who, what kind, when last, what next), as a labelled
// grid that reflows with the window. Shared by the contact, company and job pages; imports no feature.
import { Badge, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './RecordHeader.module.css';

export interface Fact {
  /** The React key when labels may repeat (custom fields); the label otherwise. */
  id?: string;
  label: string;
  /** Shown even when empty (NoValue), so the grid reads the same on every record. */
  value: ReactNode;
  /** Long values (email addresses) get two columns where there are two. */
  wide?: boolean;
}

/** `label` names the section for screen readers: "Key facts", or "Details" for a record's custom fields below them. */
export function KeyFacts({ facts, label = 'Key facts' }: { facts: Fact[]; label?: string }) {
  return (
    <Paper component="section" aria-label={label} withBorder px="md" py="sm" className={classes.facts}>
      <dl className={classes.grid}>
        {facts.map((fact) => (
          <div key={fact.id ?? fact.label} className={fact.wide ? `${classes.fact} ${classes.wide}` : classes.fact}>
            <dt className={classes.label}>{fact.label}</dt>
            <dd className={classes.value}>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

/** The dimmed word a fact shows when it has no value. */
export function NoValue({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Several values in one fact (two phone numbers), one per line. */
export function FactLines({ children }: { children: ReactNode }) {
  return <ul className={classes.lines}>{children}</ul>;
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <NoValue>None</NoValue>;
  return (
    <Group gap={4} component="span">
      {tags.map((tag) => (
        <Badge key={tag} variant="light" color="gray" size="sm" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
