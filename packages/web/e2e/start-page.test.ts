import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loginAs, resetBrowser, useBrowserSession, scanner, resize } from './browser.ts';

const session = useBrowserSession();

/** WCAG 2.1 A/AA violations of every impact level, minor included. */
const { violations } = scanner({ settle: true, bestPractice: true });

const texts = {
  sv: {
    greeting: 'Hej Klara Kurator!',
    navStart: 'Start (3 olästa notiser)',
    navStartAfter: 'Start (2 olästa notiser)',
    table: 'Barnen vars team du är med i',
    child: 'Barn',
    search: 'Sök barn eller organisation',
    waitingOnly: 'Bara där något väntar',
    export: 'Exportera CSV',
    header: 'Barn;Din roll;Sedan;Livsskede;För organisation;Väntar på dig',
    role: 'Medlem',
    notices: 'Notiser',
    added: /lade till dig i teamet runt/,
    markRead: /^Markera som läst: /,
    unread: '(3 olästa)',
    unreadAfter: '(2 olästa)',
    waiting: '1 oläst notis',
    selfRating: 'Ny självskattning från barnet',
    reportAnswer: 'Din orosanmälan: utredning inleds',
    markAll: 'Markera alla som lästa',
    noNotices: 'Du har inga notiser.',
    nothingWaiting: 'Inget väntar på dig just nu.',
    unreadOnly: 'Bara olästa',
    exportNotices: 'Exportera notiser (CSV)',
    noticeHeader: 'Tid;Notis;Läst',
  },
  en: {
    greeting: 'Hello Klara Kurator!',
    navStart: 'Start (3 unread notices)',
    navStartAfter: 'Start (2 unread notices)',
    table: 'The children whose team you are on',
    child: 'Child',
    search: 'Search child or organisation',
    waitingOnly: 'Only where something waits',
    export: 'Export CSV',
    header: 'Child;Your role;Since;Life stage;For organisation;Waiting for you',
    role: 'Member',
    notices: 'Notices',
    added: /added you to the team around/,
    markRead: /^Mark as read: /,
    unread: '(3 unread)',
    unreadAfter: '(2 unread)',
    waiting: '1 unread notice',
    selfRating: 'New self-rating from the child',
    reportAnswer: 'Your report of concern: an investigation is opened',
    markAll: 'Mark all as read',
    noNotices: 'You have no notices.',
    nothingWaiting: 'Nothing is waiting for you right now.',
    unreadOnly: 'Unread only',
    exportNotices: 'Export notices (CSV)',
    noticeHeader: 'Time;Notice;Read',
  },
} as const;

describe.each(['sv', 'en'] as const)('the start page in %s', (language) => {
  const text = texts[language];

  it('lists the counsellor’s 200 children to sort, filter and export, and her notices to read', async () => {
    // Each language marks notices read: start both from the demo's three unread.
    await session.database.db.updateTable('notice').set({ read_at: null }).execute();
    const page = await loginAs(session, 'counsellor', language);
    await page.getByRole('heading', { level: 1, name: text.greeting }).waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: text.navStart }).waitFor();

    const table = page.getByRole('table', { name: text.table });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    const childHeader = table.getByRole('columnheader', { name: text.child });
    expect(await childHeader.getAttribute('aria-sort')).toBe('ascending');
    const names = () => table.locator('tbody tr td:nth-child(1)').allTextContents();
    const ascending = await names();
    expect([...ascending].sort((a, b) => a.localeCompare(b, 'sv'))).toEqual(ascending);
    await childHeader.getByRole('button').click();
    expect(await childHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await names();
    expect([...descending].sort((a, b) => b.localeCompare(a, 'sv'))).toEqual(descending);
    expect(await table.locator('tbody tr').first().textContent()).toContain(text.role);
    expect(await violations(page, `${language} start`)).toEqual([]);
    if (language === 'sv') await page.screenshot({ path: '/tmp/samsyn-start-counsellor.png', fullPage: true });

    // Filter to what waits: the three children with an unread notice, the new self-ratings she may
    // read and intake's answer to her report (as many as the server says wait).
    const listed = (await (await page.request.get(`${session.url}/api/start/children`)).json()) as { children: { waiting: unknown[] }[] };
    const waitingRows = listed.children.filter((c) => c.waiting.length > 0).length;
    expect(waitingRows).toBeGreaterThan(3);
    await page.getByRole('checkbox', { name: text.waitingOnly }).check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(waitingRows);
    expect(await table.locator('tbody tr').filter({ hasText: text.waiting }).count()).toBe(3);
    expect(await table.locator('tbody tr').filter({ hasText: text.selfRating }).count()).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').filter({ hasText: text.reportAnswer }).count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: text.export }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(text.header);
    expect(lines).toHaveLength(waitingRows + 1);
    expect(lines.filter((l) => l.includes(text.reportAnswer))).toHaveLength(1);
    await page.getByRole('checkbox', { name: text.waitingOnly }).uncheck();

    // Search for one child by name.
    const first = descending[0]!;
    await page.getByRole('searchbox', { name: text.search }).fill(first);
    await expect.poll(() => names()).toEqual([first]);

    // The notices: three unread, one marked read.
    const notices = page.getByRole('region', { name: new RegExp(`^${text.notices}`) });
    await notices.getByText(text.unread).waitFor();
    expect(await notices.getByText(text.added).count()).toBe(3);
    await notices.getByRole('button', { name: text.markRead }).first().click();
    await notices.getByText(text.unreadAfter).waitFor();
    await nav.getByRole('link', { name: text.navStartAfter }).waitFor();
    expect(await violations(page, `${language} start after reading`)).toEqual([]);
    // Only the unread ones, exported.
    await notices.getByRole('checkbox', { name: text.unreadOnly }).check();
    const exported = page.waitForEvent('download');
    await notices.getByRole('button', { name: text.exportNotices }).click();
    const noticeCsv = (await readFile(await (await exported).path(), 'utf8')).slice(1).trimEnd().split('\r\n');
    expect(noticeCsv[0]).toBe(text.noticeHeader);
    expect(noticeCsv).toHaveLength(3);
    await notices.getByRole('checkbox', { name: text.unreadOnly }).uncheck();
    await notices.getByRole('button', { name: text.markAll }).click();
    await nav.getByRole('link', { name: 'Start', exact: true }).waitFor();
    expect(await notices.getByRole('button', { name: text.markRead }).count()).toBe(0);
  });

  it('shows the receiver a handover to answer and the opener’s unit manager an emergency access to review, counted in the navigation', async () => {
    const db = session.database.db;
    const user = (username: string) => db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select(['u.id', 'u.username', 'r.organisation_id', 'r.unit_id', 'r.role']).where('u.username', '=', username);
    const child = await db.selectFrom('child').innerJoin('app_user', 'app_user.id', 'child.user_id').select('child.id').where('app_user.username', '=', 'child').executeTakeFirstOrThrow();
    const [nurse, teacher, outsider] = await Promise.all(['nurse', 'teacher', 'outsider'].map((u) => user(u).where('r.role', '=', 'professional').executeTakeFirstOrThrow()));
    const manager = await db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select('u.username').where('r.unit_id', '=', outsider!.unit_id).where('r.role', '=', 'unit_manager').executeTakeFirstOrThrow();
    const now = Date.now();
    const handover = await db.insertInto('named_person_handover').values({ child_id: child.id, life_stage: 'youth_follow_up', from_user_id: teacher!.id, to_user_id: nurse!.id, to_organisation_id: nurse!.organisation_id, proposed_by: teacher!.id, proposed_at: new Date(now - 3_600_000) }).returning('id').executeTakeFirstOrThrow();
    const access = await db.insertInto('emergency_access').values({ child_id: child.id, user_id: outsider!.id, organisation_id: outsider!.organisation_id, unit_id: outsider!.unit_id, reason: 'Akut oro, vårdnadshavare nås inte', legal_ground_code: 'osl_emergency_health', starts_at: new Date(now - 7_200_000), expires_at: new Date(now - 3_600_000) }).returning('id').executeTakeFirstOrThrow();
    try {
      const sv = language === 'sv';
      let page = await loginAs(session, 'nurse', language);
      const waiting = page.getByRole('region', { name: sv ? 'Att göra' : 'To do' });
      await waiting.getByRole('heading', { name: sv ? '1 överlämning att svara på' : '1 handover to answer' }).waitFor();
      await waiting.getByText(/Tove Lärare/).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: sv ? 'Överlämningar (1 överlämning att svara på)' : 'Handovers (1 handover to answer)' }).waitFor();
      expect(await violations(page, `${language} start with a handover`)).toEqual([]);

      await resetBrowser(session);
      page = await loginAs(session, manager.username, language);
      // The demo has the outsider's access of yesterday waiting for the same manager too.
      const { n } = await db.selectFrom('emergency_access').select(db.fn.countAll<number>().as('n')).where('unit_id', '=', outsider!.unit_id).where('reviewed_at', 'is', null).executeTakeFirstOrThrow();
      const count = Number(n);
      const toReview = sv ? `${count} ${count === 1 ? 'nödåtkomst' : 'nödåtkomster'} att granska` : `${count} ${count === 1 ? 'emergency access' : 'emergency accesses'} to review`;
      const reviews = page.getByRole('region', { name: sv ? 'Att göra' : 'To do' });
      await reviews.getByRole('heading', { name: toReview }).waitFor();
      await reviews.getByText(/Otto Utomstående/).first().waitFor();
      await page.getByRole('navigation').getByRole('link', { name: new RegExp(`^Start \\(.*${toReview}`) }).waitFor();
      expect(await violations(page, `${language} start with a review`)).toEqual([]);
    } finally {
      await db.deleteFrom('named_person_handover').where('id', '=', handover.id).execute();
      await db.deleteFrom('emergency_access').where('id', '=', access.id).execute();
    }
  });

  it('tells a professional with no notices and nothing waiting so', async () => {
    const page = await loginAs(session, 'outsider', language);
    await page.getByText(text.noNotices).waitFor();
    await page.getByText(text.nothingWaiting).waitFor();
    expect(await violations(page, `${language} empty start`)).toEqual([]);
  });

  it('speaks to the 14-year-old: "Mina uppgifter", written to her', async () => {
    const page = await loginAs(session, 'child', language);
    const title = language === 'sv' ? 'Mina uppgifter' : 'My details';
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: title }).waitFor();
    await page.getByRole('link', { name: language === 'sv' ? 'Visa dina uppgifter' : 'See your details' }).waitFor();
    expect(await page.getByText(language === 'sv' ? 'Mina barn' : 'My children').count()).toBe(0);
    expect(await violations(page, `${language} child start`)).toEqual([]);
    await resize(page, { width: 390, height: 844 });
    expect(await violations(page, `${language} child start 390`)).toEqual([]);
    await resize(page, { width: 1280, height: 860 });

    // Her own page speaks to her too.
    await page.getByRole('link', { name: language === 'sv' ? 'Visa dina uppgifter' : 'See your details' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
    await page.getByRole('heading', { level: 2, name: language === 'sv' ? 'De som arbetar med dig' : 'The people who work with you' }).waitFor();
    await page.getByRole('heading', { level: 2, name: language === 'sv' ? 'Vem har tittat i dina uppgifter?' : 'Who has looked at your details?' }).waitFor();
    expect(await page.title()).toBe(`${title} – Samsyn`);
    expect(await violations(page, `${language} child's own page`)).toEqual([]);
  });

  it('a guardian still sees "Mina barn"', async () => {
    const page = await loginAs(session, 'guardian', language);
    await page.getByRole('heading', { level: 1, name: language === 'sv' ? 'Mina barn' : 'My children' }).waitFor();
    expect(await violations(page, `${language} guardian start`)).toEqual([]);
  });
});
