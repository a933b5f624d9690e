// Runs the given shell commands side by side and fails if any fails: `npm run typecheck` (three
// single-threaded tsc runs) and `npm test`'s checks then use both of CI's cores instead of one.
// Each command's output is printed whole when it ends, so the logs do not interleave.
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/all.mjs "<command>" ["<command>" …]');
  process.exit(2);
}

const results = await Promise.all(
  commands.map(
    (command) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(`== ${command} (${code === 0 ? 'ok' : `failed: ${signal ?? code}`}, ${seconds} s)\n`);
          process.stdout.write(Buffer.concat(output));
          resolve(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
