//! The results: a lead that fits a phone's first screen (the date being looked at, one line
//! of what is worth money now and in the measures' own years, the ended-measures note), the
//! date, order and category controls folded behind one button, then reliefs by standing,
//! money first, each with what it is worth, why, its dates, its clause and where to go; the
//! scope; and the answers to edit.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use relief_finder::catalog::{t, tn};
use relief_finder::engine::calendar::ymd;
use relief_finder::engine::describe::{self, amount_text, articles_text, dates, names, yuan};
use relief_finder::engine::eval::{AmountResult, Evaluation, ReliefResult};
use relief_finder::engine::summary::{self, Worth};
use relief_finder::engine::{Eligibility, Timing};
use relief_finder::model::{Claim, Kind, Lang, CATEGORIES};
use rust_decimal::Decimal;

use super::{browser, Ctx};

/// How the lists are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// Money (highest first), then other reliefs, then services.
    Default,
    EndDate,
}

fn sorted(ev: &Evaluation, mut items: Vec<usize>, sort: Sort) -> Vec<usize> {
    // One sort in the wasm, by plain keys (stable: ties keep the earlier order): the day
    // the relief ends, soonest first; or the amount, highest first, then the tier.
    fn by(ev: &Evaluation, items: &mut [usize], key: fn(&ReliefResult) -> Decimal) {
        items.sort_by_key(|i| key(&ev.results[*i]));
    }
    match sort {
        Sort::EndDate => by(ev, &mut items, |r| {
            Decimal::from(
                r.relief
                    .valid_until
                    .unwrap_or(NaiveDate::MAX)
                    .num_days_from_ce(),
            )
        }),
        Sort::Default => {
            by(ev, &mut items, |r| {
                -r.amount.as_ref().map(AmountResult::top).unwrap_or_default()
            });
            by(ev, &mut items, |r| {
                Decimal::from(summary::Tier::of(r.relief) as u8)
            });
        }
    }
    items
}

/// `28,800元 每年、5,000元 一次性`: the exact amounts of some measures, per unit, or that
/// the amounts vary when none is exact.
fn money(w: &Worth, lang: Lang) -> String {
    if w.totals.is_empty() {
        return t(lang, "sum.vary").to_string();
    }
    w.totals
        .iter()
        .map(|(p, v)| {
            format!(
                "{} {}",
                yuan(*v, lang),
                t(lang, &format!("per.{}", p.name()))
            )
        })
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " })
}

/// The one line above the fold: what is worth money on the date, and what the person could
/// have claimed in the measures' own years.
fn summary_line(ev: &Evaluation, lang: Lang) -> String {
    let s = summary::summary(ev);
    let fill = |key: &str, w: &Worth| {
        t(lang, key)
            .replace("{d}", &ymd(ev.as_of))
            .replace("{m}", &money(w, lang))
            .replace("{n}", &w.count.to_string())
    };
    let mut line = fill(
        if s.now.count == 0 {
            "sum.now_none"
        } else {
            "sum.now"
        },
        &s.now,
    );
    if s.own_years.count > 0 {
        line.push_str(&fill("sum.own", &s.own_years));
    }
    line
}

#[component]
pub fn ResultsScreen() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rs = ctx.rs_now();
    let lang = move || ctx.lang();
    let sort = RwSignal::new(Sort::Default);
    let today = browser::today();
    let filter: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let copied: RwSignal<Option<&'static str>> = RwSignal::new(None);
    // The first cards are painted at once; the other cards, a few at a time, then the
    // answers and the QR code come in later tasks, so that a cheap phone is never blocked
    // for long. The body leaves a switch per chunk of cards in `pending`; each task turns on
    // the next; then `done`. Anything redrawn after that (a filter, a sort) is drawn whole.
    let pending: StoredValue<Vec<RwSignal<bool>>> = StoredValue::new(Vec::new());
    let done = RwSignal::new(false);
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
    request_animation_frame(move || step(pending, done, ctx));

    let set_date = move |ev: leptos::ev::Event| {
        if let Some(d) = relief_finder::engine::calendar::parse_ymd(&event_target_value(&ev)) {
            ctx.session.update(|s| s.as_of = d);
        }
    };
    let go = move |d: NaiveDate| ctx.session.update(|s| s.as_of = d);
    let copy = move |_| {
        let ok = browser::copy(&browser::href());
        copied.set(Some(if ok { "res.copied" } else { "res.copy_failed" }));
    };

    let body = move || {
        let lang = lang();
        let sort = sort.get();
        let filter = filter.get();
        {
            let ev = ctx.eval.get();
            let rs = ctx.rs();
            let keep = |i: &usize| filter.is_none_or(|c| ev.results[*i].relief.category == c);
            let pick = |f: &dyn Fn(&ReliefResult) -> bool| -> Vec<usize> {
                sorted(
                    &ev,
                    (0..ev.results.len())
                        .filter(|i| f(&ev.results[*i]))
                        .filter(keep)
                        .collect(),
                    sort,
                )
            };
            // The lesser member of an overlap group is shown inside its better one's card.
            let shown_inside = |i: usize| {
                ev.results[i]
                    .overlap
                    .as_ref()
                    .is_some_and(|o| o.best != i && ev.counts(o.best))
            };
            let eligible: Vec<usize> =
                pick(&|r| r.eligibility == Eligibility::Eligible && r.in_force())
                    .into_iter()
                    .filter(|i| !shown_inside(*i))
                    .collect();
            let maybe = pick(&|r| r.eligibility == Eligibility::Maybe && r.in_force());
            // Not in force on the date: those the person qualified for in their own window,
            // and those the date alone would give, which the card says they never had.
            let expired = pick(&|r| {
                !r.in_force()
                    && (r.eligibility == Eligibility::Eligible
                        || r.window
                            .as_ref()
                            .is_some_and(|w| w.on_date == Eligibility::Eligible))
            });
            let near = pick(&|r| r.near_miss(rs).is_some() && r.in_force());
            let card = {
                let ev = ev.clone();
                move |i: usize| view! { <ReliefCard ev=ev.clone() i=i/> }
            };
            const FIRST: usize = 2;
            const CHUNK: usize = 2;
            let chunks: Vec<Vec<usize>> = eligible
                .get(FIRST..)
                .unwrap_or_default()
                .chunks(CHUNK)
                .map(<[usize]>::to_vec)
                .collect();
            let drawn = done.get_untracked();
            let mut switches = Vec::new();
            let later = chunks
                .into_iter()
                .map(|chunk| {
                    let card = card.clone();
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
            let n_eligible = eligible.len();
            // A person who stopped early: how many more questions would settle how many.
            let early = ctx.session.with_untracked(|s| s.open_to_settle(rs, &ev));
            let docs: Vec<&str> = rs.documents.iter().map(|d| d.number.as_str()).collect();
            let section = |key: &'static str, id: &'static str, items: Vec<usize>, open: bool| {
                view! { <Section key=key id=id items=items open=open ev=ev.clone() ready=done/> }
            };
            view! {
                <section class="group" aria-labelledby="sec-eligible">
                    <h2 id="sec-eligible">{t(lang, "res.eligible")}" "<span class="count">{n_eligible}</span></h2>
                    {eligible.is_empty().then(|| view! { <p class="empty">{t(lang, "res.eligible_none")}</p> })}
                    {eligible.into_iter().take(FIRST).map(card).collect_view()}
                    {later}
                    <p class="hint">{t(lang, "res.total_note")}</p>
                </section>
                {early.map(|(n, m)| view! {
                    <p class="early" data-early="">
                        {t(lang, "res.early").replace("{n}", &n.to_string()).replace("{m}", &m.to_string())}" "
                        <button type="button" class="primary" on:click=move |_| ctx.session.update(|s| s.begin(rs))>{t(lang, "res.continue")}</button>
                    </p>
                })}
                {(!maybe.is_empty()).then(|| section("res.maybe", "sec-maybe", maybe, true))}
                {(!expired.is_empty()).then(|| section("res.expired", "sec-expired", expired, false))}
                {(!near.is_empty()).then(|| section("res.near", "sec-near", near, false))}
                // The scope, stated once, under the measures it bounds.
                <p class="scope hint">{tn(lang, "res.scope", docs.len())}{docs.join(if lang == Lang::Zh { "、" } else { ", " })}{t(lang, "res.scope_more")}</p>
            }
            .into_any()
        }
    };

    let categories = move || {
        let lang = lang();
        let chip = move |c: Option<&'static str>| {
            let label = c
                .map(|c| t(lang, &format!("cat.{c}")))
                .unwrap_or_else(|| t(lang, "res.all"));
            view! {
                <button type="button" class="chip" aria-pressed=move || (filter.get() == c).to_string()
                    on:click=move |_| filter.set(c)>{label}</button>
            }
        };
        let used: Vec<&'static str> = CATEGORIES
            .iter()
            .copied()
            .filter(|c| rs.reliefs.iter().any(|r| r.category == *c))
            .collect();
        view! {
            <div class="chips" role="group" aria-label=t(lang, "res.filter")>
                {chip(None)}
                {used.into_iter().map(|c| chip(Some(c))).collect_view()}
            </div>
        }
    };

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
    // The lead needs no texts.bin: it is drawn at once, above the fold.
    let lead = move || {
        let lang = lang();
        let ev = ctx.eval.get();
        let as_of = ev.as_of;
        let ended = summary::ended_qualified(&ev).len();
        let back = summary::look_back(&ev).filter(|d| *d != as_of);
        view! {
            {(as_of != today).then(|| note(
                "notice info viewing",
                t(lang, "res.viewing").replace("{d}", &ymd(as_of)),
                Some((t(lang, "res.back_today").to_string(), today)),
            ))}
            <p class="summary" data-summary="">{summary_line(&ev, lang)}</p>
            {(ended > 0).then(|| note(
                "notice info ended-note",
                tn(lang, "res.ended_note", ended),
                back.map(|d| (t(lang, "res.look_back").replace("{d}", &ymd(d)), d)),
            ))}
        }
    };

    // "Answer more questions" only while a question is left, and not as the main button.
    let more = move || {
        ctx.eval
            .with(|ev| ctx.session.with(|s| s.plan(ctx.rs_now(), ev).is_some()))
    };

    view! {
        // Drawn only once the texts are here (app.rs, ResultsGate).
        <section class="results" data-texts="loaded" data-drawn=move || done.get().to_string() data-eval-us=move || ctx.eval.with(|_| ctx.eval_us.get_value()).to_string()>
            <h1 id="screen-title" tabindex="-1">{move || t(lang(), "res.title")}</h1>
            {lead}
            <details class="controls">
                <summary>{move || t(lang(), "res.controls")}</summary>
                <label class="field date">
                    <span>{move || t(lang(), "res.as_of")}</span>
                    <input type="date" min="2022-01-01" max="2031-12-31"
                        prop:value=move || ctx.session.with(|s| ymd(s.as_of))
                        on:change=set_date/>
                </label>
                <p class="hint">{move || t(lang(), "res.as_of_help")}</p>
                <div class="sort" role="group" aria-label=move || t(lang(), "res.sort")>
                    <button type="button" class="chip" aria-pressed=move || (sort.get() == Sort::Default).to_string()
                        on:click=move |_| sort.set(Sort::Default)>{move || t(lang(), "res.sort_default")}</button>
                    <button type="button" class="chip" aria-pressed=move || (sort.get() == Sort::EndDate).to_string()
                        on:click=move |_| sort.set(Sort::EndDate)>{move || t(lang(), "res.sort_date")}</button>
                </div>
                {categories}
            </details>
            {body}
            {move || done.get().then(|| view! { <Answers/><super::handoff::HandOff/> })}
            <div class="actions">
                {move || more().then(|| view! {
                    <button type="button" class="secondary" data-continue="" on:click=move |_| ctx.session.update(|s| s.begin(rs))>{t(lang(), "res.continue")}</button>
                })}
                <button type="button" class="secondary" on:click=move |_| ctx.print()>{move || t(lang(), "res.print")}</button>
                <button type="button" class="secondary" on:click=copy>{move || t(lang(), "res.copy")}</button>
                <button type="button" class="link" on:click=move |_| ctx.session.update(|s| s.reset(rs))>{move || t(lang(), "nav.restart")}</button>
            </div>
            <p class="status" role="status">{move || copied.get().map(|k| t(lang(), k))}</p>
        </section>
    }
}

/// A section of results that can be folded; its cards are only built when it is open, and a
/// long list shows its first few until asked for all (a cheap phone renders fast).
#[component]
fn Section(
    key: &'static str,
    id: &'static str,
    items: Vec<usize>,
    open: bool,
    ev: Arc<Evaluation<'static>>,
    /// Cards wait for the eligible ones (see ResultsScreen).
    ready: RwSignal<bool>,
) -> impl IntoView {
    const FIRST: usize = 8;
    let ctx = expect_context::<Ctx>();
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
                    <button type="button" class="secondary" on:click=move |_| all.set(true)>{tn(lang, "res.show_all", n)}</button>
                })}
            }
        })
    };
    view! {
        <section class="group" aria-labelledby=id>
            <details open=open on:toggle=move |ev| opened.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary><h2 id=id>{move || t(ctx.lang(), key)}" "<span class="count">{n}</span></h2></summary>
                {cards}
            </details>
        </section>
    }
}

#[component]
fn ReliefCard(ev: Arc<Evaluation<'static>>, i: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Only built once the texts are here (see the results body), from the whole rule set
    // the evaluation was made with.
    let rs = ctx.rs_now();
    let lang = ctx.lang();
    let r = &ev.results[i];
    let relief = r.relief;
    let doc = rs.doc_of(relief);
    let benefit = relief.benefit.get(lang).to_string();
    let caveat = relief.caveat.as_ref().map(|c| c.get(lang).to_string());
    let quote = relief.quote.clone();
    let (badge, badge_class) = match r.timing {
        Timing::InForce => ("relief.in_force", "badge ok"),
        Timing::Expired => ("relief.expired", "badge old"),
        Timing::NotYet => ("relief.not_yet", "badge soon"),
    };
    let amount = match (&r.amount, &relief.amount) {
        (Some(a), Some(def)) => Some((
            amount_text(a, def.per.name(), lang),
            def.basis.get(lang).to_string(),
        )),
        _ => None,
    };
    // A measure not in force was judged on a day of its own window: its reasons name that
    // day, not the date asked about.
    let anchor = r.window.as_ref().map(|_| r.judged_on);
    let (why, go) = ctx.session.with_untracked(|s| {
        (
            r.outcome
                .matched
                .iter()
                .map(|c| describe::reason(rs, c, &s.facts, lang, anchor))
                .collect::<Vec<_>>(),
            summary::office_for(rs, relief, &s.facts, lang),
        )
    });
    // Out of force: the amount is greyed with the day it ended (or starts), and the card
    // says whether the person qualified while it ran.
    let out = match (r.timing, relief.valid_until, relief.valid_from) {
        (Timing::Expired, Some(d), _) => Some(t(lang, "relief.ended_on").replace("{d}", &ymd(d))),
        (Timing::NotYet, _, Some(d)) => Some(t(lang, "relief.starts_on").replace("{d}", &ymd(d))),
        _ => None,
    };
    let ended = out.is_some();
    let window = r.window.as_ref().map(|w| match w.qualified {
        Some((a, b)) => (
            "window yes",
            match b {
                Some(b) => t(lang, "relief.window_yes").replace("{b}", &ymd(b)),
                None => t(lang, "relief.window_from").to_string(),
            }
            .replace("{a}", &ymd(a)),
        ),
        None => ("window no", t(lang, "relief.window_no").to_string()),
    });
    let go = go.map(|(office, phone)| match phone {
        Some(p) => format!("{office} · {} {p}", t(lang, "relief.call")),
        None => office,
    });
    let claim = relief.claim.map(|c| match c {
        Claim::Filing => t(lang, "relief.claim_filing"),
        Claim::Application => t(lang, "relief.claim_application"),
    });
    let card_id = format!("relief-{}", relief.id.replace('.', "-"));
    let needs: Vec<(usize, String)> = r
        .outcome
        .unknown
        .iter()
        .filter_map(|f| rs.questions.iter().position(|q| q.facts.contains(f)))
        .fold(Vec::new(), |mut v, q| {
            if !v.iter().any(|(x, _)| *x == q) {
                v.push((q, rs.questions[q].text.get(lang).to_string()));
            }
            v
        });
    let near = r.near_miss(rs).map(|c| {
        let mut s = describe::condition_on(rs, c, lang, anchor);
        if let Some(d) = ctx
            .session
            .with_untracked(|s| describe::date_when_met(c, &s.facts, r.judged_on))
        {
            s.push_str(&format!(
                "{}{} {}{}",
                t(lang, "p.open"),
                ymd(d),
                t(lang, "relief.holds_from"),
                t(lang, "p.close")
            ));
        }
        s
    });
    let overlap: Vec<String> = r
        .overlap
        .as_ref()
        .map(|o| {
            ev.results
                .iter()
                .enumerate()
                .filter(|(j, x)| {
                    *j != i && x.overlap.as_ref().is_some_and(|xo| xo.group == o.group)
                })
                .map(|(j, x)| {
                    let star = if o.best == j { " ★" } else { "" };
                    format!(
                        "{}{}{} {}{}{star}",
                        x.relief.title.get(lang),
                        t(lang, "p.open"),
                        rs.doc_of(x.relief).number,
                        articles_text(x.relief, lang),
                        t(lang, "p.close")
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let is_alternative = r.overlap.as_ref().is_some_and(|o| o.best != i);
    let articles = articles_text(relief, lang);
    let back_here = card_id.clone();
    view! {
        <article class="relief" class:alternative=is_alternative id=card_id data-relief=relief.id.clone()
            data-tier=match summary::Tier::of(relief) {
                summary::Tier::Money => "0",
                summary::Tier::Other => "1",
                summary::Tier::Service => "2",
            }>
            <header>
                <h3>{relief.title.get(lang).to_string()}</h3>
                <span class=badge_class>{t(lang, badge)}</span>
                {(relief.kind == Kind::Service).then(|| view! { <span class="badge service">{t(lang, "relief.service")}</span> })}
            </header>
            {amount.map(|(a, basis)| view! {
                <p class="amount" class:ended=ended data-amount=""><strong>{a}</strong>" "<span class="ended-on">{out}</span></p>
                <p class="basis">{t(lang, "relief.basis")}{t(lang, "p.colon")}{basis}</p>
            })}
            <p class="benefit">{benefit}</p>
            {caveat.map(|c| view! { <p class="caveat"><strong>{t(lang, "relief.note")}{t(lang, "p.colon")}</strong>{c}</p> })}
            {(relief.national && r.timing == Timing::Expired).then(|| view! { <p class="caveat">{relief_finder::catalog::national_note(lang, &relief.category)}</p> })}
            {(!overlap.is_empty()).then(|| view! {
                <p class="overlap">{t(lang, "relief.overlap")}" "{overlap.join(t(lang, "p.semi"))}</p>
            })}
            <dl class="facts">
                <dt>{t(lang, "relief.valid")}</dt>
                <dd>{dates(r, lang)}</dd>
                {window.map(|(class, text)| view! {
                    <dt>{t(lang, "relief.window")}</dt>
                    <dd class=class>{text}</dd>
                })}
                {(!why.is_empty() && r.eligibility == Eligibility::Eligible).then(|| view! {
                    <dt>{t(lang, "relief.why")}</dt>
                    <dd><ul class="why">{why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul></dd>
                })}
                {near.map(|n| view! {
                    <dt>{t(lang, "relief.why_not")}</dt>
                    <dd>{n}</dd>
                })}
                {(!needs.is_empty()).then(|| view! {
                    <dt>{t(lang, "relief.needs")}</dt>
                    <dd class="needs">{needs.into_iter().map(|(q, text)| view! {
                        <button type="button" class="secondary small" on:click={
                            let id = back_here.clone();
                            move |_| {
                                ctx.return_to.set_value(Some(id.clone()));
                                ctx.session.update(|s| s.edit(q));
                            }
                        }>
                            {t(lang, "relief.answer")}{t(lang, "p.colon")}{text}
                        </button>
                    }).collect_view()}</dd>
                })}
                <dt>{t(lang, "relief.go")}</dt>
                <dd class="go">{go}</dd>
                {claim.map(|c| view! {
                    <dt>{t(lang, "relief.claim")}</dt>
                    <dd class="claim">{c}</dd>
                })}
                {(!relief.channels.is_empty()).then(|| view! {
                    <dt>{t(lang, "relief.channels")}</dt>
                    <dd>{names(&relief.channels, lang)}</dd>
                })}
            </dl>
            <details class="depts">
                <summary>{tn(lang, "relief.depts", relief.apply_to.len())}</summary>
                <p>{names(&relief.apply_to, lang)}</p>
            </details>
            <details class="clause">
                <summary>{t(lang, "relief.clause")}" · "{doc.number.clone()}" "{articles.clone()}</summary>
                <blockquote lang="zh-CN">{quote}</blockquote>
                <p class="cite"><span lang="zh-CN">{doc.issuer.clone()}"《"{doc.title.clone()}"》（"{doc.number.clone()}"）"</span>{articles}</p>
            </details>
        </article>
    }
}

#[component]
fn Answers() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let rs = ctx.rs();
        ctx.session.with(|s| {
            let rows = s
                .history
                .iter()
                .map(|q| {
                    let q = *q;
                    let question = &rs.questions[q];
                    let answer = if s.not_sure.contains(&q) {
                        t(lang, "res.unanswered").to_string()
                    } else {
                        question
                            .facts
                            .iter()
                            .filter_map(|f| {
                                s.facts
                                    .get(*f)
                                    .map(|v| describe::value(rs.fact(*f), v, lang))
                            })
                            .collect::<Vec<_>>()
                            .join(t(lang, "p.semi"))
                    };
                    let id = format!("answer-{q}");
                    view! {
                        <li>
                            <span class="q">{question.text.get(lang).to_string()}</span>
                            <span class="a">{answer}</span>
                            <button type="button" class="link" id=id.clone() on:click=move |_| {
                                ctx.return_to.set_value(Some(id.clone()));
                                ctx.session.update(|s| s.edit(q));
                            }>{t(lang, "res.edit")}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="answers" aria-labelledby="sec-answers">
                    <h2 id="sec-answers">{t(lang, "res.answers")}</h2>
                    <ul>{rows}</ul>
                </section>
            }
        })
    }
}
