//! The printout: a sheet of its own, printed in place of the screen (see `@media print` in
//! style.css). Its content is `present::printout::html`'s; this only puts it on the page,
//! with the QR code of the phone link at 4 pixels a module.

use leptos::prelude::*;
use relief_finder::present::printout;
use relief_finder::present::texts::TextsState;

use super::{browser, handoff, Ctx};

#[component]
pub fn PrintSheet() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        (ctx.texts.get() == TextsState::Loaded).then(|| {
            let ev = ctx.eval.get();
            let qr = handoff::qr_svg(ctx, 0);
            let html = ctx.session.with(|s| {
                printout::html(
                    ctx.rs(),
                    &ev,
                    s,
                    ctx.lang(),
                    browser::today(),
                    qr.as_deref(),
                )
            });
            view! { <div class="print-sheet" inner_html=html></div> }
        })
    }
}
