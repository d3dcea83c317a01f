// What filing a received email did to a support case, in words: "Filed on case C-0042", "Reopened C-0042",
// "Started C-0043 (follows C-0041)", "Rating recorded on C-0042". Pure, so it is tested without a browser.
import type { ChannelOutput } from '../../../../shared/ipc/contract';

type Outcome = NonNullable<ChannelOutput<'emails.importEml'>['case']>;

export function caseFilingText(o: Outcome): string {
  switch (o.how) {
    case 'attached':
      return `Filed on case ${o.label}`;
    case 'reopened':
      return `Reopened ${o.label}`;
    case 'newCase':
      return o.previousLabel ? `Started ${o.label} (follows ${o.previousLabel})` : `Started ${o.label}`;
    case 'rated':
      return `Rating recorded on ${o.label}`;
  }
}
