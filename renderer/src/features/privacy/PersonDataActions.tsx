// A contact page's privacy actions (issue #21): "Export this person's data" (review, then the zip) and "Erase this
// person…" (dry run, then a typed confirmation). After an erasure the page no longer exists: the window goes to the
// contacts list and says what was done, with focus on the list's heading, never on <body>.
import { Button } from '@mantine/core';
import { IconEraser, IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { plural } from '../../ui/format';
import { focusNextPageHeading } from '../../ui/focus-keeper';
import { notifySuccess } from '../../ui/notify';
import { EraseDialog } from './EraseDialog';
import { ExportPersonModal } from './ExportPersonModal';

export function PersonDataActions({ contactId, name }: { contactId: string; name: string }) {
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [, navigate] = useLocation();
  const contact = { id: contactId, name };
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconFileZip size={16} />} onClick={() => setExporting(true)}>
        Export this person’s data
      </Button>
      <Button size="xs" variant="light" color="red" leftSection={<IconEraser size={16} />} onClick={() => setErasing(true)}>
        Erase this person…
      </Button>
      <ExportPersonModal contact={exporting ? contact : null} onClose={() => setExporting(false)} />
      <EraseDialog
        contact={erasing ? contact : null}
        onClose={() => setErasing(false)}
        onErased={(result, erasedName) => {
          const old = document.querySelector('main h1');
          navigate('/contacts');
          focusNextPageHeading(old);
          notifySuccess(erasedName + ' was erased' + (result.backupsPurged > 0 ? ` and removed from ${plural(result.backupsPurged, 'backup')}` : ''));
        }}
      />
    </>
  );
}
