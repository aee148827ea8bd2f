//! The growth bench's Markdown: three tables and what in them is measured or estimated.

use std::process::Command;

use super::{Bytes, Measured};

/// Brotli bytes Chromium fetched for the start page, and for the whole session, as the
/// budget test measured them on `rules/` (README, "What each screen fetches").
const START_PAGE: usize = 127_988;
const SESSION: usize = 197_688;

/// Print the tables; `rows` must hold the 1× row (today's `rules/`), the base of every
/// estimate.
pub fn print(rows: &[Measured], secs: f64) {
    let Some(base) = rows.iter().find(|m| m.n == 1) else {
        super::fail("the tables need the 1× row (today's rules/) as their base");
    };
    println!(
        "Measured {} by `bench/growth/run` (`cargo bench --bench growth`, {secs:.0} s) on {} cores.",
        today(),
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    println!();
    timings(rows);
    println!();
    sizes(rows, base);
    println!();
    split(rows, base);
    println!();
    notes(base);
}

fn timings(rows: &[Measured]) {
    println!("| rule set | documents | reliefs | generate | compile | decode the core | evaluate every relief | planner step | results not in force on the date |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for m in rows {
        let gen = m.generate_s.map_or("–".into(), |s| format!("{s:.1} s"));
        println!(
            "| {}× | {} | {} | {gen} | {:.2} s | {} | {} | {} | {:.0}% |",
            m.n,
            m.documents,
            thousands(m.reliefs),
            m.compile_s,
            us(m.decode_us),
            us(m.engine.eval_us),
            us(m.engine.plan_us),
            m.engine.not_in_force * 100.0
        );
    }
}

fn sizes(rows: &[Measured], base: &Measured) {
    println!("| rule set | core, postcard | core, brotli: copies / linear | texts-zh.bin, postcard | texts-zh.bin, brotli: copies / linear | start page, estimate: copies / linear | whole session, estimate: copies / linear |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for m in rows {
        let (core, texts) = (m.core, m.texts);
        let start = |c: usize| START_PAGE + c - base.core.br;
        let session = |c: usize, t: usize| SESSION + c + t - base.core.br - base.texts.br;
        let (cl, tl) = (core.linear(base.core), texts.linear(base.texts));
        println!(
            "| {}× | {} | {} | {} | {} | {} | {} |",
            m.n,
            thousands(core.raw),
            pair(core.br, cl),
            thousands(texts.raw),
            pair(texts.br, tl),
            pair(start(core.br), start(cl)),
            pair(session(core.br, texts.br), session(cl, tl))
        );
    }
}

fn split(rows: &[Measured], base: &Measured) {
    println!("Split by jurisdiction (the design in ARCHITECTURE.md): the wasm embeds the province's documents only; the city's documents (core and texts) follow once the who-and-where screen names the city, with the texts of the two. Shown for the city with the most bytes of its own; the last start-page column is the floor, a wasm that embeds no document at all:");
    println!();
    println!("| rule set | city | reliefs loaded | start page, estimate: copies / linear | whole session, estimate: copies / linear | evaluate every loaded relief | planner step | start page, no document in the wasm |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for m in rows {
        let s = &m.split;
        let p: Bytes = s.province_core;
        let start = |c: usize| START_PAGE + c - base.core.br;
        let session = |c: usize, t: usize| SESSION + c + t - base.core.br - base.texts.br;
        let (cl, tl) = (s.core.linear(base.core), s.texts.linear(base.texts));
        println!(
            "| {}× | {} | {} | {} | {} | {} | {} | {} |",
            m.n,
            s.city,
            thousands(s.reliefs),
            pair(start(p.br), start(p.linear(base.core))),
            pair(session(s.core.br, s.texts.br), session(cl, tl)),
            us(s.engine.eval_us),
            us(s.engine.plan_us),
            thousands(start(s.vocabulary.br))
        );
    }
}

fn notes(base: &Measured) {
    let e = &base.engine;
    println!(
        "Measured: documents, reliefs and the times (native, the bench profile, this machine; \
medians over the {} persona cases of `tests/cases`, each run {} times at 1× and 200/N times \
(at least 5) at N×), and the bytes of the core and of texts-zh.bin (the compiled rule set split \
as `build.rs` and `relief texts` split it, postcard, then `brotli -q 11`). \
Brotli \"copies\" is measured on the generated set, whose copies repeat the five documents \
word for word but for names and years, which brotli's window finds: a floor. \"Linear\" is the \
postcard size at the 1× rate ({:.1}:1 for the core, {:.1}:1 for texts-zh.bin), as if every copy were \
as new as the five real documents are to each other: what other cities' own notices would \
approach. Estimated: the start page and the whole session are today's figures as Chromium \
fetched them on `rules/` ({} and {} bytes brotli, README, measured by the budget test) with \
the 1× core (and, for the session, texts-zh.bin) replaced by the N× one; the wasm embeds the \
core, and its share of the wasm's brotli is taken to be the core's own brotli size. In the \
split, the city's part would be a file of its own and compress a little worse than inside \
one.",
        e.personas,
        e.runs,
        base.core.raw as f64 / base.core.br.max(1) as f64,
        base.texts.raw as f64 / base.texts.br.max(1) as f64,
        thousands(START_PAGE),
        thousands(SESSION)
    );
}

/// "a / b" with thousands separated.
fn pair(a: usize, b: usize) -> String {
    format!("{} / {}", thousands(a), thousands(b))
}

/// µs below a millisecond, ms above.
fn us(x: f64) -> String {
    if x < 1000.0 {
        format!("{x:.0} µs")
    } else {
        format!("{:.1} ms", x / 1000.0)
    }
}

/// Thousands separated by commas.
fn thousands(x: usize) -> String {
    let s = x.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn today() -> String {
    Command::new("date")
        .args(["-u", "+%Y-%m-%d"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or_else(String::new, |s| s.trim().to_string())
}
