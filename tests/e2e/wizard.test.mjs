// Complete flows in the release dist/ in headless Chromium: three personas, reload,
// a damaged link, the language switch, keyboard only, and a 320 px screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, answerAll, answerScreen, answersInLink, shown, amountOf, useBrowser, drawn, benchmarkScreens } from './harness.mjs';

const env = useBrowser();

const restaurant = {
  applicant: 'business', city: 'pingliang', business_form: 'individual_business', vat_status: 'small_scale',
  monthly_sales: '8万', industries: ['catering'], county: 'kongtong',
};

test('a Pingliang small-scale restaurant in June 2023 sees the VAT exemption worth 28,800 yuan', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  const asked = await answerAll(page, restaurant);
  // Who and where first, then the screen that decides the money (VAT status and sales).
  assert.deepEqual(asked.slice(0, 2), ['who', 'tax'], `asked: ${asked}`);
  const eligible = await shown(page, 'sec-eligible');
  assert.ok(eligible.includes('pingliang-2023.vat-small-scale-exempt'), `eligible: ${eligible}`);
  assert.ok(eligible.includes('pingliang-2023.six-taxes-two-fees'));
  // Measures for visitors (scenic-spot tickets) are open to all; nothing else crosses cities.
  const local = (ids) => ids.filter((id) => !id.includes('scenic'));
  assert.ok(!local(eligible).some((id) => id.startsWith('wuwei-2023.')), 'no Wuwei measure for a Pingliang business');
  assert.match(await amountOf(page, 'pingliang-2023.vat-small-scale-exempt'), /28,800元/);
  // The clause is quoted with its document number.
  const clause = await page.locator('article[data-relief="pingliang-2023.vat-small-scale-exempt"] details.clause').innerText();
  assert.match(clause, /平政发〔2023〕18号/);
  assert.deepEqual(page.errors, []);

  // A reload reproduces the same screen from the link alone.
  await page.reload();
  await drawn(page);
  assert.deepEqual(await shown(page, 'sec-eligible'), eligible);

  // The same link in a fresh browser context (another device) gives the same results.
  const other = await open(env.browser, page.url());
  assert.deepEqual(await shown(other, 'sec-eligible'), eligible);
  await other.context().close();
  await page.context().close();
});

test('a Wuwei graduate who started a business is shown the 5,000 yuan start-up subsidy', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-10-01`);
  await page.click('button.primary');
  await answerAll(page, {
    applicant: 'person', city: 'wuwei', county: 'liangzhou', employment: 'self_employed', groups: [],
    // Ticking the boxes brings up the dates; a year and month is enough for the graduation.
    college_graduate: true, graduated_on: '2022-07', founded_business: true, first_business_registered_on: '2022-09-01',
  });
  const eligible = await shown(page, 'sec-eligible');
  assert.ok(eligible.includes('wuwei-2023.startup-subsidy'), `eligible: ${eligible}`);
  assert.match(await amountOf(page, 'wuwei-2023.startup-subsidy'), /5,000元/);
  assert.ok(!eligible.filter((id) => !id.includes('scenic')).some((id) => id.startsWith('pingliang-')), 'no Pingliang measure in Wuwei');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an unemployed person in another Gansu city, not entitled to unemployment insurance, finds the province unemployment subsidy', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  await answerAll(page, { applicant: 'person', city: 'other_gansu', employment: 'unemployed', groups: ['unemployment_insurance_ineligible'] });
  const eligible = await shown(page, 'sec-eligible');
  assert.ok(eligible.includes('gansu-2022.unemployment-subsidy'), `eligible: ${eligible}`);
  assert.ok(eligible.filter((id) => !id.includes('scenic')).every((id) => id.startsWith('gansu-2022.')), `only province measures apply: ${eligible}`);
  await page.context().close();
});

test('the restaurant of facts.md reaches its results by clicking in the benchmark number of screens', async () => {
  // The persona file tests/personas/pingliang-restaurant.toml, answered as the benchmark does.
  const persona = {
    applicant: 'business', city: 'pingliang', business_form: 'individual_business',
    vat_status: 'small_scale', monthly_sales: '80000', industries: ['catering'],
  };
  const expected = benchmarkScreens('tests/personas/pingliang-restaurant.toml');
  assert.ok(expected <= 10, `the benchmark walks it in ${expected} screens`);
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.click('button.primary');
  // The header says where the person is and about how many screens remain.
  await page.waitForSelector('section.question');
  assert.match(await page.locator('.progress .step').innerText(), /^第 1 题，约还有 \d+ 题$/);
  const asked = await answerAll(page, persona);
  assert.equal(asked.length, expected, `asked: ${asked}`);
  assert.ok((await shown(page, 'sec-eligible')).includes('pingliang-2023.vat-small-scale-exempt'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a detail shows once its box is ticked, and the county list follows the city', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  await page.waitForSelector('section.question[data-question="who"]');
  // No business form before "a business", no county before a city that has counties.
  assert.equal(await page.locator('[data-fact="business_form"]').count(), 0);
  assert.equal(await page.locator('[data-fact="county"]').count(), 0);
  await page.click('[data-fact="applicant"] button.choice[data-value="business"]');
  await page.click('[data-fact="city"] button.choice[data-value="wuwei"]');
  assert.equal(await page.locator('[data-fact="business_form"]').count(), 1);
  const counties = await page.$$eval('[data-fact="county"] button.choice', (b) => b.map((x) => x.dataset.value));
  assert.deepEqual(counties, ['liangzhou', 'minqin', 'gulang', 'tianzhu']);
  await page.click('[data-fact="city"] button.choice[data-value="pingliang"]');
  const now = await page.$$eval('[data-fact="county"] button.choice', (b) => b.map((x) => x.dataset.value));
  assert.ok(now.includes('kongtong') && !now.includes('liangzhou'), `counties: ${now}`);
  await page.click('[data-fact="business_form"] button.choice[data-value="enterprise"]');
  await page.click('section.question button[type=submit]');
  // On the business's own screen, the deposit's due date appears only once its box is ticked.
  for (let i = 0; i < 8; i++) {
    const q = await page.getAttribute('section.question', 'data-question');
    if (q === 'business') break;
    await page.click('section.question button[type=submit]');
    await page.waitForFunction((p) => document.querySelector('section.question')?.getAttribute('data-question') !== p, q);
  }
  assert.equal(await page.getAttribute('section.question', 'data-question'), 'business');
  assert.equal(await page.locator('[data-fact="construction_deposit_due_on"]').count(), 0);
  await page.click('[data-fact="construction_deposit_due"] button.tick');
  assert.equal(await page.locator('[data-fact="construction_deposit_due_on"] input').count(), 1);
  await page.click('[data-fact="construction_deposit_due"] button.tick');
  assert.equal(await page.locator('[data-fact="construction_deposit_due_on"]').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a person who stops early is told how many more questions would settle how many measures, and can go on', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  await page.waitForSelector('section.question[data-question="who"]');
  await page.click('[data-fact="applicant"] button.choice[data-value="business"]');
  await page.click('[data-fact="city"] button.choice[data-value="pingliang"]');
  await page.click('[data-fact="business_form"] button.choice[data-value="individual_business"]');
  await page.click('section.question button[type=submit]');
  await page.waitForSelector('section.question:not([data-question="who"])');
  await page.click('section.question .nav button.link >> nth=1');
  await drawn(page);
  const early = await page.locator('.early[data-early]').innerText();
  assert.match(early, /再回答 \d+ 个问题，可确定 \d+ 项/);
  await page.click('.early[data-early] button');
  await page.waitForSelector('section.question');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a damaged link says so and starts fresh', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-99-99&f=monthly_sales:lots&s=results`);
  const notice = await page.locator('.notice[role=alert]').innerText();
  assert.match(notice, /链接已损坏/);
  assert.ok(await page.locator('section.start').isVisible());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the language switch turns the whole screen into English and back', async () => {
  const page = await open(env.browser, env.server.base);
  await page.click('button.tool[lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.locator('h1').innerText(), /Find the Gansu reliefs/);
  assert.match(page.url(), /lang=en/);
  await page.click('button.primary');
  const q = await page.locator('h1').innerText();
  assert.ok(/[A-Za-z]/.test(q) && !/[\u4e00-\u9fff]/.test(q), `English question: ${q}`);
  await page.click('button.tool[lang="zh-CN"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.context().close();
});

test('the questionnaire can be completed with the keyboard alone', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.keyboard.press('Tab');
  let focused = '';
  for (let i = 0; i < 10 && !focused.includes('primary'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.className || '');
  }
  assert.match(focused, /primary/, 'Tab reaches the start button');
  await page.keyboard.press('Enter');
  // Focus moves to each new question's heading.
  await page.waitForSelector('section.question');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-title');
  await answerAll(page, { applicant: 'person', city: 'other_gansu', employment: 'unemployed', groups: ['unemployment_insurance_ineligible'] }, { keyboard: true });
  assert.ok((await shown(page, 'sec-eligible')).includes('gansu-2022.unemployment-subsidy'));
  await page.context().close();
});

test('a 320 px screen has no horizontal scroll, on questions and on results', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`, { viewport: { width: 320, height: 640 } });
  const noScroll = async (where) => {
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `${where}: scrollWidth ${sw} > ${cw}`);
  };
  await noScroll('start');
  await page.click('button.primary');
  await page.waitForSelector('section.question');
  await noScroll('question');
  await answerAll(page, restaurant);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await noScroll('results');
  // Touch targets are at least 44 px high.
  const small = await page.$$eval('button', (bs) => bs.filter((b) => b.offsetParent && b.getBoundingClientRect().height < 44).map((b) => b.innerText));
  assert.deepEqual(small, []);
  await page.context().close();
});

test('no request leaves the page origin, and nothing the user types is in any request', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  const bodies = [];
  page.on('request', (r) => bodies.push(`${r.method()} ${r.url()} ${r.postData() || ''} ${JSON.stringify(r.headers())}`));
  await page.click('button.primary');
  await answerAll(page, { ...restaurant, monthly_sales: '87654.32' });
  assert.match(page.url(), /87654\.32/, 'the answer is in the fragment');
  const foreign = page.requests.filter((u) => !u.startsWith(env.server.base));
  assert.deepEqual(foreign, []);
  const leaked = bodies.filter((b) => /87654|monthly_sales|pingliang/.test(b));
  assert.deepEqual(leaked, [], 'answers never travel in a request');
  await page.context().close();
});

const onScreen = (page) => page.evaluate(() => document.querySelector('section.question')?.getAttribute('data-question') || (document.querySelector('section.results') ? 'results' : 'start'));

test('back means back: 上一步 and the browser back step through the same screens and never lose an answer', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01`);
  await page.click('button.primary');
  await page.waitForSelector('section.question');
  const asked = [];
  for (let i = 0; i < 6; i++) {
    asked.push(await answerScreen(page, restaurant));
    if (await page.locator('section.results').count() > 0) break;
  }
  assert.equal(asked.length, 6, `asked: ${asked}`);
  const answers = await answersInLink(page);
  assert.ok(answers.length >= 3, `answers: ${answers}`);
  // 上一步 four times: back through the last four questions, each with its answer.
  for (let k = 1; k <= 4; k++) {
    await page.getByRole('button', { name: '上一步' }).click();
    await page.waitForFunction((q) => document.querySelector('section.question')?.getAttribute('data-question') === q, asked[6 - k]);
    const pick = restaurant[asked[6 - k]];
    if (typeof pick === 'string' && await page.locator(`button.choice[data-value="${pick}"]`).count() > 0) {
      assert.equal(await page.getAttribute(`button.choice[data-value="${pick}"]`, 'aria-pressed'), 'true', `${asked[6 - k]} keeps its answer`);
    }
    assert.deepEqual(await answersInLink(page), answers, 'no answer is lost');
  }
  // The browser's back goes on backwards, never forwards through the same questions.
  await page.goBack();
  await page.waitForFunction((q) => document.querySelector('section.question')?.getAttribute('data-question') === q, asked[1]);
  assert.deepEqual(await answersInLink(page), answers);
  await page.goForward();
  await page.waitForFunction((q) => document.querySelector('section.question')?.getAttribute('data-question') === q, asked[2]);
  // On to the results; the browser's back from there shows the last question, answered.
  await answerAll(page, restaurant);
  const all = await answersInLink(page);
  const eligible = await shown(page, 'sec-eligible');
  await page.goBack();
  await page.waitForSelector('section.question');
  assert.deepEqual(await answersInLink(page), all, 'back from the results drops no answer');
  await page.getByRole('button', { name: '上一步' }).click();
  const before = await onScreen(page);
  await page.goForward();
  await page.goForward();
  await page.waitForSelector('section.results');
  assert.notEqual(before, 'results');
  assert.deepEqual(await shown(page, 'sec-eligible'), eligible);
  assert.deepEqual(await answersInLink(page), all);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('in English, offices have English names and no Chinese punctuation is left in English text', async () => {
  const page = await open(env.browser, `${env.server.base}#d=2023-06-01&lang=en`);
  await page.click('button.primary');
  await answerAll(page, restaurant);
  const card = page.locator('article[data-relief="pingliang-2023.vat-small-scale-exempt"]');
  // The full list of departments is folded under the office to go to.
  await card.locator('details.depts > summary').click();
  assert.match(await card.innerText(), /Pingliang Municipal Taxation Bureau/);
  // Every visible text outside what is Chinese by nature (marked lang="zh-CN": quotes,
  // document titles) and document numbers such as 平政发〔2023〕18号.
  const text = await page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (el.closest('[lang="zh-CN"]') || el.getClientRects().length === 0) continue;
      out.push(n.textContent);
    }
    return out.join(' ');
  });
  const english = text.replace(/[\u4e00-\u9fff]+〔\d{4}〕\d+号/g, '');
  const bad = english.match(/.{0,20}[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65].{0,20}/g);
  assert.equal(bad, null, `Chinese punctuation in English text: ${bad}`);
  await page.context().close();
});
