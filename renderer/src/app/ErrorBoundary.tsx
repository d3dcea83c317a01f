// Catches a render error in one page so the shell, navigation and notifications keep working.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { IpcError } from '../../../shared/ipc/errors';
import { errorText, errorTitle } from '../ui/notify';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the current path) clears a previous error. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey?: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Rapport page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A page that could not load its data because of the disk (full, read-only, locked) says so, in the app's words.
    const storage = error instanceof IpcError && error.code === 'STORAGE';
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={storage ? errorTitle(error) : 'This page could not be shown'} m="md" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{storage ? errorText(error) : 'Something went wrong inside Rapport. Try again, or go to another page.'}</Text>
          <Button variant="light" color="red" onClick={() => this.setState({ error: null })}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
}
