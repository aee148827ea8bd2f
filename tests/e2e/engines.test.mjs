// Old engines (Android WeChat web-views, X5, kiosk browsers): the claim in README.md is
// checked structurally — the wasm validates with only the MVP and mutable globals, every
// script parses as ES2019 without top-level await — and the fallback is run in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root, useBrowser } from './harness.mjs';

const require = createRequire(path.join(root, 'tools/package.json'));
const acorn = require('acorn');
const dist = path.join(root, 'dist');
const bin = (name) => path.join(root, 'tools/node_modules/.bin', name);

test('each wasm (the main one and the split results) uses only WebAssembly MVP features plus mutable globals', () => {
  const wasm = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm')).sort();
  assert.equal(wasm.length, 2, `the main wasm and the results' own: ${wasm}`);
  assert.ok(wasm.some((f) => /^relief-finder-.*_bg\.wasm$/.test(f)) && wasm.some((f) => /^rest-[0-9a-f]+\.wasm$/.test(f)), wasm.join(' '));
  for (const f of wasm) {
    // wasm-opt validates its input against the enabled features and fails otherwise.
    execFileSync(bin('wasm-opt'), ['--mvp-features', '--enable-mutable-globals', path.join(dist, f), '-o', '/dev/null']);
    const bytes = fs.readFileSync(path.join(dist, f));
    assert.ok(!bytes.includes(Buffer.from('target_features')), `${f}: no target_features section claiming newer features`);
  }
});

test('every script parses as ECMAScript 2019 (the first two as ES5), and the page starts without top-level await', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'one module bootstrap');
  // ES2019 plus import.meta (Chrome 64), which the split loader and the glue use to find
  // their files: acorn reads import.meta from ecmaVersion 2020, so it is taken out first.
  const meta = /\bimport\.meta\.url\b/g;
  const modules = [inline[0], ...fs.readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'sw.js').map((f) => fs.readFileSync(path.join(dist, f), 'utf8'))];
  for (const src of modules) acorn.parse(src.replace(meta, 'location.href'), { ecmaVersion: 2019, sourceType: 'module' });
  acorn.parse(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'), { ecmaVersion: 2019, sourceType: 'script' });
  // boot.js and sw-register.js run first, in any engine (boot.js sends one without
  // WebAssembly to all.html): ES5, minified by tools/post_build.sh.
  const first = fs.readdirSync(path.join(dist, 'static')).filter((f) => f.endsWith('.js'));
  assert.deepEqual(first.sort(), ['boot.js', 'sw-register.js']);
  for (const f of first) acorn.parse(fs.readFileSync(path.join(dist, 'static', f), 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
  assert.throws(() => acorn.parse('let a = 1', { ecmaVersion: 5 }));
  // The parser is strict enough to notice newer syntax.
  assert.throws(() => acorn.parse('a?.b', { ecmaVersion: 2019 }));
  assert.throws(() => acorn.parse('await x', { ecmaVersion: 2019, sourceType: 'module' }));
});

const env = useBrowser();

test('an engine without mutable globals in WebAssembly gets the static list, not a broken page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // Chrome < 74 rejects modules that export a mutable global: pretend to be one.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate.bind(WebAssembly);
    WebAssembly.validate = (bytes) => (bytes.length === 23 ? false : validate(bytes));
  });
  await page.goto(env.server.base);
  await page.waitForURL(/all\.html/);
  assert.match(await page.locator('h1').innerText(), /全部政策清单/);
  await context.close();
});
