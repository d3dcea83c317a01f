// Contract cases for the documents feature's channels (see channels.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentsChannel } from '../../shared/ipc/documents.channels';
import { pickPaths } from '../helpers/picks';
import { long, type FeatureCases, type Fixtures } from './cases';

let fx: Fixtures;
let file = '';
let docId = '';
let imageId = '';
let textId = '';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const byId = (id: () => string) => ({ valid: () => ({ id: id() }), invalid: [[() => ({ id: 'x' }), 'id'], [() => ({}), 'id']] as [() => unknown, string][] });

export const documentsCases: FeatureCases<DocumentsChannel> = {
  async setup(fixtures) {
    fx = fixtures;
    // Inside the fixture core's data folder, so its cleanup removes them too.
    const dir = join(fx.t.dataDir, 'user-files');
    mkdirSync(dir);
    file = join(dir, 'Contract – signed.pdf');
    writeFileSync(file, '%PDF-1.4 contract');
    writeFileSync(join(dir, 'photo.png'), PNG);
    writeFileSync(join(dir, 'notes.txt'), 'plain text');
    await pickPaths(fx.t, [file, join(dir, 'photo.png'), join(dir, 'notes.txt')]);
    docId = (await fx.t.call('documents.attach', { path: file, contactId: fx.contactId })).id;
    imageId = (await fx.t.call('documents.attach', { path: join(dir, 'photo.png'), jobId: fx.jobId })).id;
    textId = (await fx.t.call('documents.attach', { path: join(dir, 'notes.txt') })).id;
  },
  cases: {
    'documents.attach': {
      valid: () => ({ path: file, companyId: fx.companyId, activityId: fx.activityId, mode: 'copy', note: 'From the contract case' }),
      invalid: [
        [() => ({}), 'path'],
        [() => ({ path: 42 }), 'path'],
        [() => ({ path: '' }), 'path'],
        [() => ({ path: long(4097) }), 'path'],
        [() => ({ path: 'relative/quote.pdf' }), 'path'],
        [() => ({ path: file, mode: 'move' }), 'mode'],
        [() => ({ path: file, contactId: 'not-an-id' }), 'contactId'],
        [() => ({ path: file, jobId: 7 }), 'jobId'],
        [() => ({ path: file, note: long(2001) }), 'note'],
        [() => ({ path: file, activityId: 'not-an-id' }), 'activityId'],
        [() => ({ path: file, activityId: 7 }), 'activityId'],
        [() => ({ path: file, email: 'x' }), '(input)'],
      ],
    },
    'documents.get': byId(() => docId),
    'documents.list': {
      valid: () => ({ contactId: fx.contactId, query: 'contract', sort: 'name', direction: 'asc', limit: 10 }),
      invalid: [
        [() => ({ sort: 'colour' }), 'sort'],
        [() => ({ direction: 'up' }), 'direction'],
        [() => ({ limit: 0 }), 'limit'],
        [() => ({ query: 'a\u0000b' }), 'query'], // a longer one is cut to the limit, not refused (#18)
        [() => ({ cursor: 'forged' }), 'cursor'],
        [() => ({ trashed: 'yes' }), 'trashed'],
        [() => ({ contactId: fx.contactId, jobId: fx.jobId }), 'contactId'],
        [() => ({ activityId: 'x' }), 'activityId'],
        [() => ({ activityIds: [] }), 'activityIds'],
        [() => ({ activityIds: ['x'] }), 'activityIds.0'],
        [() => ({ activityIds: fx.activityId }), 'activityIds'],
        [() => ({ activityIds: [fx.activityId], contactId: fx.contactId }), 'activityIds'],
      ],
    },
    'documents.rename': {
      valid: () => ({ id: docId, name: 'Contract (signed) – Zoë.pdf', note: 'Signed on site' }),
      invalid: [
        [() => ({ id: docId, name: '' }), 'name'],
        [() => ({ id: docId, name: long(256) }), 'name'],
        [() => ({ id: docId, name: 'a\u0000b' }), 'name'],
        [() => ({ id: docId, note: long(2001) }), 'note'],
        [() => ({ name: 'x' }), 'id'],
      ],
    },
    'documents.link': {
      valid: () => ({ id: docId, jobId: fx.jobId, activityId: fx.activityId }),
      invalid: [
        [() => ({ id: docId }), 'contactId'],
        [() => ({ id: docId, companyId: 'x' }), 'companyId'],
        [() => ({ id: docId, activityId: 'x' }), 'activityId'],
      ],
    },
    'documents.unlink': {
      valid: () => ({ id: docId, jobId: fx.jobId }),
      invalid: [
        [() => ({ id: docId }), 'contactId'],
        [() => ({ jobId: fx.jobId }), 'id'],
      ],
    },
    'documents.delete': byId(() => docId),
    'documents.restore': byId(() => docId),
    'documents.emptyTrash': { valid: () => ({}), invalid: [[() => ({ all: true }), '(input)']] },
    'documents.open': byId(() => docId),
    'documents.reveal': byId(() => docId),
    'documents.preview': {
      valid: () => ({ id: imageId }),
      invalid: [
        [() => ({ id: 'x' }), 'id'],
        [() => ({ id: textId }), 'id'], // a text file has no in-app preview
      ],
    },
    'documents.check': { valid: () => ({}), invalid: [[() => ({ fix: true }), '(input)']] },
    'documents.settings.get': { valid: () => ({}), invalid: [[() => ({ maxFileBytes: 1024 }), '(input)']] },
    'documents.settings.update': {
      valid: () => ({ maxFileBytes: 200 * 1024 * 1024 }),
      invalid: [
        [() => ({ maxFileBytes: 10 }), 'maxFileBytes'],
        [() => ({ maxFileBytes: 1.5 }), 'maxFileBytes'],
        [() => ({ maxFileBytes: '200MB' }), 'maxFileBytes'],
      ],
    },
  },
};
