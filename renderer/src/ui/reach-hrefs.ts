// The hrefs behind a phone number or website on a record's page, in the only schemes main lets out to the system
// (tel:, https:; see isAllowedExternalUrl in electron/main/policy.ts). Pure; imports nothing.

/** "+44 20 7946 0958 ext 12" → "tel:+442079460958;ext=12" (RFC 3966); null when there is nothing to dial. */
export function telHref(phone: string): string | null {
  const match = /^(.*?)(?:\s*(?:ext\.?|x|#)\s*(\d+))?\s*$/i.exec(phone);
  const dial = (match?.[1] ?? phone).replace(/[^\d+*]/g, '');
  if (!/\d/.test(dial)) return null;
  return match?.[2] ? `tel:${dial};ext=${match[2]}` : `tel:${dial}`;
}

/** https: for an address typed with or without it; null for plain http:, which the system would refuse to open. */
export function webHref(site: string): string | null {
  if (/^https:\/\//i.test(site)) return site;
  // Any other scheme (http:, javascript:, file:) is not a website to open; "example.com:8080" is a port, not one.
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(site)) return null;
  return `https://${site}`;
}
