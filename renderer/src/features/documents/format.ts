// How documents' sizes and types read in lists: "1.2 MB", "PDF", "JPEG image", "Folder".

export { formatBytes as formatSize } from '../../../../shared/domain/text';

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'inode/directory': 'Folder',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'text/markdown': 'Markdown',
  'message/rfc822': 'Email',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/zip': 'ZIP archive',
};

export function typeLabel(type: string, name: string): string {
  if (LABELS[type]) return LABELS[type];
  const [group, sub] = type.split('/');
  if (group === 'image') return `${(sub ?? '').replace(/\+xml$/, '').toUpperCase()} image`;
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1];
  return ext ? ext.toUpperCase() : 'File';
}

/** Images and PDFs are shown in the app; the backend checks the bytes again before sending them. */
export function canPreview(type: string): boolean {
  return type === 'application/pdf' || ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(type);
}
