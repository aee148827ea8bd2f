//! The part of the app that the start page and the questions do not need: the results
//! screen, the printout and the kiosk's take-away dock, with everything only they reach
//! (the cards, the QR encoder, the printout's HTML, the results' summary).
//!
//! Each function here is a split point (`wasm_split_helpers`, re-exported by Leptos): the
//! release build (`tools/split.sh`, run by Trunk's post-build hook) moves what only these
//! functions reach into a wasm of its own, `rest-<hash>.wasm`, fetched together with
//! the texts (`texts-zh.bin` or `texts-en.bin`) once the person leaves the start screen (or by `boot.js` at once, for a link
//! that opens further on). The app draws them only after [`preload`] has succeeded (the
//! texts' state says so), so the calls below never wait. A load that fails is not cached:
//! the results' retry button tries again. Every Trunk build splits (a debug build only skips
//! wasm-opt): the main wasm imports the loader, so it cannot run unsplit.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::{handoff, print, results};

/// The results screen.
#[wasm_split(rest, wasm_split_path = ::leptos::wasm_split, preload(preload_results), fallible)]
pub fn results_screen() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <results::ResultsScreen/> }.into_any())
}

/// The printout, drawn in place of the screen when the person prints.
#[wasm_split(rest, wasm_split_path = ::leptos::wasm_split, preload(preload_print), fallible)]
pub fn print_sheet() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <print::PrintSheet/> }.into_any())
}

/// The kiosk's 带走结果 dock on the results.
#[wasm_split(rest, wasm_split_path = ::leptos::wasm_split, preload(preload_dock), fallible)]
pub fn dock(open: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <handoff::Dock open=open/> }.into_any())
}

/// Load the results' wasm. Each split function keeps its own record of the load (the
/// browser fetches the file once): all are awaited here, so that [`draw`] finds each ready.
pub async fn preload() -> Result<(), SplitLoaderError> {
    preload_results().await?;
    preload_print().await?;
    preload_dock().await
}

/// Draw what a split function returns. It is only called once [`preload`] has succeeded
/// (the texts' state is `Loaded`), so the call completes at once: no `Suspend`, no second
/// paint. Should it not (a bug), nothing is drawn rather than the app stopping.
pub fn draw<F>(part: F) -> Option<AnyView>
where
    F: std::future::Future<Output = Result<AnyView, SplitLoaderError>>,
{
    futures::FutureExt::now_or_never(Box::pin(part)).and_then(Result::ok)
}
