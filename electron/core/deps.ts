// What every service is given. Passing these in (rather than importing singletons) is what lets
// tests use a temp file and a manual clock.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from './clock';
import type { EventBus } from './events';

export interface ServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  events: EventBus;
  newId: () => string;
}
