//! The Leptos app: it renders the engine's [`Session`] and forwards clicks to it. All
//! decisions (what to ask, who qualifies, what a link means) are the engine's.

mod browser;
mod handoff;
mod lazy;
mod print;
mod question;
mod results;

use leptos::prelude::*;
use relief_finder::engine::link::{self, Display, LinkError};
use relief_finder::engine::{Evaluation, Screen, Session};
use relief_finder::model::{Lang, RuleSet};
use relief_finder::present::header::{self, Notice};
use relief_finder::present::kiosk::{self, Idle};
use relief_finder::present::texts::{self, TextsState};
use relief_finder::present::{t, tn, Msg};
use relief_finder::ruleset;
use std::sync::Arc;

/// What every component reads: the rule set and the reactive state.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The rule set: the embedded core, then with the texts of each language that has
    /// been on screen since the person left the start screen (`texts-zh.bin`,
    /// `texts-en.bin`).
    pub rules: RwSignal<&'static RuleSet>,
    /// Where the texts of the language on screen stand (and the results' own wasm).
    pub texts: RwSignal<TextsState>,
    pub session: RwSignal<Session>,
    pub display: RwSignal<Display>,
    pub notice: RwSignal<Option<Notice>>,
    /// Every relief evaluated for the current session: computed once per change and shared
    /// by the header, the question and the results.
    pub eval: Memo<Arc<Evaluation<'static>>>,
    /// How long the last evaluation took, in microseconds (read by bench/browser.mjs; an
    /// integer, since formatting a float would add ~9 KB to the wasm).
    pub eval_us: StoredValue<u32>,
    /// The element of the results to come back to after changing one answer there (its row
    /// of the answer list, or the card that asked), rather than the top of the page.
    pub return_to: StoredValue<Option<String>>,
    /// The printout (print::PrintSheet) is drawn: from the first time it is asked for.
    pub printing: RwSignal<bool>,
    /// The clauses quoted (`quotes.bin`), fetched when a card's clause is first opened.
    pub quotes: RwSignal<Quotes>,
}

/// Where the clauses quoted stand: one per relief, in the rule set's order, once here.
#[derive(Clone, Copy, PartialEq)]
pub enum Quotes {
    Idle,
    Loading,
    Loaded(&'static [String]),
    /// Offline without a cached copy, or a copy for another rule set: opening a clause
    /// again tries again.
    Failed,
}

impl Ctx {
    /// The language on screen: the one chosen, except that English waits for its texts
    /// (`texts-en.bin` brings the interface's English too, `catalog`): until they are here
    /// the page stays Chinese, rather than half of each.
    pub fn lang(&self) -> Lang {
        match self.display.with(|d| d.lang) {
            Lang::En if !self.rules.with(|rs| rs.has_texts(Lang::En)) => Lang::Zh,
            lang => lang,
        }
    }

    /// The rule set, tracked: what reads it is redrawn when the texts arrive.
    pub fn rs(&self) -> &'static RuleSet {
        self.rules.get()
    }

    /// The rule set, untracked: enough for the engine's ids, conditions and amounts.
    pub fn rs_now(&self) -> &'static RuleSet {
        self.rules.get_untracked()
    }

    /// Back (上一步): the browser's own back where the screen before is one of the app's
    /// history entries, so that the button and the browser agree; otherwise (a kiosk adds
    /// no entries; a link opened on a question has none before it) the session's.
    pub fn back(self) {
        let kiosk = self.display.with_untracked(|d| d.kiosk);
        if !kiosk && browser::history_depth().is_some_and(|d| d > 0) {
            browser::history_back();
        } else {
            self.session.update(Session::back);
        }
    }

    /// Print the results: draw the printout, then open the print dialog once it is drawn.
    pub fn print(self) {
        self.printing.set(true);
        set_timeout(browser::print, std::time::Duration::ZERO);
    }

    /// Fetch the texts of the language on screen (unless they are here) and the results'
    /// own wasm, and swap in the rule set with those texts.
    pub fn load_texts(self) {
        let lang = self.display.with_untracked(|d| d.lang);
        match self.texts.get_untracked() {
            TextsState::Loading => return,
            TextsState::Loaded if self.rules.get_untracked().has_texts(lang) => return,
            _ => {}
        }
        self.texts.set(TextsState::Loading);
        leptos::task::spawn_local(async move {
            match whole_rules(self.rules.get_untracked(), lang, true).await {
                Some(rs) => {
                    self.rules.set(rs);
                    self.texts.set(TextsState::Loaded);
                }
                None => self.texts.set(TextsState::Failed),
            }
        });
    }

    /// The texts are here (a link that opened on a question): load the results' own wasm
    /// behind the questions, and only then say `Loaded`.
    fn finish_rest(self) {
        leptos::task::spawn_local(async move {
            let done = lazy::preload().await.is_ok();
            self.texts.set(if done {
                TextsState::Loaded
            } else {
                TextsState::Failed
            });
        });
    }
}

/// The rule set `rs` with the texts of `lang` restored ([`texts::restore`]; `rs` itself if
/// they are here already), or `None` if they cannot be fetched or belong to another rule
/// set. Done at most once per language and page, so the rule set is leaked: it lives as
/// long as the page. With `rest`, the results' own wasm (lazy.rs) is loaded alongside and
/// must come too: results are drawn once both are here.
async fn whole_rules(rs: &'static RuleSet, lang: Lang, rest: bool) -> Option<&'static RuleSet> {
    let rest = async move { !rest || lazy::preload().await.is_ok() };
    if rs.has_texts(lang) {
        return rest.await.then_some(rs);
    }
    let file = relief_finder::model::Texts::file(relief_finder::model::Part::of(lang));
    let (bytes, rest) = futures::future::join(browser::fetch_bytes(file), rest).await;
    if !rest {
        return None;
    }
    Some(Box::leak(Box::new(texts::restore(rs, lang, &bytes?)?)))
}

/// What the app starts with: the state from the link, and the rule set with where its
/// texts stand (whole if they were needed before the first paint).
struct Init {
    session: Session,
    display: Display,
    notice: Option<Notice>,
    rules: &'static RuleSet,
    texts: TextsState,
}

/// Mount the app on the page.
pub fn start() {
    let rs = ruleset::embedded();
    let (session, display, notice) = load(rs, &browser::hash());
    // A link that opens on the results, or in English, needs its language's texts before
    // its first paint (boot.js has been fetching them alongside the wasm, and the results'
    // own wasm): wait for them with the static screen up, rather than paint the page twice
    // and shift it. Only the results wait for their wasm too. A question in Chinese mounts
    // at once, and the texts and the results' wasm (preloaded just the same) come behind.
    if texts::needed_before_paint(&session, &display) {
        let results = session.screen == Screen::Results;
        // Leptos's executor starts with the mount, so the plain wasm-bindgen one here.
        wasm_bindgen_futures::spawn_local(async move {
            let (rules, texts) = match whole_rules(rs, display.lang, results).await {
                Some(whole) if results => (whole, TextsState::Loaded),
                Some(whole) => (whole, TextsState::Loading),
                None => (rs, TextsState::Failed),
            };
            // Mount in a task of its own, so that neither blocks the page for long.
            set_timeout(
                move || {
                    mount(Init {
                        session,
                        display,
                        notice,
                        rules,
                        texts,
                    })
                },
                std::time::Duration::ZERO,
            );
        });
    } else {
        // In a task of its own, after the one that compiled and started the wasm: two
        // shorter tasks rather than one long one that blocks the page.
        let init = Init {
            session,
            display,
            notice,
            rules: rs,
            texts: TextsState::Idle,
        };
        set_timeout(move || mount(init), std::time::Duration::ZERO);
    }
}

fn mount(init: Init) {
    // index.html shows a static start screen while the wasm loads; the app replaces it.
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("preboot"))
    {
        el.remove();
    }
    leptos::mount::mount_to_body(move || app(init));
}

/// Session, display and notice from a fragment; a damaged link starts fresh and says so.
fn load(rs: &'static RuleSet, fragment: &str) -> (Session, Display, Option<Notice>) {
    let today = browser::today();
    match link::decode(rs, fragment, today) {
        Ok(d) => {
            let notice = d
                .other_ruleset
                .then(|| Notice::LinkOld(d.dropped.clone(), d.unreadable));
            (d.session, d.display, notice)
        }
        Err(LinkError::Damaged(_)) => (
            Session::new(rs, today),
            link::display_only(fragment),
            Some(Notice::LinkDamaged),
        ),
    }
}

fn app(init: Init) -> impl IntoView {
    let rs = ruleset::embedded();
    let ctx = context(init);
    provide_context(ctx);
    // Opened on a question with the texts here: the results' wasm comes behind.
    if ctx.texts.get_untracked() == TextsState::Loading {
        ctx.finish_rest();
    }

    // The texts come once the person has left the start screen or chosen English (the
    // start page's own load stays as small as it can be; boot.js preloads them when the
    // link opens further on), those of the language on screen: again when the person
    // switches to a language whose texts have not come yet.
    Effect::new(move |_| {
        let (needed, lang) = ctx
            .session
            .with(|s| ctx.display.with(|d| (texts::needed(s, d), d.lang)));
        let missing = match ctx.texts.get() {
            TextsState::Idle => true,
            TextsState::Loaded => !ctx.rules.get_untracked().has_texts(lang),
            TextsState::Loading | TextsState::Failed => false,
        };
        if needed && missing {
            ctx.load_texts();
        }
    });
    follow_address(ctx, rs);

    // The document language follows the switch, for screen readers and fonts.
    Effect::new(move |_| {
        let lang = if ctx.lang() == Lang::En {
            "en"
        } else {
            "zh-CN"
        };
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang);
        }
    });
    let idle = KioskIdle::start(ctx);
    report_height(ctx);

    // A printout is its own short sheet (print::PrintSheet), drawn when it is asked for:
    // by the print buttons, or before the browser prints (its menu, Ctrl+P).
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| ctx.printing.set(true));

    // A new version is installed and waiting (static/sw-register.js says so).
    let update = RwSignal::new(false);
    let _ = window_event_listener_untyped("relief:update-ready", move |_| update.set(true));

    let screen = move || ctx.session.with(|s| s.screen);
    view! {
        <div class="app"
            class:kiosk=move || ctx.display.with(|d| d.kiosk)
            class:embed=move || ctx.display.with(|d| d.embed)
            class:big=move || ctx.display.with(|d| d.big)>
            <Header/>
            <NoticeBar/>
            {move || update.get().then(|| view! {
                <div class="notice info" role="status">
                    <p>{t(ctx.lang(), Msg::AppUpdate)}</p>
                    <button type="button" class="primary" on:click=move |_| browser::apply_update()>{t(ctx.lang(), Msg::AppUpdateNow)}</button>
                </div>
            })}
            {idle.dialog(ctx)}
            <main id="main">
                {move || match screen() {
                    Screen::Start => view! { <handoff::HallCheck/><StartScreen/> }.into_any(),
                    Screen::Question(q) => view! { <question::QuestionScreen q=q/> }.into_any(),
                    Screen::Results => view! { <ResultsGate/> }.into_any(),
                }}
            </main>
            <footer class="footer">
                <p>{move || t(ctx.lang(), Msg::AppPrivacy)}</p>
                <p class="version">{move || t(ctx.lang(), Msg::AppRuleset)}" "{rs.short_version()}</p>
            </footer>
            {move || (ctx.display.with(|d| d.kiosk) && ctx.texts.get() == TextsState::Loaded)
                .then(|| lazy::draw(lazy::dock(idle.take_away)))}
            {move || (screen() == Screen::Results && ctx.printing.get() && ctx.texts.get() == TextsState::Loaded)
                .then(|| lazy::draw(lazy::print_sheet()))}
        </div>
    }
}

/// The app's state, from what it starts with.
fn context(init: Init) -> Ctx {
    let rules = RwSignal::new(init.rules);
    let session = RwSignal::new(init.session);
    let eval_us = StoredValue::new(0u32);
    let eval = Memo::new_owning(move |_| {
        let rs = rules.get();
        let t0 = browser::perf_now();
        let ev = Arc::new(session.with(|s| s.evaluate(rs)));
        eval_us.set_value(((browser::perf_now() - t0) * 1000.0) as u32);
        (ev, true)
    });
    Ctx {
        rules,
        texts: RwSignal::new(init.texts),
        session,
        eval,
        eval_us,
        return_to: StoredValue::new(None),
        display: RwSignal::new(init.display),
        notice: RwSignal::new(init.notice),
        printing: RwSignal::new(false),
        quotes: RwSignal::new(Quotes::Idle),
    }
}

/// The address bar follows the state: a new history entry for each screen moved forward to,
/// so that the browser's back button steps back through the questionnaire. A move the
/// browser made itself (back, forward) only updates its entry with the answers.
fn follow_address(ctx: Ctx, rs: &'static RuleSet) {
    let navigated = StoredValue::new(false);
    Effect::new(move |prev: Option<(Screen, String)>| {
        let frag = ctx
            .session
            .with(|s| ctx.display.with(|d| link::encode(rs, s, d)));
        let screen = ctx.session.with(|s| s.screen);
        let by_browser = navigated.get_value();
        navigated.set_value(false);
        if frag != browser::hash() || browser::history_depth().is_none() {
            // A kiosk never adds history entries: the back button must not reveal the
            // previous person's answers.
            let kiosk = ctx.display.with(|d| d.kiosk);
            let push = !kiosk && !by_browser && prev.as_ref().is_some_and(|(sc, _)| *sc != screen);
            browser::set_hash(&frag, push);
        }
        if prev.as_ref().is_none_or(|(sc, _)| *sc != screen) {
            if prev.is_some() {
                browser::scroll_top();
            }
            browser::focus("screen-title");
        }
        (screen, frag)
    });

    // Back and forward between the app's own entries move the screen and keep every
    // answer given since (back means back, never "undo"). Any other change of the
    // fragment (a link pasted into the same tab) is read whole.
    let reload = move || {
        let frag = browser::hash();
        let current = ctx
            .session
            .with_untracked(|s| ctx.display.with_untracked(|d| link::encode(rs, s, d)));
        if frag == current {
            return;
        }
        if browser::history_depth().is_some() {
            if let Ok(d) = link::decode(rs, &frag, browser::today()) {
                navigated.set_value(true);
                ctx.session.update(|s| {
                    s.screen = d.session.screen;
                    s.return_to_results = d.session.return_to_results;
                });
                return;
            }
        }
        let (s, d, n) = load(rs, &frag);
        ctx.session.set(s);
        ctx.display.set(d);
        if n.is_some() {
            ctx.notice.set(n);
        }
    };
    let _ = window_event_listener(leptos::ev::popstate, move |_| reload());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| reload());
}

/// Embedded in a page (WeChat web-view host, iframe): report the height as it changes.
fn report_height(ctx: Ctx) {
    let last_height = StoredValue::new(0);
    let _ = set_interval_with_handle(
        move || {
            if ctx.display.with_untracked(|d| d.embed) {
                let h = browser::content_height();
                if h != last_height.get_value() {
                    last_height.set_value(h);
                    browser::post_height(h);
                }
            }
        },
        std::time::Duration::from_millis(300),
    );
}

/// The kiosk's idle clock: the policy (when to warn, when to wipe) is `present::kiosk`'s;
/// here only the time since the last touch, the dialog and the wipe. A touch only restarts
/// the count: the dialog's own buttons decide (a touch that closed it would swallow the tap
/// on "I am done, wipe now").
#[derive(Clone, Copy)]
struct KioskIdle {
    last_activity: StoredValue<f64>,
    /// The seconds left before the wipe, while the dialog is up.
    warning: RwSignal<Option<u32>>,
    /// The kiosk's take-away panel is open.
    take_away: RwSignal<bool>,
}

impl KioskIdle {
    /// Listen for touches and keys, and look at the clock once a second.
    fn start(ctx: Ctx) -> KioskIdle {
        let idle = KioskIdle {
            last_activity: StoredValue::new(browser::now_ms()),
            warning: RwSignal::new(None),
            take_away: RwSignal::new(false),
        };
        let touch = move || idle.last_activity.set_value(browser::now_ms());
        let _ = window_event_listener(leptos::ev::pointerdown, move |_| touch());
        let _ = window_event_listener(leptos::ev::keydown, move |_| touch());
        let _ = window_event_listener(leptos::ev::scroll, move |_| touch());
        let _ = set_interval_with_handle(
            move || {
                let since = browser::now_ms() - idle.last_activity.get_value();
                let now = ctx.session.with_untracked(|s| {
                    ctx.display
                        .with_untracked(|d| kiosk::idle(s, d, (since / 1000.0) as u32))
                });
                match now {
                    Idle::Wipe => idle.wipe(ctx),
                    Idle::Warn(left) => idle.warning.set(Some(left)),
                    Idle::Quiet if idle.warning.get_untracked().is_some() => idle.warning.set(None),
                    Idle::Quiet => {}
                }
            },
            std::time::Duration::from_secs(1),
        );
        idle
    }

    /// "继续使用": the count starts again.
    fn keep_going(self) {
        self.last_activity.set_value(browser::now_ms());
        self.warning.set(None);
    }

    /// The next person finds the start screen as the hall set it up: no answer on screen,
    /// in the address bar, in storage or in the history.
    fn wipe(self, ctx: Ctx) {
        self.warning.set(None);
        self.take_away.set(false);
        browser::clear_storage();
        ctx.notice.set(None);
        ctx.display.update(|d| *d = d.after_reset());
        ctx.session
            .set(Session::new(ruleset::embedded(), browser::today()));
        self.last_activity.set_value(browser::now_ms());
    }

    /// "您还在使用吗？" with the seconds left and the two ways on.
    fn dialog(self, ctx: Ctx) -> impl IntoView {
        move || {
            self.warning.get().map(|left| view! {
            <div class="idle-overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title">
                <div class="idle-box">
                    <h2 id="idle-title">{t(ctx.lang(), Msg::KioskStillThere)}</h2>
                    <p>{tn(ctx.lang(), Msg::KioskWipeIn, left)}</p>
                    <div class="actions">
                        <button type="button" class="primary big-button" on:click=move |_| self.keep_going()>{t(ctx.lang(), Msg::KioskContinue)}</button>
                        <button type="button" class="secondary" on:click=move |_| self.wipe(ctx)>{t(ctx.lang(), Msg::KioskFinish)}</button>
                    </div>
                </div>
            </div>
        })
        }
    }
}

/// The results: drawn by their own wasm (lazy.rs) once it and the texts are here; until
/// then, say so, and if they cannot come, offer to try again.
#[component]
fn ResultsGate() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let state = ctx.texts.get();
        let body = match state {
            TextsState::Loaded => return lazy::draw(lazy::results_screen()).into_any(),
            TextsState::Failed => view! {
                <div class="notice" role="alert">
                    <p>{t(lang, Msg::ResTextsFailed)}</p>
                    <button type="button" class="primary" on:click=move |_| ctx.load_texts()>{t(lang, Msg::ResRetry)}</button>
                </div>
            }
            .into_any(),
            TextsState::Idle | TextsState::Loading => {
                view! { <p class="loading" role="status">{t(lang, Msg::ResTextsLoading)}</p> }.into_any()
            }
        };
        view! {
            <section class="results" data-texts=state.attr()>
                <h1 id="screen-title" tabindex="-1">{t(lang, Msg::ResTitle)}</h1>
                {body}
            </section>
        }
        .into_any()
    }
}

#[component]
fn Header() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    let toggle_lang = move |_| {
        ctx.display.update(|d| {
            d.lang = if d.lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            }
        })
    };
    let toggle_big = move |_| ctx.display.update(|d| d.big = !d.big);
    // English was chosen but its texts could not come (the results say so themselves).
    let english_failed = move || {
        ctx.display.with(|d| d.lang) == Lang::En
            && lang() == Lang::Zh
            && ctx.texts.get() == TextsState::Failed
            && ctx.session.with(|s| s.screen != Screen::Results)
    };
    let progress = move || {
        ctx.eval.with(|ev| {
            ctx.session
                .with(|s| header::progress(ctx.rs_now(), s, ev, lang()))
        })
    };
    view! {
        <header class="header">
            <div class="brand">
                <span class="name">{move || t(lang(), Msg::AppName)}</span>
                <span class="tagline">{move || t(lang(), Msg::AppTagline)}</span>
            </div>
            <div class="tools">
                <button type="button" class="tool" on:click=toggle_big
                    aria-pressed=move || ctx.display.with(|d| d.big.to_string())>
                    {move || t(lang(), Msg::NavBig)}
                </button>
                <button type="button" class="tool" on:click=toggle_lang
                    aria-label=move || t(lang(), Msg::NavLanguageLabel)
                    lang=move || if lang() == Lang::Zh { "en" } else { "zh-CN" }>
                    {move || t(lang(), Msg::NavLanguage)}
                </button>
            </div>
            {move || english_failed().then(|| view! {
                <div class="notice" role="alert">
                    <p>{t(Lang::Zh, Msg::LangEnFailed)}</p>
                    <button type="button" on:click=move |_| ctx.load_texts()>{t(Lang::Zh, Msg::ResRetry)}</button>
                </div>
            })}
            {move || progress().map(|p| view! {
                <div class="progress" role="status" aria-live="polite">
                    <span class="step">{p.step}</span>
                    <span class="found">{p.found}</span>
                </div>
            })}
        </header>
    }
}

#[component]
fn NoticeBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        ctx.notice.get().map(|n| {
            view! {
                <div class="notice" role="alert">
                    <p>{n.text(lang)}</p>
                    <button type="button" on:click=move |_| ctx.notice.set(None)>{t(lang, Msg::ErrDismiss)}</button>
                </div>
            }
        })
    }
}

#[component]
fn StartScreen() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    let begin = move |_| ctx.session.update(|s| s.begin(ctx.rs_now()));
    view! {
        <section class="start">
            <h1 id="screen-title" tabindex="-1">{move || t(lang(), Msg::AppTagline)}</h1>
            <p class="lead">{move || t(lang(), Msg::StartLead)}</p>
            <button type="button" class="primary big-button" on:click=begin>{move || t(lang(), Msg::StartBegin)}</button>
            <p class="counts">{move || header::start_counts(ctx.rs_now(), lang())}</p>
            <ul class="docs">
                {ctx.rs_now().documents.iter().map(|d| view! { <li>{d.number.clone()}" "{d.title.clone()}</li> }).collect_view()}
            </ul>
        </section>
    }
}
