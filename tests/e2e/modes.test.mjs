// The same dist/ in every place it is used: a service-hall kiosk, a WeChat/iframe embed
// under a sub-path, print, QR hand-off, large text, offline, and browsers without
// WebAssembly. No request may ever leave the page's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, answerAll, shown, useBrowser, drawn, serve, launch, readQr } from './harness.mjs';

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
  // Who and where, then the sales with the on-screen keypad under its field.
  await page.waitForSelector('section.question[data-question="who"]');
  await page.click('[data-fact="applicant"] button.choice[data-value="business"]');
  await page.click('[data-fact="city"] button.choice[data-value="pingliang"]');
  await page.click('[data-fact="business_form"] button.choice[data-value="individual_business"]');
  await page.click('section.question button[type=submit]');
  await page.waitForSelector('section.question[data-question="tax"]');
  await page.click('[data-fact="vat_status"] button.choice[data-value="small_scale"]');
  await page.click('[data-fact="monthly_sales"] .keypad button.key:text-is("8")');
  await page.click('[data-fact="monthly_sales"] .keypad button.key:text-is("万")');
  assert.equal(await page.inputValue('[data-fact="monthly_sales"] input'), '8万');
  await page.click('section.question button[type=submit]');
  await page.waitForSelector('section.question:not([data-question="tax"]), section.results');
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

/** Print the results page of `url` to an A4 PDF; its text by page, and the file. */
async function printout(url, name) {
  // Answered on a 2023 date (a 2026 questionnaire does not ask what only ended measures need),
  // then looked at on the date of the printout.
  const page = await open(env.browser, url.replace(/d=\d{4}-\d\d-\d\d/, 'd=2023-06-01'));
  await page.click('button.primary');
  await answerAll(page, restaurant);
  if (!url.includes('d=2023-06-01')) {
    const date = url.match(/d=(\d{4}-\d\d-\d\d)/)[1];
    await page.goto(page.url().replace('d=2023-06-01', `d=${date}`));
    await drawn(page);
  }
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForSelector('.print-sheet .print-qr');
  const pdf = path.join(tmp, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  await page.context().close();
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f').filter((p) => p.trim());
  return { pdf, pages, squeezed: pages.map((p) => p.replace(/\s+/g, '')) };
}

test('print: at most two A4 pages that lead with the date, the scope, the answers and the measures in force, and end with a QR code', async () => {
  for (const [date, inForce] of [['2023-06-01', '小规模纳税人月销售额10万元以下免征增值税'], ['2026-06-01', null]]) {
    const { pdf, pages, squeezed } = await printout(`${env.server.publicBase}#d=${date}`, `results-${date}`);
    console.log(`printout on ${date}: ${pages.length} page(s)`);
    assert.ok(pages.length <= 2, `${date}: ${pages.length} pages`);
    const first = squeezed[0];
    assert.ok(first.startsWith('惠策通'), `${date}: the printout leads with its title: ${first.slice(0, 40)}`);
    assert.ok(first.indexOf(`查询日期${date}`) >= 0 && first.indexOf(`查询日期${date}`) < 40, `${date}: the date comes first`);
    for (const needle of ['本结果只涵盖以下文件中的措施', '平政发〔2023〕18号', '12366', '您的回答', '所在城市：平凉', '符合条件且正在实施']) {
      assert.ok(first.includes(needle), `${date}: page 1 lacks ${needle}`);
    }
    if (inForce) {
      assert.ok(first.includes(inForce) && first.includes('28,800元'), `${date}: the VAT exemption on page 1`);
      assert.ok(first.includes('市税务局'), `${date}: where to go`);
      assert.ok(first.includes('月销售额：80,000元'), `${date}: the sales answer`);
    } else {
      // The 2023 exemption has ended by then: listed as such, not as in force.
      const all = squeezed.join('');
      const ended = all.indexOf('符合条件，但在查询日期未实施');
      assert.ok(ended > 0 && all.indexOf('小规模纳税人月销售额10万元以下免征增值税', ended) > ended, `${date}: the ended exemption is listed as not in force`);
    }
    const all = squeezed.join('');
    for (const absent of ['sha256', 'http', '规则版本', '复制结果链接', '继续回答问题']) {
      assert.ok(!all.includes(absent), `${date}: the printout shows ${absent}`);
    }
    assert.ok(all.endsWith('用手机扫码，带走这份结果（离线也能打开）'), `${date}: the QR code comes last: ${all.slice(-60)}`);
    // The printed code reads back (rendered at 150 dpi from the PDF's last page).
    const png = path.join(tmp, `print-${date}`);
    execFileSync('pdftoppm', ['-r', '150', '-f', String(pages.length), '-l', String(pages.length), '-png', '-singlefile', pdf, png]);
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', `${png}.png`]).toString().trim();
    assert.ok(decoded.startsWith(`${env.server.publicBase}#z=`), decoded);
  }
});

test('QR hand-off on a website: the code on the results opens them on another phone', async () => {
  const page = await open(env.browser, `${env.server.publicBase}#d=2023-06-01`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  const eligible = await shown(page, 'sec-eligible');
  const decoded = await readQr(page.locator('section.handoff figure.qr'));
  assert.ok(decoded.startsWith(`${env.server.publicBase}#z=`), decoded);
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

test('embed: a frame out of view on its host page (no frames painted there) still starts, and reports its height', async () => {
  // The host page comes from another origin (a second server: another port), the app far
  // below its fold: the browser paints nothing in such a frame and runs no animation
  // frames there until it is scrolled into view. (Both are on this machine, which
  // Chromium's local-network checks would refuse, as no real host and app would be.)
  const hostServer = await serve();
  const browser = await launch(['--disable-features=LocalNetworkAccessChecks']);
  const context = await browser.newContext();
  const host = await context.newPage();
  await context.route(`${hostServer.base}below.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!DOCTYPE html><meta charset="utf-8"><div style="height:5000px"></div>
      <iframe id="app" src="${env.server.base}sub/path/#embed&d=2023-06-01" style="width:360px;height:300px;border:0"></iframe>
      <script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'relief-finder:height') heights.push(e.data.height); });</script>`,
  }));
  await host.goto(`${hostServer.base}below.html`);
  const frame = host.frames().find((f) => f.url().startsWith(env.server.base));
  const painting = await frame.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => resolve(true));
    setTimeout(() => resolve(false), 1500);
  }));
  assert.equal(painting, false, 'the browser runs no frames in it (else this test proves nothing)');
  await host.waitForFunction(() => window.heights.length > 0, null, { timeout: 8000 });
  assert.ok(await frame.locator('main#main section.start button.primary').isEnabled(), 'the app is running');
  assert.equal(await host.evaluate(() => scrollY), 0, 'never scrolled into view');
  await browser.close();
  await hostServer.close();
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

test('the service worker serves all.html as itself, offline too', async () => {
  const page = await openControlled();
  await page.context().setOffline(true);
  await page.goto(`${env.server.base}all.html`);
  assert.match(await page.locator('h1').innerText(), /全部政策清单/);
  assert.equal(await page.locator('#preboot').count(), 0, 'not the app shell');
  assert.ok((await page.locator('article').count()) > 200);
  await page.context().close();
});

test('without WebAssembly after a first visit, the page goes to all.html once and stays', async () => {
  const page = await openControlled();
  const navigations = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('about:blank');
  navigations.length = 0;
  await page.goto(`${env.server.base}#d=2023-06-01`);
  await page.waitForURL(/all\.html/);
  await page.waitForLoadState('networkidle');
  assert.match(await page.locator('h1').innerText(), /全部政策清单/);
  assert.equal(navigations.length, 2, `navigations: ${navigations.join(' ')}`);
  await page.context().close();
});

test('a server that answers all.html with the app does not send the page round in circles', async () => {
  const other = await serve({ shellForAll: true });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const navigations = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(other.base);
  await page.waitForURL(/all\.html/);
  await page.waitForLoadState('networkidle');
  assert.equal(navigations.length, 2, `navigations: ${navigations.join(' ')}`);
  assert.match(await page.locator('body').innerText(), /all\.html/, 'the page says what went wrong');
  await context.close();
  await other.close();
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
