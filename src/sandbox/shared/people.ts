import { Random } from './random';

/**
 * The people behind the seed data. One person may be a customer at several providers under one external ID;
 * each simulator decides from its own random stream which people it holds and what they have there.
 */
export interface Person {
  index: number;
  /** The caller's own id for this person, e.g. `user_000042`. */
  externalId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  /** When the person first signed up; each provider's record is created on or after this. */
  signedUpAt: Date;
  dateOfBirth: string;
  address: { line1: string; line2: string | null; city: string; state: string | null; postalCode: string; country: string };
  timezone: string;
  currency: string;
}

/** How many of the first people exist at every provider, so examples (GraphiQL, README) always resolve. */
export const EVERYWHERE_PEOPLE = 5;

const FIRST_NAMES = [
  'Ada', 'Alan', 'Amara', 'Andrea', 'Aiko', 'Benjamin', 'Beatriz', 'Chen', 'Chloe', 'Daniel', 'Darius', 'Elena', 'Emeka',
  'Emma', 'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jade', 'James', 'Joon', 'Julia', 'Kai', 'Kavya',
  'Leila', 'Liam', 'Lucia', 'Malik', 'Maria', 'Mateo', 'Maya', 'Mei', 'Nadia', 'Nikolai', 'Noah', 'Olga', 'Omar',
  'Priya', 'Rafael', 'Rosa', 'Samuel', 'Sara', 'Sofia', 'Somchai', 'Tariq', 'Thandi', 'Tomas', 'Valentina', 'Victor',
  'Wei', 'Yara', 'Yusuf', 'Zoe', 'Arjun', 'Camille', 'Diego', 'Freya', 'Gabriel', 'Ingrid', 'Kenji', 'Lars', 'Nina',
  'Oscar', 'Pedro', 'Quinn', 'Ruth', 'Siddharth', 'Tatiana', 'Ulrich', 'Vera', 'Xavier', 'Yuki', 'Zainab',
];

const LAST_NAMES = [
  'Okafor', 'Smith', 'Garcia', 'Nguyen', 'Kim', 'Patel', 'Müller', 'Rossi', 'Silva', 'Tanaka', 'Johnson', 'Lopez',
  'Chen', 'Khan', 'Ivanova', 'Dubois', 'Andersson', 'Mensah', 'Haddad', 'Costa', 'Novak', 'Sato', 'Williams', 'Brown',
  'Jones', 'Davis', 'Martinez', 'Wilson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Walker', 'Hall',
  'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell',
  'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Torres', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Flores',
  'Morris', 'Murphy', 'Rivera', 'Cook', 'Rogers', 'Morgan', 'Peterson', 'Cooper', 'Reed', 'Bailey', 'Bell', 'Gomez',
  'Kelly', 'Howard', 'Ward', 'Cox', 'Diaz', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Suzuki',
];

const COMPANIES = [
  'Acme Analytics', 'Brightline Labs', 'Cobalt Systems', 'Driftwood Studio', 'Ember Health', 'Fieldnote', 'Granite Works',
  'Harbor Logistics', 'Ion Robotics', 'Juniper Finance', 'Kestrel Media', 'Lumen Energy', 'Meridian Travel', 'Northwind',
  'Orchard Foods', 'Pinecone AI', 'Quarry Data', 'Riverbend Clinic', 'Saffron Kitchen', 'Tidal Security', 'Umbra Games',
];

const STREETS = ['Main St', 'Oak Ave', 'Sukhumvit Rd', 'Market St', 'High St', 'Elm St', 'Harbour Rd', 'King St', 'Maple Dr', 'Park Ln'];

interface Place {
  city: string;
  state: string | null;
  country: string;
  timezone: string;
  currency: string;
  postal: () => string;
}

function places(random: Random): Place[] {
  const digits = (count: number) => () => random.string(count, '0123456789');
  return [
    { city: 'San Francisco', state: 'CA', country: 'US', timezone: 'America/Los_Angeles', currency: 'USD', postal: digits(5) },
    { city: 'New York', state: 'NY', country: 'US', timezone: 'America/New_York', currency: 'USD', postal: digits(5) },
    { city: 'Austin', state: 'TX', country: 'US', timezone: 'America/Chicago', currency: 'USD', postal: digits(5) },
    { city: 'Bangkok', state: null, country: 'TH', timezone: 'Asia/Bangkok', currency: 'THB', postal: digits(5) },
    { city: 'Tokyo', state: null, country: 'JP', timezone: 'Asia/Tokyo', currency: 'JPY', postal: digits(7) },
    { city: 'Singapore', state: null, country: 'SG', timezone: 'Asia/Singapore', currency: 'SGD', postal: digits(6) },
    { city: 'London', state: null, country: 'GB', timezone: 'Europe/London', currency: 'GBP', postal: () => `EC${random.int(1, 4)}A ${random.int(1, 9)}BB` },
    { city: 'Berlin', state: null, country: 'DE', timezone: 'Europe/Berlin', currency: 'EUR', postal: digits(5) },
    { city: 'Paris', state: null, country: 'FR', timezone: 'Europe/Paris', currency: 'EUR', postal: digits(5) },
    { city: 'Lagos', state: null, country: 'NG', timezone: 'Africa/Lagos', currency: 'NGN', postal: digits(6) },
    { city: 'São Paulo', state: 'SP', country: 'BR', timezone: 'America/Sao_Paulo', currency: 'BRL', postal: digits(8) },
    { city: 'Toronto', state: 'ON', country: 'CA', timezone: 'America/Toronto', currency: 'CAD', postal: () => `M5V ${random.int(1, 9)}A${random.int(1, 9)}` },
  ];
}

const SEED_WINDOW_MS = 3 * 365 * 24 * 3600 * 1000;
/** Sign-ups stop this long before `now`, so a provider's record, created a few days later, still predates it. */
const SEED_MARGIN_MS = 4 * 24 * 3600 * 1000;

/**
 * Generates `count` people deterministically from `seed`. Sign-up times fall in the three years before `now`
 * (ending four days before it), newer people having higher indexes, so lists sorted newest first start with the
 * last people.
 */
export function generatePeople(seed: number, count: number, now: Date): Person[] {
  const random = new Random(seed, 'people');
  const placeList = places(random);
  const emailsTaken = new Map<string, number>();
  const start = now.getTime() - SEED_MARGIN_MS - SEED_WINDOW_MS;
  const step = SEED_WINDOW_MS / Math.max(count, 1);
  const people: Person[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const place = random.pick(placeList);
    const localPart = `${ascii(firstName)}.${ascii(lastName)}`;
    const seen = emailsTaken.get(localPart) ?? 0;
    emailsTaken.set(localPart, seen + 1);
    const domain = random.pick(['example.com', 'example.org', 'example.net', 'mail.example.com']);
    const signedUpAt = new Date(Math.floor(start + index * step + random.next() * step * 0.9));
    signedUpAt.setUTCMilliseconds(0);
    people[index] = {
      index,
      externalId: `user_${String(index + 1).padStart(6, '0')}`,
      firstName,
      lastName,
      email: `${localPart}${seen === 0 ? '' : seen + 1}@${domain}`,
      phone: `+1415${random.string(7, '0123456789')}`,
      company: random.pick(COMPANIES),
      signedUpAt,
      dateOfBirth: `${random.int(1950, 2004)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      address: {
        line1: `${random.int(1, 999)} ${random.pick(STREETS)}`,
        line2: random.chance(0.2) ? `Suite ${random.int(100, 999)}` : null,
        city: place.city,
        state: place.state,
        postalCode: place.postal(),
        country: place.country,
      },
      timezone: place.timezone,
      currency: place.currency,
    };
  }
  return people;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function ascii(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
