// Placeholder while issue #23's slice is built.
import { PageHeader } from '../../ui/PageHeader';

export function QuotePage({ id }: { id: string }) {
  return <PageHeader title={`Quote ${id}`} />;
}
