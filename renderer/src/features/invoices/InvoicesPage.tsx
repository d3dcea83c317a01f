// Placeholder while issue #23's slice is built.
import { PageHeader } from '../../ui/PageHeader';

export function InvoicesPage() {
  return <PageHeader title="Invoices" />;
}
