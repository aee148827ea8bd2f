// Size budgets: what Chromium actually fetches (the page's own requests, brotli as the test
// server sends it) on each screen of a session, so that a file split off the first load
// cannot hide its bytes. A deterministic gate on the built dist/.
//
// History. Issue 7: 150 KB for the whole first load (147.8 KB on 2026-11-22, from 181 KB:
// texts.bin, the size options of tools/size-env.sh, wasm-opt -Os, minified glue and CSS, a
// hand decoder instead of serde). 2026-12-02: the short questionnaire, the results people
// act on, the kiosk take-away, printout and compact link and the fidelity fixes brought it to
// 165 KB. Issue 14: the results, the printout and the kiosk dock are now a wasm of their own
// (src/app/lazy.rs, tools/split.sh), fetched with texts.bin when the person leaves the start
// screen. Measured 2026-12-02 (run `node --test tests/e2e/budget.test.mjs` for the table):
// start page 133.7 KB (the main wasm 123.4 KB), session 232.9 KB (texts.bin 54.2 KB,
// rest-*.wasm 45.0 KB). Then the texts were split by language (texts-zh.bin, texts-en.bin):
// a session in Chinese fetches 29.8 KB of texts, and boot.js and sw-register.js are minified.
// Measured the same day: start page 133.7 KB, session 208.5 KB.
// Then (the same day): short names for the wasm's imports and no wasm-streams classes
// (tools/trim_glue.py), and the clauses quoted in a file of their own (quotes.bin, 13.2 KB),
// fetched when a card's clause is first opened: start page 129.7 KB, session 199.9 KB.
// Then the interface's English went into texts-en.bin (present::catalog): start page
// 128,112 bytes, session 197,812 (2026-12-02).
// Both budgets are set a little above their measure, so that nothing grows unnoticed: the
// start page at 130 KB (under issue 11's 150 KB; issue 14's goal, 120 KB, is not met yet),
// the session at 200 KB (issue 14's goal is 190 KB).
// The service worker's precache (every file, fetched in the background after the first
// load, for offline use) is not the page's fetch and is not counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, open, answerAll, useBrowser } from './harness.mjs';

const START_BUDGET = 130 * 1024;
const SESSION_BUDGET = 200 * 1024;

const env = useBrowser();
const dist = path.join(root, 'dist');

const restaurant = {
  applicant: 'business', city: 'pingliang', county: 'kongtong', business_form: 'individual_business',
  vat_status: 'small_scale', monthly_sales: '8万', industries: ['catering'],
};

/** Bytes on the wire of a dist/ file: its .br copy, which the test server sends. */
function wire(file) {
  const p = path.join(dist, file);
  return fs.existsSync(`${p}.br`) ? fs.statSync(`${p}.br`).size : fs.statSync(p).size;
}

/** The dist/ files the page fetched so far (each once), from its own requests. */
function fetched(page, base) {
  const files = new Set();
  for (const url of page.requests) {
    if (!url.startsWith(base)) continue;
    let f = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    if (f === '' || f.endsWith('/')) f += 'index.html';
    files.add(f);
  }
  return [...files].sort();
}

function table(files) {
  return files.map((f) => ({ file: f, bytes: wire(f) }));
}

const total = (rows) => rows.reduce((s, r) => s + r.bytes, 0);

test('what Chromium fetches per screen stays within its budget', async () => {
  const page = await open(env.browser, env.server.base);
  await page.waitForLoadState('networkidle');
  const start = table(fetched(page, env.server.base));

  await page.click('button.primary');
  await page.waitForSelector('section.question');
  await page.waitForLoadState('networkidle');
  const question = table(fetched(page, env.server.base));

  await answerAll(page, restaurant);
  await page.waitForLoadState('networkidle');
  const session = table(fetched(page, env.server.base));
  // A card's clause opened: the clauses quoted come then (quotes.bin), once.
  const clause = page.locator('section.results article details.clause').first();
  await clause.locator('summary').click();
  await clause.locator('blockquote:not(:empty)').waitFor();
  await page.waitForLoadState('networkidle');
  const opened = table(fetched(page, env.server.base));
  assert.deepEqual(page.errors, []);
  await page.context().close();

  for (const r of opened) console.log(`${r.file}: ${r.bytes} bytes brotli`);
  const s = total(start);
  console.log(`start page: ${s} bytes (budget ${START_BUDGET}); first question: ${total(question)}; whole session: ${total(session)} (budget ${SESSION_BUDGET}); with a clause opened: ${total(opened)}`);
  assert.ok(!session.some((r) => r.file === 'quotes.bin'), 'the results alone do not fetch the clauses');
  assert.deepEqual(opened.map((r) => r.file).filter((f) => !session.some((r) => r.file === f)), ['quotes.bin']);

  const names = start.map((r) => r.file);
  assert.ok(names.some((f) => /^relief-finder-.*_bg\.wasm$/.test(f)), `the start page loads the main wasm: ${names}`);
  for (const later of ['texts-zh.bin', /^rest-.*\.wasm$/]) {
    assert.ok(!names.some((f) => f.match(later)), `${later} is not part of the start page`);
    assert.ok(session.some((r) => r.file.match(later)), `${later} is fetched for the results`);
  }
  assert.ok(!session.some((r) => r.file === 'texts-en.bin'), 'a session in Chinese does not fetch the English texts');
  assert.ok(s <= START_BUDGET, `start page ${s} bytes brotli exceeds ${START_BUDGET}`);
  assert.ok(total(session) <= SESSION_BUDGET, `session ${total(session)} bytes brotli exceeds ${SESSION_BUDGET}`);
});

// The static start screen in index.html (`relief preboot`, written in by tools/post_build.sh)
// is the app's own start screen: the same words, counts and documents. So the page's largest
// paint is that static one, made before the wasm has arrived, and the app's first paint,
// which replaces it, is no larger (Lighthouse's LCP on the start page).
test('the static start screen says what the app says, and the app paints nothing larger', async () => {
  // The wasm is held back, as a slow network would, until the static screen has been read
  // and painted.
  const context = await env.browser.newContext({ viewport: { width: 412, height: 823 } });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await context.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.base, { waitUntil: 'domcontentloaded' });
  const text = () => page.locator('section.start').innerText();
  const preboot = await text();
  assert.equal(await page.locator('#preboot section.start button[disabled]').count(), 1, 'its button waits for the app');
  await page.waitForTimeout(300);
  release();
  await page.waitForSelector('main#main section.start button.primary:not([disabled])');
  assert.equal(await text(), preboot);
  assert.equal(await page.locator('#preboot').count(), 0, 'the app removed the static screen');
  await page.waitForTimeout(300);
  const { paints, wasm } = await page.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => done({
      paints: list.getEntries().map((e) => Math.round(e.startTime)),
      wasm: performance.getEntriesByType('resource').find((e) => /_bg\.wasm$/.test(e.name)).responseEnd,
    })).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  assert.ok(paints.length > 0 && paints.every((t) => t < wasm), `every largest paint (${paints} ms) comes before the wasm (${Math.round(wasm)} ms)`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The start page fetches its wasm after the static start screen's first paint (boot.js,
// reliefStart): the screen a person reads first does not share the network with the code,
// and Lighthouse does not count the wasm's download in its largest paint. A link that opens
// further on (here a question) fetches the wasm at once, preloaded by boot.js.
test('the start page asks for its wasm after its first paint; a link to a question asks at once', async () => {
  const page = await open(env.browser, env.server.base);
  await page.waitForSelector('main#main section.start button.primary');
  const start = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    wasm: performance.getEntriesByType('resource').filter((e) => /_bg\.wasm$/.test(e.name)).map((e) => [e.startTime, e.initiatorType]),
  }));
  assert.equal(start.wasm.length, 1);
  assert.ok(start.wasm[0][0] > start.paint, `the wasm (${start.wasm[0][0]} ms) after the first paint (${start.paint} ms)`);
  await page.context().close();

  const link = await open(env.browser, `${env.server.base}#d=2023-06-01&s=who`);
  await link.waitForSelector('section.question button.choice');
  const wasm = await link.evaluate(() => performance.getEntriesByType('resource').filter((e) => /_bg\.wasm$/.test(e.name)).map((e) => e.initiatorType));
  assert.deepEqual(wasm, ['link'], 'preloaded by boot.js');
  assert.deepEqual([page.errors, link.errors], [[], []]);
  await link.context().close();
});
