//! The few browser calls the app makes: the URL fragment and history, today's date, focus,
//! print and the clipboard. Each fails quietly: a missing API must not take the page down.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;

/// The current fragment, without `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Put `fragment` in the address bar: a new history entry when `push`, else in place. Each
/// entry the app writes carries its depth (the number of entries the app pushed before it)
/// as its state, so that the app knows which entries are its own screens.
pub fn set_hash(fragment: &str, push: bool) {
    let Some(w) = web_sys::window() else { return };
    let Ok(h) = w.history() else { return };
    let url = format!("#{fragment}");
    let depth = history_depth().unwrap_or(0);
    let _ = if push {
        h.push_state_with_url(&(depth + 1).into(), "", Some(&url))
    } else {
        h.replace_state_with_url(&depth.into(), "", Some(&url))
    };
}

/// The depth of the current history entry if the app wrote it (see [`set_hash`]).
pub fn history_depth() -> Option<u32> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    state.as_f64().map(|d| d as u32)
}

/// The browser's own back.
pub fn history_back() {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.back();
    }
}

/// Today in the device's time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default())
}

/// Move keyboard and screen-reader focus to the element with this id, after rendering (the
/// browser scrolls it into view).
pub fn focus(id: &str) {
    let id = id.to_string();
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}

/// Open the print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The page's full address, for sharing.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Copy text to the clipboard: true once the browser says it is copied, false when it
/// refuses (no permission, no clipboard on a page that is not secure). The asynchronous
/// clipboard where there is one, else the older `execCommand("copy")`.
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let nav = w.navigator();
    let api = js_sys::Reflect::get(&nav, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if api {
        let written = nav.clipboard().write_text(text);
        return wasm_bindgen_futures::JsFuture::from(written).await.is_ok();
    }
    exec_copy(&w, text)
}

/// `execCommand("copy")` on a text field put off screen for the moment: its own answer.
/// Focus goes back where it was.
fn exec_copy(w: &web_sys::Window, text: &str) -> bool {
    use js_sys::{Function, Reflect};
    let Some(doc) = w.document() else {
        return false;
    };
    let (Ok(area), Some(body)) = (doc.create_element("textarea"), doc.body()) else {
        return false;
    };
    let before = doc.active_element();
    let _ = Reflect::set(&area, &"value".into(), &text.into());
    let _ = area.set_attribute("readonly", "");
    // Through the style object, which the page's CSP allows (a style attribute it would not).
    if let Ok(style) = Reflect::get(&area, &"style".into()) {
        let _ = Reflect::set(&style, &"position".into(), &"fixed".into());
        let _ = Reflect::set(&style, &"opacity".into(), &"0".into());
    }
    let call = |on: &wasm_bindgen::JsValue, name: &str, arg: Option<&str>| {
        Reflect::get(on, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| match arg {
                Some(a) => f.call1(on, &a.into()).ok(),
                None => f.call0(on).ok(),
            })
    };
    let ok = body.append_child(&area).is_ok() && {
        call(&area, "select", None);
        call(&doc, "execCommand", Some("copy")).is_some_and(|r| r.as_bool() == Some(true))
    };
    area.remove();
    if let Some(el) = before.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    ok
}

/// Scroll to the top of the page (a new screen starts at its top).
pub fn scroll_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Milliseconds since the epoch, for idle timing.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Forget anything a browser may have kept for this origin's page: session and local
/// storage (the app stores nothing there itself, but a kiosk must be sure).
pub fn clear_storage() {
    let Some(w) = web_sys::window() else { return };
    if let Ok(Some(s)) = w.session_storage() {
        let _ = s.clear();
    }
    if let Ok(Some(s)) = w.local_storage() {
        let _ = s.clear();
    }
}

/// The page's height, for an embedding parent.
pub fn content_height() -> i32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
        .unwrap_or(0)
}

/// Tell the embedding page (a WeChat web-view's host, an iframe parent) our height.
pub fn post_height(height: i32) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"relief-finder:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    let _ = parent.post_message(&msg, "*");
}

/// Ask the service worker script (static/sw-register.js) to switch to the new version.
pub fn apply_update() {
    let Some(w) = web_sys::window() else { return };
    if let Ok(ev) = web_sys::CustomEvent::new("relief:apply-update") {
        let _ = w.dispatch_event(&ev);
    }
}

/// A high-resolution clock in milliseconds, for the benchmark's in-page timing.
pub fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Fetch a file of this site as bytes; `None` on any failure (offline without a cached copy,
/// a server error).
pub async fn fetch_bytes(path: &str) -> Option<Vec<u8>> {
    use wasm_bindgen_futures::JsFuture;
    let w = web_sys::window()?;
    let resp: web_sys::Response = JsFuture::from(w.fetch_with_str(path))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !resp.ok() {
        return None;
    }
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}
