// What other features may embed from contacts: the contact form (a company adds its people with it) and the
// trash-with-undo actions for the Trash page. Everything else in this folder is private to it.
export { ContactForm } from './ContactForm';
export { emptyContactValues } from './contact-form-values';
export { KIND_LABELS } from './contact-labels';
export { useTrashContact } from './use-trash-contact';
