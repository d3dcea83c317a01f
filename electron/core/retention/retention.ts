// Retention rules and the review list they build (issue #21): never a silent delete, only a list of people past a
// rule for the user to erase, keep (with a reason) or anonymise (decide.ts). SQL in db/retention.repo.ts.
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { logPrivacy } from '../../db/privacy-log.repo';
import { readRules, replaceRules, reviewPage, type ReviewRule, type StoredRule } from '../../db/retention.repo';
import type { ServiceDeps } from '../deps';
import { addMonths, isoDay, reasonText, ruleText } from './words';

export function createRetention({ db, clock, events, newId }: ServiceDeps) {
  return {
    async getRules(): Promise<ChannelOutput<'retention.rules.get'>> {
      return { rules: await readRules(db) };
    },

    /** The whole list replaces the old one; a rule without an id gets one. One rule per "who" and "counted from". */
    async updateRules(input: ChannelParsedInput<'retention.rules.update'>): Promise<ChannelOutput<'retention.rules.update'>> {
      const seenPairs = new Set<string>();
      const seenIds = new Set<string>();
      const rules: StoredRule[] = input.rules.map((r, i) => {
        const pair = `${r.appliesTo}/${r.from}`;
        if (seenPairs.has(pair)) throw AppError.validation(`rules.${i}.appliesTo`, 'There is already a rule for these people counted from that date');
        seenPairs.add(pair);
        if (r.id !== undefined && seenIds.has(r.id)) throw AppError.validation(`rules.${i}.id`, 'This rule is listed twice');
        const id = r.id ?? newId();
        seenIds.add(id);
        return { id, appliesTo: r.appliesTo, from: r.from, months: r.months, enabled: r.enabled };
      });
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await replaceRules(trx, rules);
        const summary = rules.length === 0 ? 'Retention rules changed: none' : `Retention rules changed: ${rules.map(ruleText).join('; ')}`;
        await logPrivacy(trx, { id: newId(), at, kind: 'retention', summary, contactId: null });
      });
      events.emit('data.changed', { entity: 'retention', action: 'updated', ids: rules.map((r) => r.id) });
      return { rules };
    },

    async review(input: ChannelParsedInput<'retention.review'>): Promise<ChannelOutput<'retention.review'>> {
      const now = clock.now();
      const enabled = (await readRules(db)).filter((r) => r.enabled);
      const review: ReviewRule[] = enabled.map((r, position) => ({ position, appliesTo: r.appliesTo, from: r.from, cutoff: addMonths(now, -r.months).toISOString() }));
      const page = await reviewPage(db, { rules: review, now: now.toISOString(), today: isoDay(now), limit: input.limit, cursor: input.cursor });
      return {
        items: page.rows.map((row) => {
          const rule = enabled[row.position]!;
          return {
            contactId: row.id,
            displayName: row.display_name,
            ruleId: rule.id,
            reason: reasonText(rule, row),
            lastActivityAt: rule.from === 'lastJob' ? row.last_at : row.last_contacted_at || null,
          };
        }),
        total: page.rows[0]?.total ?? (input.cursor ? await countAll(review, now) : 0),
        nextCursor: page.nextCursor,
      };
    },
  };

  /** A page past the end has no row to carry the total: count from the start (rare: only a cursor gone stale). */
  async function countAll(review: ReviewRule[], now: Date): Promise<number> {
    const first = await reviewPage(db, { rules: review, now: now.toISOString(), today: isoDay(now), limit: 1, cursor: undefined });
    return first.rows[0]?.total ?? 0;
  }
}
