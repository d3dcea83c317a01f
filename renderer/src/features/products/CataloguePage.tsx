// Placeholder while issue #23's slice is built.
import { PageHeader } from '../../ui/PageHeader';

export function CataloguePage(_props: { tab?: string }) {
  return <PageHeader title="Catalogue" />;
}
