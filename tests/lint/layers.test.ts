// Feeds the real eslint.config.js one forbidden import per layer rule (ARCHITECTURE.md, "Who may import whom") from
// files deep inside the real folders, and a few allowed ones, so a rule that stops resolving paths fails here.
// The files need not exist: the config uses no type information, so lintText only needs their paths.
import { resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repo, overrideConfigFile: resolve(repo, 'eslint.config.js') });

/** The rule id, or for rapport/layers the layer rule's name its message quotes. */
const ruleOf = (message: Linter.LintMessage) =>
  message.ruleId === 'rapport/layers' ? /^Layer rule '([^']+)'/.exec(message.message)?.[1] : message.ruleId;

const LAYER_RULE_IDS = ['rapport/layers', 'no-restricted-imports', '@typescript-eslint/no-explicit-any'];

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return messages.filter((message) => LAYER_RULE_IDS.includes(message.ruleId ?? '')).map((message) => `${ruleOf(message)}`);
}

// [the rule that must fire, the importing file, its code]
const forbidden: [string, string, string][] = [
  ['core-db-below-shell', 'electron/core/email/x/deep.ts', "import { menu } from '../../../main/menu';\nexport { menu };"],
  ['core-db-below-shell', 'electron/core/reports/deep.ts', "export * from '../../ipc/adapter';"],
  ['core-db-below-shell', 'electron/core/schedule/deep.ts', "export const load = () => import('../../preload/bridge');"],
  ['core-db-below-shell', 'electron/db/deep/x.ts', "import type { Server } from '../../harness/server';\nexport type S = Server;"],
  ['core-db-below-shell', 'electron/db/x.repo.ts', "import '../../renderer/src/api/client';"],
  ['core-db-below-shell', 'electron/db/deep/x.ts', "export type Menu = typeof import('../../main/menu');"],
  ['core-db-below-shell', 'electron/core/deep/x.ts', "import menu = require('../../main/menu');\nexport { menu };"],
  ['no-restricted-imports', 'electron/core/contacts/deep/x.ts', "import { app } from 'electron';\nexport { app };"],
  ['db-below-core', 'electron/db/sub/deep.ts', "import { systemClock } from '../../core/clock';\nexport { systemClock };"],
  ['migrations-frozen', 'electron/db/migrations/0099_example.ts', "import type { Database } from '../schema';\nexport type D = Database;"],
  ['migrations-frozen', 'electron/db/migrations/0099_example.ts', "export { REVENUE_KINDS } from './0011_report_summaries';"],
  ['migrations-frozen', 'electron/db/migrations/index.ts', "export * from '../contacts.repo';"],
  ['migrations-private', 'electron/db/reports.repo.ts', "export { leadMs } from './migrations/0013_revenue_lead_times';"],
  ['migrations-private', 'electron/core/reports/deep.ts', "export * from '../../db/migrations';"],
  ['preload-contract-only', 'electron/preload/deep/x.ts', "export * from '../../core/app';"],
  ['preload-contract-only', 'electron/preload/x.ts', "export * from '../../shared/domain/contact';"],
  ['preload-contract-only', 'electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };"],
  ['shell-not-renderer-harness', 'electron/main/deep/x.ts', "export * from '../../harness/server';"],
  ['shell-not-renderer-harness', 'electron/ipc/x.ts', "export * from '../../renderer/src/api/client';"],
  ['shared-standalone', 'shared/domain/deep/x.ts', "export * from '../../../electron/core/clock';"],
  ['shared-standalone', 'shared/ipc/x.ts', "export * from '../../renderer/src/ui/notify';"],
  ['no-restricted-imports', 'shared/domain/x.ts', "export * from 'node:path';"],
  ['no-restricted-imports', 'shared/domain/x.ts', "export { useState } from 'react';"],
  ['feature-through-panels', 'renderer/src/features/jobs/deep/x.tsx', "export * from '../../contacts/ContactForm';"],
  ['feature-through-panels', 'renderer/src/features/schedule/x.tsx', "import '../today/Today.module.css';"],
  ['features-not-app', 'renderer/src/features/jobs/deep/x.tsx', "export * from '../../../app/Routes';"],
  ['ui-api-not-features', 'renderer/src/ui/deep/x.tsx', "export * from '../../features/contacts/panels';"],
  ['ui-api-not-features', 'renderer/src/api/x.ts', "export * from '../features/jobs/money';"],
  ['renderer-not-electron', 'renderer/src/features/contacts/x.tsx', "export * from '../../../../electron/core/clock';"],
  ['no-restricted-imports', 'renderer/src/ui/x.ts', "export * from 'node:fs';"],
  ['@typescript-eslint/no-explicit-any', 'electron/core/contacts/x.ts', 'export const x: any = 1;'],
  ['@typescript-eslint/no-explicit-any', 'tests/core/x.ts', 'export const x: any = 1;'],
];

// [the importing file, its code]: imports the layers allow.
const allowed: [string, string][] = [
  ['renderer/src/features/jobs/deep/x.tsx', "export * from '../../contacts/panels';\nexport * from '../../documents/panels.tsx';"],
  ['renderer/src/features/jobs/x.tsx', "export * from './JobForm';\nexport * from '../../ui/notify';\nexport * from '../../api/jobs';\nexport * from '../../../../shared/domain/job';"],
  ['renderer/src/app/Routes.tsx', "export * from '../features/contacts/ContactsPage';"],
  ['electron/core/contacts/x.ts', "export * from '../../db/contacts.repo';\nexport * from '../../../shared/ipc/errors';\nexport * from 'node:path';\nexport * from 'kysely';"],
  ['electron/db/x.repo.ts', "export * from './schema';\nexport * from '../../shared/domain/contact';\nexport * from 'better-sqlite3';"],
  ['electron/db/migrator.ts', "export * from './migrations';"],
  ['electron/db/migrations/index.ts', "export * from './0001_contacts_and_companies';\nexport * from 'kysely';"],
  ['electron/db/migrations/0099_example.ts', "import { sql, type Kysely } from 'kysely';\nexport * from 'uuid';\nexport const up = (db: Kysely<any>) => sql`SELECT 1`.execute(db);"],
  ['electron/preload/preload.ts', "export * from 'electron';\nexport * from './bridge';\nexport * from '../../shared/ipc/channels';"],
  ['electron/main/deep/x.ts', "export * from '../../core/app';\nexport * from 'electron';"],
  ['electron/harness/x.ts', "export * from '../core/app';"],
  ['shared/ipc/x.ts', "export * from '../domain/fields';\nexport * from 'zod';"],
];

describe('the layer rules hold from any depth', () => {
  it.each(forbidden)('%s: %s', async (rule, filePath, code) => {
    expect(await problems(filePath, code)).toContain(rule);
  });

  it.each(allowed)('allowed: %s', async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });

  it('says which layer rule is broken and what was imported', async () => {
    const [result] = await eslint.lintText("export * from '../../../main/menu';", { filePath: 'electron/core/email/x/deep.ts' });
    const message = result?.messages.find((m) => m.ruleId === 'rapport/layers')?.message;
    expect(message).toContain("Layer rule 'core-db-below-shell'");
    expect(message).toContain('electron/main/menu');
  });
});
