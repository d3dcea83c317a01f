// Issue #22 items 4 and 8: replies written by real mail programs (tests/fixtures/case-replies, SOURCES.md) thread onto
// the right case — by the Message-IDs they answer, else by a [C-0042] token behind the program's own prefix chain —
// through the app's own .eml parser. A token in the body never attaches; a same-sender, same-subject case is only
// suggested. The cases are plain data here: the matcher takes its lookups from the caller.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caseLabel, caseNumbersIn, caseToken, incomingOf, messageIdsIn, normaliseSubject, replySubject, subjectKey,
  threadMessage, type ThreadLookups,
} from '../../electron/core/cases/threading';
import { parseEml } from '../../electron/core/email/eml-parse';

const dir = join(process.cwd(), 'tests/fixtures/case-replies');

interface Fixture {
  /** What normaliseSubject must make of the program's real subject. */
  subject: string;
  /** An earlier message of the thread (In-Reply-To or one from References), played as one the case sent. */
  thread?: string;
}

const FIXTURES: Record<string, Fixture> = {
  'talon-thunderbird.eml': { subject: 'Test' },
  'talon-apple-mail.eml': { subject: 'Test' },
  'talon-apple-mail-8.eml': { subject: 'Hello there', thread: 'CABzQGhkMXDxUt_tSVQcg=43aniUhtsVfCZVzu-PG0kwS_uzqMw@mail.gmail.com' },
  'talon-iphone.eml': { subject: 'Test' },
  'talon-gmail.eml': { subject: 'Test' },
  'talon-android-gmail.eml': { subject: 'Test' },
  'talon-yahoo.eml': { subject: 'Test', thread: '1333374262.7063.15.camel@mg5' },
  'talon-aol.eml': { subject: 'Test' },
  'talon-comcast-zimbra.eml': { subject: 'Test' },
  'lkml-outlook85-sv.eml': { subject: 'Lockups with 2.4.14 and 2.4.16', thread: 'E16Dwct-0007QB-00@the-village.bc.nu' },
  'lkml-exchange-sv.eml': { subject: 'Efficient IPC mechanism on Linux' },
  'lkml-everyday-webmail-sv.eml': { subject: 'i810 sound broken...' },
  'lkml-outlook-express-vs.eml': { subject: 'My previous question about iwlib', thread: 'A9497EC5D6C@vcnet.vc.cvut.cz' },
  'lkml-ims55-wg.eml': { subject: '2.4 on COMPQ Proliant' },
  'lkml-outlook2002-wg.eml': { subject: 'questions regarding Journalling-FSes and w-cache reordering' },
  'lkml-groupwise-antw.eml': {
    subject: 'Strange "git stash pop" conflict (one chunk out of many)',
    thread: '639B074B020000A100050792@gwsmtp.uni-regensburg.de',
  },
  'lkml-outlook2010-fr-tr.eml': { subject: '[GitHub] Deprecation Notice', thread: '606968f85bfd6_3ff71824384fc@lowworker-78946b45bb-cr8gn.mail' },
  'v4l-yahoo-es-rv.eml': { subject: 'mx3-camera on current mxc kernel tree' },
  'lkml-webmail-fwd-re.eml': { subject: '2.6.0-test2: lost mouse synchronization after apm-suspend' },
  'lkml-kmail-fwd-re.eml': { subject: `What does the "i" in inode stand for? Dennis Ritchie doesn't know either.` },
  'netdev-evolution-re-aw.eml': {
    subject: 'help for driver porting - missing member preset_chandef in struct wireless_dev',
    thread: 'trinity-de687d18-b2a2-4cde-9383-a4d6ddba6a77-1661177057496@3c-app-gmx-bap06',
  },
  'git-gnus-re-aw-chain.eml': {
    subject: "[PATCH v3 3/6] Change 'git' to 'Git' whenever the whole system is referred to #2",
    // Gnus writes a comment after the id: "<…> (Thomas Ackermann's message of …)".
    thread: '210945773.1090030.1359741840305.JavaMail.ngmail@webmail18.arcor-online.net',
  },
  'netdev-thunderbird91-re-aw.eml': {
    subject: '[RFC PATCH net-next] dt-bindings: net: dsa: mediatek,mt7530: completely rework binding',
    thread: '20220726122406.31043-1-arinc.unal@arinc9.com',
  },
  'linuxman-outlook-de-aw.eml': { subject: 'expm1(3p): Mathematical error in given example', thread: '1169008777.20210211105918@gmx.net' },
  'git-gmx-webmail-aw.eml': {
    subject: '[PATCH] diff: allow --color-moved with --no-ext-diff',
    thread: 'trinity-acbdb8fc-3dc3-4dca-890c-8bcb37405782-1719050465639@msvc-mesg-gmx004',
  },
  'osssec-apple-mail16-re.eml': {
    subject: '[oss-security] backdoor in upstream xz/liblzma leading to ssh server compromise',
    thread: '01322afdcf6b4dd7b81452dc5afed6b1@amazon.com',
  },
  'git-apple-mail9-re.eml': { subject: '2.11.0-rc1 will not be tagged for a few days', thread: 'xmqqk2cgc95m.fsf@gitster.mtv.corp.google.com' },
  'qemu-iphone-mail-re.eml': { subject: '[PATCH] docs: Document that hvf on Arm is supported', thread: '20241127-build-v1-1-65b8162733f0@daynix.com' },
  'lkml-iphone-mail13-re.eml': {
    subject: '[PATCH v10 4/6] x86/split_lock: Enumerate split lock detection if the IA32_CORE_CAPABILITIES MSR is not supported',
    thread: '1574297603-198156-5-git-send-email-fenghua.yu@intel.com',
  },
  'netdev-outlook2016-re.eml': {
    subject: '[RFC PATCH net-next v5 2/9] i2c: designware: Add driver support for Wangxun 10Gb NIC',
    thread: '013a01d978ae$182104c0$48630e40$@trustnetic.com',
  },
  'git-outlook2016-re.eml': {
    subject: 'Possible git-diff bug when using exit-code with diff filters',
    // Outlook separated two ids of References with a tab.
    thread: '82561c70-ec33-41bf-b036-52310ffc1926@web.de',
  },
};

interface Case {
  number: number;
  subject: string;
  sender: string;
  sentIds: string[];
}

/** The caller's side: cases as plain data, looked up the way a repo would. */
function lookupsOf(cases: Case[]): ThreadLookups<Case> {
  return {
    caseByMessageId: (id) => cases.find((c) => c.sentIds.includes(id)),
    caseByNumber: (n) => cases.find((c) => c.number === n),
    casesBySenderSubject: (from, key) => cases.filter((c) => c.sender === from && subjectKey(c.subject) === key),
  };
}

const read = (file: string) => readFileSync(join(dir, file));

/** The raw message with `extra` appended to its Subject header (after any folded continuation lines), bytes kept. */
function withSubjectSuffix(raw: Buffer, extra: string): Buffer {
  const text = raw.toString('latin1');
  const m = /^Subject:[^\n]*\n(?:[ \t][^\n]*\n)*/im.exec(text);
  if (!m) throw new Error('fixture has no Subject header');
  const end = m.index + m[0].length - (m[0].endsWith('\r\n') ? 2 : 1);
  return Buffer.from(text.slice(0, end) + extra + text.slice(end), 'latin1');
}

const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();

describe('real reply fixtures', () => {
  it('has at least 30 replies, each described here and in SOURCES.md', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(FIXTURES).sort());
    const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
    for (const f of files) expect(sources, f).toContain(`\`${f}\``);
  });

  it.each(files)('%s: its prefix chain normalises to the bare subject', async (file) => {
    const parsed = await parseEml(read(file));
    expect(normaliseSubject(parsed.subject)).toBe(FIXTURES[file]?.subject);
  });

  it.each(files)('%s: with the case token the program kept behind its prefixes, it files onto that case', async (file) => {
    const parsed = await parseEml(withSubjectSuffix(read(file), ` ${caseToken(42)}`));
    const cases: Case[] = [
      { number: 41, subject: FIXTURES[file]?.subject ?? '', sender: 'someone@else.example', sentIds: [] },
      { number: 42, subject: 'Leaking tap', sender: 'nobody@example.test', sentIds: [] },
    ];
    const decision = await threadMessage(incomingOf(parsed), lookupsOf(cases));
    expect(decision).toMatchObject({ kind: 'attach', by: 'token', caseNumber: 42, case: { number: 42 } });
  });

  const threaded = files.filter((f) => FIXTURES[f]?.thread);
  it('17 of them answer earlier messages by In-Reply-To/References', () => expect(threaded.length).toBe(17));

  it.each(threaded)('%s: answering a message the case sent, it files onto that case (ids beat a token)', async (file) => {
    const parsed = await parseEml(withSubjectSuffix(read(file), ' [C-0007]'));
    const thread = FIXTURES[file]?.thread as string;
    const cases: Case[] = [
      { number: 7, subject: 'Other', sender: 'x@example.test', sentIds: [] },
      { number: 42, subject: 'Leaking tap', sender: 'y@example.test', sentIds: ['unrelated@example.test', thread] },
    ];
    const decision = await threadMessage(incomingOf(parsed), lookupsOf(cases));
    expect(decision).toMatchObject({ kind: 'attach', by: 'reference', messageId: thread, case: { number: 42 } });
  });
});

describe('what never attaches', () => {
  it('a case token only in the body is not attached', async () => {
    const raw = Buffer.from(read('talon-gmail.eml').toString('latin1').replace('Hello\n\nOn Mon', 'Hello, about [C-0042]\n\nOn Mon'), 'latin1');
    const parsed = await parseEml(raw);
    expect(parsed.text).toContain('[C-0042]');
    const decision = await threadMessage(incomingOf(parsed), lookupsOf([{ number: 42, subject: 'Leaking tap', sender: 'a@b.test', sentIds: [] }]));
    expect(decision).toEqual({ kind: 'none' });
  });

  it('same sender and same subject is only a suggestion; another sender with that subject gets nothing', async () => {
    const parsed = await parseEml(read('lkml-exchange-sv.eml'));
    const mine: Case = { number: 5, subject: 'Efficient IPC mechanism on Linux', sender: 'lars@twinox.se', sentIds: [] };
    const theirs: Case = { number: 6, subject: 'EFFICIENT  IPC mechanism on Linux', sender: 'other@twinox.se', sentIds: [] };
    expect(await threadMessage(incomingOf(parsed), lookupsOf([mine, theirs]))).toEqual({ kind: 'suggest', by: 'sender-subject', cases: [mine] });
    expect(await threadMessage(incomingOf(parsed), lookupsOf([theirs]))).toEqual({ kind: 'none' });
  });

  it('a token naming no case, and ids no case sent, fall through to nothing', async () => {
    const parsed = await parseEml(withSubjectSuffix(read('talon-yahoo.eml'), ' [C-9999]'));
    expect(await threadMessage(incomingOf(parsed), lookupsOf([{ number: 42, subject: 'x', sender: 'x@y.test', sentIds: ['a@b'] }]))).toEqual({ kind: 'none' });
  });

  it("a message's own Message-ID is not taken as an answer to itself", async () => {
    const own = '4F79B73C.9030506@xxx.mailgun.org';
    const msg = { messageId: `<${own}>`, references: `<${own}>`, subject: 'Re: Test' };
    expect(await threadMessage(msg, lookupsOf([{ number: 1, subject: 'y', sender: 'z@z.test', sentIds: [own] }]))).toEqual({ kind: 'none' });
  });
});

describe('subjects and tokens', () => {
  it.each([
    ['AW: SV: Re: Fwd: Leaking tap', 'Leaking tap'],
    ['RE: RE: re: Leaking tap [C-0042]', 'Leaking tap'],
    ['Re[2]: Re^3: RE(4): Leaking tap', 'Leaking tap'],
    ['Antw: [EXT] Re: Leaking tap', 'Leaking tap'],
    ['WG: TR: RV: Enc: R: Ref: Odp: VS: Vs:   Leaking tap', 'Leaking tap'],
    ['Antwort: Fw: FW: Sv: Leaking tap', 'Leaking tap'],
    ['[Fwd: Re: Leaking tap]', 'Leaking tap'],
    ['回复：转发: Leaking tap', 'Leaking tap'],
    // Sympa's multilingual reply test (sympa-community/sympa, src/lib/Sympa/Spindle: "Multilingual Re:").
    ['Απ: ΣΧΕΤ: Σχετ: На: на: Vá: R: RIF: Atb.: RES: Odp: Ynt: ATB: 回复: 回覆：VS: Fwd: Re: Something', 'Something'],
    ['[C-0042] Re: Leaking tap', 'Leaking tap'],
    ['Re: Leaking tap: the valve', 'Leaking tap: the valve'],
    ['Reminder: Leaking tap', 'Reminder: Leaking tap'],
    ['   ', ''],
  ])('%s → %s', (input, out) => expect(normaliseSubject(input)).toBe(out));

  it('caseToken pads to four digits and reads back in every bracket and dash variant', () => {
    expect(caseLabel(42)).toBe('C-0042');
    expect(caseToken(42)).toBe('[C-0042]');
    expect(caseToken(12345)).toBe('[C-12345]');
    for (const s of ['x [C-0042]', 'x [C-42]', 'x [c-0042]', 'x [ C 0042 ]', 'x [C‑0042]', 'x [C–42]', 'x ［Ｃ－００４２］', 'x (C-0042)', 'x 【C-0042】']) {
      expect(caseNumbersIn(s), s).toEqual([42]);
    }
    expect(caseNumbersIn('C-0042 and [CX-0042] and [C-] and [C-0000]')).toEqual([]);
    expect(() => caseToken(0)).toThrow(RangeError);
  });

  it('a reply subject never stacks prefixes or tokens and round-trips its case number', () => {
    const first = replySubject('Leaking tap under warranty', 42);
    expect(first).toBe('Re: Leaking tap under warranty [C-0042]');
    for (const incoming of [first, `AW: ${first}`, `SV: Re: ${first}`, 'Re: [C-0042] Leaking tap under warranty', 'Fwd: Leaking tap under warranty [C-42]']) {
      expect(replySubject(incoming, 42), incoming).toBe(first);
      expect(caseNumbersIn(incoming)).toEqual([42]);
      expect(normaliseSubject(incoming)).toBe('Leaking tap under warranty');
    }
    expect(replySubject('', 7)).toBe('Re: [C-0007]');
  });

  it('Message-IDs are read with or without brackets, comments and tabs', () => {
    expect(messageIdsIn('<a@x> (Someone\'s message of "Fri")')).toEqual(['a@x']);
    expect(messageIdsIn(['<a@x>\t<b@y>', '<a@x>'])).toEqual(['a@x', 'b@y']);
    expect(messageIdsIn('bare@id.example')).toEqual(['bare@id.example']);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});
