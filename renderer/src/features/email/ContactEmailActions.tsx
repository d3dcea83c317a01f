// On a contact's page: write to them, or file a received email (.eml saved from any mail program) on
// their timeline. The .eml is chosen with the OS dialog; main reads only files picked that way.
import { Button } from '@mantine/core';
import { IconMail, IconMailDown } from '@tabler/icons-react';
import { Link, useLocation } from 'wouter';
import { IpcError } from '../../../../shared/ipc/errors';
import { pickFiles, useImportEml } from '../../api/email';
import { notifyError, notifySuccess } from '../../ui/notify';
import { notifyCaseFiling } from '../cases/panels';

export function ContactEmailActions({ contactId }: { contactId: string }) {
  const importEml = useImportEml();
  const [, navigate] = useLocation();
  async function fileEml() {
    try {
      const { paths } = await pickFiles('eml', true);
      for (const path of paths) {
        const filed = await importEml.mutateAsync({ path, contactId });
        notifySuccess(`Filed “${filed.activity.subject ?? 'email'}” on the timeline`);
        // Issue #22: a reply to a case is filed on it too (or reopens it, or starts a follow-up case).
        notifyCaseFiling(filed, (caseId) => navigate(`/cases/${caseId}`));
      }
    } catch (error) {
      // Other errors already reach the app's error notification; a VALIDATION one says what to fix.
      if (error instanceof IpcError && error.code === 'VALIDATION') notifyError(error);
    }
  }
  return (
    <>
      <Button variant="light" leftSection={<IconMail size={16} />} component={Link} href={`/email/compose/${contactId}`}>
        Write email
      </Button>
      <Button variant="default" leftSection={<IconMailDown size={16} />} loading={importEml.isPending} onClick={() => void fileEml()}>
        File received email
      </Button>
    </>
  );
}
