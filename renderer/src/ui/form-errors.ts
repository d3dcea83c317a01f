// Forms drop blank list rows before validating and saving, so error paths from the schema (or from main)
// must be mapped back to the rows the user sees: `emails.0.value` may be the second row on screen.
import type { FormErrors } from '@mantine/form';
import { IpcError, type FieldIssue } from '../../../shared/ipc/errors';
import { notifyError } from './notify';

/** For each list field, the on-screen row index of each row that was kept. */
export type RowMap = Record<string, number[]>;

export function keepRows<T>(field: string, rows: readonly T[], isBlank: (row: T) => boolean, map: RowMap): T[] {
  const kept: T[] = [];
  map[field] = [];
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    kept.push(row);
    map[field]!.push(index);
  });
  return kept;
}

export function remapPath(path: string, map: RowMap): string {
  const [field, index, ...rest] = path.split('.');
  const rows = field === undefined ? undefined : map[field];
  if (!rows || index === undefined || !/^\d+$/.test(index)) return path;
  const onScreen = rows[Number(index)];
  return onScreen === undefined ? path : [field, String(onScreen), ...rest].join('.');
}

export function remapErrors(errors: FormErrors, map: RowMap): FormErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [remapPath(path, map), message]));
}

export function errorsFromIssues(issues: readonly FieldIssue[], map: RowMap): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) errors[remapPath(issue.path, map)] ??= issue.message;
  return errors;
}

export const isBlankText = (s: string | undefined) => !s || s.trim() === '';

/**
 * For a dialog's form after main refused a save: each issue about one of `fields` (by the path's first part) goes
 * beside that field; a validation error about anything else is notified, since no field can show it. Other failures
 * were already notified by the query client.
 */
export function showFieldIssues(error: unknown, fields: readonly string[], setErrors: (errors: FormErrors) => void): void {
  if (!(error instanceof IpcError) || error.code !== 'VALIDATION') return;
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (fields.includes(field)) errors[field] ??= issue.message;
  }
  if (Object.keys(errors).length > 0) setErrors(errors);
  else notifyError(error);
}
