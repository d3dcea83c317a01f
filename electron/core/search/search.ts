// Global search and tags: read-only views across kinds. A new kind adds its FTS query (a TextSearch in its
// repo) to TEXT_SEARCHES and is merged by rank. No SQL (db/search.repo.ts and each kind's repo), no `electron`.
//
// Ranking, in two tiers:
//  1. names that start with what was typed (first-name-first, last-name-first, company name) — what a
//     user typing into a search box usually means, and an index range, so instant at any size;
//  2. contacts, companies and jobs whose text-like custom field holds what was typed (issue #19: a gate code,
//     a VAT number): a field the user made to find records by, so a match there is specific;
//  3. everything else FTS5 finds (emails, phones, job titles, tags, notes, words inside names; activity
//     subjects and notes; follow-up titles; job titles and notes; case subjects and descriptions), by bm25.
// Before all: a query shaped like a case number ('C-0042') puts that case first.
// Each tier runs only to fill what the ones before left; tier 3 ranks inside the FTS table before joining rows.
import type { Kysely } from 'kysely';
import type { SearchHit } from '../../../shared/domain/contact';
import { FIELD_RECORD_TYPES, TEXT_LIKE_TYPES } from '../../../shared/domain/custom-fields';
import { foldForSort } from '../../../shared/domain/text';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { documentTextHits } from '../../db/documents.repo';
import { toFtsQuery } from '../../db/fts';
import { appointmentTextHits } from '../../db/schedule.repo';
import type { DB } from '../../db/schema';
import {
  activityTextHits,
  caseByNumber,
  caseTextHits,
  companyTextHits,
  contactTextHits,
  customValueHits,
  jobTextHits,
  namesStartingWith,
  tagCounts,
  taskTextHits,
  type TextSearch,
} from '../../db/search.repo';
import type { ServiceDeps } from '../deps';
import { fieldDefinitions } from '../fields/definitions';

/** One FTS query per kind, each ranking inside its FTS table before joining rows. */
const TEXT_SEARCHES: Record<string, TextSearch> = {
  contacts: contactTextHits,
  companies: companyTextHits,
  activities: activityTextHits,
  jobs: jobTextHits,
  appointments: appointmentTextHits,
  tasks: taskTextHits,
  documents: documentTextHits,
  cases: caseTextHits,
};

/** A case number as people write it: 'C-0042', 'c-42', 'C42' (the prefix is required: a bare 42 is too common). */
const CASE_NUMBER = /^\s*c-?0*(\d{1,9})\s*$/i;

/**
 * Tier 2: FTS matches by bm25 (lower is better), best `want` that are live and not in `skip`. Fetches more
 * of a kind only when Trash or `skip` ate into what it returned.
 */
async function textMatches(db: Kysely<DB>, match: string, want: number, skip: ReadonlySet<string>): Promise<SearchHit[]> {
  const ranked: { hit: SearchHit; score: number }[] = [];
  for (const search of Object.values(TEXT_SEARCHES)) {
    for (let fetch = want + skip.size + 10; ; fetch *= 4) {
      const rows = await search(db, match, fetch);
      const usable = rows.filter((r) => r.deletedAt === null && !skip.has(r.hit.id));
      if (usable.length >= want || rows.length < fetch) {
        ranked.push(...usable.slice(0, want));
        break;
      }
    }
  }
  return ranked.sort((a, b) => a.score - b.score).slice(0, want).map((r) => r.hit);
}

export function createSearchService({ db, events }: Pick<ServiceDeps, 'db' | 'events'>) {
  const fields = fieldDefinitions({ db, events });
  /** Whether any record type has a shown text-like field (from the kept definitions: no query on the plain path). */
  async function searchesCustom(): Promise<boolean> {
    for (const type of FIELD_RECORD_TYPES) if ((await fields.get(type)).some((f) => !f.archived && TEXT_LIKE_TYPES.has(f.type))) return true;
    return false;
  }

  return {
    async global(input: ChannelParsedInput<'search.global'>): Promise<ChannelOutput<'search.global'>> {
      const match = toFtsQuery(input.query);
      if (match === null) return { items: [] };
      const folded = foldForSort(input.query);
      // Tier 0: a case number names one case exactly (issue #22).
      const numbered = CASE_NUMBER.exec(input.query);
      const byNumber = numbered ? await caseByNumber(db, Number(numbered[1])) : null;
      const byName = [...(byNumber ? [byNumber] : []), ...(await namesStartingWith(db, folded, input.limit))].slice(0, input.limit);
      if (byName.length >= input.limit) return { items: byName };
      const found = [...byName];
      const seen = new Set(found.map((h) => h.id));
      for (const hit of (await searchesCustom()) ? await customValueHits(db, folded, input.limit + seen.size) : []) {
        if (found.length >= input.limit) break;
        if (!seen.has(hit.id)) found.push(hit);
        seen.add(hit.id);
      }
      if (found.length >= input.limit) return { items: found };
      const rest = await textMatches(db, match, input.limit - found.length, seen);
      return { items: [...found, ...rest] };
    },

    async tags(): Promise<ChannelOutput<'tags.list'>> {
      return { items: await tagCounts(db) };
    },
  };
}
