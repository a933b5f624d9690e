import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegisterExtract } from '@samsyn/core';
import { loginAs as openAs, useBrowserSession, scanner, resize } from './browser.ts';

// Issue 12: a look is one entry, the register extract a guardian downloads on a phone, and the
// retention page. Axe runs with every impact level on the pages this changes.

let childId: string;

const session = useBrowserSession({ viewport: { width: 1280, height: 860 } });
beforeAll(async () => {
  const { db } = session.database;
  childId = (await db.selectFrom('child').select('child.id').where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child')).executeTakeFirstOrThrow()).id;
});

/** Every violation of WCAG 2.1 A/AA, whatever its impact (minor and moderate too), label-in-name included. */
const { violations } = scanner();

async function headSeq(): Promise<string> {
  return (await session.database.db.selectFrom('audit_chain_head').select(sql<string>`seq::text`.as('seq')).executeTakeFirstOrThrow()).seq;
}

async function entriesForChildSince(seq: string) {
  return session.database.db.selectFrom('audit_log').select(['action', 'actor_username']).where('subject_id', '=', childId).where('seq', '>', seq).orderBy('seq').execute();
}

describe('a look is one entry', () => {
  it('one record opened in the browser leaves exactly one read entry, and coming back to the window adds none', async () => {
    const page = await openAs(session, 'teacher');
    const before = await headSeq();
    await page.goto(`${session.url}/child/${childId}`);
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Samtycken' }).waitFor();
    await page.waitForLoadState('networkidle');
    // The audit batch commits before the response: what the page caused is in the log now.
    expect(await entriesForChildSince(before)).toEqual([{ action: 'child.record.read', actor_username: 'teacher' }]);
    // The window loses and regains focus, and the network "comes back": nothing is read again.
    await page.evaluate(() => {
      window.dispatchEvent(new Event('blur'));
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new Event('online'));
    });
    await page.waitForTimeout(500);
    await page.waitForLoadState('networkidle');
    expect(await entriesForChildSince(before)).toHaveLength(1);
    expect(await violations(page, 'record')).toEqual([]);
  });
});

const texts = {
  sv: { title: 'Ebba Vårdnadshavare', withdraw: /^Återkalla samtycket om/, confirm: 'Ja, återkalla', withdrawn: 'Samtycket har återkallats.', download: 'Ladda ner registerutdrag', pdf: 'Ladda ner registerutdraget som PDF', open: 'Skriv ut registerutdraget', page: 'Registerutdrag: Ebba Vårdnadshavare' },
  en: { title: 'Ebba Vårdnadshavare', withdraw: /^Withdraw (the )?consent about/, confirm: 'Yes, withdraw', withdrawn: 'The consent has been withdrawn.', download: 'Download register extract', pdf: 'Download the extract as a PDF', open: 'Print the register extract', page: 'Register extract: Ebba Vårdnadshavare' },
} as const;

describe('a guardian on a phone', () => {
  for (const language of ['sv', 'en'] as const) {
    it(`withdraws a consent and downloads the register extract (${language})`, async () => {
      const x = texts[language];
      await resize(session.page, { width: 390, height: 844 });
      const page = await openAs(session, 'guardian', language);
      await page.goto(`${session.url}/my-children/${childId}`);
      await page.getByRole('heading', { level: 1, name: x.title }).waitFor();
      await page.waitForLoadState('networkidle');
      const withdrawable = page.getByRole('button', { name: x.withdraw });
      const before = await withdrawable.count();
      expect(before).toBeGreaterThan(0);
      await withdrawable.first().click();
      await page.getByRole('dialog').getByRole('button', { name: x.confirm }).click();
      await page.getByText(x.withdrawn).waitFor();
      await expect.poll(() => withdrawable.count()).toBe(before - 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: x.download, exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.json$/);
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: x.pdf }).click()]);
      expect(pdf.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const extract = JSON.parse(await readFile((await download.path())!, 'utf8')) as RegisterExtract;
      expect(extract).toMatchObject({ language, relation: 'guardian', you: { username: 'guardian' }, child: { id: childId, name: { givenName: 'Ebba' } } });
      expect(extract.consents.filter((c) => c.status === 'withdrawn').length).toBeGreaterThanOrEqual(language === 'sv' ? 1 : 2);
      expect(extract.leftOut.map((l) => l.what)).toContain('record_entries');
      expect(extract.accessLog.length).toBeGreaterThan(0);
      expect(await violations(page, `my child, 390 px, ${language}`)).toEqual([]);
      await page.getByRole('heading', { level: 2, name: language === 'sv' ? 'Registerutdrag' : 'Register extract' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/samsyn-register-extract-${language}.png` });

      // The printable page opens in a window of its own, in the same language.
      const [printable] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: x.open }).click()]);
      await printable.getByRole('heading', { level: 1, name: x.page }).waitFor();
      expect(await printable.locator('html').getAttribute('lang')).toBe(language);
      expect(await violations(printable, `register extract page, ${language}`)).toEqual([]);
      await printable.close();
    });
  }
});

describe('the retention page', () => {
  // The demo's retention (server/src/demo/retention.ts): the job's last run left 6 tombstones, and
  // 6 things have passed their time since (3 school entries, 2 of social services, 1 ledger row).
  it('a system administrator sees the rules and the tombstones, runs a dry run, and erases what has passed its time', async () => {
    const { db } = session.database;
    const runs = async () => (await db.selectFrom('retention_run').select('id').execute()).length;
    const page = await openAs(session, 'sysadmin');
    await page.getByRole('navigation').getByRole('link', { name: 'Gallring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gallring' }).waitFor();
    const rules = page.getByRole('table', { name: 'Gallringsregler' });
    await rules.waitFor();
    expect(await rules.getByRole('row').filter({ hasText: 'Journalanteckningar, socialtjänst' }).textContent()).toContain('Socialtjänstlagen');
    // The region's own decision: health care's entries kept 12 years, the default 10.
    await expect.poll(() => page.getByLabel('År för Journalanteckningar, hälso- och sjukvård', { exact: true }).inputValue()).toBe('12');
    await page.getByRole('table', { name: 'Gallrade uppgifter' }).waitFor();
    expect(await page.getByRole('table', { name: 'Gallrade uppgifter' }).getByRole('row').count()).toBe(1 + 6);
    await page.getByRole('button', { name: 'Provkör' }).click();
    await page.getByText('Provkörning: 6 uppgifter skulle tas bort.').waitFor();
    await page.getByRole('table', { name: 'Vad som skulle tas bort, per regel' }).waitFor();
    expect(await violations(page, 'retention')).toEqual([]);
    await resize(page, { width: 390, height: 844 });
    expect(await violations(page, 'retention, 390 px')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await resize(page, { width: 1280, height: 860 });
    await page.screenshot({ path: '/tmp/samsyn-retention.png', fullPage: true });
    // Erasing asks first; cancelling erases nothing.
    const before = await runs();
    await page.getByRole('button', { name: 'Gallra nu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    expect(await runs()).toBe(before);
    // Confirmed, it erases, and the tombstones say so; the message follows a language switch.
    await page.getByRole('button', { name: 'Gallra nu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gallra nu' }).click();
    await page.getByText('Gallrat: 6 uppgifter.', { exact: true }).waitFor();
    expect(await runs()).toBe(before + 1);
    await expect.poll(() => page.getByRole('table', { name: 'Gallrade uppgifter' }).getByRole('row').count()).toBe(1 + 12);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Erased: 6 items.', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Erased items' }).waitFor();
    expect(await violations(page, 'retention, English')).toEqual([]);
  });

  it('is not offered to anyone else', async () => {
    const page = await openAs(session, 'orgadmin');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Gallring' }).count()).toBe(0);
  });
});

describe('log review', () => {
  it('offers the CSV in the interface\'s language, and passes axe', async () => {
    const page = await openAs(session, 'manager', 'en');
    await page.goto(`${session.url}/operations/log-review`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: /CSV|Export/ }).getAttribute('href')).toMatch(/lang=en$/);
    expect(await violations(page, 'log review')).toEqual([]);
  });
});
