//! The web app: a thin Leptos layer over the engine, built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(target_arch = "wasm32")]
fn main() {
    app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("relief-finder is the web app: build it with `trunk build --release` (see README.md); the native tool is `relief`");
    std::process::exit(2);
}
