// npm start: build the web app when its sources are newer than the build, then run the server
// (migrations and, on an empty embedded database, demo data happen as it starts).
// With --build-only it stops after the build and the embedded database's template: npm install
// and npm test use that.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages/web');
const core = path.join(root, 'packages/core/src');
const built = path.join(web, 'dist/index.html');

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newest(path.join(target, entry))));
}

function webIsStale() {
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(path.join(web, 'src')), newest(path.join(web, 'index.html')), newest(path.join(web, 'vite.config.ts')), newest(core));
  return sources > statSync(built).mtimeMs;
}

if (webIsStale()) {
  console.log('Samsyn: building the web app…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@samsyn/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (process.argv.includes('--build-only')) {
  // Also prepare the embedded database's template, so the first start skips initdb.
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'packages/server/src/cli/prepare.ts')], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'packages/server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
