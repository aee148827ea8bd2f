//! Invariants kept as tests: the engine knows nothing of the browser and does no I/O.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_engine_uses_no_browser_crate_and_does_no_io() {
    let mut files = vec![
        "src/engine.rs".into(),
        "src/model.rs".into(),
        "src/catalog.rs".into(),
        "src/ruleset.rs".into(),
    ];
    rust_files(Path::new("src/engine"), &mut files);
    let forbidden = [
        "leptos",
        "web_sys",
        "wasm_bindgen",
        "js_sys",
        "std::fs",
        "std::io",
        "std::net",
        "std::env",
        "SystemTime",
        "Utc::now",
        "Local::now",
    ];
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{}:{}: uses {word}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the engine must stay plain Rust:\n{}",
        found.join("\n")
    );
}

#[test]
fn browser_crates_are_only_dependencies_of_the_wasm_target() {
    let toml = std::fs::read_to_string("Cargo.toml").expect("readable");
    let wasm_section = toml
        .find("[target.'cfg(target_arch = \"wasm32\")'.dependencies]")
        .expect("a wasm32-only dependency section");
    for krate in ["leptos", "wasm-bindgen", "web-sys", "js-sys"] {
        let at = toml
            .find(&format!("\n{krate} ="))
            .unwrap_or_else(|| panic!("{krate} is a dependency"));
        assert!(
            at > wasm_section,
            "{krate} must be a wasm32-only dependency"
        );
        let next_section = toml[wasm_section + 1..]
            .find("\n[")
            .map(|i| i + wasm_section + 1)
            .unwrap_or(toml.len());
        assert!(
            at < next_section,
            "{krate} must sit in the wasm32-only section"
        );
    }
}

#[test]
fn no_toml_parser_ships_in_the_wasm() {
    let toml = std::fs::read_to_string("Cargo.toml").expect("readable");
    let host = toml
        .find("[target.'cfg(not(target_arch = \"wasm32\"))'.dependencies]")
        .expect("a host-only section");
    let at = toml.find("\ntoml =").expect("toml is a dependency");
    assert!(at > host, "toml must be a host-only dependency");
    let lib = std::fs::read_to_string("src/lib.rs").expect("readable");
    for m in ["compile", "expr", "persona", "report"] {
        assert!(
            lib.contains(&format!(
                "#[cfg(not(target_arch = \"wasm32\"))]\npub mod {m};"
            )),
            "{m} must be host-only"
        );
    }
}
