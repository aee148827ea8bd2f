//! The results screen: markup over `present::results` (the lead, the sections in their
//! order, the scope) and `present::card` (each card). The date, order and category controls
//! are folded behind one button; the cards are drawn a few at a time so that a cheap phone
//! is never blocked long.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use relief_finder::engine::calendar::ymd;
use relief_finder::engine::eval::Evaluation;
use relief_finder::model::{Part, Texts};
use relief_finder::present::card::{badge, tier_digit, Card};
use relief_finder::present::catalog::category;
use relief_finder::present::results::{self, SectionKind, Sort};
use relief_finder::present::texts;
use relief_finder::present::{t, tn, Msg};

use super::{browser, Ctx, Quotes};

/// What copying the link came to: failed, copied.
const COPIED: [Msg; 2] = [Msg::ResCopyFailed, Msg::ResCopied];

#[component]
pub fn ResultsScreen() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rs = ctx.rs_now();
    let lang = move || ctx.lang();
    let sort = RwSignal::new(Sort::Default);
    let filter: RwSignal<Option<&'static str>> = RwSignal::new(None);
    // What copying the link came to, as an index into COPIED (a signal type the app
    // already has: a new one costs the wasm more).
    let copied: RwSignal<Option<usize>> = RwSignal::new(None);
    // The first cards are painted at once; the other cards, a few at a time, then the
    // answers and the QR code come in later tasks, so that a cheap phone is never blocked
    // for long. The body leaves a switch per chunk of cards in `pending`; each task turns on
    // the next; then `done`. Anything redrawn after that (a filter, a sort) is drawn whole.
    let pending: StoredValue<Vec<RwSignal<bool>>> = StoredValue::new(Vec::new());
    let done = RwSignal::new(false);
    request_animation_frame(move || step(pending, done, ctx));

    let copy = move |_| {
        let href = browser::href();
        leptos::task::spawn_local(async move {
            copied.set(Some(usize::from(browser::copy(&href).await)));
        });
    };
    // "Answer more questions" only while a question is left, and not as the main button.
    let more = move || {
        ctx.eval
            .with(|ev| ctx.session.with(|s| s.plan(ctx.rs_now(), ev).is_some()))
    };

    view! {
        // Drawn only once the texts are here (app/mod.rs, ResultsGate).
        <section class="results" data-texts="loaded"
            data-drawn=move || done.get().to_string() data-eval-us=move || ctx.eval.with(|_| ctx.eval_us.get_value()).to_string()>
            <h1 id="screen-title" tabindex="-1">{move || t(lang(), Msg::ResTitle)}</h1>
            {lead(ctx)}
            {controls(ctx, sort, filter)}
            {move || body(ctx, sort.get(), filter.get(), pending, done)}
            {move || done.get().then(|| view! { <Answers/><super::handoff::HandOff/> })}
            <div class="actions">
                {move || more().then(|| view! {
                    <button type="button" class="secondary" data-continue="" on:click=move |_| ctx.session.update(|s| s.begin(rs))>{t(lang(), Msg::ResContinue)}</button>
                })}
                <button type="button" class="secondary" on:click=move |_| ctx.print()>{move || t(lang(), Msg::ResPrint)}</button>
                <button type="button" class="secondary" on:click=copy>{move || t(lang(), Msg::ResCopy)}</button>
                <button type="button" class="link" on:click=move |_| ctx.session.update(|s| s.reset(rs))>{move || t(lang(), Msg::NavRestart)}</button>
            </div>
            <p class="status" role="status">{move || copied.get().map(|i| t(lang(), COPIED[i]))}</p>
        </section>
    }
}

/// Draw the next chunk of cards in a task of its own; when none is left, the rest.
fn step(pending: StoredValue<Vec<RwSignal<bool>>>, done: RwSignal<bool>, ctx: Ctx) {
    set_timeout(
        move || {
            let next = pending.try_update_value(|p| (!p.is_empty()).then(|| p.remove(0)));
            match next.flatten() {
                Some(chunk) => {
                    chunk.set(true);
                    step(pending, done, ctx);
                }
                None => {
                    done.set(true);
                    // Back from changing one answer here: to its row (or the card that
                    // asked), not the top of the page.
                    if let Some(id) = ctx.return_to.try_update_value(Option::take).flatten() {
                        browser::focus(&id);
                    }
                }
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The lead (`present::results::lead`): it needs no texts, so it is drawn at once,
/// above the fold.
fn lead(ctx: Ctx) -> impl IntoView {
    let today = browser::today();
    let go = move |d: NaiveDate| ctx.session.update(|s| s.as_of = d);
    // A note with a button that moves the date.
    let note = move |class: &'static str, text: String, button: Option<(String, NaiveDate)>| {
        view! {
            <div class=class>
                <p>{text}</p>
                {button.map(|(label, d)| view! {
                    <button type="button" class="secondary" on:click=move |_| go(d)>{label}</button>
                })}
            </div>
        }
    };
    move || {
        let lang = ctx.lang();
        let lead = results::lead(&ctx.eval.get(), today, lang);
        let back_today = t(lang, Msg::ResBackToday).to_string();
        view! {
            {lead.viewing.map(|(text, today)| note("notice info viewing", text, Some((back_today, today))))}
            <p class="summary" data-summary="">{lead.summary}</p>
            {lead.ended.map(|(text, back)| note("notice info ended-note", text, back))}
        }
    }
}

/// The date, order and category controls, folded behind one button.
fn controls(
    ctx: Ctx,
    sort: RwSignal<Sort>,
    filter: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let lang = move || ctx.lang();
    let set_date = move |ev: leptos::ev::Event| {
        if let Some(d) = relief_finder::engine::calendar::parse_ymd(&event_target_value(&ev)) {
            ctx.session.update(|s| s.as_of = d);
        }
    };
    let sort_chip = move |which: Sort, label: Msg| {
        view! {
            <button type="button" class="chip" aria-pressed=move || (sort.get() == which).to_string()
                on:click=move |_| sort.set(which)>{move || t(lang(), label)}</button>
        }
    };
    let categories = move || {
        let lang = lang();
        let chip = move |c: Option<&'static str>| {
            let label = t(lang, c.and_then(category).unwrap_or(Msg::ResAll));
            view! {
                <button type="button" class="chip" aria-pressed=move || (filter.get() == c).to_string()
                    on:click=move |_| filter.set(c)>{label}</button>
            }
        };
        view! {
            <div class="chips" role="group" aria-label=t(lang, Msg::ResFilter)>
                {chip(None)}
                {results::categories(ctx.rs_now()).into_iter().map(|c| chip(Some(c))).collect_view()}
            </div>
        }
    };
    view! {
        <details class="controls">
            <summary>{move || t(lang(), Msg::ResControls)}</summary>
            <label class="field date">
                <span>{move || t(lang(), Msg::ResAsOf)}</span>
                <input type="date" min="2022-01-01" max="2031-12-31"
                    prop:value=move || ctx.session.with(|s| ymd(s.as_of))
                    on:change=set_date/>
            </label>
            <p class="hint">{move || t(lang(), Msg::ResAsOfHelp)}</p>
            <div class="sort" role="group" aria-label=move || t(lang(), Msg::ResSort)>
                {sort_chip(Sort::Default, Msg::ResSortDefault)}
                {sort_chip(Sort::EndDate, Msg::ResSortDate)}
            </div>
            {categories}
        </details>
    }
}

/// The sections of `present::results::sections` (the texts they need are here: see
/// app/mod.rs, ResultsGate).
fn body(
    ctx: Ctx,
    sort: Sort,
    filter: Option<&'static str>,
    pending: StoredValue<Vec<RwSignal<bool>>>,
    done: RwSignal<bool>,
) -> impl IntoView {
    let lang = ctx.lang();
    let ev = ctx.eval.get();
    let rs = ctx.rs();
    let mut sections = results::sections(rs, &ev, sort, filter).into_iter();
    let eligible = sections.next().map(|s| s.items).unwrap_or_default();
    // A person who stopped early: how many more questions would settle how many.
    let early = ctx.session.with_untracked(|s| s.open_to_settle(rs, &ev));
    let rest = sections
        .filter(results::Section::shown)
        .map(|s| view! { <Section section=s ev=ev.clone() ready=done/> })
        .collect_view();
    view! {
        {eligible_section(ctx, &ev, eligible, pending, done)}
        {early.map(|(n, m)| view! {
            <p class="early" data-early="">
                {results::early(n, m, lang)}" "
                <button type="button" class="primary" on:click=move |_| ctx.session.update(|s| s.begin(rs))>{t(lang, Msg::ResContinue)}</button>
            </p>
        })}
        {rest}
        // The scope, stated once, under the measures it bounds.
        <p class="scope hint">{results::scope(rs, lang)}</p>
    }
}

/// The measures the person gets now: the first two cards at once, the rest two per task.
fn eligible_section(
    ctx: Ctx,
    ev: &Arc<Evaluation<'static>>,
    items: Vec<usize>,
    pending: StoredValue<Vec<RwSignal<bool>>>,
    done: RwSignal<bool>,
) -> impl IntoView {
    const FIRST: usize = 2;
    const CHUNK: usize = 2;
    let lang = ctx.lang();
    let card = {
        let ev = ev.clone();
        move |i: usize| view! { <ReliefCard ev=ev.clone() i=i/> }
    };
    let drawn = done.get_untracked();
    let mut switches = Vec::new();
    let later = items
        .get(FIRST..)
        .unwrap_or_default()
        .chunks(CHUNK)
        .map(|chunk| {
            let (card, chunk) = (card.clone(), chunk.to_vec());
            let shown = RwSignal::new(drawn);
            switches.push(shown);
            move || {
                shown
                    .get()
                    .then(|| chunk.iter().copied().map(card.clone()).collect_view())
            }
        })
        .collect_view();
    pending.set_value(switches);
    let kind = SectionKind::Eligible;
    view! {
        <section class="group" aria-labelledby=kind.id()>
            <h2 id=kind.id()>{t(lang, kind.title())}" "<span class="count">{items.len()}</span></h2>
            {items.is_empty().then(|| view! { <p class="empty">{t(lang, Msg::ResEligibleNone)}</p> })}
            {items.iter().copied().take(FIRST).map(card).collect_view()}
            {later}
            <p class="hint">{t(lang, Msg::ResTotalNote)}</p>
        </section>
    }
}

/// A section of results that can be folded; its cards are only built when it is open, and a
/// long list shows its first few until asked for all (a cheap phone renders fast).
#[component]
fn Section(
    section: results::Section,
    ev: Arc<Evaluation<'static>>,
    /// Cards wait for the eligible ones (see ResultsScreen).
    ready: RwSignal<bool>,
) -> impl IntoView {
    const FIRST: usize = 8;
    let ctx = expect_context::<Ctx>();
    let (kind, items) = (section.kind, section.items);
    let open = kind.open();
    let opened = RwSignal::new(open);
    let all = RwSignal::new(false);
    let n = items.len();
    let cards = move || {
        (opened.get() && ready.get()).then(|| {
            let limit = if all.get() { n } else { FIRST.min(n) };
            let lang = ctx.lang();
            view! {
                {items[..limit].iter().map(|i| view! { <ReliefCard ev=ev.clone() i=*i/> }).collect_view()}
                {(limit < n).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| all.set(true)>{tn(lang, Msg::ResShowAll, n)}</button>
                })}
            }
        })
    };
    view! {
        <section class="group" aria-labelledby=kind.id()>
            <details open=open on:toggle=move |ev| opened.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary><h2 id=kind.id()>{move || t(ctx.lang(), kind.title())}" "<span class="count">{n}</span></h2></summary>
                {cards}
            </details>
        </section>
    }
}

/// One card: markup over `present::card::Card`.
#[component]
fn ReliefCard(ev: Arc<Evaluation<'static>>, i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Only built once the texts are here (see the results body), from the whole rule set
    // the evaluation was made with.
    let rs = ctx.rs_now();
    let lang = ctx.lang();
    let c = ctx
        .session
        .with_untracked(|s| Card::new(rs, &ev, i, &s.facts, lang));
    let (badge_text, badge_class) = badge(c.timing);
    let label = move |m: Msg| format!("{}{}", t(lang, m), t(lang, Msg::PColon));
    let ended = c.out_of_force.is_some();
    let out = c.out_of_force;
    let needs = needs(ctx, c.anchor.clone(), c.needs);
    let index = rs
        .reliefs
        .iter()
        .position(|r| r.id == c.id)
        .unwrap_or(usize::MAX);
    view! {
        <article class="relief" class:alternative=c.alternative id=c.anchor data-relief=c.id
            data-tier=tier_digit(c.tier)>
            <header>
                <h3>{c.title}</h3>
                <span class=badge_class>{t(lang, badge_text)}</span>
                {c.service.then(|| view! { <span class="badge service">{t(lang, Msg::ReliefService)}</span> })}
            </header>
            {c.amount.map(|(a, basis)| view! {
                <p class="amount" class:ended=ended data-amount=""><strong>{a}</strong>" "<span class="ended-on">{out}</span></p>
                <p class="basis">{label(Msg::ReliefBasis)}{basis}</p>
            })}
            <p class="benefit">{c.benefit}</p>
            {c.caveat.map(|text| view! { <p class="caveat"><strong>{label(Msg::ReliefNote)}</strong>{text}</p> })}
            {c.national.map(|note| view! { <p class="caveat">{note}</p> })}
            {c.overlap.map(|o| view! { <p class="overlap">{t(lang, Msg::ReliefOverlap)}" "{o}</p> })}
            <dl class="facts">
                <dt>{t(lang, Msg::ReliefValid)}</dt>
                <dd>{c.dates}</dd>
                {c.window.map(|(class, text)| view! {
                    <dt>{t(lang, Msg::ReliefWindow)}</dt>
                    <dd class=class.class()>{text}</dd>
                })}
                {(!c.why.is_empty()).then(|| view! {
                    <dt>{t(lang, Msg::ReliefWhy)}</dt>
                    <dd><ul class="why">{c.why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul></dd>
                })}
                {c.why_not.map(|n| view! {
                    <dt>{t(lang, Msg::ReliefWhyNot)}</dt>
                    <dd>{n}</dd>
                })}
                {needs}
                <dt>{t(lang, Msg::ReliefGo)}</dt>
                <dd class="go">{c.go}</dd>
                {c.claim.map(|m| view! {
                    <dt>{t(lang, Msg::ReliefClaim)}</dt>
                    <dd class="claim">{t(lang, m)}</dd>
                })}
                {c.channels.map(|ch| view! {
                    <dt>{t(lang, Msg::ReliefChannels)}</dt>
                    <dd>{ch}</dd>
                })}
            </dl>
            <details class="depts">
                <summary>{tn(lang, Msg::ReliefDepts, c.depts.0)}</summary>
                <p>{c.depts.1}</p>
            </details>
            // The clause itself comes from quotes.bin, fetched when a clause is first opened.
            <details class="clause" on:toggle=move |_| load_quotes(ctx)>
                <summary>{t(lang, Msg::ReliefClause)}" · "{c.doc_number.clone()}" "{c.articles.clone()}</summary>
                // Until the clauses are here, a line says where they stand (the quote
                // is empty, and hidden).
                <blockquote lang="zh-CN">{move || match ctx.quotes.get() {
                    Quotes::Loaded(q) => q.get(index).map_or("", String::as_str),
                    _ => "",
                }}</blockquote>
                <p class="status" role="status">{move || match ctx.quotes.get() {
                    Quotes::Loaded(_) => "",
                    Quotes::Failed => t(lang, Msg::ReliefClauseFailed),
                    Quotes::Idle | Quotes::Loading => t(lang, Msg::ReliefClauseLoading),
                }}</p>
                <p class="cite"><span lang="zh-CN">{c.issuer}"《"{c.doc_title}"》（"{c.doc_number}"）"</span>{c.articles}</p>
            </details>
        </article>
    }
}

/// Fetch the clauses quoted (`quotes.bin`), unless they are here or on their way.
fn load_quotes(ctx: Ctx) {
    if matches!(
        ctx.quotes.get_untracked(),
        Quotes::Loading | Quotes::Loaded(_)
    ) {
        return;
    }
    ctx.quotes.set(Quotes::Loading);
    leptos::task::spawn_local(async move {
        let file = Texts::file(Part::Quotes);
        let got = browser::fetch_bytes(file)
            .await
            .and_then(|b| texts::quotes(ctx.rs_now(), &b));
        ctx.quotes
            .set(got.map_or(Quotes::Failed, |q| Quotes::Loaded(q.leak())));
    });
}

/// A card's questions still to answer: each a button to its question, coming back to the
/// card after.
fn needs(ctx: Ctx, card: String, needs: Vec<(usize, String)>) -> impl IntoView {
    let lang = ctx.lang();
    (!needs.is_empty()).then(|| {
        view! {
            <dt>{t(lang, Msg::ReliefNeeds)}</dt>
            <dd class="needs">{needs.into_iter().map(|(q, text)| {
                let id = card.clone();
                view! {
                    <button type="button" class="secondary small" on:click=move |_| {
                        ctx.return_to.set_value(Some(id.clone()));
                        ctx.session.update(|s| s.edit(q));
                    }>
                        {t(lang, Msg::ReliefAnswer)}{t(lang, Msg::PColon)}{text}
                    </button>
                }
            }).collect_view()}</dd>
        }
    })
}

#[component]
fn Answers() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let rows = ctx
            .session
            .with(|s| results::answers(ctx.rs(), s, lang))
            .into_iter()
            .map(|row| {
                let (q, answer) = (row.q, row.answer(lang));
                let id = format!("answer-{q}");
                view! {
                    <li>
                        <span class="q">{row.question}</span>
                        <span class="a">{answer}</span>
                        <button type="button" class="link" id=id.clone() on:click=move |_| {
                            ctx.return_to.set_value(Some(id.clone()));
                            ctx.session.update(|s| s.edit(q));
                        }>{t(lang, Msg::ResEdit)}</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="answers" aria-labelledby="sec-answers">
                <h2 id="sec-answers">{t(lang, Msg::ResAnswers)}</h2>
                <ul>{rows}</ul>
            </section>
        }
    }
}
