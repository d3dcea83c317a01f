// The one "Not saved" box inside a dialog for a save that failed for a reason other than a field: validation
// errors sit next to their fields, everything else is said here in the app's own words (errorText).
import { Alert } from '@mantine/core';
import { IpcError } from '../../../shared/ipc/errors';
import { errorText } from './notify';

export function NotSavedAlert({ error }: { error: unknown }) {
  if (!error || (error instanceof IpcError && error.code === 'VALIDATION')) return null;
  return (
    <Alert color="red" title="Not saved">
      {errorText(error)}
    </Alert>
  );
}
