// Placeholder while issue #23's slice is built: a job's (or contact's) quotes.
export function JobQuotes(_props: { jobId?: string; contactId?: string | null; readOnly?: boolean }) {
  return null;
}
