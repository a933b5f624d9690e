import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, resetBrowser, visit, useBrowserSession, scanner } from './browser.ts';

let olleId: string;

const session = useBrowserSession();
beforeAll(async () => {
  olleId = (await session.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow()).id;
});

/** Every axe violation of WCAG 2.1 A/AA, whatever its impact, in the part of the page given (or all of it). */
const { violations } = scanner();

const texts = {
  sv: {
    record: 'Registrera oro', formTitle: 'Registrera oro', area: 'Trygg', description: 'Beskrivning', level: 'Oro', source: 'Barnet', submit: 'Registrera', required: 'Fältet måste fyllas i.',
    recorded: 'Oron har registrerats.', report: 'Gör en orosanmälan', reportTitle: 'Orosanmälan till socialtjänsten', reportText: 'Vad du har sett eller fått veta', send: 'Skicka anmälan', received: /Anmälan togs emot av Socialtjänsten Exempelstad, mottagning barn och unga/,
    receivedLine: 'Anmälan är mottagen. Socialtjänsten har ännu inte beslutat om en utredning.', intake: 'Mottagning – orosanmälningar', outcome: 'Inget omedelbart skyddsbehov', recordStep: 'Registrera', stepDone: 'Skyddsbedömning har registrerats.', nextInitial: /Förhandsbedömning senast/,
  },
  en: {
    record: 'Record a concern', formTitle: 'Record a concern', area: 'Safe', description: 'Description', level: 'Concern', source: 'The child', submit: 'Record', required: 'This field is required.',
    recorded: 'The concern has been recorded.', report: 'Make a report of concern', reportTitle: 'Report of concern to social services', reportText: 'What you have seen or learned', send: 'Send the report', received: /The report was received by Socialtjänsten Exempelstad, mottagning barn och unga/,
    receivedLine: 'The report has been received. Social services have not yet decided on an investigation.', intake: 'Intake – reports of concern', outcome: 'No immediate need of protection', recordStep: 'Record', stepDone: 'Protection assessment has been recorded.', nextInitial: /Initial assessment by/,
  },
} as const;

describe.each(['sv', 'en'] as const)('concerns and reports of concern in a browser, in %s', (language) => {
  const text = texts[language];
  const found: string[] = [];

  it('a professional records a concern and sends a report of concern', async () => {
    const page = await loginAs(session, 'nurse', language);
    await visit(session, page, `/child/${olleId}`, 'Olle Vårdnadshavare');
    await page.getByRole('button', { name: /^(Visa hjulet, oro och orosanmälningar|Show the wheel, concerns and reports of concern)$/ }).click();
    await page.getByRole('button', { name: text.record }).click();
    const dialog = page.getByRole('dialog', { name: text.formTitle });
    // Submitting an empty form says what is missing and moves focus to it.
    await dialog.getByRole('button', { name: text.submit, exact: true }).click();
    await dialog.getByText(text.required).first().waitFor();
    found.push(...(await violations(page, `${language} concern form with errors`, '[role="dialog"]')));
    await dialog.getByRole('checkbox', { name: text.area, exact: true }).check();
    await dialog.getByRole('textbox', { name: text.description }).fill(`Olle är rädd för att gå hem (${language}).`);
    await dialog.getByRole('radio', { name: text.level, exact: true }).check();
    await dialog.getByRole('radio', { name: text.source, exact: true }).check();
    found.push(...(await violations(page, `${language} concern form`, '[role="dialog"]')));
    await dialog.getByRole('button', { name: text.submit, exact: true }).click();
    await page.getByText(text.recorded).waitFor();
    await page.getByText(`Olle är rädd för att gå hem (${language}).`).waitFor();

    await page.getByRole('button', { name: text.report }).click();
    const reportDialog = page.getByRole('dialog', { name: text.reportTitle });
    await reportDialog.getByRole('textbox', { name: text.reportText }).fill(`Olle har blåmärken och säger att han inte vågar gå hem (${language}).`);
    found.push(...(await violations(page, `${language} report form`, '[role="dialog"]')));
    await reportDialog.getByRole('button', { name: text.send }).click();
    await page.getByText(text.received).first().waitFor();
    await page.getByText(text.receivedLine).first().waitFor();
    expect(found).toEqual([]);
  });

  it('intake sees the report in its queue and records the protection assessment', async () => {
    const report = await session.database.db
      .selectFrom('report_of_concern as r')
      .innerJoin('app_user as u', 'u.id', 'r.reporter_id')
      .select('r.id')
      .where('u.username', '=', 'nurse')
      .where('r.child_id', '=', olleId)
      .where('r.description', 'like', `%(${language}).`)
      .executeTakeFirstOrThrow();
    const page = await loginAs(session, 'intake', language);
    await page.getByRole('link', { name: language === 'sv' ? 'Mottagning' : 'Intake', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: text.intake }).waitFor();
    await page.waitForLoadState('networkidle');
    found.push(...(await violations(page, `${language} intake queue`)));
    await page.locator(`a[href="/intake/${report.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: /Olle Vårdnadshavare/ }).waitFor();
    await page.getByText(`(${language}).`, { exact: false }).first().waitFor();
    found.push(...(await violations(page, `${language} intake report`)));
    await page.getByRole('radio', { name: text.outcome }).check();
    await page.getByRole('button', { name: text.recordStep, exact: true }).click();
    await page.getByText(text.stepDone).waitFor();
    await page.getByText(text.nextInitial).first().waitFor();
    expect(found).toEqual([]);
  });
});

describe('the early-signal rule page', () => {
  it('an organisation administrator tunes the municipality’s rule, in Swedish and English, with no axe violation at any impact', async () => {
    const found: string[] = [];
    for (const language of ['sv', 'en'] as const) {
      await resetBrowser(session);
      const page = await loginAs(session, 'orgadmin', language);
      await visit(session, page, '/admin/early-signal', language === 'sv' ? 'Tidig signal' : 'Early signal');
      found.push(...(await violations(page, `${language} early-signal rule`)));
      const field = page.getByRole('textbox', { name: language === 'sv' ? 'Inom antal dagar' : 'Within this many days' });
      await field.fill(language === 'sv' ? '45' : '50');
      await page.getByRole('button', { name: language === 'sv' ? 'Spara' : 'Save', exact: true }).click();
      await page.getByText(language === 'sv' ? 'Regeln har sparats.' : 'The rule has been saved.').waitFor();
    }
    const home = await session.database.db.selectFrom('early_signal_rule').select('window_days').where('organisation_id', 'is not', null).executeTakeFirstOrThrow();
    expect(home.window_days).toBe(50);
    expect(found).toEqual([]);
  });
});
