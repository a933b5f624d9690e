import { describe, expect, it } from 'vitest';
import { allViolations } from './browser.ts';
import { scanEveryPage, screens } from './accessibility-scans.ts';

// Every page at 1280 px, in both languages (the 390 px phone is accessibility-phone.test.ts).
const session = scanEveryPage(screens.desktop);

describe('the scanner every browser file uses', () => {
  // The scans above pass only if the scanner can fail: on a page built to break three rules of
  // different impact (a field without a label, pale text, a name that hides the visible label),
  // it must name all three.
  it('names each violation on a page built to break the rules', async () => {
    const page = await session.context.newPage();
    try {
      await page.setContent(
        '<html lang="sv"><head><title>Prov</title></head><body><main><h1>Prov</h1>' +
          '<input type="text"><p style="color:#bbb;background:#fff">Blek text</p><button aria-label="Stäng fönstret">Spara</button>' +
          '</main></body></html>',
      );
      const found = (await allViolations(page, 'probe')).join('\n');
      expect(found).toMatch(/\] label \(critical\)/);
      expect(found).toMatch(/\] color-contrast \(serious\)/);
      expect(found).toMatch(/\] label-content-name-mismatch \(/);
    } finally {
      await page.close();
    }
  });
});
