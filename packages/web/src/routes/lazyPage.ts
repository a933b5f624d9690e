import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on demand: its module (and what only it imports: ECharts, exceljs, the forms of one
 * area) becomes a chunk of its own, fetched when the route is first opened. The first page's
 * JavaScript then carries only the shell, the login and the start pages (the aim in
 * docs/statistics.md: under 300 KB gzip, checked by src/bundle-size.test.ts).
 * The pages are named exports; `lazy` wants a default, so the helper picks the name.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
