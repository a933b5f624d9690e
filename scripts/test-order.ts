import { statSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from './test-durations.json' with { type: 'json' };

// The order `vitest run` starts the test files in, on two workers. Without its cache (CI has none)
// vitest starts the largest files first, and the two four-line files that scan every page came
// last, when the other worker had nothing left. Here the longest files start first (known
// seconds from `test-durations.json`, the others estimated by their size), so the two workers end
// together. The browser files come before the API files and those before the unit tests: each
// project's files then follow one another, and a worker goes on to the next file of the same
// project without starting again (`isolate: false`, vitest.config.ts).

const projectOrder = ['web', 'server', 'core'];
const known: Record<string, number> = durations.seconds;

/**
 * Seconds per byte for a file not measured yet: the median over the project's measured files (a
 * four-line file that runs a shared scan module would make a mean of no use).
 */
function secondsPerByte(root: string, project: string): number {
  const rates: number[] = [];
  for (const [key, seconds] of Object.entries(known)) {
    if (!key.startsWith(`${project}:`)) continue;
    try {
      rates.push(seconds / statSync(path.join(root, key.slice(project.length + 1))).size);
    } catch {
      // A file listed but gone (renamed or removed) says nothing.
    }
  }
  rates.sort((a, b) => a - b);
  return rates.length > 0 ? rates[Math.floor(rates.length / 2)]! : 0;
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const rates = new Map<string, number>();
    const expected = new Map<TestSpecification, number>();
    for (const spec of files) {
      const project = spec.project.name;
      const key = `${project}:${path.relative(root, spec.moduleId).split(path.sep).join('/')}`;
      if (!rates.has(project)) rates.set(project, secondsPerByte(root, project));
      expected.set(spec, known[key] ?? statSync(spec.moduleId).size * rates.get(project)!);
    }
    const rank = (spec: TestSpecification) => {
      const index = projectOrder.indexOf(spec.project.name);
      return index === -1 ? projectOrder.length : index;
    };
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        rank(a) - rank(b) ||
        expected.get(b)! - expected.get(a)! ||
        a.moduleId.localeCompare(b.moduleId),
    );
  }
}
