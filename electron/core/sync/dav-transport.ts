// Rapport's one place that talks CardDAV/CalDAV: a thin layer over tsdav that the sync engine calls. It turns
// every server answer into a plain result (or a DavError in the user's words) and never stores anything.
// No `electron` import and no database here; credentials come in from the caller and are never logged.
import { createHash } from 'node:crypto';
import { fetch as undiciFetch } from 'undici';
import { davRequest, deleteObject, fetchPrincipalUrl, makeCalendar, propfind, serviceDiscovery, syncCollection, updateObject, type DAVResponse } from 'tsdav';
import { CHANGED_THERE_TOO, DavError, MULTIGET_BATCH, type CollectionKind, type CalendarComponent, type DavCollection, type DavDiscovery, type DavItemRef, type DavItem, type SyncResult, type PutCondition, type PutResult, type RemoveResult, type DavErrorKind, type DavTransportOptions } from './dav-types';
// The sync engine and tests import everything from here.
export { CHANGED_THERE_TOO, DavError, MULTIGET_BATCH, type DavCredentials, type CollectionKind, type CalendarComponent, type DavCollection, type DavDiscovery, type DavItemRef, type DavItem, type SyncResult, type PutCondition, type PutResult, type RemoveResult, type DavErrorKind, type DavTransportOptions } from './dav-types';

const NS = { d: 'DAV:', card: 'urn:ietf:params:xml:ns:carddav', c: 'urn:ietf:params:xml:ns:caldav', cs: 'http://calendarserver.org/ns/' };
const NS_ATTRIBUTES = { 'xmlns:d': NS.d, 'xmlns:card': NS.card, 'xmlns:c': NS.c, 'xmlns:cs': NS.cs };

/** A server path for a new item: `<collection><uid>.vcf|.ics`, the same on every retry so If-None-Match can bite. */
export function itemHref(collection: string, uid: string, kind: CollectionKind): string {
  const extension = kind === 'addressbook' ? '.vcf' : '.ics';
  const safe = /^[A-Za-z0-9@_-][A-Za-z0-9@._-]{0,99}$/.test(uid);
  const name = safe ? uid : `${uid.replace(/[^A-Za-z0-9@._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 60)}-${createHash('sha256').update(uid).digest('hex').slice(0, 16)}`;
  return canonicalPath(`${withSlash(collection)}${name}${extension}`);
}

/**
 * One spelling per path: servers list `a%40b.ics` for the `a@b.ics` a client sent (Radicale does), and hrefs are
 * compared as strings, so every path is stored with each segment decoded and re-encoded the one RFC 3986 way (pchar:
 * `@`, `:` and the sub-delimiters stay as they are).
 */
export function canonicalPath(path: string): string {
  return path.split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A lone % is not an escape: kept as it is, encoded below.
    }
    return encodeURIComponent(decoded).replace(/%(40|3A|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }).join('/');
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'rapport';
}

/** The text of a parsed XML value (tsdav gives strings, numbers after its type guess, or {_text}/{_cdata}). */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { _text?: unknown; _cdata?: unknown };
    if (v._cdata !== undefined) return text(v._cdata);
    if (v._text !== undefined) return text(v._text);
  }
  return null;
}

/**
 * vCard and iCalendar lines end in CRLF; inside XML a parser turns CRLF into LF and tsdav trims the text, so put
 * the line ends back: data read through multiget then equals, byte for byte, what a GET of the item returns.
 */
export function restoreLineEnds(data: string): string {
  const body = data.replace(/\r\n|\r|\n/g, '\r\n').replace(/(\r\n)+$/, '');
  return body === '' ? '' : `${body}\r\n`;
}

export function createDavTransport(options: DavTransportOptions) {
  const server = new URL(options.serverUrl);
  const host = server.host;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // A listing or report over a whole collection: the server reads every item before it answers (Radicale took over
  // 30 s for 20,000 events), so it gets minutes where one item gets seconds.
  const collectionTimeoutMs = Math.max(timeoutMs, options.collectionTimeoutMs ?? 10 * 60_000);
  const wholeCollection = (init?: RequestInit) => init?.method === 'REPORT' || (init?.method === 'PROPFIND' && new Headers(init.headers).get('depth') === '1');
  // undici's own fetch, not Node's: the one Node 22 bundles (undici 6.29) throws an uncatchable AssertionError when a
  // server closes the connection while a big answer waits to be read (undici #5360, fixed in 8.x): listing 10,000
  // cards straight from Radicale took the whole process down twice in the sync benchmark.
  const baseFetch = options.fetch ?? (undiciFetch as unknown as typeof fetch);
  const authorization = `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`, 'utf8').toString('base64')}`;
  const headers = { Authorization: authorization };

  const words = {
    unreachable: `The server at ${host} did not answer. Check the server address and your internet connection; Rapport will try again.`,
    auth: `The user name or password was refused by the server at ${host}. Check them in the sync settings (some servers need an app password).`,
    protocol: `The server at ${host} answered in a way Rapport does not understand. Details are in the log.`,
    server: (status: number) => `The server at ${host} had a problem (${status}). Rapport will try again later.`,
    refused: (status: number) => `The server at ${host} refused the request (${status}). Details are in the log.`,
    notFound: `The server at ${host} has no such address book or calendar any more.`,
    noDav: `The server at ${host} does not offer contacts or calendars at this address. Check the server address.`,
  };

  function fail(kind: DavErrorKind, message: string, detail: DavError['detail']): never {
    // The detail keeps method, URL, status and the server's text; the Authorization header is never part of it.
    options.log?.warn(`dav: ${kind}`, { ...detail, cause: detail.cause instanceof Error ? detail.cause.message : detail.cause });
    throw new DavError(kind, message, detail);
  }

  /** Every request goes through here: a timeout per request, and no answer or a refused password become DavErrors. */
  const call: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    let response: Response;
    try {
      response = await baseFetch(input, { ...init, signal: AbortSignal.timeout(wholeCollection(init) ? collectionTimeoutMs : timeoutMs) });
    } catch (cause) {
      fail('unreachable', words.unreachable, { method, url, cause });
    }
    if (response.status === 401) fail('auth', words.auth, { method, url, status: 401 });
    return response;
  };

  const absolute = (href: string) => new URL(href, server).href;
  const path = (href: string) => canonicalPath(new URL(href, server).pathname);

  function checkStatus(method: string, url: string, status: number, body?: string): void {
    if (status >= 200 && status < 300) return;
    if (status === 404 || status === 410) fail('notFound', words.notFound, { method, url, status, body });
    if (status >= 500) fail('server', words.server(status), { method, url, status, body });
    fail('refused', words.refused(status), { method, url, status, body });
  }

  /**
   * The per-item answers of a multistatus. A whole-request failure throws, and so does a 2xx that is not a multistatus
   * (an HTML page from a wrong address): read as "no items" it would look like everything was deleted.
   */
  function responsesOf(method: string, url: string, responses: DAVResponse[]): DAVResponse[] {
    const [first] = responses;
    const raw = first?.raw as { multistatus?: unknown } | string | undefined;
    if (!first || typeof raw !== 'object' || raw === null || !('multistatus' in raw)) {
      const body = typeof raw === 'string' ? raw : JSON.stringify(raw ?? '');
      if (first && !first.ok) checkStatus(method, url, first.status, body);
      return fail('protocol', words.protocol, { method, url, status: first?.status, body: `not a multistatus answer: ${body.slice(0, 500)}` });
    }
    return responses.filter((r) => r.href !== undefined && r.href !== null && String(r.href).length > 0);
  }

  async function guard<T>(what: string, url: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DavError) throw error;
      return fail('protocol', words.protocol, { method: what, url, cause: error });
    }
  }

  function collectionOf(r: DAVResponse): DavCollection | null {
    const props = r.props ?? {};
    const types = Object.keys((props.resourcetype as object | undefined) ?? {});
    const kind: CollectionKind | null = types.includes('addressbook') ? 'addressbook' : types.includes('calendar') ? 'calendar' : null;
    if (!kind || !r.href) return null;
    const comps = props.supportedCalendarComponentSet?.comp;
    const components = (Array.isArray(comps) ? comps : comps ? [comps] : [])
      .map((c: { _attributes?: { name?: string } }) => c?._attributes?.name?.toUpperCase())
      .filter((c: string | undefined): c is CalendarComponent => c === 'VEVENT' || c === 'VTODO' || c === 'VJOURNAL');
    const reports = JSON.stringify(props.supportedReportSet ?? '');
    return {
      href: withSlash(path(String(r.href))),
      kind,
      displayName: text(props.displayname) ?? '',
      components,
      supportsSync: /syncCollection/.test(reports) || text(props.syncToken) !== null,
      syncToken: text(props.syncToken),
      ctag: text(props.getctag),
    };
  }

  const COLLECTION_PROPS = {
    'd:resourcetype': {},
    'd:displayname': {},
    'd:sync-token': {},
    'd:supported-report-set': {},
    'cs:getctag': {},
    'c:supported-calendar-component-set': {},
  };

  async function collectionsIn(home: string): Promise<DavCollection[]> {
    const url = absolute(home);
    const responses = responsesOf('PROPFIND', url, await propfind({ url, props: COLLECTION_PROPS, depth: '1', headers, fetch: call }));
    return responses.filter((r) => path(String(r.href)) !== path(url)).map(collectionOf).filter((c): c is DavCollection => c !== null);
  }

  async function answersPropfind(url: string): Promise<boolean> {
    try {
      const [r] = await propfind({ url, props: { 'd:resourcetype': {} }, depth: '0', headers, fetch: call });
      return r?.ok === true;
    } catch {
      return false;
    }
  }

  return {
    /** /.well-known/carddav and caldav, then current-user-principal, then both home sets and their collections. */
    async discover(): Promise<DavDiscovery> {
      return guard('DISCOVER', server.href, async () => {
        const roots: string[] = [];
        for (const accountType of ['carddav', 'caldav'] as const) {
          roots.push(await serviceDiscovery({ account: { serverUrl: server.href, accountType }, headers, fetch: call }));
        }
        roots.push(server.href, new URL('/', server).href);
        let principal: string | null = null;
        for (const rootUrl of [...new Set(roots)]) {
          try {
            principal = await fetchPrincipalUrl({ account: { serverUrl: server.href, rootUrl, accountType: 'carddav' }, headers, fetch: call });
            break;
          } catch (error) {
            if (error instanceof DavError) throw error;
          }
        }
        if (!principal) return fail('protocol', words.noDav, { method: 'PROPFIND', url: server.href });
        const responses = responsesOf('PROPFIND', principal, await propfind({
          url: principal, depth: '0', headers, fetch: call,
          props: { 'card:addressbook-home-set': {}, 'c:calendar-home-set': {} },
        }));
        const props = responses.find((r: DAVResponse) => path(String(r.href)) === path(principal))?.props ?? {};
        const hrefOf = (set: unknown) => {
          const h = (set as { href?: unknown } | undefined)?.href;
          const first = text(Array.isArray(h) ? h[0] : h);
          return first ? withSlash(path(first)) : null;
        };
        const addressBookHome = hrefOf(props.addressbookHomeSet);
        const calendarHome = hrefOf(props.calendarHomeSet);
        if (!addressBookHome && !calendarHome) return fail('protocol', words.noDav, { method: 'PROPFIND', url: principal });
        const addressBooks = addressBookHome ? (await collectionsIn(addressBookHome)).filter((c) => c.kind === 'addressbook') : [];
        const calendars = calendarHome ? (await collectionsIn(calendarHome)).filter((c) => c.kind === 'calendar') : [];
        return { principal: path(principal), addressBookHome, calendarHome, addressBooks, calendars };
      });
    },

    /** MKCOL (extended, RFC 5689) for an address book, MKCALENDAR for a calendar; `name` becomes the path segment. */
    async createCollection(home: string, spec: { kind: CollectionKind; name: string; displayName: string; components?: CalendarComponent[] }): Promise<DavCollection> {
      const href = `${withSlash(home)}${slug(spec.name)}/`;
      const url = absolute(href);
      return guard('MKCOL', url, async () => {
        const responses = spec.kind === 'addressbook'
          ? await davRequest({ url, fetch: call, init: { method: 'MKCOL', headers, body: { 'd:mkcol': { _attributes: NS_ATTRIBUTES, 'd:set': { 'd:prop': {
            'd:resourcetype': { 'd:collection': {}, 'card:addressbook': {} }, 'd:displayname': spec.displayName,
          } } } } } })
          : await makeCalendar({ url, headers, fetch: call, props: {
            'd:displayname': spec.displayName,
            'c:supported-calendar-component-set': { 'c:comp': (spec.components ?? ['VEVENT', 'VTODO']).map((name) => ({ _attributes: { name } })) },
          } });
        const failed = responses.find((r) => !r.ok);
        if (failed) checkStatus(spec.kind === 'addressbook' ? 'MKCOL' : 'MKCALENDAR', url, failed.status, typeof failed.raw === 'string' ? failed.raw : JSON.stringify(failed.raw ?? ''));
        const [created] = responsesOf('PROPFIND', url, await propfind({ url, props: COLLECTION_PROPS, depth: '0', headers, fetch: call })).map(collectionOf);
        if (!created) return fail('protocol', words.protocol, { method: 'PROPFIND', url });
        return created;
      });
    },

    /** Every item's href and ETag (PROPFIND depth 1): the full listing for servers without sync, or after tokenExpired. */
    async list(collection: string): Promise<DavItemRef[]> {
      const url = absolute(withSlash(collection));
      return guard('PROPFIND', url, async () => {
        const responses = responsesOf('PROPFIND', url, await propfind({ url, props: { 'd:getetag': {}, 'd:resourcetype': {} }, depth: '1', headers, fetch: call }));
        return responses
          .filter((r) => path(String(r.href)) !== path(url) && r.ok && !('collection' in ((r.props?.resourcetype as object | undefined) ?? {})))
          .map((r) => ({ href: path(String(r.href)), etag: text(r.props?.getetag) }));
      });
    },

    /**
     * sync-collection REPORT (RFC 6578, level 1). null asks for everything. An unknown or expired token gives
     * {kind: 'tokenExpired'} (do a full list()); a truncated answer (507) gives more: true (call again with token).
     */
    async syncChanges(collection: string, token: string | null): Promise<SyncResult> {
      const url = absolute(withSlash(collection));
      return guard('REPORT sync-collection', url, async () => {
        const responses = await syncCollection({ url, props: { 'd:getetag': {} }, syncLevel: 1, syncToken: token ?? '', headers, fetch: call });
        const [first] = responses;
        if (first && !first.ok && responses.length === 1 && (!first.href || path(String(first.href)) === path(url))) {
          const body = typeof first.raw === 'string' ? first.raw : JSON.stringify(first.raw ?? '');
          if (token !== null && ((first.status === 403 || first.status === 409) && /valid-sync-token/i.test(body))) return { kind: 'tokenExpired' };
          if (token !== null && first.status === 400 && /sync.?token/i.test(body)) return { kind: 'tokenExpired' };
          if (token !== null && first.status >= 500 && (await answersPropfind(url))) {
            // Xandikos answers an unknown token with a bare 500; if the collection itself still answers, the token
            // is what the server could not use, and a full listing is always a correct (if slower) way on.
            options.log?.warn('dav: sync token refused with a server error; doing a full listing', { url, status: first.status });
            return { kind: 'tokenExpired' };
          }
          if (first.status !== 507) checkStatus('REPORT', url, first.status, body);
        }
        const raw = (responses.find((r) => r.raw)?.raw ?? {}) as { multistatus?: { syncToken?: unknown } };
        const newToken = text(raw.multistatus?.syncToken);
        if (newToken === null) return fail('protocol', words.protocol, { method: 'REPORT', url, body: 'no sync-token in the answer' });
        const changed: DavItemRef[] = [];
        const deleted: string[] = [];
        let more = false;
        for (const r of responses) {
          if (!r.href) continue;
          const href = path(String(r.href));
          if (href === path(url)) {
            if (r.status === 507) more = true;
            continue;
          }
          if (r.status === 404) deleted.push(href);
          else if (r.ok) changed.push({ href, etag: text(r.props?.getetag) });
        }
        return { kind: 'changes', changed, deleted, token: newToken, more };
      });
    },

    /** addressbook-multiget / calendar-multiget in batches of 100; hrefs the server no longer has come back in `missing`. */
    async multiget(collection: string, hrefs: string[], kind: CollectionKind): Promise<{ items: DavItem[]; missing: string[] }> {
      const url = absolute(withSlash(collection));
      const items: DavItem[] = [];
      const missing: string[] = [];
      const report = kind === 'addressbook' ? 'card:addressbook-multiget' : 'c:calendar-multiget';
      const dataProp = kind === 'addressbook' ? 'card:address-data' : 'c:calendar-data';
      const size = options.multigetBatch ?? MULTIGET_BATCH;
      for (let i = 0; i < hrefs.length; i += size) {
        const batch = hrefs.slice(i, i + size).map(path);
        await guard('REPORT multiget', url, async () => {
          const responses = responsesOf('REPORT', url, await davRequest({
            url, fetch: call,
            init: { method: 'REPORT', headers: { ...headers, Depth: '1' }, body: { [report]: { _attributes: NS_ATTRIBUTES, 'd:prop': { 'd:getetag': {}, [dataProp]: {} }, 'd:href': batch } } },
          }));
          const seen = new Set<string>();
          for (const r of responses) {
            const href = path(String(r.href));
            const data = text(kind === 'addressbook' ? r.props?.addressData : r.props?.calendarData);
            if (!r.ok || data === null) continue;
            seen.add(href);
            items.push({ href, etag: text(r.props?.getetag), data: restoreLineEnds(data) });
          }
          for (const href of batch) if (!seen.has(href)) missing.push(href);
        });
      }
      return { items, missing };
    },

    /** PUT with If-Match (update) or If-None-Match: * (create at a deterministic href, so a retry cannot duplicate). */
    async put(href: string, data: string, condition: PutCondition): Promise<PutResult> {
      const url = absolute(href);
      return guard('PUT', url, async () => {
        const contentType = /\.ics$/i.test(href) || /^BEGIN:VCALENDAR/i.test(data) ? 'text/calendar; charset=utf-8' : 'text/vcard; charset=utf-8';
        const conditionHeaders: Record<string, string> = 'ifMatch' in condition ? { 'If-Match': condition.ifMatch } : { 'If-None-Match': '*' };
        const response = await updateObject({ url, data, headers: { ...headers, ...conditionHeaders, 'Content-Type': contentType }, fetch: call });
        const body = await response.text();
        if (response.status === 412) return { kind: 'preconditionFailed', message: CHANGED_THERE_TOO };
        if ((response.status === 409 || response.status === 403) && /no-uid-conflict/i.test(body)) {
          const existing = /no-uid-conflict[^]*?<[^>]*href>([^<]+)</i.exec(body)?.[1] ?? null;
          return { kind: 'uidConflict', existing: existing ? path(existing) : null, message: 'Another item on the server already has this UID.' };
        }
        checkStatus('PUT', url, response.status, body);
        return { kind: 'stored', etag: response.headers.get('etag'), created: response.status === 201 };
      });
    },

    /** DELETE with If-Match on the known ETag; a 412 means it changed there (ask the user), 404 that it is gone already. */
    async remove(href: string, etag: string): Promise<RemoveResult> {
      const url = absolute(href);
      return guard('DELETE', url, async () => {
        const response = await deleteObject({ url, etag, headers, fetch: call });
        const body = await response.text();
        if (response.status === 412) return { kind: 'preconditionFailed', message: CHANGED_THERE_TOO };
        if (response.status === 404 || response.status === 410) return { kind: 'notFound' };
        checkStatus('DELETE', url, response.status, body);
        return { kind: 'removed' };
      });
    },

    /** One item by GET (to learn the ETag when a PUT answered without one, and for tests). */
    async get(href: string): Promise<DavItem | null> {
      const url = absolute(href);
      return guard('GET', url, async () => {
        const response = await call(url, { method: 'GET', headers });
        const data = await response.text();
        if (response.status === 404) return null;
        checkStatus('GET', url, response.status, data);
        return { href: path(url), etag: response.headers.get('etag'), data };
      });
    },

    itemHref,
  };
}

export type DavTransport = ReturnType<typeof createDavTransport>;
