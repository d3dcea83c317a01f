// What other features may embed from email: the email actions on a contact page and the account settings (the
// Settings page). Everything else here is private.
export { ContactEmailActions } from './ContactEmailActions';
export { SettingsPanel as EmailSettings } from './SettingsPanel';
