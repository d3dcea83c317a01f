// What other features may embed from email: the email actions on a contact page. Everything else here is private.
export { ContactEmailActions } from './ContactEmailActions';
