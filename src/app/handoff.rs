//! Taking the results away: the QR code of a compact link that a phone opens, the kiosk's
//! "带走结果" within reach at the foot of the screen, and the check, on the kiosk's start
//! screen, that the hall's hand-off address is one a phone can open. The link and the
//! check are the engine's (`engine::link`), the code is `qr`'s; this only draws them.

use leptos::prelude::*;
use relief_finder::engine::link::{self, HandoffError};
use relief_finder::engine::Screen;
use relief_finder::model::Lang;
use relief_finder::present::printout::esc;
use relief_finder::present::{t, Msg};
use relief_finder::qr;

use super::{browser, Ctx};

/// The address a phone opens for these results, or why there is none.
fn phone_link(ctx: Ctx) -> Result<String, HandoffError> {
    let base = ctx
        .display
        .with(|d| link::handoff_base(d.handoff.as_deref(), &browser::href()))?;
    let frag = ctx.session.with(|s| {
        ctx.display
            .with(|d| link::encode_compact(ctx.rs_now(), s, d))
    });
    Ok(format!("{base}#{frag}"))
}

/// What a hall's staff must fix, in words.
fn problem(lang: Lang, e: &HandoffError) -> String {
    match e {
        HandoffError::Missing => t(lang, Msg::HandoffMissing).to_string(),
        HandoffError::Unusable(a) => format!("{} {a}", t(lang, Msg::HandoffUnusable)),
    }
}

/// The phone link's QR code: its SVG, as large as fits in `max_px` pixels but never under
/// 4 pixels a module, its version and its pixels a module.
fn code(ctx: Ctx, max_px: usize) -> Result<Option<(String, u8, usize)>, HandoffError> {
    Ok(qr::encode(phone_link(ctx)?.as_bytes()).map(|code| {
        let scale = (max_px / (code.size + 2 * qr::QUIET)).max(4);
        (code.svg(scale), code.version, scale)
    }))
}

/// The SVG of the phone link's QR code (see [`code`]), if a phone can open it.
pub fn qr_svg(ctx: Ctx, max_px: usize) -> Option<String> {
    code(ctx, max_px).ok().flatten().map(|(svg, _, _)| svg)
}

/// The QR code of the phone link (see [`code`]) as HTML, or, where a phone could not open
/// it, what the hall must fix. Built as a string: a few view branches cost the first load
/// more than this.
fn qr_html(ctx: Ctx, max_px: usize) -> String {
    let lang = ctx.lang();
    match code(ctx, max_px) {
        Ok(Some((svg, version, scale))) => format!(
            "<figure class=\"qr\" role=\"img\" aria-label=\"{}\" data-version=\"{version}\" data-scale=\"{scale}\">{svg}</figure>",
            t(lang, Msg::ResQrAlt)
        ),
        Ok(None) => String::new(),
        Err(e) => format!("<p class=\"notice\">{}</p>", esc(&problem(lang, &e))),
    }
}

/// At the end of the results: the code to carry them to a phone.
#[component]
pub fn HandOff() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <section class="handoff" aria-labelledby="sec-qr">
            <h2 id="sec-qr">{move || t(ctx.lang(), Msg::ResQr)}</h2>
            <div inner_html=move || qr_html(ctx, 296)></div>
        </section>
    }
}

/// The kiosk's start screen tells the hall's staff when its QR codes could not be opened
/// by a phone (the page is served from the kiosk itself and no `handoff=` is set, or the
/// one set is local).
#[component]
pub fn HallCheck() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let kiosk = ctx.display.with(|d| d.kiosk);
        let check = ctx
            .display
            .with(|d| link::handoff_base(d.handoff.as_deref(), &browser::href()));
        match check {
            Err(e) if kiosk => Some(view! {
                <div class="notice hall" role="status"><p>{problem(ctx.lang(), &e)}</p></div>
            }),
            _ => None,
        }
    }
}

/// The kiosk's dock at the foot of the screen, where a standing person reaches: on the
/// results, "带走结果" opens the QR code and the print button above it, without scrolling.
#[component]
pub fn Dock(open: RwSignal<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        browser::focus(if open.get_untracked() {
            "take-away-title"
        } else {
            "take-away"
        });
    };
    // Drawn whole when the screen, the language or the panel changes: fewer reactive parts
    // than a switch per text, and the first load carries less.
    move || {
        let lang = ctx.lang();
        let open_now = open.get();
        ctx.session.with(|s| s.screen == Screen::Results).then(|| view! {
            <div class="dock">
                <button type="button" id="take-away" class="primary take-away" aria-controls="take-away-panel"
                    aria-expanded=open_now.to_string() on:click=toggle>{t(lang, Msg::KioskTakeAway)}</button>
            </div>
            {open_now.then(|| view! {
                <section id="take-away-panel" class="take-away-panel" role="dialog" aria-labelledby="take-away-title">
                    <h2 id="take-away-title" tabindex="-1">{t(lang, Msg::KioskTakeAway)}</h2>
                    <p>{t(lang, Msg::KioskTakeAwayHelp)}</p>
                    <div inner_html=move || qr_html(ctx, 600)></div>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| ctx.print()>{t(lang, Msg::ResPrint)}</button>
                        <button type="button" class="secondary" on:click=toggle>{t(lang, Msg::KioskClose)}</button>
                    </div>
                </section>
            })}
        })
    }
}
