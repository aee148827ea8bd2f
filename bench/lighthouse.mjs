// Lighthouse 12 (mobile emulation, its default) on the start page and a results page of the
// release dist/: Performance, Accessibility, Best practices, LCP and TBT. Every run is
// printed (LH_RUNS, default 5, per page), not the best one: Lighthouse's simulation varies.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const lighthouse = path.join(here, 'node_modules/.bin/lighthouse');
const server = await serve();
const pages = {
  start: `${server.base}`,
  results: `${server.base}#d=2023-06-01&f=city:pingliang;applicant:business;business_form:individual_business;vat_status:small_scale;monthly_sales:80000;industries:catering&h=city,applicant,business_form,vat_status,monthly_sales,industries&s=results`,
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-'));
const runs = Number(process.env.LH_RUNS || 5);
for (const [name, url] of Object.entries(pages)) for (let run = 1; run <= runs; run++) {
  const out = path.join(tmp, `${name}-${run}.json`);
  // Asynchronous: the static server answers from this same process.
  await promisify(execFile)(lighthouse, [
    url, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
  const lcp = r.audits['largest-contentful-paint'].numericValue;
  const tbt = r.audits['total-blocking-time'].numericValue;
  console.log(`lighthouse-${name} run ${run}/${runs}: performance ${score('performance')}, accessibility ${score('accessibility')}, best-practices ${score('best-practices')}, LCP ${(lcp / 1000).toFixed(2)} s, TBT ${Math.round(tbt)} ms`);
}
await server.close();
