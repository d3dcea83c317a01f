// The frame around every page: sidebar navigation, header with quick search, and the page itself.
import { AppShell, Box, Burger, Group, Kbd, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { CallTimer } from '../features/activities/CallTimer';
import { SegmentsNav } from '../features/reports/SegmentsNav';
import { SampleBanner } from '../features/welcome/SampleBanner';
import { SyncStatusBadge } from '../features/sync/panels';
import { quickSearch } from '../features/search/quick-search-store';
import { IconAddressBook, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { NAV_ITEMS } from './nav';
import classes from './Shell.module.css';

const MOD_KEY = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const [location] = useLocation();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <IconAddressBook size={24} aria-hidden />
            <Text fw={700} size="lg">
              Rapport
            </Text>
          </Group>
          <UnstyledButton className={classes.searchButton} onClick={quickSearch.open} aria-label="Quick search" aria-keyshortcuts="Control+K Meta+K">
            <IconSearch size={16} aria-hidden />
            <Text size="sm" c="dimmed" className={classes.searchLabel}>
              Search everyone…
            </Text>
            <Kbd size="xs">{MOD_KEY} K</Kbd>
          </UnstyledButton>
          <CallTimer />
        </Group>
      </AppShell.Header>
      {/* Scrolls on its own when the sections and saved segments are taller than the window (a laptop at 768 px). */}
      <AppShell.Navbar p="xs" aria-label="Main" style={{ overflowY: 'auto' }}>
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.path}
            component={Link}
            href={item.path}
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
            active={location === item.path || location.startsWith(`${item.path}/`)}
            aria-current={location.startsWith(item.path) ? 'page' : undefined}
            onClick={close}
          />
        ))}
        <SegmentsNav onNavigate={close} />
        {/* Nothing without a sync account; otherwise conflicts or a failure first, else when it last synced. */}
        <Box px="xs" pt="sm">
          <SyncStatusBadge />
        </Box>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <SampleBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
