// The companies domain's entry: its channels, each answered by the companies service. A handler map and nothing else.
import type { CompaniesChannel } from '../../../shared/ipc/companies.channels';
import type { FeatureContext, FeatureModule } from '../modules';
import { createCompaniesService } from './companies';

export function createCompaniesModule(ctx: FeatureContext): FeatureModule<CompaniesChannel> {
  const companies = createCompaniesService(ctx.deps);
  return {
    handlers: {
      'companies.create': companies.create,
      'companies.get': ({ id }) => companies.get(id),
      'companies.update': companies.update,
      'companies.delete': companies.delete,
      'companies.restore': companies.restore,
      'companies.list': companies.list,
    },
  };
}
