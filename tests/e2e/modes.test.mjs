// The same dist/ in every place it is used: a service-hall kiosk, a WeChat/iframe embed
// under a sub-path, print, QR hand-off, large text, offline, and browsers without
// WebAssembly. No request may ever leave the page's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, answerAll, shown, useBrowser, drawn } from './harness.mjs';

const env = useBrowser();

const restaurant = {
  applicant: 'business', city: 'pingliang', county: 'kongtong', business_form: 'individual_business',
  vat_status: 'small_scale', monthly_sales: '8万', industries: ['catering'],
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'relief-e2e-'));
const foreign = (page) => page.requests.filter((u) => !u.startsWith(env.server.base));

test('kiosk: large type, keypad, no history entries, and the idle reset wipes the previous person', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  await page.clock.install();
  await page.goto(`${env.server.base}#kiosk&idle=30&d=2023-06-01`);
  await page.waitForSelector('section.start');
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')).fontSize));
  assert.ok(fontSize >= 20, `kiosk body text ${fontSize}px`);
  const historyAtStart = await page.evaluate(() => history.length);
  await page.click('button.primary');
  // Answer with the on-screen keypad when the amount comes up.
  for (let i = 0; i < 40; i++) {
    const q = await page.getAttribute('section.question', 'data-question');
    if (q === 'monthly_sales') {
      await page.click('.keypad button.key:text-is("8")');
      await page.click('.keypad button.key:text-is("万")');
      assert.equal(await page.inputValue('section.question input'), '8万');
      await page.click('section.question button[type=submit]');
      break;
    }
    const v = restaurant[q];
    if (v === undefined) await page.click('section.question button.secondary');
    else if (Array.isArray(v)) { for (const x of v) await page.click(`button.choice[data-value="${x}"]`); await page.click('section.question button[type=submit]'); }
    else await page.click(`button.choice[data-value="${v}"]`);
    await page.waitForFunction((prev) => document.querySelector('section.question')?.getAttribute('data-question') !== prev, q);
  }
  assert.match(page.url(), /monthly_sales:80000/);
  assert.equal(await page.evaluate(() => history.length), historyAtStart, 'a kiosk adds no history entries');
  // Idle: a warning at 30 s, then the wipe 20 s later.
  await page.clock.runFor(31_000);
  await page.waitForSelector('.idle-overlay[role=alertdialog]');
  await page.clock.runFor(21_000);
  await page.waitForSelector('section.start');
  assert.equal(await page.locator('.idle-overlay').count(), 0);
  const url = page.url();
  assert.ok(!/f=|h=/.test(url), `no answers in the address: ${url}`);
  assert.match(url, /kiosk/, 'the hall settings stay');
  assert.deepEqual(await page.evaluate(() => [sessionStorage.length, localStorage.length]), [0, 0]);
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes('已回答'), 'no progress of the previous person');
  // Back leads out of the app (or to its start), never to the previous person's answers.
  await page.goBack().catch(() => {});
  assert.ok(!/f=/.test(page.url()), `going back does not bring answers back: ${page.url()}`);
  assert.deepEqual(foreign(page), []);
  await context.close();
});

test('print: an A4 PDF of the results holds the date, answers, reliefs, amounts, departments, citations and rule-set version', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = path.join(tmp, 'results.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const needle of ['2023-06-01', '规则版本', '您的回答', '小规模纳税人月销售额10万元以下免征增值税', '28,800元', '市税务局', '平政发〔2023〕18号', '对月销售额10万元以下（含本数）的增值税小规模纳税人']) {
    assert.ok(text.replace(/\s+/g, '').includes(needle.replace(/\s+/g, '')), `the printout lacks ${needle}`);
  }
  assert.ok(!text.includes('复制结果链接'), 'buttons are not printed');
  await page.context().close();
});

test('QR hand-off: the code on the results decodes to a link that reproduces them on another device', async () => {
  const page = await open(env.browser, `${env.server.base}#kiosk&d=2023-06-01`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  const eligible = await shown(page, 'sec-eligible');
  const png = path.join(tmp, 'qr.png');
  await page.locator('figure.qr').screenshot({ path: png });
  const decoded = execFileSync('zbarimg', ['--quiet', '--raw', png]).toString().trim();
  assert.ok(decoded.startsWith(env.server.base), decoded);
  assert.ok(!decoded.includes('kiosk'), 'the phone does not become a kiosk');
  const phone = await open(env.browser, decoded, { viewport: { width: 360, height: 740 } });
  assert.deepEqual(await shown(phone, 'sec-eligible'), eligible);
  await phone.context().close();
  await page.context().close();
});

test('embed: inside an iframe under a sub-path, without page chrome, reporting its height to the parent', async () => {
  const context = await env.browser.newContext();
  const host = await context.newPage();
  const requests = [];
  host.on('request', (r) => requests.push(r.url()));
  await host.goto(`${env.server.base}embed-host.html`);
  const frame = host.frameLocator('#app');
  await frame.locator('section.start').waitFor();
  assert.equal(await frame.locator('.brand').isVisible(), false, 'no brand header in embed mode');
  await frame.locator('button.primary').click();
  await frame.locator('section.question').waitFor();
  await host.waitForFunction(() => window.heights.length > 0 && window.heights[window.heights.length - 1] > 100);
  assert.ok(requests.some((u) => u.includes('/sub/path/') && u.endsWith('.wasm')), 'assets load relative to the sub-path');
  assert.deepEqual(requests.filter((u) => !u.startsWith(env.server.base)), []);
  await context.close();
});

test('large text: remembered in the link, and a 320 px screen still has no horizontal scroll', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`, { viewport: { width: 320, height: 640 } });
  await page.click('button.tool[aria-pressed]');
  await page.waitForFunction(() => location.hash.includes('big'));
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')).fontSize));
  assert.ok(size >= 22, `large text ${size}px`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(sw <= cw, `scrollWidth ${sw} > ${cw}`);
  await page.reload();
  await drawn(page);
  assert.equal(await page.getAttribute('button.tool[aria-pressed]', 'aria-pressed'), 'true');
  assert.deepEqual(foreign(page), []);
  await page.context().close();
});

/** A page whose service worker is installed and in control (a second visit). */
async function openControlled() {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

test('offline: the second visit works with the network off', async () => {
  const page = await openControlled();
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('section.start');
  await page.click('button.primary');
  await answerAll(page, restaurant);
  assert.ok((await shown(page, 'sec-eligible')).includes('pingliang-2023.vat-small-scale-exempt'));
  await page.context().close();
});

test('a new version installed while the page is open is announced, not mixed in silently', async () => {
  const page = await openControlled();
  env.server.deployNewVersion('v2');
  await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
  const prompt = page.locator('.notice[role=status]', { hasText: '有新版本' });
  await prompt.waitFor();
  await Promise.all([page.waitForEvent('load'), prompt.locator('button').click()]);
  await page.waitForSelector('main#main > *');
  assert.equal(await page.locator('.notice[role=status]', { hasText: '有新版本' }).count(), 0);
  env.server.deployNewVersion('');
  await page.context().close();
});

test('without WebAssembly, the page shows the static list of every relief instead of a blank page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(env.server.base);
  await page.waitForURL(/all\.html/);
  const text = await page.locator('body').innerText();
  assert.match(text, /全部政策清单/);
  assert.match(text, /平政发〔2023〕18号/);
  assert.match(text, /对月销售额10万元以下（含本数）的增值税小规模纳税人/);
  assert.ok((await page.locator('article').count()) > 200, 'every relief is listed');
  await context.close();
});
