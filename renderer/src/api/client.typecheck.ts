// Compile-time proof that the contract types the renderer's calls: each line marked as an expected
// error must fail to compile, or `npm run typecheck` fails. Never imported at run time.
import { invoke, onEvent } from './client';

export async function contractIsEnforced(): Promise<void> {
  // @ts-expect-error: no such channel
  await invoke('contacts.explode', {});
  // @ts-expect-error: wrong input shape (firstName is a string)
  await invoke('contacts.create', { firstName: 42 });
  // @ts-expect-error: unknown field
  await invoke('contacts.get', { id: 'x', extra: true });
  // @ts-expect-error: missing required field
  await invoke('search.global', {});
  // @ts-expect-error: no such event
  onEvent('contacts.exploded', () => undefined);

  const contact = await invoke('contacts.get', { id: 'x' });
  // @ts-expect-error: the output is typed too
  const wrong: number = contact.displayName;
  void wrong;
}
