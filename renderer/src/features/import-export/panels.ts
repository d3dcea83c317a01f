// What other features may embed from import-export: the contacts list's export menu. Everything else here is private.
export { ExportMenu } from './ExportMenu';
