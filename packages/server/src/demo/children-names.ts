import type { InfoCategory } from '@samsyn/core';

/**
 * Word lists for the demo children and their guardians. Names are common Swedish first and
 * family names combined at random, so no combination stands for a real person; streets are
 * everyday street names placed in the fictional towns of Region Exempellän.
 */

/** Girls' names common among children born 2008–2026. */
export const girlNames = [
  'Alice', 'Maja', 'Elsa', 'Astrid', 'Wilma', 'Freja', 'Olivia', 'Ebba', 'Selma', 'Alma', 'Vera', 'Ella',
  'Signe', 'Saga', 'Agnes', 'Stella', 'Lilly', 'Elvira', 'Juni', 'Nova', 'Leah', 'Clara', 'Ellen', 'Tyra',
  'Molly', 'Ines', 'Meja', 'Edith', 'Hedda', 'Siri', 'Lova', 'Julia', 'Emilia', 'Ida', 'Linnea', 'Nora',
  'Amira', 'Noor', 'Hiba', 'Sara', 'Zeynep', 'Aisha', 'Hanna', 'Matilda', 'Liv', 'Iris', 'Ronja', 'Thea',
] as const;

/** Boys' names common among children born 2008–2026. */
export const boyNames = [
  'William', 'Liam', 'Noah', 'Hugo', 'Lucas', 'Oliver', 'Elias', 'Adam', 'Alexander', 'Oscar', 'Vincent', 'Nils',
  'Theo', 'Ludvig', 'Leo', 'Harry', 'Charlie', 'Matteo', 'Sixten', 'Frans', 'Melvin', 'Viggo', 'Arvid', 'Axel',
  'Isak', 'Alvin', 'Emil', 'Filip', 'Gustav', 'Loke', 'Malte', 'Wilmer', 'Edvin', 'Milo', 'Olle', 'Sam',
  'Ali', 'Omar', 'Yusuf', 'Mohammed', 'Ibrahim', 'Love', 'Kevin', 'Jonathan', 'Anton', 'Albin', 'Ture', 'Otto',
] as const;

/** Women's names common among parents born 1970–2005. */
export const womenNames = [
  'Anna', 'Sara', 'Emma', 'Maria', 'Johanna', 'Jenny', 'Linda', 'Caroline', 'Sofia', 'Elin', 'Hanna', 'Malin',
  'Frida', 'Jessica', 'Camilla', 'Therese', 'Emelie', 'Josefin', 'Matilda', 'Lisa', 'Karin', 'Sandra', 'Amanda',
  'Amina', 'Fatima', 'Leyla', 'Katarzyna', 'Mirja', 'Petra', 'Annika', 'Helena', 'Ulrika',
] as const;

/** Men's names common among parents born 1970–2005. */
export const menNames = [
  'Johan', 'Andreas', 'Daniel', 'Mikael', 'Fredrik', 'Marcus', 'Erik', 'Martin', 'Jonas', 'Niklas', 'Christoffer',
  'Patrik', 'Magnus', 'Henrik', 'Tobias', 'Mattias', 'Joakim', 'Robert', 'Sebastian', 'Simon', 'Anders', 'Peter',
  'Ahmed', 'Mohammad', 'Hassan', 'Tomasz', 'Mehmet', 'Jussi', 'Stefan', 'Kristoffer', 'Viktor', 'David',
] as const;

/** Family names: the most common Swedish ones and names common among newer Swedes. */
export const familyNames = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson',
  'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg',
  'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg',
  'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson',
  'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson',
  'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Mårtensson', 'Lundström', 'Åberg',
  'Öberg', 'Ek', 'Hassan', 'Ali', 'Mohammed', 'Ahmed', 'Yilmaz', 'Korhonen', 'Nowak', 'Kaya', 'Hussein', 'Virtanen',
] as const;

export const streetNames = [
  'Storgatan', 'Skolgatan', 'Kyrkogatan', 'Björkvägen', 'Ängsvägen', 'Lärkstigen', 'Tallvägen', 'Granvägen',
  'Rönnvägen', 'Lindvägen', 'Ekvägen', 'Sjövägen', 'Parkgatan', 'Stationsgatan', 'Järnvägsgatan', 'Backvägen',
  'Solvägen', 'Violvägen', 'Blåklintsvägen', 'Hagvägen', 'Kvarnvägen', 'Strandvägen', 'Åkervägen', 'Smedjegatan',
  'Tingsgatan', 'Prästgårdsvägen', 'Skogsbrynet', 'Ringvägen', 'Furuvägen', 'Hantverkargatan',
] as const;

export interface EntryText {
  title: string;
  body: string;
}

/** Short, neutral entries per category: what a professional writes in the chronology. */
export const entryTexts: Record<InfoCategory, readonly EntryText[]> = {
  wellbeing: [
    { title: 'Kartläggning med välbefinnandehjulet', body: 'Samtal med barnet om de åtta områdena. Barnet beskriver sig som trygg hemma men mindre delaktig i gruppen.' },
    { title: 'Uppföljning av välbefinnande', body: 'Barnet beskriver att det går bättre med kamraterna. Fortsatt fokus på Aktiv och Delaktig.' },
    { title: 'Samtal om trivsel', body: 'Barnet trivs i gruppen men är ofta trött på morgonen. Vi följer upp om en månad.' },
    { title: 'Observation i vardagen', body: 'Barnet har lättare att komma in i leken än tidigare. Pedagogerna stöttar vid övergångar.' },
  ],
  plan: [
    { title: 'Gemensam plan upprättad', body: 'Mål: regelbunden närvaro och en trygg vuxen under skoldagen. Ansvariga och tid för uppföljning bestämda.' },
    { title: 'Uppföljning av planen', body: 'Två av tre delmål uppnådda. Planen förlängs med fokus på sömn och kamratrelationer.' },
    { title: 'SIP-möte genomfört', body: 'Vårdnadshavare, barnet och berörda verksamheter deltog. Insatserna samordnas enligt planen.' },
    { title: 'Plan för övergång', body: 'Överlämning inför ny verksamhet planerad tillsammans med familjen.' },
  ],
  concern: [
    { title: 'Signal om oro', body: 'Personalen har uppmärksammat ökad frånvaro och nedstämdhet. Samtal med vårdnadshavare bokat.' },
    { title: 'Oro uppmärksammad', body: 'Barnet har berättat om bråk hemma. Kontakt tagen med socialtjänsten för konsultation.' },
  ],
  school: [
    { title: 'Frånvaro under perioden', body: 'Frånvaron är 18 procent, främst måndagar. Mentor har kontakt med hemmet varje vecka.' },
    { title: 'Extra anpassningar', body: 'Anpassningar i matematik och svenska: förkortade uppgifter och stöd vid start av lektion.' },
    { title: 'Utvecklingssamtal', body: 'Barnet når kunskapskraven i de flesta ämnen. Fortsatt stöd i läsförståelse.' },
    { title: 'Pedagogisk kartläggning', body: 'Kartläggningen visar behov av struktur och tydliga instruktioner.' },
  ],
  health: [
    { title: 'Hälsobesök', body: 'Längd och vikt följer kurvan. Samtal om sömn, mat och fysisk aktivitet.' },
    { title: 'Hälsosamtal', body: 'Barnet sover dåligt och har huvudvärk. Råd givna, uppföljning om sex veckor.' },
    { title: 'Bedömningssamtal', body: 'Första bedömningen genomförd. Fortsatt utredning av koncentrationssvårigheter.' },
    { title: 'Behandlingskontakt', body: 'Samtalskontakt var tredje vecka. Barnet deltar aktivt och mår något bättre.' },
  ],
  social_services: [
    { title: 'Utredning inledd', body: 'Utredning enligt socialtjänstlagen inledd efter ansökan från vårdnadshavare.' },
    { title: 'Samtal med familjen', body: 'Hembesök genomfört. Familjen önskar stöd i föräldraskapet.' },
    { title: 'Beslut om insats', body: 'Beviljat familjebehandling, en träff i veckan under hösten.' },
  ],
};
