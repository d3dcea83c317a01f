// Placeholder while issue #23's slice is built.
import { PageHeader } from '../../ui/PageHeader';

export function QuotesPage() {
  return <PageHeader title="Quotes" />;
}
