// A failed call from a sync form, split the way the form shows it: each problem about one of its fields goes beside
// that field; anything else (a server that does not answer, a refused login with no field named) goes above the
// buttons, in the app's words (errorText never shows a library's or a server's own text).
import { IpcError } from '../../../../shared/ipc/errors';
import { errorText, issueText } from '../../ui/notify';

export interface CallErrors {
  fields: Record<string, string>;
  general: string | null;
}

export function callErrors(error: unknown, fields: readonly string[]): CallErrors {
  if (!error) return { fields: {}, general: null };
  if (!(error instanceof IpcError) || error.code !== 'VALIDATION') return { fields: {}, general: errorText(error) };
  const found: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (fields.includes(field)) found[field] ??= issue.message;
    else rest.push(issueText(issue));
  }
  const general = rest.length > 0 ? [...new Set(rest)].join(' ') : Object.keys(found).length === 0 ? errorText(error) : null;
  return { fields: found, general };
}
