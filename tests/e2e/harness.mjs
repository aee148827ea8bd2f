// Shared by the browser tests: a static server for dist/ on 127.0.0.1, headless Chromium
// through playwright-core, and a "person" that answers whatever the planner asks from a
// persona, exactly as someone tapping the screen would.
import { execFileSync } from 'node:child_process';
import { before, after } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What a phone's camera reads from a QR code on screen: the element's screenshot, read by
 *  zbar (Debian's zbar-tools). */
export async function readQr(locator) {
  const png = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relief-qr-')), 'qr.png');
  await locator.screenshot({ path: png });
  return execFileSync('zbarimg', ['--quiet', '--raw', png]).toString().trim();
}
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');

const types = { '.bin': 'application/octet-stream', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serve dist/ at http://127.0.0.1:PORT/ and also under /sub/path/ (a sub-path deploy).
 *  `shellForAll`: answer all.html with the app shell, as a misconfigured server would. */
export async function serve({ csp = false, shellForAll = false } = {}) {
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
    if (shellForAll && p === '/all.html') p = '/index.html';
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
    /** The same server under a name that is not this machine's (launch() maps it), as a
     *  hall's public hand-off address would be. */
    publicBase: `http://${PUBLIC_HOST}:${port}/`,
    /** Serve a changed sw.js from now on, as a new deployment would. */
    deployNewVersion: (tag) => { state.swSuffix = `\n// ${tag}\n`; },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** A host name for the test server that is not a loopback name (see serve().publicBase). */
export const PUBLIC_HOST = 'relief-hall.example';

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
      `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`, ...extraArgs],
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

/** Answer every screen the wizard puts from `facts` (ids as in facts.md), with the answering
 *  model of the questionnaire benchmark (`relief walk`): what the persona says; a tick box
 *  it does not mention stays unticked ("no"); a multiple choice it does not mention is left
 *  empty ("none"); anything else is left blank ("not sure"). A detail shows once its box is
 *  ticked, so each screen is read again until nothing new appears. Returns the screen ids. */
export async function answerAll(page, facts, { keyboard = false } = {}) {
  const asked = [];
  for (let step = 0; step < 60; step++) {
    const screen = await page.waitForSelector('section.question[data-question], section.results');
    if ((await screen.getAttribute('class')).includes('results')) {
      await drawn(page);
      return asked;
    }
    asked.push(await answerScreen(page, facts, { keyboard }));
  }
  throw new Error('the wizard did not reach the results in 60 screens');
}

/** Answer the screen on show from `facts` as `answerAll` does, continue, and wait for the
 *  next screen. Returns the screen's id. */
export async function answerScreen(page, facts, { keyboard = false } = {}) {
  const press = async (locator) => {
    if (keyboard) {
      await locator.focus();
      await page.keyboard.press('Enter');
    } else {
      await locator.click();
    }
  };
  const screen = await page.waitForSelector('section.question[data-question]');
  const q = await screen.getAttribute('data-question');
  const before = await page.evaluate(() => history.length);
  const done = new Set();
  for (let round = 0; round < 10; round++) {
    const ids = await page.$$eval('section.question [data-fact]', (els) => els.map((e) => e.getAttribute('data-fact')));
    const todo = ids.filter((id) => !done.has(id));
    if (todo.length === 0) break;
    for (const id of todo) {
      done.add(id);
      const value = facts[id];
      if (value === undefined) continue;
      const field = page.locator(`section.question [data-fact="${id}"]`);
      if (Array.isArray(value)) {
        for (const v of value) await press(field.locator(`button.choice[data-value="${v}"]`));
      } else if ((await field.locator('button.tick').count()) > 0) {
        if (value === true) await press(field.locator('button.tick'));
      } else if ((await field.locator(`button.choice[data-value="${String(value)}"]`).count()) > 0) {
        await press(field.locator(`button.choice[data-value="${String(value)}"]`));
      } else {
        const input = field.locator('input');
        if (keyboard) {
          await input.focus();
          await page.keyboard.type(String(value));
        } else {
          await input.fill(String(value));
        }
      }
    }
  }
  await press(page.locator('section.question button[type=submit]'));
  // Wait for the screen to change before reading the next one.
  await page.waitForFunction(([prev, n]) => {
    const s = document.querySelector('section.question[data-question]');
    return !s || s.getAttribute('data-question') !== prev || history.length !== n;
  }, [q, before]);
  return q;
}

/** Screens the questionnaire benchmark counts for a persona file on its own date
 *  (`relief walk`, the native walk with the same answering model). */
export function benchmarkScreens(personaPath) {
  const out = execFileSync('target/debug/relief', ['walk', personaPath], { encoding: 'utf8' });
  const m = out.match(/\((\d+) on \d{4}-\d{2}-\d{2},/);
  if (!m) throw new Error(`relief walk said: ${out}`);
  return Number(m[1]);
}

/** Answer every question the wizard asks with something (the given answers where there
 *  are some, else the first choice, a ticked box, an amount, a date): the largest answer
 *  set a business gives. Handles screens of one fact and of several ([data-fact]). */
export async function answerEverything(page, given = {}) {
  const fill = async (input) => {
    // A date field is a text field that takes a year and month (placeholder 2022-07).
    const date = (await input.getAttribute('type')) === 'date' || (await input.getAttribute('placeholder')) === '2022-07';
    await input.fill(date ? '2021-09-15' : '56000.5');
  };
  const choose = async (scope, id) => {
    const v = given[id];
    if (v !== undefined) {
      for (const x of Array.isArray(v) ? v : [v]) await scope.locator(`button.choice[data-value="${x}"]`).click();
    } else if (await scope.locator('button.tick').count() > 0) {
      await scope.locator('button.tick').first().click();
    } else if (await scope.locator('button.choice').count() > 0) {
      await scope.locator('button.choice').first().click();
    } else {
      for (const input of await scope.locator('input').all()) await fill(input);
    }
  };
  for (let step = 0; step < 200; step++) {
    const screen = await page.waitForSelector('section.question[data-question], section.results');
    if ((await screen.getAttribute('class')).includes('results')) {
      await drawn(page);
      return step;
    }
    const q = await screen.getAttribute('data-question');
    const before = await page.evaluate(() => history.length);
    const submit = page.locator('section.question button[type=submit]');
    if (await page.locator('section.question [data-fact]').count() > 0) {
      // Several facts: answer each, in rounds, as details appear behind ticked gates.
      const done = new Set();
      for (let round = 0; round < 10; round++) {
        const ids = (await page.$$eval('section.question [data-fact]', (els) => els.map((e) => e.getAttribute('data-fact')))).filter((id) => !done.has(id));
        if (ids.length === 0) break;
        for (const id of ids) {
          done.add(id);
          await choose(page.locator(`section.question [data-fact="${id}"]`), id);
        }
      }
      await submit.click();
    } else {
      // A single choice answers at once; anything else waits for "Continue".
      const waits = await submit.count() > 0;
      await choose(page.locator('section.question'), q);
      if (waits) await submit.click();
    }
    await page.waitForFunction(([prev, n]) => {
      const s = document.querySelector('section.question[data-question]');
      return !s || s.getAttribute('data-question') !== prev || history.length !== n;
    }, [q, before]);
  }
  throw new Error('the wizard did not reach the results in 200 steps');
}

/** The answers in the page's address (its `f=` part), as a person's record. */
export async function answersInLink(page) {
  const f = new URL(page.url()).hash.slice(1).split('&').find((p) => p.startsWith('f='));
  return f ? f.slice(2).split(';').filter(Boolean) : [];
}

/** Wait until the results are drawn whole: their texts (texts-zh.bin or texts-en.bin) are in, and every card,
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
