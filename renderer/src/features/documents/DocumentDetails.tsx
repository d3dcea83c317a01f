// One document in a modal: an in-app preview for images and PDFs (bytes from documents.preview, shown via a
// data: URL for images and a blob: URL for PDFs, the only frames the CSP admits), its details and records,
// and Open / Show in folder / Rename / Trash.
import { Alert, Anchor, Button, Center, CloseButton, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconFolderOpen, IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useDocumentPreview, useLinkDocument, useUnlinkDocument, type DocumentRow } from '../../api/documents';
import { ContactSelect } from '../../ui/ContactSelect';
import { reasonText } from '../../ui/notify';
import { LinkBadge } from './DocumentTable';
import { canPreview, formatSize, typeLabel } from './format';

interface Props {
  doc: DocumentRow | null;
  onClose: () => void;
  onOpen: (doc: DocumentRow) => void;
  onReveal: (doc: DocumentRow) => void;
  onRename: (doc: DocumentRow) => void;
  onTrash: (doc: DocumentRow) => void;
  readOnly?: boolean;
}

const HREF = { contact: '/contacts/', company: '/companies/', job: '/jobs/' } as const;
/** A record's page; an activity has none, so its contact's (where its timeline is). */
const hrefOf = (l: DocumentRow['links'][number]) => (l.type === 'activity' ? `/contacts/${l.contactId ?? ''}` : `${HREF[l.type]}${l.id}`);

export function DocumentDetails({ doc, onClose, onOpen, onReveal, onRename, onTrash, readOnly }: Props) {
  return (
    <Modal opened={doc !== null} onClose={onClose} title={doc?.name ?? ''} size="xl" styles={{ title: { wordBreak: 'break-word', fontWeight: 600 } }}>
      {doc && (
        <Stack gap="md">
          {canPreview(doc.type) && doc.linkState !== 'missing' && <Preview doc={doc} />}
          <Stack gap={4}>
            <Text size="sm">
              {typeLabel(doc.type, doc.name)}
              {doc.isFolder ? '' : ` · ${formatSize(doc.size)}`} · added {new Date(doc.createdAt).toLocaleString()}
            </Text>
            <LinkBadge doc={doc} />
            {doc.linkPath && (
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {doc.linkState === 'missing' ? 'Was at ' : 'At '}
                {doc.linkPath}
              </Text>
            )}
            {doc.note && <Text size="sm">{doc.note}</Text>}
            <KeptWith doc={doc} onNavigate={onClose} readOnly={readOnly === true || doc.deletedAt !== null} />
          </Stack>
          <Group gap="xs">
            <Button leftSection={<IconExternalLink size={16} />} onClick={() => onOpen(doc)}>
              Open
            </Button>
            <Button variant="light" leftSection={<IconFolderOpen size={16} />} onClick={() => onReveal(doc)}>
              Show in folder
            </Button>
            {!readOnly && doc.deletedAt === null && (
              <>
                <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => onRename(doc)}>
                  Rename
                </Button>
                <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => onTrash(doc)}>
                  Move to Trash
                </Button>
              </>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Preview({ doc }: { doc: DocumentRow }) {
  const preview = useDocumentPreview(doc.id, true);
  const pdfUrl = useMemo(() => {
    if (preview.data?.type !== 'application/pdf') return null;
    const bytes = Uint8Array.from(atob(preview.data.base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  }, [preview.data]);
  useEffect(() => () => (pdfUrl ? URL.revokeObjectURL(pdfUrl) : undefined), [pdfUrl]);

  if (preview.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading preview" />
      </Center>
    );
  }
  if (preview.isError) {
    return (
      <Alert color="yellow" title="No preview">
        {reasonText(preview.error)}
      </Alert>
    );
  }
  if (pdfUrl) return <iframe src={pdfUrl} title={`Preview of ${doc.name}`} style={{ width: '100%', height: '60vh', border: 0 }} />;
  // Never larger than the picture itself: a small scan stays sharp instead of being blown up.
  return <Image src={`data:${preview.data.type};base64,${preview.data.base64}`} alt={`Preview of ${doc.name}`} mah="60vh" w="auto" maw="100%" mx="auto" fit="contain" />;
}

/** The records a document is kept with, each a link to its page; add a contact or remove one without touching the file. */
function KeptWith({ doc, onNavigate, readOnly }: { doc: DocumentRow; onNavigate: () => void; readOnly: boolean }) {
  const link = useLinkDocument();
  const unlink = useUnlinkDocument();
  const [adding, setAdding] = useState(false);
  const target = (l: DocumentRow['links'][number]) =>
    l.type === 'contact' ? { contactId: l.id } : l.type === 'company' ? { companyId: l.id } : l.type === 'job' ? { jobId: l.id } : { activityId: l.id };
  return (
    <Stack gap={4}>
      {doc.links.length > 0 && (
        <Group gap={6}>
          <Text size="sm">Kept with</Text>
          {doc.links.map((l) => (
            <Group key={`${l.type}-${l.id}`} gap={2} wrap="nowrap">
              <Anchor component={Link} href={hrefOf(l)} onClick={onNavigate} size="sm">
                {l.title}
              </Anchor>
              {!readOnly && (
                <CloseButton size="sm" aria-label={`Remove from ${l.title}`} onClick={() => unlink.mutate({ id: doc.id, ...target(l) })} />
              )}
            </Group>
          ))}
        </Group>
      )}
      {!readOnly &&
        (adding ? (
          <ContactSelect
            value={null}
            onChange={(contactId) => {
              if (contactId) link.mutate({ id: doc.id, contactId }, { onSuccess: () => setAdding(false) });
            }}
            placeholder="Type a name"
            aria-label="Also keep with contact"
            maw={360}
            data-autofocus
          />
        ) : (
          <Anchor component="button" type="button" size="sm" w="fit-content" onClick={() => setAdding(true)}>
            Also keep with a contact…
          </Anchor>
        ))}
    </Stack>
  );
}
