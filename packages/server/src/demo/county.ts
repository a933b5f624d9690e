import type { Sector } from '@samsyn/core';

/**
 * Region Exempellän: a fictional county. Its county code 99 and municipality codes 99xx are
 * outside SCB's real series on purpose, so demo figures can never mix with real statistics.
 */
export const county = {
  region: { name: 'Region Exempellän', countyCode: '99', organisationNumber: '232100-9900' },
  municipalities: [
    { name: 'Exempelstads kommun', short: 'Exempelstad', code: '9901', organisationNumber: '212000-9901' },
    { name: 'Norrviks kommun', short: 'Norrvik', code: '9902', organisationNumber: '212000-9902' },
    { name: 'Sjöbacka kommun', short: 'Sjöbacka', code: '9903', organisationNumber: '212000-9903' },
    { name: 'Åsberga kommun', short: 'Åsberga', code: '9904', organisationNumber: '212000-9904' },
    { name: 'Lindmo kommun', short: 'Lindmo', code: '9905', organisationNumber: '212000-9905' },
  ],
  partners: [
    { name: 'Polisen lokalpolisområde Exempellän', partnerType: 'police' as const, organisationNumber: '202100-9999', unit: { name: 'Ungdomsgruppen', sector: 'police' as Sector } },
    { name: 'Föreningen Fristad', partnerType: 'non_profit' as const, organisationNumber: '802000-9999', unit: { name: 'Fristad stödgrupper', sector: 'non_profit' as Sector } },
  ],
} as const;

/** Units a municipality runs, with how many professionals each has. */
export const municipalUnits: { name: (town: string) => string; sector: Sector; staff: number }[] = [
  { name: (t) => `${t} förskola Solrosen`, sector: 'preschool', staff: 3 },
  { name: (t) => `${t} förskola Ekorren`, sector: 'preschool', staff: 3 },
  // The first school is where the fixed demo logins work: an F–9 school, as the demo child is 14.
  { name: (t) => `Centrumskolan ${t} F–9`, sector: 'school', staff: 5 },
  { name: (t) => `${t}skolan F–6`, sector: 'school', staff: 5 },
  { name: (t) => `${t} högstadieskola 7–9`, sector: 'school', staff: 5 },
  { name: (t) => `Elevhälsan ${t}`, sector: 'student_health', staff: 4 },
  { name: (t) => `Socialtjänsten ${t}, barn och unga`, sector: 'social_services', staff: 5 },
  { name: (t) => `Fritidsgården ${t}`, sector: 'leisure', staff: 2 },
  { name: (t) => `Kommunala aktivitetsansvaret ${t}`, sector: 'youth_follow_up', staff: 2 },
  { name: (t) => `Kommunledningen ${t}`, sector: 'administration', staff: 1 },
];

/** Units the region runs. */
export const regionalUnits: { name: string; sector: Sector; staff: number }[] = [
  { name: 'Barnmorskemottagningen Exempelstad', sector: 'maternity_care', staff: 2 },
  { name: 'Barnmorskemottagningen Norrvik', sector: 'maternity_care', staff: 2 },
  { name: 'BVC Exempelstad', sector: 'child_health_care', staff: 3 },
  { name: 'BVC Sjöbacka', sector: 'child_health_care', staff: 2 },
  { name: 'BVC Lindmo', sector: 'child_health_care', staff: 2 },
  { name: 'Vårdcentralen Exempelstad', sector: 'primary_care', staff: 3 },
  { name: 'Vårdcentralen Åsberga', sector: 'primary_care', staff: 2 },
  { name: 'Vårdcentralen Norrvik', sector: 'primary_care', staff: 2 },
  { name: 'BUP Exempellän', sector: 'child_psychiatry', staff: 4 },
  { name: 'BUP Öppenvård Norrvik', sector: 'child_psychiatry', staff: 2 },
  { name: 'Habiliteringen Exempellän', sector: 'habilitation', staff: 3 },
  { name: 'Regionkansliet', sector: 'administration', staff: 1 },
];

export const firstNames = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Emma', 'Lena', 'Johanna', 'Sofia', 'Elin', 'Linnea', 'Hanna',
  'Ida', 'Malin', 'Amira', 'Fatima', 'Leila', 'Aino', 'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per',
  'Mikael', 'Jonas', 'Oskar', 'Ali', 'Omar', 'Mehmet', 'David', 'Niklas', 'Henrik', 'Viktor', 'Samuel', 'Ahmed',
];

export const lastNames = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Lindberg', 'Lindqvist', 'Berg', 'Holm', 'Sandberg', 'Ek',
  'Hassan', 'Yilmaz', 'Mohammed', 'Korhonen', 'Nowak', 'Lundgren', 'Åberg', 'Öberg', 'Björk', 'Sjöberg',
];

export const titles: Partial<Record<Sector, string[]>> = {
  preschool: ['Förskollärare', 'Barnskötare'],
  school: ['Lärare', 'Speciallärare', 'Studie- och yrkesvägledare'],
  student_health: ['Skolsköterska', 'Skolkurator', 'Skolpsykolog', 'Specialpedagog'],
  social_services: ['Socialsekreterare', 'Familjebehandlare'],
  leisure: ['Fritidsledare'],
  youth_follow_up: ['KAA-handläggare'],
  maternity_care: ['Barnmorska'],
  child_health_care: ['BVC-sjuksköterska'],
  primary_care: ['Distriktsläkare', 'Sjuksköterska'],
  child_psychiatry: ['Psykolog', 'Barnpsykiater', 'Kurator'],
  habilitation: ['Arbetsterapeut', 'Fysioterapeut'],
  police: ['Kommunpolis'],
  non_profit: ['Samordnare'],
  administration: ['Handläggare'],
};
