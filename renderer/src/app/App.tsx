// The root: theme and providers, the router, live data and commands, then the shell.
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import '../../../shared/ipc/zod-messages';
import { Router } from 'wouter';
import classes from './App.module.css';
import { useLiveData } from '../api/live';
import { QuickLog } from '../features/activities/QuickLog';
import { NewCaseModal, useCaseReminders } from '../features/cases/panels';
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

// Toasts sit at the bottom centre: at the top they covered list toolbars (search, filters), bottom-left the
// settings forms' buttons, bottom-right the record forms' Save (and a pointer resting on a toast keeps it open).
// Page actions are top-right and dialogs are centred, so the middle of the content area's bottom edge is the free
// place (App.module.css moves the centre right of the navigation).

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [nonce] = useState(installStyleNonce);

  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" getStyleNonce={() => nonce}>
      <QueryClientProvider client={queryClient}>
        <Router hook={useGuardedHashLocation}>
          <Notifications position="bottom-center" limit={4} containerWidth={360} classNames={{ root: classes.toasts }} />
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
  useCaseReminders();
  useDialogFocusReturn();
  return (
    <>
      <QuickSearch />
      <QuickLog />
      <NewCaseModal />
      <UnsavedChangesPrompt />
    </>
  );
}
