// What the catalogue's two dialogs (product, tax rate) share: a form that submits on Enter without reloading, and the
// answer to a save (a notification and close on success; main's field errors beside their fields).
import type { ReactNode } from 'react';
import { showFieldIssues } from '../../ui/form-errors';
import { notifySuccess } from '../../ui/notify';

export function DialogForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** The mutate options of a save: `said` names what was saved; issues about `fields` go beside them. */
export function saveAnswer<T>(said: (saved: T) => string, fields: readonly string[], setErrors: (errors: Record<string, ReactNode>) => void, onClose: () => void) {
  return {
    onSuccess: (saved: T) => {
      notifySuccess(said(saved));
      onClose();
    },
    onError: (error: unknown) => showFieldIssues(error, fields, setErrors),
  };
}
