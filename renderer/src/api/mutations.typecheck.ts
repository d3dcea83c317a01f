// Compile-time proof that useEntityMutation keeps the contract's types: each line marked as an expected
// error must fail to compile, or `npm run typecheck` fails. Never imported at run time.
import { companyKeys } from './companies';
import { contactKeys, useCreateContact, useDeleteContact } from './contacts';
import { byId, useEntityMutation } from './mutations';

export function useEntityMutationIsTyped(): void {
  // @ts-expect-error: no such channel
  useEntityMutation('contacts.explode', { detailKey: contactKeys.one });
  // @ts-expect-error: a list channel answers with a page, not one entity with a detail cache
  useEntityMutation('contacts.list', { detailKey: contactKeys.one });
  // @ts-expect-error: toInput must produce the channel's input
  useEntityMutation('contacts.delete', { detailKey: contactKeys.one, toInput: (id: string) => ({ ident: id }) });
  // A channel that needs more than an id cannot be given byId.
  // @ts-expect-error: companies.create needs a name
  useEntityMutation('companies.create', { detailKey: companyKeys.one, toInput: byId });

  const create = useCreateContact();
  // @ts-expect-error: wrong input shape (firstName is a string)
  create.mutate({ firstName: 42 });
  const remove = useDeleteContact();
  // @ts-expect-error: delete takes the id itself
  remove.mutate({ id: 'x' });
  void remove.mutateAsync('x').then((contact) => {
    // @ts-expect-error: the output is typed too
    const wrong: number = contact.displayName;
    void wrong;
  });
}
