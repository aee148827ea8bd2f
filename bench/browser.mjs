// Browser timings of the release dist/ in headless Chromium with 4x CPU throttling: the
// start page's largest paint (its static screen) and its 开始 button live (the wasm is
// fetched after that paint: boot.js), navigation to the first question being interactive, an answered screen to the next one,
// and the results (their own wasm and the texts are fetched while the person answers).
// Prints one line per measure (median and spread over several runs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/harness.mjs';

const runs = Number(process.env.RUNS || 15);
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.round((s.length - 1) * q)];
  return `median ${at(0.5).toFixed(1)} ms (p10 ${at(0.1).toFixed(1)}, p90 ${at(0.9).toFixed(1)}, n=${s.length})`;
};

const server = await serve();
const browser = await launch();
const startPaint = [];
const startLive = [];
const nav = [];
const answer = [];
const results = [];
const evalMs = [];
/** A fresh page (no cache, no service worker) with the CPU slowed four times. */
async function throttled() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}
for (let i = 0; i < runs; i++) {
  {
    const { context, page } = await throttled();
    await page.goto(server.base);
    await page.waitForSelector('main#main section.start button.primary');
    startLive.push(await page.evaluate(() => performance.now()));
    startPaint.push(await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().pop().startTime))
        .observe({ type: 'largest-contentful-paint', buffered: true });
    })));
    await context.close();
  }
  const { context, page } = await throttled();
  // The first screen straight from a link: the planner's first screen is "who" (who is
  // asking, and where).
  await page.goto(`${server.base}#d=2023-06-01&s=who`);
  await page.waitForSelector('section.question button.choice');
  nav.push(await page.evaluate(() => performance.now()));
  // One screen answered: from the click on 下一步 to the next screen on show.
  await page.click('[data-fact="applicant"] button.choice[data-value="person"]');
  await page.click('[data-fact="city"] button.choice[data-value="pingliang"]');
  const t = await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    const prev = document.querySelector('section.question').dataset.question;
    new MutationObserver((_, obs) => {
      const q = document.querySelector('section.question');
      if (q && q.dataset.question !== prev) { obs.disconnect(); resolve(performance.now() - start); }
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
    document.querySelector('section.question button[type=submit]').click();
  }));
  answer.push(t);
  // Showing the results: every relief evaluated and rendered.
  const r = await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    new MutationObserver((_, obs) => {
      if (document.querySelector('section.results article')) { obs.disconnect(); resolve(performance.now() - start); }
    }).observe(document.body, { childList: true, subtree: true });
    [...document.querySelectorAll('section.question button.link')].pop().click();
  }));
  results.push(r);
  evalMs.push(Number(await page.getAttribute('section.results', 'data-eval-us')) / 1000);
  await context.close();
}
console.log(`browser-start-page-largest-paint (4x CPU throttling): ${stats(startPaint)}`);
console.log(`browser-start-page-interactive (4x CPU throttling): ${stats(startLive)}`);
console.log(`browser-first-question-interactive (4x CPU throttling): ${stats(nav)}`);
console.log(`browser-answer-to-next-question (4x CPU throttling): ${stats(answer)}`);
console.log(`browser-show-all-results (4x CPU throttling): ${stats(results)}`);
console.log(`browser-evaluate-every-relief (4x CPU throttling, in the wasm): ${stats(evalMs)}`);
await browser.close();
await server.close();
