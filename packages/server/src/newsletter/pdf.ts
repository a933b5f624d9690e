import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { renderPdf } from '../pdf/render.ts';
import type { Lang } from '../public-pages/html.ts';
import type { IssueSnapshot } from './kind.ts';
import { blockPdf, newsletterWords } from './render.ts';

/** The published snapshot of a newsletter page (its newest version), or none when withdrawn or unknown. */
export async function publishedIssue(db: Kysely<DB>, slug: string) {
  const row = await db
    .selectFrom('public_page as p')
    .innerJoin('public_page_version as v', 'v.page_id', 'p.id')
    .select(['p.title', 'v.data', 'v.version', 'v.published_at'])
    .where('p.slug', '=', slug)
    .where('p.kind', '=', 'newsletter')
    .where('p.withdrawn_at', 'is', null)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { title: row.title, version: row.version, snapshot: (row.data as { content: IssueSnapshot }).content } : undefined;
}

/** The issue as a PDF, from the same frozen snapshot as the page. */
export function issuePdf(issue: { title: string; snapshot: IssueSnapshot }, lang: Lang): Promise<Buffer> {
  const w = newsletterWords[lang];
  return renderPdf({
    info: { title: issue.title },
    content: [{ text: issue.title, style: 'h1' }, { text: `${w.issue} ${issue.snapshot.issueDate}`, margin: [0, 0, 0, 8] }, ...issue.snapshot.blocks.flatMap((b) => blockPdf(b, lang))],
    styles: { h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 14, bold: true, margin: [0, 10, 0, 4] } },
  });
}
