// Channel -> service method. The compiler checks this map against the contract: a channel without a
// handler, or a handler of the wrong shape, does not build.
import type { Handlers } from './dispatcher';
import { createCompaniesService } from './companies.service';
import { createContactsService } from './contacts.service';
import type { ServiceDeps } from './deps';
import { createSearchService } from './search.service';

export function createHandlers(deps: ServiceDeps): Handlers {
  const contacts = createContactsService(deps);
  const companies = createCompaniesService(deps);
  const search = createSearchService(deps);
  return {
    'contacts.create': contacts.create,
    'contacts.get': ({ id }) => contacts.get(id),
    'contacts.update': contacts.update,
    'contacts.delete': contacts.delete,
    'contacts.restore': contacts.restore,
    'contacts.list': contacts.list,
    'companies.create': companies.create,
    'companies.get': ({ id }) => companies.get(id),
    'companies.update': companies.update,
    'companies.delete': companies.delete,
    'companies.restore': companies.restore,
    'companies.list': companies.list,
    'tags.list': () => search.tags(),
    'search.global': search.global,
  };
}
