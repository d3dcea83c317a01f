// What other features may embed from the fields feature (custom fields, issue #19): the Settings panel, the inputs
// for record forms (and the helpers that bind them to a form), and the values for record pages. Everything else in
// this folder is private.
export { CustomFieldsPanel } from './CustomFieldsPanel';
export { CustomFieldInput, CustomFieldInputs, FormCustomFields } from './CustomFieldInputs';
export { CustomFieldFacts, CustomFieldValues, CustomValueView, customValueText } from './CustomFieldValues';
export { WithCustomFields } from './WithCustomFields';
export { customDefaults, customErrors, customErrorsByKey, customInput, formShowsError, liveFields, withCustomValue } from './custom-form';
