// The root: theme and providers, the router, live data and commands, then the shell.
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import '../../../shared/ipc/zod-messages';
import { Router } from 'wouter';
import { useLiveData } from '../api/live';
import { QuickLog } from '../features/activities/QuickLog';
import { QuickSearch } from '../features/search/QuickSearch';
import { useReminders } from '../features/today/use-reminders';
import { useDialogFocusReturn } from '../ui/focus-keeper';
import { useGuardedHashLocation } from '../ui/unsaved-changes';
import { UnsavedChangesPrompt } from '../ui/unsaved-prompt';
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

// Toasts sit in the bottom-right corner: at the top they covered list toolbars (search, filters), at the bottom-left
// the settings forms' buttons; page actions are top-right and dialogs are centred, so the corner is the free place.

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [nonce] = useState(installStyleNonce);

  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" getStyleNonce={() => nonce}>
      <QueryClientProvider client={queryClient}>
        <Router hook={useGuardedHashLocation}>
          {/* Top-centre, under the app's header bar: page actions sit top-right and form buttons at the bottom (right on
              record forms, left on settings), so a notification never covers the button the user needs next. */}
          {/* `top` as a prop would reach every position's (empty) container and stretch the bottom ones over the page,
              swallowing clicks: styles.root pins them all to the top instead. */}
          <Notifications position="bottom-right" limit={4} containerWidth={360} />
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
  useDialogFocusReturn();
  return (
    <>
      <QuickSearch />
      <QuickLog />
      <UnsavedChangesPrompt />
    </>
  );
}
