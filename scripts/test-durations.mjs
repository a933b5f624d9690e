// Writes scripts/test-durations.json from a vitest JSON report, for the order the test files start
// in (scripts/test-order.ts): `npx vitest run --reporter=json --outputFile=/tmp/run.json`, then
// `node scripts/test-durations.mjs /tmp/run.json` (several reports of parts of a run may be given). Only the files that take longest are kept; the
// others are estimated by their size, and a stale figure only means a less even end.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error('usage: node scripts/test-durations.mjs <vitest JSON report> [<report> …]');
  process.exit(2);
}
const testResults = reports.flatMap((report) => JSON.parse(readFileSync(report, 'utf8')).testResults);
// From `packages/` on: a report of a copy of the repository elsewhere names the same files.
const fileOf = (name) => name.split(path.sep).join('/').replace(/^.*?(?:^|\/)(packages\/)/, '$1');
const projectOf = (file) => (file.startsWith('packages/web/') ? 'web' : file.startsWith('packages/server/') ? 'server' : 'core');
const rows = testResults
  .map((r) => [`${projectOf(fileOf(r.name))}:${fileOf(r.name)}`, Math.round((r.endTime - r.startTime) / 100) / 10])
  .filter(([key, seconds]) => !key.startsWith('core:') && seconds >= 5)
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const file = path.join(root, 'scripts/test-durations.json');
writeFileSync(file, `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), seconds: Object.fromEntries(rows) }, null, 2)}\n`);
console.log(`${file}: ${rows.length} files`);
