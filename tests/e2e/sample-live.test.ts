// The "Remove sample data" strip follows the data, not just its own button: when the sample records go by another
// way (another window, a bulk delete), the strip goes too without a reload (issue #18 item 9).
import { describe, expect, test } from 'vitest';
import { useApp } from './app-fixture';

const app = useApp(async ({ harness }) => {
  await harness.rpc('data.sample.add', {});
});

describe('sample data strip', () => {
  test('goes when the sample records are removed elsewhere', async () => {
    const { page, assertClean } = await app.open('/contacts');
    const banner = page.getByRole('region', { name: 'Sample data notice' });
    await banner.getByRole('button', { name: 'Remove sample data' }).waitFor();
    // Removed from outside this window: only main's change events can tell it.
    await app.harness.rpc('data.sample.remove', {});
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await app.harness.rpc('data.sample.status', {})).toMatchObject({ sample: null });
    assertClean();
  }, 60_000);
});
