// Placeholder while issue #23's slice is built.
import { PageHeader } from '../../ui/PageHeader';

export function InvoicePage({ id }: { id: string }) {
  return <PageHeader title={`Invoice ${id}`} />;
}
