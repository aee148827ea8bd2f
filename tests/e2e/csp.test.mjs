// The strict Content-Security-Policy that tools/post_build.sh writes to dist/csp.txt: served
// as a header, the app runs a whole session without a single violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, answerAll, shown, useBrowser } from './harness.mjs';

const env = useBrowser({ csp: true });

test('the policy is strict: own origin only, no inline script but the hashed bootstrap, no eval', () => {
  const policy = fs.readFileSync(path.join(root, 'dist/csp.txt'), 'utf8');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  assert.match(policy, /object-src 'none'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|\*\.|https?:/);
});

test('under the policy the app runs a whole session with no violation', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // Under the server's public name: a page served from this machine shows no QR code.
  const response = await page.goto(`${env.server.publicBase}#d=2023-06-01`);
  assert.match(response.headers()['content-security-policy'], /wasm-unsafe-eval/);
  await page.waitForSelector('section.start');
  await page.click('button.primary');
  await answerAll(page, { applicant: 'business', city: 'pingliang', vat_status: 'small_scale', monthly_sales: '8万', business_form: 'individual_business' });
  assert.ok((await shown(page, 'sec-eligible')).includes('pingliang-2023.vat-small-scale-exempt'));
  assert.ok((await page.locator('figure.qr svg').count()) === 1, 'the QR code renders under the policy');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});

test('the policy would catch an inline script (so the test above can fail)', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
  });
  await page.goto(`${env.server.base}#d=2023-06-01`);
  await page.waitForSelector('section.start');
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); });
  await page.waitForFunction(() => window.violations.length > 0);
  await context.close();
});
