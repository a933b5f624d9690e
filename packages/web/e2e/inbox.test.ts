import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, resetBrowser, useBrowserSession, scanner } from './browser.ts';

/**
 * The inbox in a browser (issue 14): `guardian` finds the demo SIP's proposed change waiting for
 * her approval, the navigation says how many items are unread (in words for screen readers), she
 * marks the item done, and it leaves "to do", the count and the database follow; axe at every
 * impact level in Swedish and English.
 */

let ebbaId: string;
let key: string;

const session = useBrowserSession({ resetEach: false });
const { violations } = scanner();
beforeAll(async () => {
  const db = session.database.db;
  ebbaId = (await db.selectFrom('child as c').innerJoin('app_user as u', 'u.id', 'c.user_id').select('c.id').where('u.username', '=', 'child').executeTakeFirstOrThrow()).id;
  const sip = await db.selectFrom('plan').select('id').where('child_id', '=', ebbaId).where('kind', '=', 'sip').executeTakeFirstOrThrow();
  key = `approval_waiting:${sip.id}:4`;
});

const texts = {
  sv: { title: 'Inkorg', kind: 'Väntar på ditt godkännande', unread: 'Oläst, att göra', done: 'Klar', markDone: 'Markera som klar', state: 'Läge', doneFilter: 'Klara', spoken: (n: number) => `${n} ${n === 1 ? 'oläst' : 'olästa'} i inkorgen` },
  en: { title: 'Inbox', kind: 'Waiting for your approval', unread: 'Unread, to do', done: 'Done', markDone: 'Mark as done', state: 'State', doneFilter: 'Done', spoken: (n: number) => `${n} unread in the inbox` },
} as const;

/** The unread count as the server gives it to the navigation. */
async function unreadCount(): Promise<number> {
  const res = await session.context.request.get(`${session.url}/api/start/counts`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { inboxUnread: number }).inboxUnread;
}

describe('the inbox', () => {
  it('the guardian sees the approval waiting, the unread count in the navigation, and marks it done (sv, en, axe)', async () => {
    const found: string[] = [];
    for (const language of ['sv', 'en'] as const) {
      await resetBrowser(session);
      const text = texts[language];
      const page = await loginAs(session, 'guardian', language);
      const unread = await unreadCount();
      expect(unread).toBeGreaterThanOrEqual(1);
      // The badge's number is hidden from screen readers; its words are in the link's name.
      const nav = page.getByRole('navigation').getByRole('link', { name: `${text.title} (${text.spoken(unread)})` });
      await nav.waitFor();
      expect(await nav.locator('.nav-count').textContent()).toBe(String(unread));
      await nav.click();
      await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'SIP för Ebba' });
      await row.getByRole('cell', { name: text.kind, exact: true }).waitFor();
      await row.getByText(text.unread, { exact: true }).waitFor();
      // The item links to where it is handled: the child's page for the family.
      expect(await row.getByRole('link', { name: 'SIP för Ebba' }).getAttribute('href')).toBe(`/my-children/${ebbaId}`);
      found.push(...(await violations(page, `${language} inbox`)));
      if (language === 'en') {
        await row.getByRole('button', { name: new RegExp(`^${text.markDone}: ${text.kind}, SIP för Ebba`) }).click();
        await page.getByText(/^Marked as done: /).waitFor();
        // Done leaves "to do" (the default filter); the "done" filter shows it, in words.
        await row.waitFor({ state: 'detached' });
        await page.getByRole('textbox', { name: text.state }).click();
        await page.getByRole('option', { name: text.doneFilter, exact: true }).click();
        await row.getByText(text.done, { exact: true }).waitFor();
        await page.getByRole('navigation').getByRole('link', { name: unread === 1 ? text.title : `${text.title} (${text.spoken(unread - 1)})`, exact: true }).waitFor();
        expect(await unreadCount()).toBe(unread - 1);
        found.push(...(await violations(page, `${language} inbox, done filter`)));
      }
    }
    const mark = await session.database.db.selectFrom('inbox_item as i').innerJoin('app_user as u', 'u.id', 'i.user_id').select(['i.done_at']).where('u.username', '=', 'guardian').where('i.key', '=', key).executeTakeFirstOrThrow();
    expect(mark.done_at).not.toBeNull();
    expect(found).toEqual([]);
  });
});
