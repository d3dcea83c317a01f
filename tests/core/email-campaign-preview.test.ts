// The campaign confirmation (issue #18): campaigns.preview says who a campaign reaches and who it skips and why,
// and campaigns.create then does exactly that (one walk serves both); a campaign is named after its segment.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../helpers/core';
import { smtpSettings } from '../helpers/smtp';

let t: TestCore;
let templateId: string;
beforeEach(async () => {
  t = await openTestCore();
  // Campaign emails carry an unsubscribe link to the user's own address (issue #21); nothing is sent here.
  await t.call('email.settings.update', smtpSettings(2525));
  templateId = (await t.call('templates.create', { name: 'Spring offer', subject: 'Spring, {{firstName}}', body: 'Hello {{firstName}}, {{company}}' })).id;
});
afterEach(() => t.destroy());

async function person(firstName: string, options: { optIn?: boolean; email?: string | null; company?: string; trash?: boolean; tags?: string[] } = {}) {
  const companyId = options.company ? (await t.call('companies.create', { name: options.company })).id : undefined;
  const email = options.email === undefined ? `${firstName.toLowerCase()}@x.test` : options.email;
  const c = await t.call('contacts.create', {
    firstName,
    emailOptIn: options.optIn ?? true,
    tags: options.tags ?? ['boiler'],
    ...(email ? { emails: [{ value: email }] } : {}),
    ...(companyId ? { companyId } : {}),
  });
  if (options.trash) await t.call('contacts.delete', { id: c.id });
  return c;
}

describe('campaigns.preview', () => {
  it('counts who gets it and who is skipped, by reason, and the send then does exactly that', async () => {
    await person('Ann', { company: 'Ann Co' });
    await person('Bea', { company: 'Bea Ltd' });
    await person('Cal', { company: 'Cal plc', email: 'ANN@x.test ' }); // Ann's address again
    await person('Dot', { company: 'Dot Co', optIn: false });
    await person('Eve', { company: 'Eve Co', email: null });
    await person('Fay'); // no company: {{company}} has no value
    await person('Gus', { company: 'Gus Co', trash: true });
    await person('Hal', { company: 'Hal Co', tags: ['kitchen'] }); // not in the segment

    const preview = await t.call('campaigns.preview', { templateId, segment: { tag: 'boiler' } });
    expect(preview).toMatchObject({ name: 'Spring offer — Boiler', sends: 2, skipped: 4 });
    expect(preview.reasons).toEqual(
      expect.arrayContaining([
        { reason: 'noConsent', count: 1 },
        { reason: 'noEmail', count: 1 },
        { reason: 'duplicate', count: 1 },
        { reason: 'mergeField', count: 1 },
      ]),
    );
    expect(preview.examples.map((s) => [s.name, s.reason])).toEqual([
      ['Cal', 'has the same email address as Ann'],
      ['Dot', 'no consent for Newsletter'],
      ['Eve', 'has no email address'],
      ['Fay', expect.stringMatching(/Fay has no value for \{\{company\}\}/)],
    ]);
    // Gus is in the Trash: tags are kept for live contacts only, so the tag segment no longer holds him.
    expect(preview.reasons.some((r) => r.reason === 'trashed')).toBe(false);

    const campaign = await t.call('campaigns.create', { templateId, segment: { tag: 'boiler' } });
    expect(campaign.name).toBe('Spring offer — Boiler');
    expect(campaign.counts.queued).toBe(preview.sends);
    expect(campaign.skipped.map((s) => [s.name, s.reason])).toEqual(preview.examples.map((s) => [s.name, s.reason]));
    // Preview wrote nothing: one campaign, its own outbox rows.
    expect((await t.call('campaigns.list', {})).items).toHaveLength(1);
  });

  it('says who in the Trash would have got it, and names a campaign after a saved segment and a kind', async () => {
    await person('Ann', { company: 'A' });
    await person('Bob', { company: 'B', trash: true });
    const leeds = await t.call('segments.create', { name: 'Boiler customers', filter: { kind: 'customer' } });
    const preview = await t.call('campaigns.preview', { templateId, segment: { segmentId: leeds.id } });
    expect(preview).toMatchObject({ name: 'Spring offer — Boiler customers', sends: 1, skipped: 1, reasons: [{ reason: 'trashed', count: 1 }] });
    expect(preview.examples).toEqual([expect.objectContaining({ name: 'Bob', reason: 'is in the Trash' })]);
    expect((await t.call('campaigns.preview', { templateId, segment: { kind: 'prospect' } })).name).toBe('Spring offer — Prospects');
    expect((await t.call('campaigns.preview', { templateId, segment: {} })).name).toBe('Spring offer — Everyone');
    const named = await t.call('campaigns.create', { templateId, name: 'April mailing', segment: { segmentId: leeds.id } });
    expect(named.name).toBe('April mailing');
    expect(named.skipped).toEqual([expect.objectContaining({ name: 'Bob', reason: 'is in the Trash' })]);
  });

  it('refuses a template or segment that does not exist', async () => {
    expect((await t.fail('campaigns.preview', { templateId: '0190a5b4-0000-7000-8000-000000000000', segment: {} })).code).toBe('NOT_FOUND');
    expect((await t.fail('campaigns.preview', { templateId, segment: { segmentId: '0190a5b4-0000-7000-8000-000000000000' } })).code).toBe('NOT_FOUND');
  });
});
