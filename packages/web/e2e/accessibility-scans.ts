import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { login, loginAs, resetBrowser, scanner, useBrowserSession, type Session, rememberLanguage } from './browser.ts';

// Every page, as the demo logins that see it, in both languages, at 1280 px and on a 390 px wide
// phone: no WCAG 2.1 A/AA violation of any impact level (label-in-name included), one main
// landmark, one h1, and on the phone nothing that needs scrolling sideways. Nothing here
// changes data, so the scans can run in any order.

let session: Session;
let child: { id: string; identityNumber: string };

const texts = {
  sv: {
    login: 'Logga in', newUnit: 'Ny enhet', newUser: 'Ny användare', edit: 'Redigera', deactivate: 'Inaktivera', changePassword: 'Byt lösenord', save: /^Spara$/,
    addMember: 'Lägg till i teamet', disclosure: 'Registrera delning', handover: 'Föreslå överlämning', consent: 'Registrera samtycke', emergency: 'Begär nödåtkomst', giveConsent: 'Ge samtycke', search: /^Sök$/, identity: /^Personnummer/, person: /^Sök kollega/, menu: 'Visa eller dölj menyn',
  },
  en: {
    login: 'Log in', newUnit: 'New unit', newUser: 'New user', edit: 'Edit', deactivate: 'Deactivate', changePassword: 'Change password', save: /^Save$/,
    addMember: 'Add to the team', disclosure: 'Record a disclosure', handover: 'Propose a handover', consent: 'Record consent', emergency: 'Request emergency access', giveConsent: 'Give consent', search: /^Search$/, identity: /^Identity number/, person: /^Search for a colleague/, menu: 'Show or hide the menu',
  },
} as const;

export const screens = {
  desktop: { name: '1280 px', width: 1280, height: 860, phone: false },
  phone: { name: '390 px', width: 390, height: 844, phone: true },
} as const;

type Language = keyof typeof texts;
type Screen = (typeof screens)[keyof typeof screens];

const { violations } = scanner();

/** One scan's findings: axe of every impact level, the landmarks, and sideways scrolling on a phone. */
async function check(page: Page, screen: Screen, label: string): Promise<string[]> {
  const found: string[] = [];
  if ((await page.locator('main').count()) !== 1) found.push(`[${label}] not exactly one main landmark`);
  if ((await page.locator('h1').count()) !== 1) found.push(`[${label}] not exactly one h1`);
  if (screen.phone) {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) found.push(`[${label}] the page scrolls sideways by ${wide} px`);
  }
  found.push(...(await violations(page, label)));
  return found;
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${session.url}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Let loading states settle into the page a user actually reads.
  await page.waitForLoadState('networkidle');
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function dialogNamed(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

/** Every scan at one screen size, in both languages (one test file per size, so the two run side by side). */
export function scanEveryPage(screen: Screen): Session {
  session = useBrowserSession({ resetEach: false });
  beforeAll(async () => {
    const { db } = session.database;
    const row = await db
      .selectFrom('child')
      .select(['child.id', 'child.identity_number'])
      .where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child'))
      .executeTakeFirstOrThrow();
    child = { id: row.id, identityNumber: row.identity_number };
  });

  describe(`at ${screen.name}`, () => {
    describe.each(['sv', 'en'] as const)('in %s', (language: Language) => {
      const text = texts[language];
      const found: string[] = [];
      let page: Page;
      const scan = async (label: string) => {
        found.push(...(await check(page, screen, `${language} ${screen.name} ${label}`)));
      };
      const as = async (username: string) => {
        await resetBrowser(session);
        page = session.page;
        await page.setViewportSize({ width: screen.width, height: screen.height });
        return loginAs(session, username, language);
      };
      const report = () => {
        const all = found.splice(0);
        if (all.length > 0) console.error(`Accessibility findings:\n\n${all.join('\n\n')}`);
        expect(all, all.join('\n\n')).toEqual([]);
      };

      it('the login page, and the administration pages for an organisation and a system administrator', async () => {
        await resetBrowser(session);
        page = session.page;
        await page.setViewportSize({ width: screen.width, height: screen.height });
        await rememberLanguage(session, language);
        await open(page, '/login');
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        await scan('login');
        await login(page, 'wrong', 'wrong-password');
        await page.locator('[aria-live="assertive"] .mantine-Alert-root').waitFor();
        await scan('login with error');

        await as('orgadmin');
        await scan('start');
        if (screen.phone) {
          await page.getByRole('button', { name: text.menu }).click();
          await page.locator('#main-navigation a').first().waitFor({ state: 'visible' });
          await scan('navigation opened');
        }
        for (const area of ['/child', '/operations', '/population', '/account']) {
          await open(page, area);
          await scan(area);
        }

        await open(page, '/admin/units');
        await page.locator('tbody tr').first().waitFor();
        await scan('units');
        await page.getByRole('button', { name: text.newUnit }).click();
        let dialog = await dialogNamed(page, text.newUnit);
        await dialog.getByRole('button', { name: text.save }).click();
        await dialog.locator('[aria-invalid="true"]').first().waitFor();
        await scan('unit form with errors');
        await closeDialog(page);
        await page.getByRole('button', { name: new RegExp(`^${text.edit} `) }).first().click();
        await page.getByRole('dialog').waitFor();
        await scan('unit edit form');
        await closeDialog(page);
        await page.getByRole('button', { name: new RegExp(`^${text.deactivate} `) }).first().click();
        await page.getByRole('dialog').waitFor();
        await scan('unit deactivation question');
        await closeDialog(page);

        await open(page, '/admin/users');
        await page.locator('tbody tr').first().waitFor();
        await scan('users');
        await page.getByRole('button', { name: text.newUser }).click();
        dialog = await dialogNamed(page, text.newUser);
        await dialog.getByRole('button', { name: text.save }).click();
        await dialog.locator('[aria-invalid="true"]').first().waitFor();
        await scan('user form with errors');
        await closeDialog(page);
        await page.getByRole('button', { name: new RegExp(`^${text.edit} `) }).first().click();
        await page.getByRole('dialog').waitFor();
        await scan('user edit form');
        await closeDialog(page);
        await page.getByRole('button', { name: new RegExp(`^${text.deactivate} `) }).first().click();
        await page.getByRole('dialog').waitFor();
        await scan('user deactivation question');
        await closeDialog(page);

        await open(page, '/admin/secrecy-domains');
        await page.locator('tbody tr').first().waitFor();
        await scan('secrecy domains');
        await page.getByRole('button', { name: new RegExp(`^${text.edit} `) }).first().click();
        await page.getByRole('dialog').waitFor();
        await scan('secrecy domain form');
        await closeDialog(page);

        await page.getByRole('banner').getByRole('button', { name: /Olle Organisationsadmin/ }).click();
        await page.getByRole('menuitem', { name: text.changePassword }).click();
        await page.getByRole('dialog').waitFor();
        await page.getByRole('menu').waitFor({ state: 'detached' });
        await scan('change password');
        await closeDialog(page);

        await open(page, '/no-such-page');
        await scan('not found');

        await as('sysadmin');
        await open(page, '/admin/audit');
        await scan('audit check');
        report();
      }, 420_000);

      it('the child area for a named person, a lead professional, a unit manager and an outsider', async () => {
        await as('teacher');
        await scan('start as professional');
        await open(page, '/child');
        await page.getByRole('textbox', { name: text.identity }).fill(`${child.identityNumber.slice(0, 8)}-${child.identityNumber.slice(8)}`);
        await page.getByRole('button', { name: text.search }).click();
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await scan('child search answer');
        await open(page, `/child/${child.id}`);
        await scan('record');

        await page.getByRole('button', { name: text.addMember }).click();
        let dialog = await dialogNamed(page, text.addMember);
        await dialog.getByRole('searchbox', { name: text.person }).fill('BUP');
        await dialog.getByRole('radio').first().waitFor();
        await scan('add member with search answer');
        await closeDialog(page);

        await page.getByRole('button', { name: text.disclosure }).click();
        dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await dialog.getByRole('button', { name: text.save }).click();
        await dialog.locator('[aria-invalid="true"]').first().waitFor();
        await scan('disclosure form with errors');
        await closeDialog(page);

        await page.getByRole('button', { name: text.handover }).click();
        await page.getByRole('dialog').waitFor();
        await scan('handover form');
        await closeDialog(page);

        await open(page, '/child/handovers');
        await scan('handovers');
        await open(page, '/admin/users');
        await scan('not allowed');

        await as('socialworker');
        await open(page, `/child/${child.id}`);
        await page.getByRole('button', { name: text.consent }).click();
        await dialogNamed(page, text.consent);
        await scan('consent form');
        await closeDialog(page);

        await as('manager');
        await open(page, '/operations/log-review');
        await scan('log review');

        await as('outsider');
        await open(page, `/child/${child.id}`);
        await scan('record denied');
        await open(page, '/child');
        await page.getByRole('textbox', { name: text.identity }).fill(`${child.identityNumber.slice(0, 8)}-${child.identityNumber.slice(8)}`);
        await page.getByRole('button', { name: text.search }).click();
        await page.getByRole('button', { name: text.emergency }).click();
        await dialogNamed(page, text.emergency);
        await scan('emergency access form');
        await closeDialog(page);
        report();
      }, 420_000);

      it('the citizen pages for a guardian and a child', async () => {
        await as('guardian');
        await scan('guardian start');
        await open(page, `/my-children/${child.id}`);
        await scan('guardian child page');
        await page.getByRole('button', { name: text.giveConsent }).click();
        await dialogNamed(page, text.giveConsent);
        await scan('give consent');
        await closeDialog(page);

        await as('child');
        await scan('child start');
        await open(page, `/my-children/${child.id}`);
        await scan('child own page');
        report();
      }, 420_000);
    });
  });
  return session;
}
