//! Invariants kept as tests, stated per folder: src/ships/ (what the wasm carries: model,
//! wire format, engine, presentation) knows nothing of the browser and does no I/O;
//! src/host/ never ships.

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
fn what_ships_uses_no_browser_crate_and_does_no_io() {
    // The folder as a whole: whatever is added under src/ships/ is checked.
    let mut files = vec!["src/ships.rs".into()];
    rust_files(Path::new("src/ships"), &mut files);
    assert!(files.len() > 10, "src/ships/ holds the engine: {files:?}");
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
        "src/ships/ must stay plain Rust:\n{}",
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
    // src/host/ as a whole is compiled off wasm32 only, and nothing that ships uses it.
    let lib = std::fs::read_to_string("src/lib.rs").expect("readable");
    assert!(
        lib.contains("#[cfg(not(target_arch = \"wasm32\"))]\npub mod host;"),
        "src/host/ must be host-only"
    );
    for m in ["compile", "expr", "persona", "report", "cases", "walk"] {
        assert!(
            Path::new(&format!("src/host/{m}.rs")).exists(),
            "{m} lives in src/host/"
        );
    }
    let mut shipped = vec!["src/ships.rs".into()];
    rust_files(Path::new("src/ships"), &mut shipped);
    rust_files(Path::new("src/app"), &mut shipped);
    let host_modules = ["compile", "expr", "persona", "report", "cases", "walk"];
    let mut found = Vec::new();
    for f in &shipped {
        let text = std::fs::read_to_string(f).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let mut words = vec!["host::".to_string(), "toml::".into(), "serde_json".into()];
            for m in host_modules {
                words.push(format!("crate::{m}::"));
                words.push(format!("relief_finder::{m}::"));
            }
            for w in &words {
                if code.contains(w.as_str()) {
                    found.push(format!("{}:{}: uses {w}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "what ships must not use the host side:\n{}",
        found.join("\n")
    );
}

/// The longest a function may be, in lines from `fn` to its closing brace.
const LONGEST_FUNCTION: usize = 120;

#[test]
fn no_function_is_longer_than_120_lines() {
    // Components included: the app's too.
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.push("build.rs".into());
    let mut long = Vec::new();
    for f in &files {
        let name = f.display().to_string().replace('\\', "/");
        let text = std::fs::read_to_string(f).expect("readable");
        for (start, len, fn_name) in functions(&text) {
            if len > LONGEST_FUNCTION {
                long.push(format!(
                    "{name}:{}: fn {fn_name} has {len} lines",
                    start + 1
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these functions (at most {LONGEST_FUNCTION} lines):\n{}",
        long.join("\n")
    );
}

/// Each function of rustfmt-formatted source: its first line (0-based), its length in
/// lines and its name. rustfmt puts a body's closing brace at the indentation of its `fn`.
fn functions(text: &str) -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = line.len() - code.len();
        let mut rest = code;
        for prefix in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
        ] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        let Some(sig) = rest.strip_prefix("fn ") else {
            continue;
        };
        let name: String = sig
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        // A declaration without a body (in a trait) ends with `;` before any `{`.
        let body = lines[i..]
            .iter()
            .position(|l| l.contains('{') || l.trim_end().ends_with(';'))
            .is_some_and(|j| lines[i + j].contains('{'));
        if !body {
            continue;
        }
        if code.ends_with('}') && code.contains('{') {
            out.push((i, 1, name));
            continue;
        }
        if let Some(end) = lines[i + 1..].iter().position(|l| l.starts_with(&close)) {
            out.push((i, end + 2, name));
        }
    }
    out
}
