// texts.bin (the results' texts and the English, model::Texts) and rest-*.wasm (the results'
// own code, src/app/lazy.rs), kept out of the first load. The start page must not fetch
// them; a link that opens further on fetches them alongside the wasm; if either cannot
// come, the results say so and offer to try again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, answerAll, shown, drawn, useBrowser } from './harness.mjs';

const env = useBrowser();

const restaurant = {
  applicant: 'business', city: 'pingliang', county: 'kongtong', business_form: 'individual_business',
  vat_status: 'small_scale', monthly_sales: '8万', industries: ['catering'],
};
const texts = (page) => page.requests.filter((u) => u.endsWith('/texts.bin'));

async function resultsLink() {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  const url = page.url();
  await page.context().close();
  return url;
}

test('the start page leaves texts.bin out; leaving it fetches the texts once', async () => {
  const page = await open(env.browser, env.server.base);
  await page.waitForTimeout(500);
  assert.deepEqual(texts(page), [], 'texts.bin is not part of the start page');
  await page.click('button.primary');
  await page.waitForSelector('section.question');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/texts.bin') && e.responseEnd > 0));
  await page.click('section.question button.secondary');
  assert.equal(texts(page).length, 1, 'fetched once');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a results link fetches texts.bin alongside the wasm, once, and shows every card', async () => {
  const url = await resultsLink();
  const page = await open(env.browser, url);
  await drawn(page);
  const initiator = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/texts.bin'))?.initiatorType);
  assert.equal(initiator, 'link', 'preloaded by boot.js, not fetched after the wasm started');
  const rest = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/rest-[0-9a-f]+\.wasm$/.test(e.name)).map((e) => e.initiatorType));
  assert.deepEqual(rest, ['link'], "the results' own wasm is preloaded by boot.js too, and fetched once");
  assert.equal(texts(page).length, 1, 'the app reuses the preload');
  const cards = await shown(page, 'sec-eligible');
  assert.ok(cards.includes('pingliang-2023.vat-small-scale-exempt'), cards.join(' '));
  const card = page.locator('article[data-relief="pingliang-2023.vat-small-scale-exempt"]');
  assert.match(await card.locator('h3').innerText(), /增值税/);
  assert.match(await card.locator('.cite').textContent(), /平政发/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when texts.bin cannot come, the results say so and try again on request', async () => {
  const url = await resultsLink();
  const context = await env.browser.newContext();
  let blocked = true;
  await context.route('**/texts.bin', (route) => (blocked ? route.abort() : route.continue()));
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('section.results[data-texts="failed"]');
  const alert = page.locator('section.results [role=alert]');
  assert.match(await alert.innerText(), /没能载入/);
  assert.equal(await page.locator('article[data-relief]').count(), 0, 'no card without its texts');
  blocked = false;
  await alert.locator('button').click();
  await drawn(page);
  assert.ok((await shown(page, 'sec-eligible')).includes('pingliang-2023.vat-small-scale-exempt'));
  await context.close();
});

test("when the results' own wasm cannot come, the results say so and try again on request", async () => {
  const url = await resultsLink();
  const context = await env.browser.newContext();
  let blocked = true;
  await context.route(/\/rest-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('section.results[data-texts="failed"]');
  assert.equal(await page.locator('article[data-relief]').count(), 0);
  blocked = false;
  await page.locator('section.results [role=alert] button').click();
  await drawn(page);
  assert.ok((await shown(page, 'sec-eligible')).includes('pingliang-2023.vat-small-scale-exempt'));
  assert.deepEqual(errors, [], 'no uncaught error: the app keeps running');
  await context.close();
});

test('in English, the questions turn English as soon as the texts arrive', async () => {
  const page = await open(env.browser, `${env.server.base}#lang=en`);
  await page.click('button.primary');
  await page.waitForFunction(() => {
    const h = document.querySelector('section.question h1');
    return h && /[A-Za-z]{3}/.test(h.textContent) && !/[\u4e00-\u9fff]/.test(h.textContent);
  });
  const label = await page.locator('section.question button.choice').first().innerText();
  assert.ok(!/[\u4e00-\u9fff]/.test(label), `English choice: ${label}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
