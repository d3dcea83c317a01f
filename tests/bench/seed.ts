// Fills a fresh data dir with a realistic address book (100,000 contacts by default) fast: the app's
// migrations make the schema, then raw prepared inserts in one transaction write rows exactly as the
// contacts/companies services would (the schema's triggers keep FTS and the tag tables in step).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { DB_FILE, openCore } from '../../electron/core/app';
import type { Logger } from '../../electron/core/logger';
import { harnessPlatform } from '../../electron/harness/platform';
import { contactDisplayName, dedupeTags, foldForSort, phoneDigits } from '../../shared/domain/text';
import { mulberry32 } from '../helpers/prng';

const FIRST_NAMES = `James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica
Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Margaret Anthony Betty Mark Sandra Donald Ashley Steven Kimberly Paul
Emily Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward Deborah Ronald Stephanie Timothy
Rebecca Jason Laura Jeffrey Sharon Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry
Brenda Justin Pamela Scott Nicole Brandon Samantha Benjamin Katherine Samuel Emma Gregory Ruth Frank Christine Alexander Catherine
Raymond Debra Patrick Rachel Jack Carolyn Dennis Janet Jerry Virginia Tyler Maria Aaron Heather Jose Diane Adam Julie Henry Joyce
Nathan Victoria Douglas Olivia Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan Evelyn Jeremy Judith Harold Megan Keith
Cheryl Christian Andrea Roger Hannah Noah Martha Gerald Jacqueline Carl Frances Terry Gloria Sean Ann Austin Teresa Arthur Kathryn
Lawrence Sara Jesse Janice Dylan Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce Julia Albert Judy Willie Grace Gabriel
Denise Logan Amber Alan Marilyn Juan Beverly Wayne Danielle Roy Theresa Ralph Sophia Randy Marie Eugene Diana Vincent Brittany Russell
Natalie Elijah Isabella Louis Charlotte Bobby Rose Philip Alexis Johnny Kayla Mohammed Aisha Fatima Omar Priya Arjun Ananya Rohan
Wei Mei Hiroshi Yuki Sakura Kenji Min-jun Seo-yeon Oluwaseun Chinonso Amara Kwame Thandiwe Sipho Siobhán Seán Niamh Aoife Ciarán
Órla Pádraig José María Jesús Ángel Álvaro Inés Lucía Sofía Martín Raúl Óscar Andrés Rubén Ramón Nuria Begoña Iñaki Joaquín
Émile Élodie Hélène Chloé Zoé Léa Mathéo Noël Gaël Maëlle Anaïs Jérôme Stéphane Frédéric Benoît Célia Agnès François Françoise
Jürgen Jörg Günther Björn Søren Åsa Ægir Øystein Märta Ingrid Sigríður Þórunn Jón Guðrún Mikołaj Łukasz Małgorzata Wojciech Zoë
Renée André René Ana João Gonçalo Tomás Sebastián Nicolás Matías Dênis Çağla Şebnem Ömer Gökhan Zeynep Ayşe Dušan Milica Đorđe
Luka Marija Ivana Petr Jiří Tereza Václav Kateřina Ondřej Miloš Nguyễn Thảo Linh Quang Huệ Bảo Chiara Giuseppe Francesca Niccolò`
  .split(/\s+/);

const LAST_NAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas
Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker
Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard
Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel
Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez
Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis
Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry
Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Muñoz Hunt
Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt García Martínez Hernández
López González Pérez Sánchez Ramírez Gómez Díaz Jiménez Álvarez Fernández Núñez Peña Ibáñez Muñiz Cañete Ortega Domínguez Vázquez
Müller Schäfer Schröder Köhler Jäger Groß Krüger Böhm Weiß Fuchs Østergaard Søndergaard Åberg Löfgren Ångström Bjørnsen Nyström
Lefèvre Dubois Bérénger Gérard Rousseau Benoît Côté Lévesque Lemaître Faure Hébert Ménard Chevalier Mercier Brûlé Gagné Thériault
Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Dąbrowski Kozłowski Jankowski Nowak Mazur Krawczyk Piotrowski
Dvořák Novák Černý Procházka Kučera Horváth Kovács Szabó Tóth Nagy Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Özdemir Doğan
O'Brien O'Connor O'Sullivan Ó'Ceallaigh McCarthy MacLeod Ní-Bhriain Ferreira Gonçalves Araújo Conceição Magalhães Brandão Simões
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De-Luca Mancini Costa Giordano Rizzo
Nakamura Tanaka Suzuki Watanabe Yamamoto Kobayashi Takahashi Sato Park Choi Jung Kang Cho Yoon Wang Li Zhang Liu Yang Huang Zhao
Wu Zhou Xu Sun Ma Hu Guo Lin He Gao Luo Kumar Sharma Singh Gupta Reddy Iyer Nair Menon Das Bose Chatterjee Mukherjee Khan Ahmed
Ali Hussain Rahman Okafor Adeyemi Okonkwo Mensah Boateng Dlamini Nkosi Mbeki Abara Oyelaran Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi`
  .split(/\s+/)
  .map((name) => name.replace(/-/g, ' '));

const TAGS = `VIP,Newsletter,Lead 2024,Lead 2025,Referral,Trade show,Supplier,Wholesale,Retail,Local,Overseas,Follow up,Quoted,Invoiced,
Overdue,Loyal,Christmas card,Kitchen,Bathroom,Garden,Roofing,Electrical,Plumbing,Design,Consulting,Weddings,Corporate,Charity,Friends,Do not call`
  .split(',')
  .map((tag) => tag.trim());

const COMPANY_WORDS = `Northwind Harbour Bright Oak Cedar Maple Riverside Summit Bluebell Granite Ironbridge Kingfisher Lakeside Meadow
Millstone Redwood Silverline Stonegate Thistle Westfield Ashford Beacon Copper Crown Elmstead Fairview Greenway Hawthorn Juniper Larch
Moorland Nordic Orchard Pinecrest Quayside Rosewood Saxon Tidewater Valley Willow Zenith Álvarez Müller Lefèvre Côté Brandão Søndergaard
Łódź Kraków Dvořák`.split(/\s+/);
const COMPANY_TRADES = `Plumbing Joinery Design Consulting Electrical Builders Roofing Gardens Catering Print Media Accountancy Legal Dental
Physio Motors Logistics Cleaning Decorating Flooring Glazing Kitchens Bathrooms Landscapes Architecture Surveying Bakery Coffee Florists
Photography Events Tailoring Optics Pharmacy Veterinary Security Tutoring Fitness Salon Studio`.split(/\s+/);
const COMPANY_SUFFIXES = ['Ltd', 'Ltd', 'Limited', '& Co', 'LLP', 'Group', 'GmbH', 'SARL', 'S.L.', 'Sp. z o.o.', 'Inc.', ''];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'icloud.com', 'proton.me', 'hotmail.com', 'gmx.de', 'orange.fr', 'web.de', 'btinternet.com'];
const JOB_TITLES = `Owner,Director,Managing Director,Office Manager,Site Manager,Project Manager,Accountant,Bookkeeper,Buyer,Sales Manager,
Architect,Interior Designer,Electrician,Plumber,Joiner,Estate Agent,Solicitor,Practice Manager,Head Chef,Marketing Lead,Founder,
Operations Manager,Receptionist,Surveyor,Consultant`.split(',').map((t) => t.trim());
const NOTES = [
  'Met at the spring trade show; interested in a quote for the kitchen refit.',
  'Prefers calls after 4pm. Has a dog, ring the bell twice.',
  'Referred by a neighbour. Wants a follow up in March.',
  'Paid the last invoice late; ask for a deposit next time.',
  'Très sympathique, parle anglais. Devis envoyé le 12 mai.',
  'Hat nach einem Angebot für die Gartengestaltung gefragt.',
  'Wants monthly maintenance visits, budget about £200.',
  'Owns three rental flats in town; potential repeat work.',
  'Asked about the loyalty discount. Follow up after the holidays.',
  'Quería presupuesto para reformar el baño antes de verano.',
  'Allergic to latex: use nitrile gloves on site.',
  'Key is with the neighbour at number 12.',
];
const LEAD_SOURCES = ['Website', 'Referral', 'Trade show', 'Google', 'Instagram', 'Word of mouth', 'Flyer'];
const CITIES = ['London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh', 'Cardiff', 'Dublin', 'Lyon', 'München', 'Málaga', 'Kraków', 'Göteborg'];
const KINDS: [string, number][] = [['customer', 0.55], ['prospect', 0.25], ['partner', 0.07], ['supplier', 0.08], ['other', 0.05]];

/** Deterministic PRNG (mulberry32): every run seeds the same book, so runs compare. */
function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => next() < p;
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  return { next, int, pick, chance, digits };
}

const asciiWord = (text: string) => foldForSort(text).replace(/[^a-z0-9]/g, '');

export interface SeedOptions {
  contacts?: number;
  companies?: number;
  logger?: Logger;
}

export interface SeedResult {
  file: string;
  contacts: number;
  companies: number;
  ms: number;
}

const START = Date.parse('2023-01-01T00:00:00.000Z');
const END = Date.parse('2026-06-01T00:00:00.000Z');

export async function seed(dataDir: string, options: SeedOptions = {}): Promise<SeedResult> {
  const contactCount = options.contacts ?? 100_000;
  const companyCount = options.companies ?? 2_000;
  const started = process.hrtime.bigint();
  (await openCore({ dataDir, platform: harnessPlatform(dataDir), ...(options.logger ? { logger: options.logger } : {}) })).close(); // runs the migrations

  const file = join(dataDir, DB_FILE);
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -262144'); // 256 MiB for this connection only: the indexes stay in memory while seeding
  const insertCompany = db.prepare(`INSERT INTO companies (id, name, sort_name, website, phone, address, notes, tags, created_at, updated_at, deleted_at)
    VALUES (@id, @name, @sort_name, @website, @phone, @address, @notes, @tags, @created_at, @updated_at, @deleted_at)`);
  const insertContact = db.prepare(`INSERT INTO contacts (id, first_name, last_name, display_name, sort_name, sort_last, emails, phones,
    search_details, addresses, job_title, company_id, website, birthday, tags, notes, kind, lead_source, email_opt_in, created_at, updated_at, deleted_at)
    VALUES (@id, @first_name, @last_name, @display_name, @sort_name, @sort_last, @emails, @phones, @search_details, @addresses, @job_title,
    @company_id, @website, @birthday, @tags, @notes, @kind, @lead_source, @email_opt_in, @created_at, @updated_at, @deleted_at)`);

  const r = prng(20261122);
  const stamp = (ms: number) => new Date(ms).toISOString();
  const later = (ms: number) => ms + r.int(END - ms);
  const someTags = (max: number) => dedupeTags(Array.from({ length: r.int(max + 1) }, () => r.pick(TAGS)));
  const phone = () =>
    r.pick([
      () => `+44 7700 9${r.digits(5)}`,
      () => `020 7946 ${r.digits(4)}`,
      () => `+1 (555) 01${r.digits(1)}-${r.digits(4)}`,
      () => `+33 6 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`,
      () => `0161 496 ${r.digits(4)}`,
    ])();

  const companies: { id: string; name: string; domain: string }[] = [];
  db.transaction(() => {
    for (let i = 0; i < companyCount; i++) {
      const word = COMPANY_WORDS[i % COMPANY_WORDS.length]!;
      const trade = COMPANY_TRADES[Math.floor(i / COMPANY_WORDS.length) % COMPANY_TRADES.length]!;
      const name = [word, trade, r.pick(COMPANY_SUFFIXES)].filter(Boolean).join(' ');
      const domain = `${asciiWord(word)}${asciiWord(trade)}.${r.pick(['co.uk', 'com', 'de', 'fr', 'es', 'pl'])}`;
      const createdMs = START + Math.floor((i * (END - START)) / companyCount / 2);
      const id = v7({ msecs: createdMs });
      insertCompany.run({
        id,
        name,
        sort_name: foldForSort(name),
        website: r.chance(0.8) ? `https://www.${domain}` : null,
        phone: r.chance(0.7) ? phone() : null,
        address: r.chance(0.5) ? JSON.stringify({ street: `${1 + r.int(200)} High Street`, city: r.pick(CITIES) }) : null,
        notes: r.chance(0.2) ? r.pick(NOTES) : null,
        tags: JSON.stringify(someTags(2)),
        created_at: stamp(createdMs),
        updated_at: stamp(later(createdMs)),
        deleted_at: null,
      });
      companies.push({ id, name, domain });
    }

    for (let i = 0; i < contactCount; i++) {
      const company = r.chance(1 / 3) ? r.pick(companies) : null;
      const nameless = company !== null && r.chance(0.03);
      const firstName = nameless ? null : r.pick(FIRST_NAMES);
      const lastName = nameless || r.chance(0.03) ? null : r.pick(LAST_NAMES);
      const displayName = contactDisplayName({ firstName, lastName, companyName: company?.name ?? null });
      const byLast = [lastName, firstName].filter(Boolean).join(' ') || displayName;
      const local = [firstName, lastName].filter((p): p is string => !!p).map(asciiWord).join('.') || 'info';
      const emails = [{ value: `${local}${r.chance(0.3) ? r.int(100) : ''}@${company ? company.domain : r.pick(FREE_MAIL)}`, label: company ? 'work' : 'home' }];
      if (r.chance(0.3)) emails.push({ value: `${local}.${r.int(1000)}@${r.pick(FREE_MAIL)}`, label: 'home' });
      const phones = Array.from({ length: r.int(3) }, (_, n) => ({ value: phone(), label: n === 0 ? 'mobile' : 'work' }));
      const addresses = r.chance(0.25) ? [{ label: 'home', street: `${1 + r.int(300)} Station Road`, city: r.pick(CITIES), postcode: `AB${r.digits(1)} ${r.digits(1)}CD` }] : [];
      let weight = r.next();
      const kind = KINDS.find(([, p]) => (weight -= p) < 0)?.[0] ?? 'customer';
      const createdMs = START + Math.floor((i * (END - START)) / contactCount);
      const updatedMs = later(createdMs);
      const trashed = r.chance(0.02); // a little Trash, which the live indexes must skip
      insertContact.run({
        id: v7({ msecs: createdMs }),
        first_name: firstName,
        last_name: lastName,
        display_name: displayName,
        sort_name: foldForSort(displayName),
        sort_last: foldForSort(byLast),
        emails: JSON.stringify(emails),
        phones: JSON.stringify(phones),
        search_details: [...emails.map((e) => e.value), ...phones.flatMap((p) => [p.value, phoneDigits(p.value)])].join(' '),
        addresses: JSON.stringify(addresses),
        job_title: company && r.chance(0.7) ? r.pick(JOB_TITLES) : null,
        company_id: company?.id ?? null,
        website: null,
        birthday: r.chance(0.1) ? `19${50 + r.int(50)}-0${1 + r.int(9)}-${10 + r.int(18)}` : null,
        tags: JSON.stringify(someTags(3)),
        notes: r.chance(0.2) ? r.pick(NOTES) : null,
        kind,
        lead_source: r.chance(0.4) ? r.pick(LEAD_SOURCES) : null,
        email_opt_in: r.chance(0.35) ? 1 : 0,
        created_at: stamp(createdMs),
        updated_at: stamp(updatedMs),
        deleted_at: trashed ? stamp(updatedMs) : null, // deleting stamps both, as the service does
      });
    }
  })();
  db.close();

  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { file, contacts: contactCount, companies: companyCount, ms };
}
