// The links a record's page makes from phone numbers, email addresses and websites: whole, dialable values, and
// only ever ones main's policy lets out to the system (so a typed value can never become a file: or javascript: link).
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/main/policy';
import { telHref, webHref } from '../../renderer/src/ui/reach-hrefs';

describe('telHref', () => {
  it.each([
    ['+44 7700 900123', 'tel:+447700900123'],
    ['(020) 7946-0958', 'tel:02079460958'],
    ['+44 20 7946 0958 ext 12', 'tel:+442079460958;ext=12'],
    ['0161 496 0000 x 7', 'tel:01614960000;ext=7'],
    ['+1.555.010.0199 #204', 'tel:+15550100199;ext=204'],
  ])('%s → %s, which main opens', (phone, href) => {
    expect(telHref(phone)).toBe(href);
    expect(isAllowedExternalUrl(href)).toBe(true);
  });

  it('gives no link when there is nothing to dial', () => {
    expect(telHref('ext')).toBeNull();
  });
});

describe('webHref', () => {
  it.each([
    ['https://hwinteriors.co.uk', 'https://hwinteriors.co.uk'],
    ['hwinteriors.co.uk', 'https://hwinteriors.co.uk'],
    ['shop.example.com:8443/kitchens', 'https://shop.example.com:8443/kitchens'],
  ])('%s → %s, which main opens', (site, href) => {
    expect(webHref(site)).toBe(href);
    expect(isAllowedExternalUrl(href)).toBe(true);
  });

  it.each(['http://plain.example', 'javascript:alert(1)', 'file:///etc/passwd'])('%s gets no link', (site) => {
    expect(webHref(site)).toBeNull();
  });
});
