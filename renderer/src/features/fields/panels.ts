// What other features may embed from the fields feature (custom fields, issue #19): the Settings panel, the inputs
// for record forms and the values for record pages. Everything else in this folder is private.
export { CustomFieldsPanel } from './CustomFieldsPanel';
export { CustomFieldInput, CustomFieldInputs } from './CustomFieldInputs';
export { CustomFieldValues, customValueText } from './CustomFieldValues';
