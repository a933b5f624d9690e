import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, resetBrowser, visit, useBrowserSession, scanner, resize } from './browser.ts';

// The needs assessment in a browser: the teacher opens it from Ebba's record, fills it in and
// saves it with the keyboard only, led by the five questions, in Swedish at 1280 px and in
// English on a 390 px wide phone; axe finds no WCAG 2.1 A/AA violation of any impact level on
// the list, the form (empty, with errors, filled in) and the saved assessment.

let childId: string;

const session = useBrowserSession();
const { violations } = scanner();
beforeAll(async () => {
  const { db } = session.database;
  childId = (await db.selectFrom('child').select('child.id').where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child')).executeTakeFirstOrThrow()).id;
});

const texts = {
  sv: {
    open: 'Visa barnets behovsbedömningar', list: 'Behovsbedömningar', newButton: 'Ny behovsbedömning', formTitle: 'Ny behovsbedömning', title: 'Behovsbedömning',
    q1: '1. Vad hindrar barnets välbefinnande?', q5: '5. Vilken hjälp behövs från andra?', strengths: 'Styrkor – Hälsa', matrixText: 'Vad du ser – Sårbarhet i en svår miljö', factors: 'Faktorer – Sårbarhet i en svår miljö', factor: 'Stabilitet',
    answer1: 'Ditt svar på fråga 1', summary: 'Sammanfattning', final: 'Spara som klar', required: 'Fyll i det här för att spara bedömningen som klar, eller spara ett utkast.', proposal: 'Kalla till ett möte', saved: 'Behovsbedömningen är sparad som klar.', nurse: 'Nora Skolsköterska', shown: 'Klar',
  },
  en: {
    open: "Show the child's needs assessments", list: 'Needs assessments', newButton: 'New needs assessment', formTitle: 'New needs assessment', title: 'Needs assessment',
    q1: "1. What is getting in the way of this child's wellbeing?", q5: '5. What help is needed from others?', strengths: 'Strengths – Health', matrixText: 'What you see – Vulnerability in an adverse environment', factors: 'Factors – Vulnerability in an adverse environment', factor: 'Stability',
    answer1: 'Your answer to question 1', summary: 'Summary', final: 'Save as final', required: 'Fill this in to save the assessment as final, or save a draft.', proposal: 'Call a meeting', saved: 'The needs assessment has been saved as final.', nurse: 'Nora Skolsköterska', shown: 'Final',
  },
} as const;

/** Tabs (forwards) until the element has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 250): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i += 1) {
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each([
  { language: 'sv' as const, width: 1280, height: 860 },
  { language: 'en' as const, width: 390, height: 844 },
])('the needs assessment in $language at $width px', ({ language, width, height }) => {
  const text = texts[language];

  it('the teacher fills in and saves an assessment with the keyboard; the pages pass axe at every impact level', async () => {
    const found: string[] = [];
    const { page } = session;
    await resize(page, { width, height });
    await loginAs(session, 'teacher', language);
    await visit(session, page, `/child/${childId}`, /Ebba/);
    await page.getByRole('link', { name: text.open }).click();
    await page.getByRole('heading', { level: 1, name: text.list }).waitFor();
    await page.waitForLoadState('networkidle');
    // The demo's assessments: the nurse's is shared through the family's consent.
    await page.getByRole('cell', { name: text.nurse }).first().waitFor();
    found.push(...(await violations(page, `${language} list`)));
    await page.getByRole('link', { name: text.newButton }).click();
    await page.getByRole('heading', { level: 1, name: text.formTitle }).waitFor();
    // The five questions are the form's structure.
    await page.getByRole('heading', { level: 2, name: text.q1 }).waitFor();
    await page.getByRole('heading', { level: 2, name: text.q5 }).waitFor();
    found.push(...(await violations(page, `${language} empty form`)));

    // Saving as final without a summary or proposal says what is missing and moves focus there.
    const finalButton = page.getByRole('button', { name: text.final });
    await tabTo(page, finalButton, 400);
    await page.keyboard.press('Enter');
    await page.getByText(text.required).first().waitFor();
    const summary = page.getByRole('textbox', { name: text.summary, exact: true });
    expect(await summary.evaluate((el) => document.activeElement === el)).toBe(true);
    found.push(...(await violations(page, `${language} form with errors`)));

    // From the top, with Tab and typing only: the triangle, the matrix, an answer, the summary, the proposal.
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, page.getByRole('textbox', { name: text.strengths }));
    await page.keyboard.type(`Rör sig mycket (${language})`);
    await tabTo(page, page.getByRole('textbox', { name: text.answer1 }));
    await page.keyboard.type(`Tröttheten (${language})`);
    await tabTo(page, page.getByRole('textbox', { name: text.matrixText }));
    await page.keyboard.type('Flytt varannan vecka');
    await tabTo(page, page.getByRole('textbox', { name: text.factors }));
    await page.keyboard.type(text.factor.slice(0, 5));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await tabTo(page, summary);
    await page.keyboard.type(`Ett möte behövs (${language}).`);
    // Radios: Tab into the group, Space picks the first, the arrow moves to the next.
    await tabTo(page, page.getByRole('radio').first());
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: text.proposal }).isChecked()).toBe(true);
    if (width === 390) expect(await sideways(page), 'no sideways scrolling').toBeLessThanOrEqual(0);
    found.push(...(await violations(page, `${language} filled-in form`)));

    await tabTo(page, finalButton, 400);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: text.title, exact: true }).waitFor();
    await page.getByText(text.saved).waitFor();
    const read = page.getByTestId('needs-read');
    await read.getByText(`Ett möte behövs (${language}).`).waitFor();
    await read.getByText(`Tröttheten (${language})`).waitFor();
    await read.getByText(text.shown, { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    if (width === 390) expect(await sideways(page), 'no sideways scrolling').toBeLessThanOrEqual(0);
    found.push(...(await violations(page, `${language} assessment`)));

    const saved = await session.database.db
      .selectFrom('needs_assessment_version as r')
      .innerJoin('app_user as u', 'u.id', 'r.author_id')
      .select(['r.status', 'r.proposal', 'r.content', 'u.username'])
      .where('r.child_id', '=', childId)
      .where('r.summary', '=', `Ett möte behövs (${language}).`)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ status: 'final', proposal: 'call_meeting', username: 'teacher' });
    expect(saved.content.subAreas).toEqual([{ code: 'health', strengths: `Rör sig mycket (${language})`, challenges: '' }]);
    expect(saved.content.matrix.vulnerability_adverse).toEqual({ text: 'Flytt varannan vecka', factors: ['stability'] });
    expect(found).toEqual([]);
  });
});

describe('the sub-areas’ configuration', () => {
  it('a system administrator renames a sub-area as a new version, in Swedish and English, with no axe violation at any impact level', async () => {
    const found: string[] = [];
    for (const language of ['sv', 'en'] as const) {
      await resetBrowser(session);
      const { page } = session;
      await resize(page, { width: 1280, height: 860 });
      await loginAs(session, 'sysadmin', language);
      await visit(session, page, '/admin/needs-assessment', language === 'sv' ? 'Behovsbedömningens områden' : 'Needs assessment sub-areas');
      found.push(...(await violations(page, `${language} sub-areas`)));
      const name = page.getByRole('group', { name: 'housing' }).getByRole('textbox', { name: language === 'sv' ? 'Namn på området (svenska)' : 'Name of the sub-area (Swedish)' });
      await name.fill(language === 'sv' ? 'Bostad' : 'Bostaden');
      await page.getByRole('button', { name: language === 'sv' ? 'Spara som ny version' : 'Save as a new version' }).click();
      await page.getByText(language === 'sv' ? 'Version 2 är sparad.' : 'Version 3 has been saved.').waitFor();
    }
    // The versions list sorts like every list: newest first on a click of its column.
    const table = session.page.getByRole('table', { name: 'Versions' });
    await table.getByRole('row').nth(3).waitFor();
    await table.getByRole('button', { name: 'Version', exact: true }).click();
    expect(await table.getByRole('row').nth(1).getByRole('cell').first().textContent()).toContain('3');
    const versions = await session.database.db.selectFrom('needs_assessment_config_version').select(['version', 'content']).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const housing = (v: (typeof versions)[number]) => v.content.sides[2]!.subAreas.find((s) => s.code === 'housing')!.label.sv;
    expect(versions.map(housing)).toEqual(['Boende', 'Bostad', 'Bostaden']);
    expect(found).toEqual([]);
  });
});
