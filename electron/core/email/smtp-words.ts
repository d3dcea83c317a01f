// What a mail server's failure means, in the app's words: what happened and what to do. The library's and the
// system's own text ("connect ECONNREFUSED 127.0.0.1:2526") goes to the log only, and a reply's bare codes
// ("550 550", "5.1.1") are taken off the server's human words before they are quoted. Imports nothing.

/** The server as the user typed it in Email settings. */
export interface SmtpServer {
  host: string;
  port: number;
}

export type Outcome = 'waiting' | 'failed' | 'paused';

const CODE = /^(\d{3}|\d\.\d{1,3}\.\d{1,3})(?:[\s:,-]+|$)/;

/** The human part of an SMTP reply, without its reply and status codes; null when nothing human is left ("550 550"). */
export function serverWords(response: unknown): string | null {
  if (typeof response !== 'string') return null;
  const lines = response.split(/\r?\n/).map((line) => {
    let rest = line.trim();
    for (let m = CODE.exec(rest); m; m = CODE.exec(rest)) rest = rest.slice(m[0].length);
    return rest;
  });
  const text = lines.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  if (!/\p{L}{2,}/u.test(text)) return null;
  const short = text.length > 300 ? `${text.slice(0, 299)}…` : text;
  return /[.!?…]$/.test(short) ? short : `${short}.`;
}

const where = (server: SmtpServer | undefined) => (server?.host ? `The mail server at ${server.host}:${server.port}` : 'The mail server');

/**
 * How a delivery error is treated (retry later, stop for good, or pause everything for the password) and the
 * sentence the user sees. `retries`: the outbox tries again by itself (the settings' test email does not).
 */
export function describeSmtpError(error: unknown, server?: SmtpServer, retries = true): { outcome: Outcome; text: string } {
  const e = (error ?? {}) as { code?: string; originalCode?: string; responseCode?: number; response?: string; message?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const said = serverWords(e.response);
  const again = retries ? ' Rapport will try again by itself.' : '';
  const server_ = where(server);
  if (e.code === 'EAUTH' || code === 535 || code === 534) {
    return { outcome: 'paused', text: `${server_} refused the user name or password${said ? ` (${code ?? 'auth'}): ${said}` : '.'} Enter them again in Email settings.` };
  }
  if (code !== null && code >= 500) {
    return {
      outcome: 'failed',
      text: said
        ? `The server refused the message (${code}): ${said} Check the recipients' addresses, then edit and resend it.`
        : `The server refused the message without saying why. Check the recipients' addresses; if they are right, ask your email provider.`,
    };
  }
  if (code !== null && code >= 400) {
    return { outcome: 'waiting', text: `${server_} asked to try later${said ? ` (${code}): ${said}` : '.'}${again}` };
  }
  // A certificate the user has not chosen to trust will not fix itself by waiting.
  if (/certificate|self[- ]signed/i.test(e.message ?? '')) {
    return { outcome: 'failed', text: `${server_} uses a certificate this computer does not trust. If it is your own office server, allow it in Email settings.` };
  }
  const system = e.originalCode ?? e.code;
  if (system === 'ECONNREFUSED') return { outcome: 'waiting', text: `${server_} did not answer (the connection was refused). Check the server name and port in Email settings.${again}` };
  if (system === 'ETIMEDOUT' || e.code === 'ETIMEDOUT') return { outcome: 'waiting', text: `${server_} did not answer in time. Check your internet connection, and the server name and port in Email settings.${again}` };
  if (system === 'ENOTFOUND' || system === 'EAI_AGAIN' || e.code === 'EDNS') {
    return { outcome: 'waiting', text: `The mail server ${server?.host ? `"${server.host}" ` : ''}could not be found. Check the server name in Email settings, and your internet connection.${again}` };
  }
  if (e.code === 'ETLS') return { outcome: 'waiting', text: `A secure connection to ${server_.replace(/^The/, 'the')} could not be made. Check the security choice (TLS or STARTTLS) and port in Email settings.${again}` };
  return { outcome: 'waiting', text: `The connection to ${server_.replace(/^The/, 'the')} failed before the message was handed over.${again}` };
}
