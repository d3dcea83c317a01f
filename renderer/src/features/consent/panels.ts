// What other features may embed from consent (issue #21): the contact page's "Consent and privacy" section, the
// purposes editor (the Privacy page shows it) and the campaign's purpose picker. Everything else here is private.
export { ConsentPanel } from './ConsentPanel';
export { PurposesEditor } from './PurposesEditor';
export { PurposePicker } from './PurposePicker';
export { BASIS_LABELS, SOURCE_LABELS } from './consent-text';
