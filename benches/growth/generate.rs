//! Rule sets N times the size of `rules/`, for the growth bench: test data, never shipped.
//!
//! Copy 0 is `rules/` itself. Copy `i` (1 ≤ i < N) is every document of `rules/` again,
//! each city document moved to another of Gansu's 14 cities and every document moved by a
//! whole number of years. The copies come in groups of seven: group `y = i / 7` shares one
//! year shift (0, −1, +1, −2, +2, …), and within a group copy `k = i % 7` moves the city at
//! position `r` of [`CITIES`] (Pingliang 0, Wuwei 1) to position `(r + 2k + y) % 14`, so
//! each group places one copy in each of the 14 cities and the groups alternate which
//! city gets Pingliang's three documents and which Wuwei's one.
//!
//! A copy gets its own document ids (`lanzhou-2021-biz-g8`), hence relief ids, its own
//! source files, its overlap groups suffixed with `-g{i}` (a copy's province and city
//! documents still share theirs), its twins pointed at the copy's own documents, counties of
//! its new city, and the same change of text applied to its TOML and to its source, so that
//! every quote is still found: years shifted (every stand-alone number 2010–2029 is a year
//! in these files), and the city's names (平凉市, 平凉, Pingliang) replaced. `facts.toml`
//! gains the 12 other cities (`in_gansu = true`) and four counties each (an enum holds at
//! most 64 values: see [`super::cities::City::listed_counties`]).

use std::fmt::Write as _;
use std::path::Path;

use super::cities::{by_id, City, CITIES};

/// Year shifts of the groups of seven copies, in order.
const SHIFTS: [i32; 15] = [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7];

/// One copy of the documents: where its city documents go and by how many years.
struct Copy {
    index: usize,
    shift: i32,
    k: usize,
    group: usize,
}

impl Copy {
    fn new(index: usize) -> Copy {
        let group = index / 7;
        Copy {
            index,
            shift: SHIFTS[group % SHIFTS.len()],
            k: index % 7,
            group,
        }
    }

    /// Where a city of the real documents goes in this copy.
    fn city(&self, orig: &City) -> &'static City {
        let r = CITIES.iter().position(|c| c.id == orig.id).unwrap_or(0);
        &CITIES[(r + 2 * self.k + self.group) % CITIES.len()]
    }
}

/// A document of `rules/`: its file name, text, source file name and source text.
struct Doc {
    file: String,
    text: String,
    id: String,
    jurisdiction: String,
    source_name: String,
    source: String,
}

/// What the generator wrote.
pub struct Written {
    pub documents: usize,
    pub bytes: u64,
}

/// Write `copies` copies of the documents of `rules` (copy 0 unchanged) to `out`.
pub fn write(rules: &Path, copies: usize, out: &Path) -> Result<Written, String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| io(out, e))?;
    }
    std::fs::create_dir_all(out.join("sources")).map_err(|e| io(out, e))?;
    let mut w = Written {
        documents: 0,
        bytes: 0,
    };
    let mut put = |name: &str, text: &str| -> Result<(), String> {
        let p = out.join(name);
        w.bytes += text.len() as u64;
        std::fs::write(&p, text).map_err(|e| io(&p, e))
    };
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| io(p, e));
    let facts = read(&rules.join("facts.toml"))?;
    put("facts.toml", &with_all_cities(&facts)?)?;
    put("offices.toml", &read(&rules.join("offices.toml"))?)?;
    let docs = documents(rules)?;
    for i in 0..copies {
        let copy = Copy::new(i);
        let ids: Vec<(String, String)> = docs
            .iter()
            .map(|d| (d.id.clone(), new_id(d, &copy)))
            .collect();
        for d in &docs {
            let (name, toml, source) = if i == 0 {
                (d.id.clone(), d.text.clone(), d.source.clone())
            } else {
                let city = city_change(d, &copy)?;
                let tr = |s: &str| change_text(s, copy.shift, city);
                let id = new_id(d, &copy);
                (
                    id.clone(),
                    document(d, &copy, &id, &ids, &tr)?,
                    tr(&d.source),
                )
            };
            put(&format!("{name}.toml"), &toml)?;
            put(&format!("sources/{name}.txt"), &source)?;
            w.documents += 1;
        }
    }
    Ok(w)
}

/// The documents of `rules/`: every `*.toml` with a `[document]`.
fn documents(rules: &Path) -> Result<Vec<Doc>, String> {
    let (inputs, _) = relief_finder::compile::read_dir(rules).map_err(|e| e.join("\n"))?;
    let mut docs = Vec::new();
    for input in inputs {
        if !input.text.lines().any(|l| l.trim() == "[document]") {
            continue;
        }
        let field = |key: &str| {
            input
                .text
                .lines()
                .find_map(|l| value_of(l, key))
                .ok_or_else(|| format!("{}: no {key}", input.path))
        };
        let (id, jurisdiction, source_name) =
            (field("id")?, field("jurisdiction")?, field("source")?);
        let p = rules.join("sources").join(&source_name);
        let source = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        docs.push(Doc {
            file: input.path,
            text: input.text,
            id,
            jurisdiction,
            source_name,
            source,
        });
    }
    Ok(docs)
}

/// The string value of `key = "…"` on this line, if that is the line's key.
fn value_of(line: &str, key: &str) -> Option<String> {
    let (k, v) = line.trim_start().split_once(" = ")?;
    (k == key).then(|| v.trim().trim_matches('"').to_string())
}

/// The city a city document of the real set moves to in this copy: (from, to).
fn city_change(d: &Doc, copy: &Copy) -> Result<Option<(&'static City, &'static City)>, String> {
    if d.jurisdiction == "gansu" {
        return Ok(None);
    }
    let from = by_id(&d.jurisdiction).ok_or_else(|| {
        format!(
            "{}: jurisdiction {} is not in the city table",
            d.file, d.jurisdiction
        )
    })?;
    Ok(Some((from, copy.city(from))))
}

/// The copy's id of a document: its city and years changed, `-g{i}` added.
fn new_id(d: &Doc, copy: &Copy) -> String {
    let moved = match by_id(&d.jurisdiction) {
        Some(from) => d.id.replacen(from.id, copy.city(from).id, 1),
        None => d.id.clone(),
    };
    format!("{}-g{}", shift_years(&moved, copy.shift), copy.index)
}

/// Years shifted, and the document's city renamed, in any text of a copy.
fn change_text(s: &str, shift: i32, city: Option<(&City, &City)>) -> String {
    let mut t = shift_years(s, shift);
    if let Some((from, to)) = city {
        if from.id != to.id {
            t = t
                .replace(from.full, to.full)
                .replace(from.short, to.short)
                .replace(from.en, to.en);
        }
    }
    t
}

/// Every stand-alone number from 2010 to 2029 moved by `shift` (they are all years here).
fn shift_years(s: &str, shift: i32) -> String {
    if shift == 0 {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4 {
            let year: i32 = s[start..i].parse().unwrap_or(0);
            if (2010..=2029).contains(&year) {
                out.push_str(&s[last..start]);
                let _ = write!(out, "{}", year + shift);
                last = i;
            }
        }
    }
    out.push_str(&s[last..]);
    out
}

/// A document's TOML for a copy: its own ids, source, jurisdiction, overlap groups, twins,
/// counties and number; every other line through `tr`.
fn document(
    d: &Doc,
    copy: &Copy,
    id: &str,
    ids: &[(String, String)],
    tr: &dyn Fn(&str) -> String,
) -> Result<String, String> {
    let city = city_change(d, copy)?;
    let mut out = String::with_capacity(d.text.len() + 1024);
    let mut in_document = false;
    let mut id_done = false;
    for line in d.text.lines() {
        let t = line.trim_start();
        if t.starts_with('[') {
            in_document = t.starts_with("[document]");
        }
        let key = t.split_once(" = ").map_or("", |(k, _)| k);
        let val = value_of(line, key).unwrap_or_default();
        let new = match key {
            "id" if in_document && !id_done => {
                id_done = true;
                format!("id = \"{id}\"")
            }
            "jurisdiction" => format!("jurisdiction = \"{}\"", city.map_or("gansu", |c| c.1.id)),
            "source" if val == d.source_name => format!("source = \"{id}.txt\""),
            "overlap" => format!("overlap = \"{val}-g{}\"", copy.index),
            "twin" => {
                let (doc, relief) = val
                    .split_once('.')
                    .ok_or_else(|| format!("{}: twin \"{val}\" without a document", d.file))?;
                let to = ids
                    .iter()
                    .find(|(old, _)| old == doc)
                    .ok_or_else(|| format!("{}: twin in unknown document {doc}", d.file))?;
                format!("twin = \"{}.{relief}\"", to.1)
            }
            "counties" => counties(t, city, &d.file)?,
            "number" => {
                let n = tr(line);
                match city {
                    Some((from, to)) => n.replacen(
                        &format!("\"{}", from.prefix),
                        &format!("\"{}", to.prefix),
                        1,
                    ),
                    None => n,
                }
            }
            _ => tr(line),
        };
        out.push_str(&new);
        out.push('\n');
    }
    Ok(out)
}

/// `counties = [...]` for the new city: each county by its position in the old city's list.
fn counties(line: &str, city: Option<(&City, &City)>, file: &str) -> Result<String, String> {
    let (from, to) = city.ok_or_else(|| format!("{file}: counties in a province document"))?;
    let mut names: Vec<&str> = Vec::new();
    for old in line.split('"').skip(1).step_by(2) {
        let pos = from
            .counties
            .iter()
            .position(|c| c.0 == old)
            .ok_or_else(|| format!("{file}: county {old} is not in {}'s table", from.id))?;
        let listed = to.listed_counties();
        let new = listed[pos % listed.len()].0;
        if !names.contains(&new) {
            names.push(new);
        }
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    Ok(format!("counties = [{}]", quoted.join(", ")))
}

/// `facts.toml` with every city of [`CITIES`] in the `city` fact and their counties in the
/// `county` fact (and its gate).
fn with_all_cities(facts: &str) -> Result<String, String> {
    let new: Vec<&City> = CITIES
        .iter()
        .filter(|c| !facts.contains(&format!("{{ id = \"{}\",", c.id)))
        .collect();
    let mut city_lines = String::new();
    let mut county_lines = String::new();
    for c in &new {
        let _ = writeln!(
            city_lines,
            "  {{ id = \"{}\", zh = \"{}\", en = \"{}\", in_gansu = true }},",
            c.id, c.full, c.en
        );
        for (id, zh, en) in c.listed_counties() {
            let _ = writeln!(
                county_lines,
                "  {{ id = \"{id}\", zh = \"{zh}\", en = \"{en}\", only_if = \"city == {}\" }},",
                c.id
            );
        }
    }
    let gate = "requires = \"city in [pingliang, wuwei]\"";
    let all: Vec<&str> = CITIES.iter().map(|c| c.id).collect();
    let mut out = String::with_capacity(facts.len() + city_lines.len() + county_lines.len());
    let (mut cities_at, mut counties_at, mut gate_at) = (false, false, false);
    for line in facts.lines() {
        if line.trim() == gate {
            out.push_str(&format!("requires = \"city in [{}]\"\n", all.join(", ")));
            gate_at = true;
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if line.trim_start().starts_with("{ id = \"wuwei\",") {
            out.push_str(&city_lines);
            cities_at = true;
        }
        if line.trim_start().starts_with("{ id = \"tianzhu\",") {
            out.push_str(&county_lines);
            counties_at = true;
        }
    }
    if !(cities_at && counties_at && gate_at) {
        return Err(format!(
            "facts.toml: the generator looks for the wuwei city value, the tianzhu county value and `{gate}`; update benches/growth/generate.rs"
        ));
    }
    Ok(out)
}
