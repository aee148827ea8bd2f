// The texts (texts-zh.bin and texts-en.bin: the results' texts and the English, one file
// per language, model::Texts) and rest-*.wasm (the results' own code, src/app/lazy.rs), kept
// out of the first load. The start page must not fetch them; a session fetches the texts of
// the language on screen only; a link that opens further on fetches them alongside the
// wasm; if either cannot come, the results say so and offer to try again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, answerAll, shown, drawn, useBrowser, readQr } from './harness.mjs';

const env = useBrowser();

const restaurant = {
  applicant: 'business', city: 'pingliang', county: 'kongtong', business_form: 'individual_business',
  vat_status: 'small_scale', monthly_sales: '8万', industries: ['catering'],
};
const texts = (page, lang = 'zh') => page.requests.filter((u) => u.endsWith(`/texts-${lang}.bin`));
const initiators = (page, file) => page.evaluate((f) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(f)).map((e) => e.initiatorType), file);

async function resultsLink() {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  const url = page.url();
  await page.context().close();
  return url;
}

/** A results link opened with the files that match `pattern` failing until `unblock()`. */
async function openBlocked(pattern) {
  const url = await resultsLink();
  const context = await env.browser.newContext();
  let blocked = true;
  await context.route(pattern, (route) => (blocked ? route.abort() : route.continue()));
  const page = await context.newPage();
  return { context, page, url, unblock: () => { blocked = false; } };
}

test('the start page leaves the texts out; leaving it fetches the Chinese texts once, not the English', async () => {
  const page = await open(env.browser, env.server.base);
  await page.waitForTimeout(500);
  assert.deepEqual(texts(page), [], 'texts-zh.bin is not part of the start page');
  await page.click('button.primary');
  await page.waitForSelector('section.question');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/texts-zh.bin') && e.responseEnd > 0));
  await page.click('section.question button.secondary');
  assert.equal(texts(page).length, 1, 'fetched once');
  assert.deepEqual(texts(page, 'en'), [], 'the English texts are not fetched in Chinese');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a results link fetches its texts alongside the wasm, once, and shows every card', async () => {
  const url = await resultsLink();
  const page = await open(env.browser, url);
  await drawn(page);
  assert.deepEqual(await initiators(page, '/texts-zh.bin'), ['link'], 'preloaded by boot.js, not fetched after the wasm started');
  assert.deepEqual(texts(page, 'en'), []);
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

test('when the texts cannot come, the results say so and try again on request', async () => {
  const { context, page, url, unblock } = await openBlocked('**/texts-zh.bin');
  await page.goto(url);
  await page.waitForSelector('section.results[data-texts="failed"]');
  const alert = page.locator('section.results [role=alert]');
  assert.match(await alert.innerText(), /没能载入/);
  assert.equal(await page.locator('article[data-relief]').count(), 0, 'no card without its texts');
  unblock();
  await alert.locator('button').click();
  await drawn(page);
  assert.ok((await shown(page, 'sec-eligible')).includes('pingliang-2023.vat-small-scale-exempt'));
  await context.close();
});

test("when the results' own wasm cannot come, the results say so and try again on request", async () => {
  const { context, page, url, unblock } = await openBlocked(/\/rest-[0-9a-f]+\.wasm$/);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('section.results[data-texts="failed"]');
  assert.equal(await page.locator('article[data-relief]').count(), 0);
  unblock();
  await page.locator('section.results [role=alert] button').click();
  await drawn(page);
  assert.ok((await shown(page, 'sec-eligible')).includes('pingliang-2023.vat-small-scale-exempt'));
  assert.deepEqual(errors, [], 'no uncaught error: the app keeps running');
  await context.close();
});

test('a Chinese link to a question is drawn before its texts arrive; the help keeps its place and fills in', async () => {
  const context = await env.browser.newContext();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/texts-zh.bin', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(`${env.server.base}#d=2023-06-01&s=who`);
  await page.waitForSelector('section.question[data-question="who"] button.choice');
  const help = page.locator('section.question details.help');
  const before = await help.boundingBox();
  assert.ok(before, 'the help is on the screen before the texts arrive');
  assert.equal(await help.locator('summary').innerText(), '这是什么意思？');
  await help.locator('summary').click();
  assert.equal(await help.locator('p').innerText(), '正在载入说明……');
  const summary = await help.locator('summary').boundingBox();
  release();
  await page.waitForFunction(() => document.querySelector('section.question details.help p').textContent.startsWith('个体工商户'));
  assert.deepEqual(await help.locator('summary').boundingBox(), summary, 'the help did not move when its text came');
  assert.equal((await help.boundingBox()).y, before.y);
  // The person answers and goes on, with the texts and the results' wasm come behind.
  await page.click('[data-fact="applicant"] button.choice[data-value="person"]');
  await page.click('[data-fact="city"] button.choice[data-value="pingliang"]');
  await page.click('section.question button[type=submit]');
  await page.waitForSelector('section.question:not([data-question="who"])');
  await context.close();
});

test('a clause comes from quotes.bin when one is first opened: verbatim, fetched once; when it cannot come, opening again tries again', async () => {
  const { context, page, url, unblock } = await openBlocked('**/quotes.bin');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await drawn(page);
  await page.waitForTimeout(300);
  const quotes = () => requests.filter((u) => u.endsWith('/quotes.bin'));
  assert.deepEqual(quotes(), [], 'the results alone do not fetch the clauses');
  const clause = (id) => page.locator(`article[data-relief="${id}"] details.clause`);
  const first = clause('pingliang-2023.vat-small-scale-exempt');
  await first.locator('summary').click();
  await first.locator('p.status', { hasText: '没能载入' }).waitFor();
  assert.equal(await first.locator('blockquote').isVisible(), false, 'no empty quote');
  unblock();
  await first.locator('summary').click();
  await first.locator('summary').click();
  await first.locator('blockquote:not(:empty)').waitFor();
  assert.equal(await first.locator('p.status').isVisible(), false, 'the status line is gone');
  // Another card's clause is there at once: the file came once.
  const second = clause('pingliang-2023.six-taxes-two-fees');
  await second.locator('summary').click();
  await second.locator('blockquote:not(:empty)').waitFor();
  assert.equal(quotes().length, 2, 'the failed fetch, then one that came');
  // Verbatim: as the static list (all.html, made on the host from the whole rule set) quotes it.
  const listed = await page.evaluate(async () => {
    const doc = new DOMParser().parseFromString(await (await fetch('all.html')).text(), 'text/html');
    const quote = (id) => doc.getElementById(id).querySelector('blockquote').textContent;
    return ['pingliang-2023.vat-small-scale-exempt', 'pingliang-2023.six-taxes-two-fees'].map(quote);
  });
  assert.deepEqual([await first.locator('blockquote').textContent(), await second.locator('blockquote').textContent()], listed);
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

test('English waits for texts-en.bin, which brings the interface too: until it comes the page stays Chinese; if it cannot, it says so and tries again', async () => {
  const context = await env.browser.newContext();
  let blocked = true;
  await context.route('**/texts-en.bin', (route) => (blocked ? route.abort() : route.continue()));
  const page = await context.newPage();
  await page.goto(`${env.server.base}#d=2023-06-01`);
  await page.waitForSelector('main#main > *');
  const title = () => page.locator('section.start h1').innerText();
  const chinese = await title();
  await page.click('button.tool[lang="en"]');
  const alert = page.locator('header [role=alert]');
  await alert.waitFor();
  // Both languages: the person asked for English and only the Chinese is here.
  assert.match(await alert.innerText(), /没能载入.*English could not be loaded/s);
  assert.equal(await title(), chinese, 'no half-English page');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(page.url(), /lang=en/, 'the choice is kept');
  blocked = false;
  await alert.locator('button').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await alert.count(), 0);
  assert.ok(!/[\u4e00-\u9fff]/.test(await title()), `English title: ${await title()}`);
  assert.equal(await page.locator('section.start button.primary').innerText(), 'Start');
  await context.close();
});

test('switching the results to English fetches the English texts once; back to Chinese fetches nothing', async () => {
  const page = await open(env.browser, await resultsLink());
  await drawn(page);
  const card = page.locator('article[data-relief="pingliang-2023.vat-small-scale-exempt"]');
  assert.match(await card.locator('h3').innerText(), /增值税/);
  await page.click('button.tool[lang="en"]');
  await page.waitForFunction(() => /VAT/i.test(document.querySelector('article[data-relief="pingliang-2023.vat-small-scale-exempt"] h3')?.textContent || ''));
  await drawn(page);
  assert.equal(texts(page, 'en').length, 1, 'the English texts, once');
  await card.locator('details.clause summary').click();
  await card.locator('details.clause blockquote:not(:empty)').waitFor();
  assert.match(await card.locator('details.clause blockquote').textContent(), /[\u4e00-\u9fff]/, 'the clause stays verbatim');
  await page.click('button.tool[lang="zh-CN"]');
  await page.waitForFunction(() => /增值税/.test(document.querySelector('article[data-relief="pingliang-2023.vat-small-scale-exempt"] h3')?.textContent || ''));
  await page.click('button.tool[lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual([texts(page).length, texts(page, 'en').length], [1, 1], 'each language fetched once');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an English QR code's compact link preloads the English texts, not the Chinese", async () => {
  const page = await open(env.browser, `${env.server.publicBase}#d=2023-06-01&lang=en`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  await drawn(page);
  const link = await readQr(page.locator('section.handoff figure.qr'));
  assert.match(link, /#z=/);
  await page.context().close();
  const phone = await open(env.browser, link);
  await drawn(phone);
  assert.deepEqual(await initiators(phone, '/texts-en.bin'), ['link'], 'preloaded by boot.js');
  assert.deepEqual(texts(phone), [], 'no Chinese texts');
  assert.match(await phone.locator('article[data-relief="pingliang-2023.vat-small-scale-exempt"] h3').innerText(), /VAT/i);
  assert.deepEqual(phone.errors, []);
  await phone.context().close();
});
