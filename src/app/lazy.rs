//! The part of the app that the start page and the questions do not need: the results
//! screen, the printout and the kiosk's take-away dock, with everything only they reach
//! (the cards, the QR encoder, the printout's HTML, the results' summary).
//!
//! Each function here is a split point (`wasm_split_helpers`, re-exported by Leptos): the
//! release build (`tools/split.sh`, run by Trunk's post-build hook) moves what only these
//! functions reach into a wasm of its own, `rest-<hash>.wasm`, fetched together with
//! `texts.bin` once the person leaves the start screen (or by `boot.js` at once, for a link
//! that opens further on). The app draws them only after [`preload`] has succeeded (the
//! texts' state says so), so the calls below never wait. A load that fails is not cached:
//! the results' retry button tries again. Without the split (a debug build, `trunk serve`),
//! the same functions are ordinary code and load at once.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::{handoff, print, results};

/// The results screen.
#[wasm_split(rest, wasm_split_path = ::leptos::wasm_split, preload(preload), fallible)]
pub fn results_screen() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <results::ResultsScreen/> }.into_any())
}

/// The printout, drawn in place of the screen when the person prints.
#[wasm_split(rest, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn print_sheet() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <print::PrintSheet/> }.into_any())
}

/// The kiosk's 带走结果 dock on the results.
#[wasm_split(rest, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn dock(open: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <handoff::Dock open=open/> }.into_any())
}

/// Draw what a split function returns; nothing if its wasm could not be loaded (the
/// texts' state is `Failed` then, and the results say so with a retry).
pub fn draw<F>(part: F) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    Suspend::new(send_wrapper::SendWrapper::new(async move { part.await.ok() }))
}
