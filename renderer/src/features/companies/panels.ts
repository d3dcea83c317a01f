// What other features may embed from companies: the trash-with-undo actions for the Trash page. Everything else
// in this folder is private to it.
export { useTrashCompany } from './use-trash-company';
