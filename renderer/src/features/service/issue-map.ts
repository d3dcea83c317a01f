// Main's validation issues keyed by their full path ("hours.monday.0.end"), so each message goes beside the input
// it is about; anything no input shows is returned as one sentence for the form's top.
import { IpcError } from '../../../../shared/ipc/errors';
import { errorText, issueText } from '../../ui/notify';

export type IssueMap = Record<string, string>;

export function issuesByPath(error: unknown, shown: (path: string) => boolean): { byPath: IssueMap; other: string | null } {
  if (!(error instanceof IpcError) || error.code !== 'VALIDATION') return { byPath: {}, other: errorText(error) };
  const byPath: IssueMap = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    if (shown(issue.path)) byPath[issue.path] ??= issue.message;
    else rest.push(issueText(issue));
  }
  return { byPath, other: rest.length > 0 ? [...new Set(rest)].join(' ') : null };
}
