// The job's client's phone numbers and email addresses on the job page, so the fitter can call from the job itself.
// One contacts.get, shared by both facts (and by the contact's page, if open).
import { useContact } from '../../api/contacts';
import { callTimer } from '../activities/panels';
import { NoValue } from '../../ui/KeyFacts';
import { EmailLinks, PhoneLinks } from '../../ui/ReachLinks';

export function ClientPhones({ contactId }: { contactId: string }) {
  const contact = useContact(contactId);
  if (!contact.data) return <NoValue>{contact.isPending ? 'Loading…' : 'None'}</NoValue>;
  const { id, displayName, deletedAt } = contact.data;
  return <PhoneLinks phones={contact.data.phones} onCall={deletedAt === null ? () => callTimer.start(id, displayName) : undefined} />;
}

export function ClientEmails({ contactId }: { contactId: string }) {
  const contact = useContact(contactId);
  if (!contact.data) return <NoValue>{contact.isPending ? 'Loading…' : 'None'}</NoValue>;
  return <EmailLinks emails={contact.data.emails} />;
}
