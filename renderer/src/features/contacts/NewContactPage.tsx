// A blank contact form; after saving, the new contact opens so its details can be checked at once.
import { Button } from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { useCreateContact } from '../../api/contacts';
import { notifySuccess } from '../../ui/notify';
import pageClasses from '../../ui/ListPage.module.css';
import { PageHeader } from '../../ui/PageHeader';
import { emptyContactValues } from './contact-form-values';
import { ContactForm } from './ContactForm';

export function NewContactPage() {
  const create = useCreateContact();
  const [, navigate] = useLocation();

  return (
    <div className={pageClasses.scrollPage}>
      <div className={pageClasses.content}>
        <PageHeader title="New contact" subtitle="Only a name is needed; everything else can wait." />
        <div className={pageClasses.formGap}>
          <ContactForm
            initialValues={emptyContactValues()}
            draftKey="new"
            submitLabel="Create contact"
            onSave={async (fields) => {
              const contact = await create.mutateAsync(fields);
              notifySuccess(`${contact.displayName} added`);
              navigate(`/contacts/${contact.id}`);
            }}
            secondaryAction={
              <Button variant="subtle" color="gray" component={Link} href="/contacts">
                Cancel
              </Button>
            }
          />
        </div>
      </div>
    </div>
  );
}
