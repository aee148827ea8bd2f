// Shared by the browser tests: a static server for dist/ on 127.0.0.1, headless Chromium
// through playwright-core, and a "person" that answers whatever the planner asks from a
// persona, exactly as someone tapping the screen would.
import { before, after } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');

const types = { '.bin': 'application/octet-stream', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serve dist/ at http://127.0.0.1:PORT/ and also under /sub/path/ (a sub-path deploy). */
export async function serve({ csp = false } = {}) {
  const dist = path.join(root, 'dist');
  const state = { swSuffix: '' };
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is not built: run `trunk build --release`');
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p === '/embed-host.html') {
      res.writeHead(200, { 'content-type': types['.html'] });
      fs.createReadStream(path.join(here, 'embed-host.html')).pipe(res);
      return;
    }
    p = p.replace(/^\/sub\/path/, '');
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(dist, path.normalize(p));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    const type = types[path.extname(file)] || 'application/octet-stream';
    if (csp) res.setHeader('content-security-policy', fs.readFileSync(path.join(dist, 'csp.txt'), 'utf8').trim());
    // Like a production server: the precompressed copy when the browser accepts it.
    if (/\bbr\b/.test(req.headers['accept-encoding'] || '') && fs.existsSync(`${file}.br`) && !(p === '/sw.js' && state.swSuffix)) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', vary: 'accept-encoding' });
      fs.createReadStream(`${file}.br`).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    if (p === '/sw.js' && state.swSuffix) {
      // Stands in for a new build: a service worker that differs from the installed one.
      res.end(fs.readFileSync(file, 'utf8') + state.swSuffix);
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}/`,
    /** Serve a changed sw.js from now on, as a new deployment would. */
    deployNewVersion: (tag) => { state.swSuffix = `\n// ${tag}\n`; },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** A page that records console errors, page errors and every request. */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('main#main > *');
  return page;
}

/** Answer every question the wizard asks from `facts` (ids as in facts.md); anything
 *  the persona does not know is answered "not sure", or with `otherwise: 'no'` as a person
 *  who has none of it: "no" to a yes/no, nothing ticked in a list, "not sure" elsewhere.
 *  Returns the question ids asked. */
export async function answerAll(page, facts, { keyboard = false, otherwise = 'not sure' } = {}) {
  const asked = [];
  for (let step = 0; step < 200; step++) {
    const screen = await page.waitForSelector('section.question[data-question], section.results');
    if ((await screen.getAttribute('class')).includes('results')) {
      await drawn(page);
      return asked;
    }
    const q = await screen.getAttribute('data-question');
    asked.push(q);
    const value = facts[q];
    const press = async (locator) => {
      if (keyboard) {
        await locator.focus();
        await page.keyboard.press('Enter');
      } else {
        await locator.click();
      }
    };
    if (value === undefined && otherwise === 'no' && (await page.locator('button.choice[data-value="false"]').count()) > 0) {
      await press(page.locator('button.choice[data-value="false"]'));
    } else if (value === undefined && otherwise === 'no' && (await page.locator('button.choice.multi').count()) > 0) {
      await press(page.locator('section.question button[type=submit]'));
    } else if (value === undefined) {
      await press(page.locator('section.question button.secondary', { hasText: /不确定|Not sure/ }));
    } else if (Array.isArray(value)) {
      for (const v of value) await press(page.locator(`button.choice[data-value="${v}"]`));
      await press(page.locator('section.question button[type=submit]'));
    } else if (typeof value === 'boolean' || (await page.locator(`button.choice[data-value="${value}"]`).count()) > 0) {
      await press(page.locator(`button.choice[data-value="${String(value)}"]`));
    } else {
      const input = page.locator('section.question input');
      if (keyboard) {
        await input.focus();
        await page.keyboard.type(String(value));
        await page.keyboard.press('Enter');
      } else {
        await input.fill(String(value));
        await page.locator('section.question button[type=submit]').click();
      }
    }
    // Wait for the screen to change before reading the next question.
    await page.waitForFunction((prev) => {
      const s = document.querySelector('section.question[data-question]');
      return !s || s.getAttribute('data-question') !== prev;
    }, q);
  }
  throw new Error('the wizard did not reach the results in 200 steps');
}

/** Wait until the results are drawn whole: their texts (texts.bin) are in, and every card,
 *  the answers and the QR code (drawn over several tasks) are on the page. */
export async function drawn(page) {
  await page.waitForSelector('section.results[data-texts="loaded"][data-drawn="true"]');
}

/** Relief ids shown in a results section ('sec-eligible', 'sec-maybe', …). */
export async function shown(page, section) {
  await drawn(page);
  return page.$$eval(`section[aria-labelledby="${section}"] article[data-relief]`, (els) => els.map((e) => e.dataset.relief));
}

export async function amountOf(page, relief) {
  await drawn(page);
  return page.locator(`article[data-relief="${relief}"] [data-amount]`).innerText();
}

/** Start the server and the browser before a test file's tests, stop them after. */
export function useBrowser(options) {
  const env = {};
  before(async () => {
    env.server = await serve(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
