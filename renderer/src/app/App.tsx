// The root: theme and providers, the router, live data and commands, then the shell.
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useLiveData } from '../api/live';
import { QuickLog } from '../features/activities/QuickLog';
import { QuickSearch } from '../features/search/QuickSearch';
import { useReminders } from '../features/today/use-reminders';
import { createQueryClient } from './query-client';
import { Routes } from './Routes';
import { Shell } from './Shell';
import { installStyleNonce } from './style-nonce';
import { useAppCommands } from './use-app-commands';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [nonce] = useState(installStyleNonce);

  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" getStyleNonce={() => nonce}>
      <QueryClientProvider client={queryClient}>
        <Router hook={useHashLocation}>
          {/* Bottom-left: the save buttons sit bottom-right, and a notification must never cover them. */}
          <Notifications position="bottom-left" limit={4} />
          <Live />
          <Shell>
            <Routes />
          </Shell>
        </Router>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** Hooks that need the router and the query client, kept out of App so App stays a list of providers. */
function Live() {
  useLiveData();
  useAppCommands();
  useReminders();
  return (
    <>
      <QuickSearch />
      <QuickLog />
    </>
  );
}
