import type { Page, Request, Response } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs as openAs, resetBrowser, visit as visitPage, useBrowserSession, scanner, resize } from './browser.ts';
import { freshTestNumbers } from '../../server/src/test/identity-numbers.ts';
import { registerFile, type RegisterFileRow } from '../../server/src/register-import/register-file.ts';

// How a child enters Samsyn, in a browser, in Swedish and in English: a professional creates a
// child and finds them again; an administrator imports a register file with one bad row, fixes
// it and imports it again, and nothing is duplicated; and corrects a child's identity data.

let numbers: string[];
let guardians: string[];
let schoolCode: string;

const session = useBrowserSession();
beforeAll(async () => {
  const { db } = session.database;
  numbers = await freshTestNumbers(db, new Date(), 6, 12);
  guardians = await freshTestNumbers(db, new Date(), 36, 12, 700);
  const school = await db.selectFrom('unit as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select('u.school_unit_code').where('o.name', '=', 'Exempelstads kommun').where('u.school_unit_code', 'is not', null).orderBy('u.school_unit_code').executeTakeFirstOrThrow();
  schoolCode = school.school_unit_code!;
});

const loginAs = (username: string, language: 'sv' | 'en') => openAs(session, username, language);
const visit = (page: Page, path: string, heading: string | RegExp) => visitPage(session, page, path, heading);
const display = (n: string) => `${n.slice(0, 8)}-${n.slice(8)}`;

/** Axe with every impact level (minor and moderate too), WCAG 2.1 A/AA and best practice. */
const { violations } = scanner({ oneH1: true, bestPractice: true });
async function expectNoViolations(page: Page, label: string): Promise<void> {
  const found = await violations(page, label);
  expect(found, found.join('\n')).toEqual([]);
}

const texts = {
  sv: { search: 'Barn', newChild: 'Nytt barn', number: /^Personnummer/, given: /^Förnamn/, family: /^Efternamn/, guardianNumber: /^Personnummer, vårdnadshavare 1/, guardianGiven: /^Förnamn, vårdnadshavare 1/, guardianFamily: /^Efternamn, vårdnadshavare 1/, submit: 'Lägg in barnet', record: 'Barnets journal', imports: 'Registerimport', file: /^Registerfil/, preview: 'Förhandsgranska', accept: 'Godkänn och importera', done: /^Klart: /, error: 'Fel', correction: 'Rätta identitetsuppgifter', find: 'Sök fram barnet', city: /^Ort/, reason: /^Varför rättas/, save: 'Spara rättelsen', saved: 'Rättelsen är sparad.' },
  en: { search: 'Children', newChild: 'New child', number: /^Identity number/, given: /^Given name/, family: /^Family name/, guardianNumber: /^Identity number, guardian 1/, guardianGiven: /^Given name, guardian 1/, guardianFamily: /^Family name, guardian 1/, submit: 'Add the child', record: /record/i, imports: 'Register import', file: /^Register file/, preview: 'Preview', accept: 'Accept and import', done: /^Done: /, error: 'Error', correction: 'Correct identity data', find: 'Find the child', city: /^City/, reason: /^Why is the data/, save: 'Save the correction', saved: 'The correction has been saved.' },
} as const;

describe('a professional creates a child', () => {
  for (const [i, language] of (['sv', 'en'] as const).entries()) {
    it(`creates the record from "${texts[language].newChild}", opens it and finds it again (${language})`, async () => {
      const x = texts[language];
      const number = numbers[i]!;
      const page = await loginAs('teacher', language);
      await visit(page, '/child', /.+/);
      await page.getByRole('link', { name: x.newChild }).click();
      await page.getByRole('heading', { level: 1, name: x.newChild }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoViolations(page, `new child ${language}`);
      await resize(page, { width: 390, height: 844 });
      await expectNoViolations(page, `new child ${language} at 390 px`);
      await resize(page, { width: 1280, height: 860 });
      // A never-issued birth number is refused before anything is sent.
      const never = `${number.slice(0, 8)}000`;
      await page.getByRole('textbox', { name: x.number }).first().fill(`${never}${checkDigit(never.slice(2))}`);
      await page.getByRole('button', { name: x.submit }).click();
      await expect.poll(() => page.getByRole('textbox', { name: x.number }).first().getAttribute('aria-invalid')).toBe('true');
      await page.getByRole('textbox', { name: x.number }).first().fill(display(number));
      await page.getByRole('textbox', { name: x.given }).first().fill(language === 'sv' ? 'Saga' : 'Sigrid');
      await page.getByRole('textbox', { name: x.family }).first().fill('Nyinlagd');
      await page.getByRole('textbox', { name: x.guardianNumber }).fill(display(guardians[i]!));
      await page.getByRole('textbox', { name: x.guardianGiven }).fill('Vera');
      await page.getByRole('textbox', { name: x.guardianFamily }).fill('Nyinlagd');
      await page.getByRole('button', { name: x.submit }).click();
      await page.waitForURL(/\/child\/[0-9a-f-]{36}$/);
      const childId = page.url().split('/').at(-1)!;
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expect.poll(() => page.getByText(`${language === 'sv' ? 'Saga' : 'Sigrid'} Nyinlagd`).first().isVisible()).toBe(true);

      const record = await page.request.get(`${session.url}/api/children/${childId}`);
      expect(record.status()).toBe(200);
      const view = (await record.json()) as { careTeam: { displayName: string; role: string }[] };
      expect(view.careTeam).toEqual([expect.objectContaining({ displayName: 'Tove Lärare', role: 'lead_professional' })]);
      // The identity history is one more look, loaded only when asked for.
      await page.getByRole('button', { name: language === 'sv' ? 'Visa historik över identitetsuppgifterna' : 'Show the history of the identity data' }).click();
      await page.getByText(language === 'sv' ? 'Inga ändringar än.' : 'No changes yet.').waitFor();

      // A second try with the same number: the form says a record exists and leads to the search.
      await visit(page, '/child/new', x.newChild);
      await page.getByRole('textbox', { name: x.number }).first().fill(display(number));
      await page.getByRole('textbox', { name: x.given }).first().fill('Dubblett');
      await page.getByRole('textbox', { name: x.family }).first().fill('Nyinlagd');
      await page.getByRole('button', { name: x.submit }).click();
      await page.getByRole('link', { name: language === 'sv' ? 'Sök fram barnet' : 'Search for the child' }).click();
      await page.waitForURL(/\/child\?identityNumber=/);
      await page.getByRole('button', { name: language === 'sv' ? 'Sök' : 'Search', exact: true }).click();
      await page.getByRole('link', { name: language === 'sv' ? 'Öppna journalen' : 'Open the record' }).waitFor();
      const children = await session.database.db.selectFrom('child').select('given_name').where('identity_number', '=', number).execute();
      expect(children.map((c) => c.given_name)).toEqual([language === 'sv' ? 'Saga' : 'Sigrid']);
    }, 60_000);
  }
});

describe('an administrator imports a register file', () => {
  for (const [i, language] of (['sv', 'en'] as const).entries()) {
    it(`imports a file with one bad row, fixes it, imports it again, and nothing is duplicated (${language})`, async () => {
      const x = texts[language];
      const base = 4 + i * 4;
      const pupils = [0, 1, 2].map((k): RegisterFileRow => ({ personnummer: numbers[base + k]!, 'förnamn': `Import${k}`, efternamn: `Fil${language}`, adress: 'Registervägen 1', postnummer: '99145', ort: 'Exempelstad', skolenhet: schoolCode, 'vårdnadshavare 1 personnummer': guardians[base + k]!, 'vårdnadshavare 1 förnamn': 'Ulla', 'vårdnadshavare 1 efternamn': `Fil${language}` }));
      const good = numbers[base + 2]!;
      const bad = `${good.slice(0, 11)}${(Number(good.charAt(11)) + 1) % 10}`;
      const page = await loginAs('orgadmin', language);
      await visit(page, '/admin/register-import', x.imports);

      const upload = async (rows: RegisterFileRow[], name: string) => {
        await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(registerFile(rows), 'utf8') });
        await page.getByRole('button', { name: x.preview }).click();
        await page.getByRole('table', { name: language === 'sv' ? 'Filens rader och vad importen skulle göra' : "The file's rows and what the import would do" }).waitFor();
      };
      const acceptAndWait = async () => {
        // What the page asked of the import's API and was answered, for a failure's report.
        const calls: string[] = [];
        const heard = (r: Request | Response) => { if (r.url().includes('/api/register-imports')) calls.push('status' in r ? `answered ${r.status()}` : `asked ${r.method()} ${new URL(r.url()).pathname}`); };
        page.on('request', heard);
        page.on('response', heard);
        await page.getByRole('button', { name: x.accept }).click();
        // Not done in time: the failure says what the page shows instead (its progress, a failed run, an error).
        await page.getByText(x.done).waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
          const runs = await session.database.db.selectFrom('register_import').select(['file_name', 'status', 'processed_rows', 'total_rows']).execute();
          throw new Error(`${String(error)}\nCalls: ${calls.join(', ') || 'none'}\nImports: ${JSON.stringify(runs)}\nThe page says: ${(await page.locator('main').innerText()).slice(0, 600)}`);
        });
        page.off('request', heard);
        page.off('response', heard);
      };

      await upload([pupils[0]!, pupils[1]!, { ...pupils[2]!, personnummer: bad }], `elever-${language}.csv`);
      const errorRow = page.getByRole('row').filter({ hasText: display(bad).slice(0, 8) });
      await expect.poll(() => errorRow.getByText(x.error, { exact: true }).isVisible()).toBe(true);
      await expectNoViolations(page, `register import preview ${language}`);
      await resize(page, { width: 390, height: 844 });
      await expectNoViolations(page, `register import preview ${language} at 390 px`);
      await resize(page, { width: 1280, height: 860 });
      await acceptAndWait();
      await expect.poll(() => page.getByText(x.done).textContent()).toMatch(/2/);

      // The row fixed, the whole file again: only the fixed child is new.
      await upload(pupils, `elever-${language}-rattad.csv`);
      await acceptAndWait();
      expect(await page.getByText(x.done).textContent()).toMatch(language === 'sv' ? /1 nya, 0 ändrade, 2 oförändrade, 0 med fel/ : /1 new, 0 changed, 2 unchanged, 0 with errors/);
      await expectNoViolations(page, `register import done ${language}`);
      const { db } = session.database;
      const imported = await db.selectFrom('child').select('identity_number').where('identity_number', 'in', pupils.map((p) => p.personnummer!)).execute();
      expect(imported).toHaveLength(3);
      const links = await db.selectFrom('child_guardian as cg').innerJoin('child as c', 'c.id', 'cg.child_id').select('c.identity_number').where('c.identity_number', 'in', pupils.map((p) => p.personnummer!)).execute();
      expect(links).toHaveLength(3);
      // The history lists both runs.
      await expect.poll(() => page.getByRole('cell', { name: `elever-${language}-rattad.csv` }).isVisible()).toBe(true);
    }, 90_000);
  }

  it('corrects an imported child’s city, and the history shows the change with its reason (sv, en)', async () => {
    for (const language of ['sv', 'en'] as const) {
      const x = texts[language];
      await resetBrowser(session);
      const page = await loginAs('orgadmin', language);
      await visit(page, '/admin/identity-corrections', x.correction);
      await page.getByRole('textbox', { name: /^(Personnummer|Identity number)/ }).first().fill(display(numbers[4]!));
      await page.getByRole('button', { name: x.find }).click();
      await page.getByRole('textbox', { name: x.city }).fill(`Nyort ${language}`);
      await page.getByRole('textbox', { name: x.reason }).fill(language === 'sv' ? 'Flyttat enligt Skatteverket' : 'Moved according to the Tax Agency');
      await page.getByRole('button', { name: x.save }).click();
      await page.getByText(x.saved).waitFor();
      await page.getByRole('cell', { name: `Nyort ${language}` }).waitFor();
      await expectNoViolations(page, `identity correction ${language}`);
    }
  }, 60_000);
});

describe('Mina barn', () => {
  it('lists the children the teacher created on her start page, in Swedish and English', async () => {
    for (const language of ['sv', 'en'] as const) {
      await resetBrowser(session);
      const page = await loginAs('teacher', language);
      await visit(page, '/', /Tove/);
      const mine = page.getByRole('table', { name: language === 'sv' ? 'Barnen vars team du är med i' : 'The children whose team you are on' });
      await page.getByRole('searchbox', { name: language === 'sv' ? 'Sök barn eller organisation' : 'Search child or organisation' }).fill('Nyinlagd');
      for (const given of ['Saga', 'Sigrid']) await mine.getByRole('row').filter({ hasText: `${given} Nyinlagd` }).waitFor();
    }
  }, 60_000);
});

function checkDigit(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => {
    const p = Number(d) * (i % 2 === 0 ? 2 : 1);
    return s + (p > 9 ? p - 9 : p);
  }, 0);
  return String((10 - (sum % 10)) % 10);
}
