// Reserved for its feature (filled in by the feature's first commit; until then it changes nothing).
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}
