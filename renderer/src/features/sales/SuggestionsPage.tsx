// Placeholder while issue #23's slice is built.
import { PageHeader } from '../../ui/PageHeader';

export function SuggestionsPage() {
  return <PageHeader title="What to offer whom" />;
}
