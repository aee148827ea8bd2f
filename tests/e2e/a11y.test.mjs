// Accessibility: axe-core finds no WCAG 2.1 A/AA violation on the start screen, a question
// and the results, in the normal, kiosk, embed and large-text modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root, open, answerAll, useBrowser } from './harness.mjs';

const require = createRequire(path.join(root, 'tools/package.json'));
const { AxeBuilder } = require('@axe-core/playwright');

const env = useBrowser();

async function violations(page, where) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const restaurant = {
  applicant: 'business', city: 'pingliang', county: 'kongtong', business_form: 'individual_business',
  vat_status: 'small_scale', monthly_sales: '8万', industries: ['catering'],
};

for (const mode of ['', 'kiosk', 'embed', 'big']) {
  test(`no WCAG 2.1 A/AA violations${mode ? ` in ${mode} mode` : ''}: start, question, results`, async () => {
    const page = await open(env.browser, `${env.server.base}#${mode ? `${mode}&` : ''}d=2023-06-01`);
    const found = [];
    found.push(...(await violations(page, 'start')));
    await page.click('button.primary');
    await page.waitForSelector('section.question');
    found.push(...(await violations(page, 'question')));
    await answerAll(page, restaurant);
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    found.push(...(await violations(page, 'results')));
    assert.deepEqual(found, []);
    await page.context().close();
  });
}

test('the checker itself notices a violation (so the tests above can fail)', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<html lang="zh-CN"><head><title>t</title></head><body><main><img src="x.png"><button></button></main></body></html>');
  const found = await violations(page, 'broken');
  assert.ok(found.some((v) => v.includes('image-alt')), found.join('\n'));
  await context.close();
});
