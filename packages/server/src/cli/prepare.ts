import { preparePgliteTemplate } from '../db/pglite-template.ts';

// Run by `npm install` (through scripts/start.mjs --build-only): makes the first start fast.
const file = await preparePgliteTemplate();
console.log(`Samsyn: embedded database template ready (${file}).`);
process.exit(0);
