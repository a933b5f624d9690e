/**
 * The public pages' HTML: plain, server-rendered, no script. Every page is a whole document made
 * at publish time (and the small answers of the feedback form), in Swedish with a link to English.
 * Readable at 390 px (tables scroll inside their own region), contrast and focus per WCAG 2.1 AA.
 */

export type Lang = 'sv' | 'en';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Plain text to paragraphs: blank lines part them. */
export const paragraphs = (text: string): string => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${esc(p)}</p>`).join('');

const words = {
  sv: { site: 'Samsyn – publicerat', other: 'In English', otherLang: 'en', published: 'Publicerad', version: 'version', feedback: 'Frågor och synpunkter', message: 'Din fråga eller synpunkt', replyTo: 'E-post eller telefon om du vill ha svar (frivilligt)', send: 'Skicka', privacy: 'Vi sparar bara det du skriver. Ingen cookie, ingen IP-adress.', skip: 'Till innehållet', sent: 'Tack! Din fråga har skickats.', notFound: 'Sidan finns inte', notFoundText: 'Sidan finns inte eller har tagits bort.', throttled: 'Många har skrivit just nu. Försök igen om en stund.', invalid: 'Formuläret kunde inte skickas. Skriv en fråga och försök igen.', back: 'Tillbaka till sidan', index: 'Publicerade sidor' },
  en: { site: 'Samsyn – published', other: 'På svenska', otherLang: 'sv', published: 'Published', version: 'version', feedback: 'Questions and comments', message: 'Your question or comment', replyTo: 'E-mail or phone if you want an answer (optional)', send: 'Send', privacy: 'We keep only what you write. No cookie, no IP address.', skip: 'Skip to content', sent: 'Thank you! Your question has been sent.', notFound: 'Page not found', notFoundText: 'The page does not exist or has been withdrawn.', throttled: 'Many have written just now. Please try again in a while.', invalid: 'The form could not be sent. Write a question and try again.', back: 'Back to the page', index: 'Published pages' },
} as const;
export const publicWords = words;

const style = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5;font-size:1rem}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;padding-top:1rem;padding-bottom:.5rem;border-bottom:1px solid #767676}
a{color:#0b4f9c}a:focus,button:focus,textarea:focus,input:focus,[tabindex]:focus{outline:3px solid #0b4f9c;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;min-width:100%}caption{text-align:left;font-weight:600}th,td{border:1px solid #767676;padding:.4rem;text-align:left;vertical-align:top}
label{display:block;font-weight:600;margin-top:.75rem}textarea,input{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;border:1px solid #595959}
button{margin-top:.75rem;font:inherit;padding:.5rem 1rem;background:#0b4f9c;color:#fff;border:0;border-radius:4px}.status{border-left:4px solid #0b4f9c;padding:.5rem}
dt{font-weight:600}dd{margin:0 0 .5rem 0}`;

/** A whole page: the shared header with the language link, the content, and an optional footer. */
export function document(lang: Lang, title: string, content: string, otherPath: string): string {
  const w = words[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} – ${w.site}</title><style>${style}</style></head><body><a class="skip" href="#content">${w.skip}</a><header><span>${w.site}</span><a href="${esc(otherPath)}" lang="${w.otherLang}" hreflang="${w.otherLang}">${w.other}</a></header><main id="content">${content}</main></body></html>`;
}

export interface PageParts { slug: string; title: string; body: string; version: number; publishedOn: string; formToken: string }

export const pagePath = (slug: string, lang: Lang) => `/public/${slug}${lang === 'en' ? '?lang=en' : ''}`;

/** A published page, as stored: its content and the plain HTML feedback form (a POST, no script). */
export function publishedPage(lang: Lang, p: PageParts): string {
  const w = words[lang];
  const form = `<section aria-labelledby="feedback"><h2 id="feedback">${w.feedback}</h2><form method="post" action="/public/${esc(p.slug)}/feedback"><input type="hidden" name="token" value="${esc(p.formToken)}"><input type="hidden" name="lang" value="${lang}"><label for="message">${w.message}</label><textarea id="message" name="message" rows="5" required maxlength="4000"></textarea><label for="replyTo">${w.replyTo}</label><input id="replyTo" name="replyTo" maxlength="200" autocomplete="off"><button type="submit">${w.send}</button></form><p>${w.privacy}</p></section>`;
  const content = `<h1>${esc(p.title)}</h1><p>${w.published} ${esc(p.publishedOn)}, ${w.version} ${p.version}</p>${p.body}${form}`;
  return document(lang, p.title, content, pagePath(p.slug, lang === 'sv' ? 'en' : 'sv'));
}

/** The small answers of the public part: not found, sent, refused. */
export function notice(lang: Lang, heading: string, text: string, back: { slug: string } | null, path: string): string {
  const w = words[lang];
  const link = back ? `<p><a href="${esc(pagePath(back.slug, lang))}">${w.back}</a></p>` : '';
  return document(lang, heading, `<h1>${esc(heading)}</h1><p class="status" role="status">${esc(text)}</p>${link}`, path);
}
