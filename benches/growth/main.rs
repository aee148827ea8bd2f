//! How cost grows with the rule set (issue 14): rule sets 10× and 100× the size of `rules/`
//! (`generate.rs`), each compiled with the project's own compiler and measured as the app
//! would carry it. Prints Markdown tables; `bench/growth/run` puts them in
//! `bench/results.md`.
//!
//! ```text
//! cargo bench --bench growth                    (1×, 10×, 100×)
//! cargo bench --bench growth -- 1 10            (the sizes given; 1 is needed as the base)
//! cargo bench --bench growth -- generate N DIR  (only write a rule set N times rules/, e.g.
//!                                                to build against, RELIEF_RULES_DIR=DIR)
//! ```
//! Sizes other than 1 are generated into `target/growth/<N>x/`; 1× is `rules/` itself.
//! Byte counts are postcard (what the app embeds and fetches) and `brotli -q 11` of it
//! (the `brotli` command, as `bench/run` and `tools/post_build.sh` use).

mod cities;
mod generate;
mod tables;

use std::hint::black_box;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use relief_finder::engine::{evaluate, next_question, Facts, Timing};
use relief_finder::model::{Jurisdiction, RuleSet, Texts};
use relief_finder::{cases, compile, decode, persona};

/// One rule set, measured.
pub struct Measured {
    pub n: usize,
    pub documents: usize,
    pub reliefs: usize,
    pub generate_s: Option<f64>,
    pub compile_s: f64,
    pub decode_us: f64,
    pub engine: Engine,
    pub core: Bytes,
    pub texts: Bytes,
    pub split: Split,
}

/// Engine timings over the persona cases of `tests/cases`.
pub struct Engine {
    pub personas: usize,
    pub runs: usize,
    /// Median µs of evaluating every relief, and of one planner step.
    pub eval_us: f64,
    pub plan_us: f64,
    /// Share of the results not in force on the persona's date: those are judged on the
    /// days of their own window (`eval::judge_window`), several evaluations each.
    pub not_in_force: f64,
}

/// The rule set split by jurisdiction (the design in ARCHITECTURE.md): the province's
/// documents alone, and with those of the city that has the most bytes of its own.
pub struct Split {
    pub city: String,
    pub reliefs: usize,
    pub province_core: Bytes,
    /// The core with no document at all: the vocabulary, the questions and the offices.
    pub vocabulary: Bytes,
    pub core: Bytes,
    pub texts: Bytes,
    pub engine: Engine,
}

/// A byte count, raw (postcard) and brotli.
#[derive(Clone, Copy)]
pub struct Bytes {
    pub raw: usize,
    pub br: usize,
}

impl Bytes {
    /// The brotli size if these bytes compressed as well as `base` does, no better: copies
    /// of the same five documents compress far better than other cities' own texts would.
    pub fn linear(self, base: Bytes) -> usize {
        (self.raw as f64 * base.br as f64 / base.raw.max(1) as f64).round() as usize
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("generate") {
        let (Some(n), Some(dir)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
            fail("usage: cargo bench --bench growth -- generate N DIR");
        };
        let w = generate::write(Path::new("rules"), n, Path::new(dir)).unwrap_or_else(|e| fail(&e));
        println!("{dir}: {} documents, {} bytes", w.documents, w.bytes);
        return;
    }
    let sizes: Vec<usize> = if args.is_empty() {
        vec![1, 10, 100]
    } else {
        args.iter()
            .map(|a| {
                a.parse()
                    .unwrap_or_else(|_| fail(&format!("not a size: {a}")))
            })
            .collect()
    };
    let started = Instant::now();
    let mut rows = Vec::new();
    for n in sizes {
        let (dir, generate_s) = if n == 1 {
            (PathBuf::from("rules"), None)
        } else {
            let dir = PathBuf::from(format!("target/growth/{n}x"));
            let t = Instant::now();
            let w = generate::write(Path::new("rules"), n, &dir).unwrap_or_else(|e| fail(&e));
            let s = t.elapsed().as_secs_f64();
            eprintln!(
                "{}: {} documents, {} bytes of TOML and sources, in {s:.1} s",
                dir.display(),
                w.documents,
                w.bytes
            );
            (dir, Some(s))
        };
        let mut m = measure(n, &dir);
        m.generate_s = generate_s;
        rows.push(m);
    }
    let secs = started.elapsed().as_secs_f64();
    tables::print(&rows, secs);
    eprintln!("growth bench: {secs:.0} s in all");
}

fn fail(e: &str) -> ! {
    eprintln!("growth: {e}");
    std::process::exit(1);
}

/// Compile the rules of `dir` and measure them.
fn measure(n: usize, dir: &Path) -> Measured {
    eprintln!("{n}×: compiling {}", dir.display());
    let t = Instant::now();
    let rs = compile::compile_dir(dir).unwrap_or_else(|errs| {
        let all = errs.join("\n");
        fail(&format!(
            "{} problem(s) in {}:\n{all}",
            errs.len(),
            dir.display()
        ))
    });
    let compile_s = t.elapsed().as_secs_f64();
    let (core, texts) = split(&rs);
    let core_bytes = postcard::to_allocvec(&core).unwrap_or_default();
    let texts_bytes = postcard::to_allocvec(&texts).unwrap_or_default();
    // Fewer runs on the larger sets: the median settles, and 100× stays within minutes.
    let runs = (200 / n).max(5);
    eprintln!("{n}×: decode, evaluate and plan, {runs} runs each");
    let decode_ns = time(
        || {
            black_box(decode::ruleset(black_box(&core_bytes)));
        },
        runs,
    );
    let engine = engine_times(&rs, runs);
    eprintln!("{n}×: split by jurisdiction, brotli");
    Measured {
        n,
        documents: rs.documents.len(),
        reliefs: rs.reliefs.len(),
        generate_s: None,
        compile_s,
        decode_us: median(decode_ns) / 1e3,
        engine,
        core: bytes(core_bytes),
        texts: bytes(texts_bytes),
        split: by_jurisdiction(&rs, runs),
    }
}

/// The wasm's core and the Chinese texts (`texts-zh.bin`, what a session in the default
/// language fetches), made as `build.rs` and `relief texts` make them.
fn split(rs: &RuleSet) -> (RuleSet, Texts) {
    let mut core = rs.clone();
    let [zh, _en, _quotes] = core.strip_to_core();
    (core, zh)
}

/// Raw and brotli sizes of the postcard bytes of a value.
fn bytes_of<T: serde::Serialize>(value: &T) -> Bytes {
    bytes(postcard::to_allocvec(value).unwrap_or_default())
}

fn bytes(raw: Vec<u8>) -> Bytes {
    Bytes {
        raw: raw.len(),
        br: brotli(&raw),
    }
}

/// `brotli -q 11` of the bytes: its size.
fn brotli(data: &[u8]) -> usize {
    let mut child = Command::new("brotli")
        .args(["-q", "11", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| fail(&format!("brotli: {e} (install the brotli command)")));
    let mut stdin = child
        .stdin
        .take()
        .unwrap_or_else(|| fail("brotli: no stdin"));
    let data = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| fail(&format!("brotli: {e}")));
    if !matches!(writer.join(), Ok(Ok(()))) || !out.status.success() {
        fail("brotli failed");
    }
    out.stdout.len()
}

/// Evaluating every relief, and one planner step, for each persona case of `tests/cases`
/// (as `benches/engine.rs` measures them): medians over all personas and runs.
fn engine_times(rs: &RuleSet, runs: usize) -> Engine {
    let personas: Vec<(Facts, chrono::NaiveDate)> = cases::files(Path::new("tests/cases"))
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let per = persona::parse(&p.display().to_string(), &text, rs).ok()?;
            Some((per.facts, per.as_of?))
        })
        .collect();
    let (mut eval_ns, mut plan_ns) = (Vec::new(), Vec::new());
    let (mut results, mut not_in_force) = (0, 0);
    let asked = Default::default();
    for (facts, as_of) in &personas {
        eval_ns.extend(time(
            || {
                black_box(evaluate(rs, black_box(facts), *as_of));
            },
            runs,
        ));
        let ev = evaluate(rs, facts, *as_of);
        results += ev.results.len();
        not_in_force += ev
            .results
            .iter()
            .filter(|r| r.timing != Timing::InForce)
            .count();
        plan_ns.extend(time(
            || {
                black_box(next_question(rs, black_box(facts), &asked, &ev));
            },
            runs,
        ));
    }
    Engine {
        personas: personas.len(),
        runs,
        eval_us: median(eval_ns) / 1e3,
        plan_us: median(plan_ns) / 1e3,
        not_in_force: not_in_force as f64 / results.max(1) as f64,
    }
}

fn time<F: FnMut()>(mut f: F, runs: usize) -> Vec<f64> {
    for _ in 0..runs.div_ceil(10) {
        f();
    }
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_nanos() as f64
        })
        .collect()
}

fn median(mut ns: Vec<f64>) -> f64 {
    ns.sort_by(|a, b| a.total_cmp(b));
    ns.get(ns.len() / 2).copied().unwrap_or(0.0)
}

/// The rule set with only the documents (and their reliefs) `keep` accepts; the facts,
/// questions and offices stay whole.
fn only(rs: &RuleSet, keep: &dyn Fn(&Jurisdiction) -> bool) -> RuleSet {
    let mut new_ix = vec![None; rs.documents.len()];
    let mut out = RuleSet {
        version: rs.version.clone(),
        facts: rs.facts.clone(),
        questions: rs.questions.clone(),
        documents: Vec::new(),
        reliefs: Vec::new(),
        offices: rs.offices.clone(),
    };
    for (i, d) in rs.documents.iter().enumerate() {
        if keep(&d.jurisdiction) {
            new_ix[i] = u16::try_from(out.documents.len()).ok();
            out.documents.push(d.clone());
        }
    }
    for r in &rs.reliefs {
        if let Some(doc) = new_ix[usize::from(r.doc)] {
            let mut r = r.clone();
            r.doc = doc;
            out.reliefs.push(r);
        }
    }
    out
}

/// The province's documents alone, and with those of one city: the city whose own
/// documents have the most bytes (core and texts), the largest part a person would fetch.
fn by_jurisdiction(rs: &RuleSet, runs: usize) -> Split {
    let mut cities: Vec<&str> = rs
        .documents
        .iter()
        .filter_map(|d| match &d.jurisdiction {
            Jurisdiction::City(c) => Some(c.as_str()),
            Jurisdiction::Gansu => None,
        })
        .collect();
    cities.sort_unstable();
    cities.dedup();
    let with = |city: &str| {
        only(rs, &|j| match j {
            Jurisdiction::Gansu => true,
            Jurisdiction::City(c) => c == city,
        })
    };
    let size = |city: &str| {
        let (core, texts) = split(&with(city));
        postcard::to_allocvec(&core).map_or(0, |b| b.len())
            + postcard::to_allocvec(&texts).map_or(0, |b| b.len())
    };
    let city = cities
        .iter()
        .copied()
        .max_by_key(|c| size(c))
        .unwrap_or_default();
    let part = with(city);
    let (core, texts) = split(&part);
    let (province, _) = split(&only(rs, &|j| *j == Jurisdiction::Gansu));
    let (vocabulary, _) = split(&only(rs, &|_| false));
    Split {
        city: city.to_string(),
        reliefs: part.reliefs.len(),
        province_core: bytes_of(&province),
        vocabulary: bytes_of(&vocabulary),
        core: bytes_of(&core),
        texts: bytes_of(&texts),
        engine: engine_times(&part, runs),
    }
}
