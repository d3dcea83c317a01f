// The top of a record's page (contact, company, job). Unlike PageHeader (list pages, short titles), the name wraps
// rather than being cut, and the actions sit under it, wrapping onto as many rows as the window needs.
import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './RecordHeader.module.css';

interface Props {
  title: string;
  subtitle?: ReactNode;
  leading?: ReactNode;
  /** Everyday actions: a row under the name that wraps as the window narrows. */
  actions?: ReactNode;
  /** Delete: beside the name, away from the everyday actions so it is not hit by mistake. */
  apart?: ReactNode;
}

export function RecordHeader({ title, subtitle, leading, actions, apart }: Props) {
  return (
    <div className={classes.header}>
      <div className={classes.identity}>
        {leading}
        <div className={classes.titles}>
          <Title order={1} size="h2" className={classes.title}>
            {title}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed" component="div">
              {subtitle}
            </Text>
          )}
        </div>
        {apart && <div className={classes.apart}>{apart}</div>}
      </div>
      {actions && (
        <div role="group" aria-label="Actions" className={classes.actions}>
          {actions}
        </div>
      )}
    </div>
  );
}
