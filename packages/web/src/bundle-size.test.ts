import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The first page's JavaScript stays under 300 KB gzip (issue 15: "ECharts loads only on the pages
 * that draw charts: the initial JavaScript stays under 300 KB gzip"; docs/statistics.md). Read from
 * the build's manifest (`npm test` builds first): the entry and every chunk it imports statically,
 * which index.html loads at once. Pages, ECharts, exceljs and the English texts are dynamic imports.
 */
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifestFile = path.join(dist, '.vite/manifest.json');
const limit = 300 * 1024;

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function initialChunks(manifest: Record<string, Chunk>): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]!.imports ?? []) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

describe('the first page’s JavaScript', () => {
  it('is under 300 KB gzip, and carries neither ECharts, exceljs, pdfmake nor the English texts', () => {
    expect(existsSync(manifestFile), 'build the web app first: node scripts/start.mjs --build-only').toBe(true);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
    const files = initialChunks(manifest);
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    // What the manifest calls initial is what index.html loads (its entry, and any modulepreload).
    for (const file of files) expect(html, file).toContain(`/${file}`);
    const sources = files.map((file) => readFileSync(path.join(dist, file)));
    const gzip = sources.reduce((sum, source) => sum + gzipSync(source, { level: 9 }).length, 0);
    expect(gzip, `${files.join(', ')}: ${(gzip / 1024).toFixed(1)} KB gzip`).toBeLessThan(limit);
    const text = sources.map((s) => s.toString('utf8')).join('\n');
    // Not a file of them, nor a trace of their code (the names appear in their own chunks, never in the first page's).
    expect(files.filter((file) => /echarts|exceljs|pdfmake|canvasrenderer/i.test(file))).toEqual([]);
    expect(text).not.toMatch(/echarts|exceljs|pdfmake/i);
    // The English texts are their own chunk: one of their phrases is not in the first page's code.
    expect(text).not.toContain('Assessment on the wellbeing wheel');
    // The heavy parts are still in the build, only loaded on demand.
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['src/dashboards/echarts.ts', 'src/wellbeing/echarts.ts', 'src/i18n/en.json']));
    expect(Object.keys(manifest).some((key) => key.includes('exceljs'))).toBe(true);
  });
});
