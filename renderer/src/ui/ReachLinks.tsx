// Phone numbers, email addresses and websites on a record's page as whole values you click to call, write or visit.
// The hrefs are ones main's policy lets out to the system (tel:, mailto:, https: only; see electron/main/policy.ts).
import { Anchor, Text } from '@mantine/core';
import { FactLines, NoValue } from './KeyFacts';
import { telHref, webHref } from './reach-hrefs';

interface Labelled {
  value: string;
  label?: string | undefined;
}

export function PhoneLinks({ phones, onCall }: { phones: Labelled[]; onCall?: (() => void) | undefined }) {
  if (phones.length === 0) return <NoValue>None</NoValue>;
  return (
    <FactLines>
      {phones.map((p) => {
        const href = telHref(p.value);
        return (
          <li key={p.value}>
            {href ? (
              <Anchor href={href} size="sm" title={`Call ${p.value}`} onClick={onCall}>
                {p.value}
              </Anchor>
            ) : (
              p.value
            )}
            {p.label && <Label>{p.label}</Label>}
          </li>
        );
      })}
    </FactLines>
  );
}

export function EmailLinks({ emails }: { emails: Labelled[] }) {
  if (emails.length === 0) return <NoValue>None</NoValue>;
  return (
    <FactLines>
      {emails.map((e) => (
        <li key={e.value}>
          <Anchor href={`mailto:${e.value}`} size="sm" title={`Write to ${e.value}`}>
            {e.value}
          </Anchor>
          {e.label && <Label>{e.label}</Label>}
        </li>
      ))}
    </FactLines>
  );
}

export function WebsiteLink({ site }: { site: string | null }) {
  if (!site) return <NoValue>None</NoValue>;
  const href = webHref(site);
  const shown = site.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return href ? (
    <Anchor href={href} size="sm" target="_blank" rel="noreferrer">
      {shown}
    </Anchor>
  ) : (
    <>{shown}</>
  );
}

function Label({ children }: { children: string }) {
  return (
    <Text span size="xs" c="dimmed" ml={6}>
      {children}
    </Text>
  );
}
