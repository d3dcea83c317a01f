// A number on the dashboard that opens the records behind it: every figure is a link, reachable by keyboard.
import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import classes from './Reports.module.css';
import { formatCount } from '../../ui/format';

export function FigureLink({ href, label, children }: { href: string; label: string; children: ReactNode }) {
  return (
    <Anchor component={Link} href={href} aria-label={label} className={classes.figureLink}>
      {children}
    </Anchor>
  );
}

export function Figure({ title, value, href, hint }: { title: string; value: ReactNode; href: string; hint?: ReactNode }) {
  return (
    <Stack gap={2} className={classes.figure}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      <FigureLink href={href} label={`${title}: show records`}>
        <Text component="span" fz={26} fw={700}>
          {typeof value === 'number' ? formatCount(value) : value}
        </Text>
      </FigureLink>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
