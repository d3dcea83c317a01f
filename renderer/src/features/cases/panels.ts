// What other features may embed from cases: a contact's or job's Cases section, the New case / Make a case dialog
// (mounted once) and its opener, Today's "Cases due", and the due-reminder toast hook. Everything else is private.
export { ClientCases } from './ClientCases';
export { NewCaseModal } from './NewCaseModal';
export { newCase } from './new-case-store';
export { CasesDue } from './CasesDue';
export { useCaseReminders } from './use-case-reminders';
// The words for types, priorities and categories, and business time as hours, for the service settings and report.
export { CATEGORY_LABELS, PRIORITY_LABELS, TYPE_LABELS, businessHours, options } from './case-text';
// What filing a received email did to a case, as a notification (the email feature's .eml filing).
export { notifyCaseFiling } from './case-filing';
export { caseFilingText } from './case-filing-text';
