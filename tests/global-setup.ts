// Builds the renderer once before any test runs, so e2e files that start harnesses in parallel never
// race to build it. Also fails the whole run up front when Debian's Chromium is missing: e2e never skips.
import { existsSync } from 'node:fs';
import { ensureRendererBuild } from '../electron/harness/renderer-build';

export const CHROMIUM = '/usr/bin/chromium';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium). End-to-end tests never skip.`);
  }
  // Development shortcut for running service tests alone while the UI is mid-edit; e2e files build it anyway.
  if (process.env.RAPPORT_NO_RENDERER_BUILD !== '1') ensureRendererBuild();
}
