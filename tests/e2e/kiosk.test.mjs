// The service-hall kiosk (issue 15 points 9–11, issue 11 point 8): a 1080×1920 portrait
// touch screen used by one person after another. It wipes at once when asked, keeps the
// take-away within reach, hands off a business-sized result by a QR code that zbar reads
// from a 1× screenshot, tells the hall when its QR codes could not open on a phone, and
// is sized for arm's length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root, open, answerAll, answerEverything, answersInLink, shown, useBrowser, drawn, readQr } from './harness.mjs';

const { AxeBuilder } = createRequire(path.join(root, 'tools/package.json'))('@axe-core/playwright');

const env = useBrowser();
const portrait = { viewport: { width: 1080, height: 1920 } };
const restaurant = {
  applicant: 'business', city: 'pingliang', county: 'kongtong', business_form: 'individual_business',
  vat_status: 'small_scale', monthly_sales: '8万', industries: ['catering'],
};
const hall = () => `&handoff=${env.server.publicBase}`;

test('"我已完成，清除" in the idle dialog wipes at once: the next person sees nothing', async () => {
  const context = await env.browser.newContext(portrait);
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${env.server.base}#kiosk&idle=30&d=2023-06-01${hall()}`);
  await page.waitForSelector('section.start');
  const historyAtStart = await page.evaluate(() => history.length);
  await page.click('section.start button.primary');
  await answerAll(page, restaurant);
  assert.ok((await answersInLink(page)).length >= 5, 'the answers are in the address');
  await page.clock.runFor(31_000);
  await page.locator('.idle-overlay').getByRole('button', { name: '我已完成，清除' }).click();
  // No more time passes: the wipe must not wait for the idle timer.
  await page.waitForSelector('section.start', { timeout: 3000 });
  assert.equal(await page.locator('.idle-overlay').count(), 0, 'the dialog is gone');
  const url = page.url();
  assert.ok(!/[&#](f|h|z)=/.test(url), `no answers in the address: ${url}`);
  assert.match(url, /kiosk/, 'the hall settings stay');
  assert.match(url, /handoff=/, 'the hall settings stay');
  assert.deepEqual(await page.evaluate(() => [sessionStorage.length, localStorage.length]), [0, 0]);
  const text = await page.locator('body').innerText();
  for (const trace of ['已回答', '餐饮', '80,000', '8万', '您的结果']) {
    assert.ok(!text.includes(trace), `the next person can read "${trace}"`);
  }
  assert.equal(await page.evaluate(() => history.length), historyAtStart, 'a kiosk adds no history entries');
  await page.goBack().catch(() => {});
  assert.ok(!/[&#]f=/.test(page.url()), `going back does not bring answers back: ${page.url()}`);
  await context.close();
});

test('1080×1920 portrait: the whole width, text of 28 px or more, targets of 88 px, controls low, keypad under its field', async () => {
  const page = await open(env.browser, `${env.server.base}#kiosk&d=2023-06-01${hall()}`, portrait);
  /** Every visible element that holds text directly: its font size. */
  const textSizes = () => page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getClientRects().length > 0 && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .map((e) => ({ text: e.textContent.trim().slice(0, 30), size: parseFloat(getComputedStyle(e).fontSize) })));
  /** Every visible control that is not big enough to hit standing. */
  const smallTargets = () => page.evaluate(() => [...document.querySelectorAll('button, input, summary')]
    .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 88)
    .map((e) => `${e.tagName} ${e.textContent.trim().slice(0, 20)} ${e.getBoundingClientRect().height}`));
  const check = async (where) => {
    const small = (await textSizes()).filter((t) => t.size < 28);
    assert.deepEqual(small, [], `${where}: text under 28 px`);
    assert.deepEqual(await smallTargets(), [], `${where}: targets under 88 px`);
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `${where}: scrollWidth ${sw} > ${cw}`);
  };
  const width = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().width);
  assert.ok(width >= 960, `the kiosk uses the width: main is ${width} px`);
  const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')).fontSize));
  assert.ok(body >= 28, `body text ${body} px`);
  await check('start');
  // Within a standing person's reach: the start button in the lower half, on screen.
  const start = await page.locator('section.start button.primary').boundingBox();
  assert.ok(start.y > 960 && start.y + start.height <= 1920, `start button at ${start.y}`);
  await page.click('section.start button.primary');
  await page.waitForSelector('section.question');
  await check('question');
  const choice = await page.locator('button.choice').last().boundingBox();
  assert.ok(choice.y > 700 && choice.y + choice.height <= 1920, `choices at ${choice.y}`);
  // The keypad sits right under its field.
  await page.click('[data-fact="applicant"] button.choice[data-value="business"]');
  await page.click('[data-fact="city"] button.choice[data-value="pingliang"]');
  await page.click('[data-fact="business_form"] button.choice[data-value="individual_business"]');
  await page.click('section.question button[type=submit]');
  await page.waitForSelector('section.question [data-fact="monthly_sales"] input');
  await check('amount question');
  const field = await page.locator('[data-fact="monthly_sales"] input').boundingBox();
  const keypad = await page.locator('[data-fact="monthly_sales"] .keypad').boundingBox();
  assert.ok(keypad.y > field.y + field.height && keypad.y - (field.y + field.height) < 160, `keypad ${keypad.y - field.y - field.height} px under its field`);
  assert.ok(keypad.width >= 900, `keypad ${keypad.width} px wide`);
  assert.ok(keypad.y + keypad.height <= 1920, 'the keypad is on screen');
  await page.click('[data-fact="monthly_sales"] .keypad button.key:text-is("8")');
  await page.click('[data-fact="monthly_sales"] .keypad button.key:text-is("万")');
  await page.click('section.question button[type=submit]');
  await answerAll(page, restaurant);
  await check('results');
  // 大字 is larger still.
  await page.click('button.tool[aria-pressed]');
  await page.waitForFunction(() => location.hash.includes('big'));
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')).fontSize));
  assert.ok(big > body, `大字 ${big} px against ${body} px`);
  await page.context().close();
});

test('带走结果: within reach without scrolling, and zbar reads its QR code of a business-sized answer set from a 1× screenshot', async () => {
  const page = await open(env.browser, `${env.server.base}#kiosk&d=2023-06-01${hall()}`, portrait);
  await page.click('section.start button.primary');
  const screens = await answerEverything(page, { applicant: 'business', city: 'pingliang', county: 'kongtong', business_form: 'individual_business', vat_status: 'small_scale', industries: ['catering'], employment: 'self_employed' });
  const answers = (await answersInLink(page)).length;
  assert.ok(answers >= 25, `a business-sized answer set: ${answers} answers in ${screens} screens`);
  const eligible = await shown(page, 'sec-eligible');
  const button = page.getByRole('button', { name: '带走结果' });
  const at = await button.boundingBox();
  assert.ok(at && at.y >= 1920 * 0.8 && at.y + at.height <= 1920, `带走结果 at ${JSON.stringify(at)}, without scrolling`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'nothing was scrolled');
  await button.click();
  const figure = page.locator('.take-away-panel figure.qr');
  const box = await figure.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 1920, 'the code is on screen');
  assert.ok(await page.locator('.take-away-panel').getByRole('button', { name: '打印' }).isVisible(), 'print is there too');
  const axe = await new AxeBuilder({ page }).include('.take-away-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], 'the take-away panel is accessible');
  const version = Number(await figure.getAttribute('data-version'));
  const scale = Number(await figure.getAttribute('data-scale'));
  console.log(`kiosk QR: ${answers} answers, version ${version}, ${scale} px per module, ${box.width} px`);
  assert.ok(scale >= 4, `${scale} px per module`);
  const decoded = await readQr(figure);
  assert.ok(decoded.startsWith(`${env.server.publicBase}#z=`), decoded);
  assert.ok(decoded.length < 400, `a compact link: ${decoded.length} characters`);
  // The phone: not a kiosk, and the same results.
  const phone = await open(env.browser, decoded, { viewport: { width: 360, height: 740 } });
  await drawn(phone);
  assert.deepEqual(await shown(phone, 'sec-eligible'), eligible);
  assert.ok(!phone.url().includes('kiosk') && !phone.url().includes('handoff'), phone.url());
  assert.equal((await answersInLink(phone)).length, answers, 'every answer arrived');
  await phone.context().close();
  await page.context().close();
});

test('a kiosk served from its own machine without a hand-off address says so at the start, and shows no code a phone cannot open', async () => {
  const page = await open(env.browser, `${env.server.base}#kiosk&d=2023-06-01`, portrait);
  assert.match(await page.locator('.notice.hall').innerText(), /handoff=/);
  await page.click('section.start button.primary');
  await answerAll(page, restaurant);
  await page.getByRole('button', { name: '带走结果' }).click();
  assert.equal(await page.locator('.take-away-panel figure.qr').count(), 0, 'no QR code that would not open');
  assert.match(await page.locator('.take-away-panel').innerText(), /handoff=/);
  await page.context().close();
  // A local hand-off address is refused too.
  const bad = await open(env.browser, `${env.server.base}#kiosk&handoff=http://localhost:8080/`, portrait);
  assert.match(await bad.locator('.notice.hall').innerText(), /localhost/);
  await bad.context().close();
});
