// The web harness as a real process (`npm run harness` does the same): HTTP status per error code,
// JSON Schemas for every channel, SSE events, loopback-only with Host/Origin checks, clean SIGTERM.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { startHarness, type RunningHarness } from '../helpers/harness-process';

let h: RunningHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const post = (channel: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${h.url}rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** fetch() will not forge a Host header, so raw http.request does. */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(h.url);
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('web harness', () => {
  it('listens on loopback and serves the UI with a strict CSP, a style nonce and the bridge', async () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(h.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const html = await response.text();
    expect(html).toContain(`<meta name="rapport-style-nonce" content="${nonce}">`);
    expect(html).toContain('<script src="/__harness/bridge.js"></script>');
    const again = await fetch(h.url);
    expect(again.headers.get('content-security-policy')).not.toBe(csp); // a fresh nonce per load
  });

  it('maps results to HTTP: 200, 400 VALIDATION, 404 NOT_FOUND and unknown channels', async () => {
    const created = await post('contacts.create', JSON.stringify({ firstName: 'Harness', lastName: 'Person' }));
    expect(created.status).toBe(200);
    const contact = (await created.json()) as { id: string; displayName: string };
    expect(contact.displayName).toBe('Harness Person');

    const invalid = await post('contacts.create', JSON.stringify({ firstName: 'A', emails: [{ value: 'nope' }] }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'emails.0.value' }] });

    const missing = await post('contacts.get', JSON.stringify({ id: '01930000-0000-7000-8000-000000000000' }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });

    expect((await post('contacts.explode', '{}')).status).toBe(404);
    expect((await post('contacts.create', '{not json')).status).toBe(400);
    expect((await post('contacts.create', '{}', { 'content-type': 'text/plain' })).status).toBe(400);
  });

  it('describes every channel with a JSON Schema of its input', async () => {
    const body = (await (await fetch(`${h.url}rpc`)).json()) as { channels: Record<string, { input: { type?: string; properties?: Record<string, unknown> } }> };
    expect(Object.keys(body.channels).sort()).toEqual(Object.keys(contract).sort());
    expect(body.channels['contacts.create']?.input.type).toBe('object');
    expect(body.channels['contacts.create']?.input.properties).toHaveProperty('emails');
  });

  it('streams events as server-sent events', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${h.url}events`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    const created = (await (await post('companies.create', JSON.stringify({ name: 'Evented Ltd' }))).json()) as { id: string };
    let text = '';
    while (!text.includes(created.id)) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('event: data.changed');
    expect(text).toContain(`"entity":"company","action":"created","ids":["${created.id}"]`);
  });

  it('refuses requests from another Host or Origin (DNS rebinding, cross-site pages)', async () => {
    const { port } = new URL(h.url);
    expect(await rawGet('/rpc', { host: `127.0.0.1:${port}` })).toBe(200);
    expect(await rawGet('/rpc', { host: `localhost:${port}` })).toBe(200);
    expect(await rawGet('/rpc', { host: 'evil.example' })).toBe(403);
    expect(await rawGet('/rpc', { host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(403);
    expect((await post('tags.list', '{}', { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('never serves files outside the built renderer', async () => {
    expect(await rawGet('/../../package.json', { host: new URL(h.url).host })).toBe(404);
    expect(await rawGet('/%2e%2e/%2e%2e/package.json', { host: new URL(h.url).host })).toBe(404);
    expect(await rawGet('/..%2f..%2fpackage.json', { host: new URL(h.url).host })).toBe(404);
  });
});

describe('harness lifecycle', () => {
  it('exits cleanly on SIGTERM and keeps what was saved', async () => {
    const first = await startHarness();
    await first.rpc('contacts.create', { firstName: 'Kept' });
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('stopping (SIGTERM)');
    const second = await startHarness({ dataDir: first.dataDir });
    expect((await second.rpc('contacts.list', {})).items.map((c) => c.displayName)).toEqual(['Kept']);
    expect(await second.stop()).toBe(0);
  });
});
