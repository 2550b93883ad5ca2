//! `callspec init`: a spec skeleton from a notice's plain text, a pure function of the text.
//!
//! The skeleton's `clauses:` are the notice's own numbered structure ([`crate::notice::outline`]:
//! `一、` `（一）` `1.` `（1）`, the annexes' headings) plus its addressees (`主送`) and opening
//! (`引言`), each quoted verbatim (the notice's text, white space dropped) with a section label
//! that names where it stands, so that `callspec check` verifies every quote. The call's
//! metadata is taken from the text where it states it (the document number near the top, the
//! title ending in 通知, the issuer and date signing the body) and left `~` with a comment
//! otherwise, never guessed. Numbers the notice gives in the usual wordings ("19.8万/项",
//! "不少于3场", "原则上不超过30万元", "4月21日前", "不超过N项", ...) are proposed as commented rule
//! stubs under the clause that states them, citing it. What is left to write: the applicant
//! types, the categories and the rules; `callspec check` lists every clause no rule cites yet.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::i18n::{Lang, Text};
use crate::notice::Notice;
use crate::notice::normal::{is_space, normal};
use crate::notice::outline::{Heading, Level, resolve};
use crate::spec::MoneyUnit;

/// A spec skeleton: its YAML text and the clauses in it.
#[derive(Debug, Clone)]
pub struct Skeleton {
    pub yaml: String,
    pub clauses: Vec<Clause>,
    pub meta: Meta,
}

/// One clause of the skeleton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub id: String,
    pub section: String,
    pub text: String,
    /// Commented rule stubs for the numbers the clause states.
    pub stubs: Vec<String>,
}

/// The call's metadata, where the notice's text states it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The document number as printed (`杭科协〔2025〕6号`), extraction noise and all.
    pub document: Option<String>,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<NaiveDate>,
    /// 元 when the text states its amounts in 元 only, else 万元.
    pub money_unit: MoneyUnit,
}

/// The skeleton of a spec for the notice `raw`, whose text lies at `notice_file` relative to the
/// spec, with the call id `id`. Its comments are in `lang`.
pub fn skeleton(raw: &str, notice_file: &str, id: &str, lang: Lang) -> Skeleton {
    let notice = Notice::new(raw, &[]);
    let lines = Lines::new(raw);
    let meta = metadata(&lines);
    let clauses = clauses(&notice, &lines, &meta);
    let yaml = write(&meta, &clauses, notice_file, id, lang);
    Skeleton { yaml, clauses, meta }
}

/// The raw text's lines with their byte offsets.
struct Lines<'a> {
    lines: Vec<(usize, &'a str)>,
}

impl<'a> Lines<'a> {
    fn new(raw: &'a str) -> Self {
        let mut lines = Vec::new();
        let mut at = 0;
        for l in raw.split_inclusive('\n') {
            lines.push((at, l));
            at += l.len();
        }
        Lines { lines }
    }

    /// The line's text without white space.
    fn compact(&self, i: usize) -> String {
        normal(self.lines[i].1)
    }

    fn blank(&self, i: usize) -> bool {
        self.lines[i].1.chars().all(is_space)
    }

    /// The index of the first line of the first annex (a line reading `附件` or `附件N`), or the
    /// number of lines.
    fn body_end(&self) -> usize {
        (0..self.lines.len()).find(|&i| ANNEX.is_match(&self.compact(i))).unwrap_or(self.lines.len())
    }
}

static ANNEX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^附件\d*[：:]?$").expect("regex"));
static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Han}*[〔［\[（(„【]\d{4}[〕］\]）)‟】]\d+号").expect("regex"));
static DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$").expect("regex"));

fn metadata(lines: &Lines) -> Meta {
    let mut meta =
        Meta { money_unit: money_unit(&(0..lines.lines.len()).map(|i| lines.compact(i)).collect::<String>()), ..Meta::default() };
    let head = lines.lines.len().min(12);
    let doc_line = (0..head).find(|&i| DOCUMENT.is_match(&lines.compact(i)));
    if let Some(i) = doc_line {
        meta.document = DOCUMENT.find(&lines.compact(i)).map(|m| m.as_str().to_owned());
        meta.title = title(lines, i + 1).map(|(t, _)| t);
    }
    // The signature: the issuer's name on the line above the date that closes the body.
    let end = lines.body_end();
    if let Some(d) = (0..end).rev().find(|&i| DATE.is_match(&lines.compact(i))) {
        let c = lines.compact(d);
        let caps = DATE.captures(&c).expect("matched");
        let n = |k: usize| caps[k].parse::<u32>().ok();
        if let (Some(y), Some(m), Some(day)) = (n(1), n(2), n(3)) {
            meta.issued = NaiveDate::from_ymd_opt(y as i32, m, day);
        }
        if let Some(above) = (0..d).rev().find(|&i| !lines.blank(i)) {
            let name = lines.compact(above);
            if name.chars().count() <= 30 && name.chars().all(|c| !c.is_ascii_punctuation() && !"，。：；、（）“”".contains(c)) {
                meta.issuer = Some(name);
            }
        }
    }
    meta
}

/// The title: the lines from `from` up to one ending in 通知, before any line ends in "：" (the
/// addressees) and within six lines that are not blank. Returns it and the line after it.
fn title(lines: &Lines, from: usize) -> Option<(String, usize)> {
    let mut text = String::new();
    let mut seen = 0;
    for i in from..lines.lines.len() {
        if lines.blank(i) {
            continue;
        }
        let c = lines.compact(i);
        if c.ends_with('：') || c.ends_with(':') || seen == 6 {
            return None;
        }
        text.push_str(&c);
        seen += 1;
        if c.ends_with("通知") {
            return Some((text, i + 1));
        }
    }
    None
}

fn clauses(notice: &Notice, lines: &Lines, meta: &Meta) -> Vec<Clause> {
    let text = notice.text();
    let hs = notice.headings();
    let first_part = hs.iter().find(|h| h.level <= Level::Part).map_or(text.len(), |h| h.start);
    let mut out = Vec::new();
    // The preamble: the addressees (the lines after the title up to one ending in "：") and the
    // opening that follows, up to the first part.
    let doc_line = (0..lines.lines.len().min(12)).find(|&i| DOCUMENT.is_match(&lines.compact(i)));
    let after_title = doc_line.map(|i| title(lines, i + 1).map_or(i + 1, |(_, next)| next));
    let mut opening_start = 0;
    if let Some(from) = after_title {
        let start = (from..lines.lines.len()).find(|&i| !lines.blank(i));
        let end = start.and_then(|s| (s..lines.lines.len()).take(8).find(|&i| lines.compact(i).ends_with(['：', ':'])));
        if let (Some(s), Some(e)) = (start, end) {
            let (a, b) = (notice.position(lines.lines[s].0), notice.position(lines.lines[e].0 + lines.lines[e].1.len()));
            if b <= first_part && a < b {
                out.push(clause("addressees", "主送", &text[a..b], meta.money_unit));
                opening_start = b;
            }
        }
    }
    if opening_start < first_part {
        let opening = &text[opening_start..first_part];
        // Without a document number, everything before the first part is the opening.
        if !opening.is_empty() && (meta.document.is_some() || opening_start == 0) {
            out.push(clause("preamble", "引言", opening, meta.money_unit));
        }
    }
    // Where a heading's own text stops short of the next heading: the list of annexes and the
    // signature at the end of the body.
    let body_end = lines.body_end();
    let mut cuts: Vec<usize> = (0..lines.lines.len())
        .filter(|&i| {
            let c = lines.compact(i);
            // The record at the very end of an official document (版记): copies and printing.
            let record = c.starts_with("抄送") || c.ends_with("印发");
            let body = i < body_end && (c.starts_with("附件：") || c.starts_with("附件:") || DATE.is_match(&c));
            record || body
        })
        .map(|i| notice.position(lines.lines[i].0))
        .collect();
    if let Some(issuer) = &meta.issuer
        && let Some(i) = (0..body_end).rev().find(|&i| lines.compact(i) == *issuer)
    {
        cuts.push(notice.position(lines.lines[i].0));
    }
    cuts.sort_unstable();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for h in hs {
        let end = cuts.iter().copied().find(|&c| c > h.body && c < h.next).unwrap_or(h.next);
        if text[h.body..end].is_empty() {
            continue;
        }
        // Quoted from the marker on ("1.学术活动：…"), as the notice reads; an annex's marker is
        // its label alone.
        let from = if h.level == Level::Annex { h.body } else { h.start };
        let mut id = heading_id(hs, h);
        let n = ids.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            id = format!("{id}-{n}");
        }
        let section = label(text, hs, h);
        out.push(clause(&id, &section, &spaced(notice, lines, from..end), meta.money_unit));
    }
    out
}

/// The normalised text in `range`, with a space where a short line ends (a heading's title, the
/// cells of a form), so that the quote reads as the notice is laid out; spaces between Chinese
/// characters are white space the quote check drops.
fn spaced(notice: &Notice, lines: &Lines, range: std::ops::Range<usize>) -> String {
    let text = notice.text();
    let mut breaks = Vec::new();
    let mut line_start = range.start;
    for &(at, l) in &lines.lines {
        let end = notice.position(at + l.len());
        if end <= range.start {
            continue;
        }
        if end >= range.end {
            break;
        }
        let line = &text[line_start.max(range.start)..end];
        let short = (1..=20).contains(&line.chars().count());
        let open = line.ends_with(['，', '、', '；', '：', '。', '！', '？', '（', '(', '“', '《', ' ']);
        let closes_next = text[end..].starts_with(['，', '。', '；', '：', '）', ')', '”', '》', '、', ' ']);
        if short && !open && !closes_next && !breaks.contains(&end) {
            breaks.push(end);
        }
        line_start = end;
    }
    let mut out = String::new();
    let mut at = range.start;
    for b in breaks {
        out.push_str(&text[at..b]);
        out.push(' ');
        at = b;
    }
    out.push_str(&text[at..range.end]);
    out
}

fn clause(id: &str, section: &str, text: &str, unit: MoneyUnit) -> Clause {
    let stubs = stubs(id, text, unit);
    Clause { id: id.to_owned(), section: section.to_owned(), text: text.to_owned(), stubs }
}

/// An id from the numbers of the headings around `h`: `p1-s2-i3-n4` (part, section, item,
/// point), `a2-p1` in annex 2.
fn heading_id(hs: &[Heading], h: &Heading) -> String {
    let parts: Vec<String> = hs
        .iter()
        .filter(|g| g.start <= h.start && h.start < g.end)
        .map(|g| {
            let letter = match g.level {
                Level::Annex => "a",
                Level::Part => "p",
                Level::Section => "s",
                Level::Item => "i",
                Level::Point => "n",
            };
            if g.level == Level::Annex && g.number == 0 { letter.to_owned() } else { format!("{letter}{}", g.number) }
        })
        .collect();
    parts.join("-")
}

/// A section label that names `h`'s region: its markers, and where the numbering repeats
/// inside its parent ("项目内容：（1）…申报条件：（1）…"), the words just before it.
fn label(text: &str, hs: &[Heading], h: &Heading) -> String {
    let chain: Vec<&Heading> = hs.iter().filter(|g| g.start <= h.start && h.start < g.end).collect();
    let join = |gs: &[&Heading], word: Option<&str>| {
        let mut s = String::new();
        for (k, g) in gs.iter().enumerate() {
            if k + 1 == gs.len()
                && let Some(w) = word
            {
                s.push('·');
                s.push_str(w);
                // An item's number would read as part of the words.
                if g.level == Level::Item {
                    s.push(' ');
                }
            }
            s.push_str(&g.marker());
            if g.level == Level::Annex && k + 1 < gs.len() {
                s.push('·');
            }
        }
        s
    };
    let names = |l: &str| resolve(text, hs, l).is_ok_and(|r| r.start == h.start);
    let plain = join(&chain, None);
    if names(&plain) {
        return plain;
    }
    // The words that lead into its run of numbers ("申报条件：（1）…（2）"): back to the
    // punctuation before them, or else as few characters just before the marker as name it.
    let parent_start = chain.len().checked_sub(2).map_or(0, |k| chain[k].start);
    let run = hs
        .iter()
        .rfind(|g| g.level == h.level && g.start <= h.start && g.start >= parent_start && g.number == 1)
        .map_or(h.start, |g| g.start);
    let lead = text[..run].trim_end_matches(['：', ':']);
    let lead = lead.rsplit(['。', '；', ';', '，', ',', '：', ':', '、', '）', ')']).next().unwrap_or("");
    let before: Vec<(usize, char)> = text[..h.start].char_indices().collect();
    let tails = (2..=12.min(before.len()))
        .map(|k| text[before[before.len() - k].0..h.start].trim_end_matches(['：', ':', '，', ',', '；', ';', '。']));
    for w in std::iter::once(lead).chain(tails) {
        let bad = w.is_empty()
            || w.chars().count() > 16
            || w.chars().any(|c| is_space(c) || matches!(c, '（' | '(' | '）' | ')' | '·' | '・' | '/'))
            || w.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c) || c == '附');
        if bad {
            continue;
        }
        let l = join(&chain, Some(w));
        if names(&l) {
            return l;
        }
    }
    // The enclosing heading's label still holds the text.
    join(&chain[..chain.len().saturating_sub(1)], None)
}

/// Proposed rule stubs for the numbers a clause states, each with the words it reads, in the
/// order they stand. `ID` stands for the clause's id, `YEAR` for the year of the notice's date.
fn stubs(id: &str, text: &str, unit: MoneyUnit) -> Vec<String> {
    type Make = fn(&regex::Captures) -> String;
    // (pattern, stub, not right after any of these, not right before any of these)
    type Rule = (Regex, Make, &'static [&'static str], &'static [&'static str]);
    const DIGIT_OR_YEAR: &[&str] = &["年", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    const RANGE_DASH: &[&str] = &["~", "～", "-", "－", "—", "–", "至", "到"];
    static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
        let rules: Vec<(&str, Make, &'static [&'static str], &'static [&'static str])> = vec![
            (r"原则上不超过(\d+(?:\.\d+)?)万元", |c| format!("amount: {{ kind: soft-cap, value: {}, source: ID }}", &c[1]), &[], &[]),
            (r"不超过(\d+(?:\.\d+)?)万元", |c| format!("amount: {{ kind: cap, value: {}, source: ID }}", &c[1]), &["原则上"], &[]),
            (
                r"(\d+(?:\.\d+)?)\s*[~～\-－—–至到]\s*(\d+(?:\.\d+)?)\s*万元",
                |c| format!("amount: {{ kind: range, min: {}, max: {}, source: ID }}", &c[1], &c[2]),
                &[],
                &[],
            ),
            (
                r"(\d+(?:\.\d+)?)\s*[~～\-－—–至到]\s*(\d+(?:\.\d+)?)\s*元",
                |c| format!("amount: {{ kind: range, min: YUAN({}), max: YUAN({}), source: ID }}", &c[1], &c[2]),
                &[],
                &[],
            ),
            // The upper end of a range (4~5万元/项) is no fixed amount.
            (r"(\d+(?:\.\d+)?)万(?:元)?/项", |c| format!("amount: {{ kind: fixed, value: {}, source: ID }}", &c[1]), RANGE_DASH, &[]),
            (r"项目数量[:：]\s*(\d+)\s*[项个]", |c| format!("quota: {{ kind: exact, value: {}, source: ID }}", &c[1]), &[], &[]),
            (r"项目数量[:：]\s*不限", |_| "quota: { kind: unlimited, source: ID }".to_owned(), &[], &[]),
            (
                r"执行时间[:：]\s*(\d{4})年(\d{1,2})月?\s*[~～\-－—–至到]\s*(\d{1,2})月",
                |c| format!("window: {{ from: {}-{:0>2}-01, until: {}, source: ID }}", &c[1], &c[2], month_end(&c[1], &c[3])),
                &[],
                // 期间的活动优先考虑: a preference, not a window.
                &["期间的活动优先", "期间优先", "优先"],
            ),
            (r"每[个项](\d+(?:\.\d+)?)万元", |c| format!("amount: {{ kind: fixed, value: {}, source: ID }}", &c[1]), &[], &[]),
            (r"不超过(\d+)[项个]", |c| format!("quota: {{ kind: max, value: {}, source: ID }}", &c[1]), &[], &["万"]),
            (r"(\d+)[个项]左右", |c| format!("quota: {{ kind: approx, value: {}, source: ID }}", &c[1]), &[], &[]),
            (r"须(\d+)家以上单位报名", |c| format!("min_applicants: {{ value: {}, source: ID }}", &c[1]), &[], &[]),
            (
                r"(\d+)至(\d+)字",
                |c| format!("deliverables: [{{ id: ~, name: ~, min_chars: {}, max_chars: {}, source: ID }}]", &c[1], &c[2]),
                &[],
                &[],
            ),
            (r"不少于(\d+)字", |c| format!("deliverables: [{{ id: ~, name: ~, min_chars: {}, source: ID }}]", &c[1]), &[], &[]),
            (r"不超过(\d+)字", |c| format!("deliverables: [{{ id: ~, name: ~, max_chars: {}, source: ID }}]", &c[1]), &[], &[]),
            (r"（(\d+)字）", |c| format!("deliverables: [{{ id: ~, name: ~, nominal_chars: {}, source: ID }}]", &c[1]), &[], &[]),
            (r"限(\d+)字", |c| format!("form: {{ text_limits: [{{ field: ~, max_chars: {}, source: ID }}] }}", &c[1]), &[], &[]),
            (
                r"(?:不少于|至少)(\d+)(场次|场|个|名|人|项|篇|家|次|所|份|期|县|部|条)",
                |c| format!("kpis: [{{ id: ~, name: ~, unit: {}, min: {}, source: ID }}]", &c[2], &c[1]),
                &[],
                &["字"],
            ),
            (
                r"(\d+)(场次|场|个|名|人|项|篇|家|次|所)以上",
                |c| format!("kpis: [{{ id: ~, name: ~, unit: {}, min: {}, source: ID }}]", &c[2], &c[1]),
                &["须"],
                &["单位报名"],
            ),
            (
                r"完成时限：(\d{4})年(\d{1,2})月(\d{1,2})日前",
                |c| format!("completion: {{ by: {}-{:0>2}-{:0>2}, source: ID }}", &c[1], &c[2], &c[3]),
                &[],
                &[],
            ),
            (
                r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:（星期.）)?(?:(\d{1,2})[点时])?前",
                |c| deadline(&c[1], &c[2], &c[3], c.get(4)),
                &["完成时限："],
                &[],
            ),
            (
                r"截止(?:日期|时间)为(\d{4})年(\d{1,2})月(\d{1,2})日(?:(\d{1,2})[点时])?",
                |c| deadline(&c[1], &c[2], &c[3], c.get(4)),
                &[],
                &[],
            ),
            (
                r"(\d{1,2})月(\d{1,2})日(?:（星期.）)?(?:(\d{1,2})[点时])?前",
                |c| deadline("YEAR", &c[1], &c[2], c.get(3)),
                DIGIT_OR_YEAR,
                &[],
            ),
            (r"截止(?:日期|时间)为(\d{1,2})月(\d{1,2})日(?:(\d{1,2})[点时])?", |c| deadline("YEAR", &c[1], &c[2], c.get(3)), &[], &[]),
            (r"(\d{4})年(\d{1,2})月底前", |c| format!("completion: {{ by: {}, source: ID }}", month_end(&c[1], &c[2])), &[], &[]),
        ];
        rules.into_iter().map(|(re, make, after, before)| (Regex::new(re).expect("regex"), make, after, before)).collect()
    });
    let mut found: Vec<(usize, String)> = Vec::new();
    for (re, make, not_after, not_before) in RULES.iter() {
        for caps in re.captures_iter(text) {
            let m = caps.get(0).expect("match");
            if not_after.iter().any(|w| text[..m.start()].ends_with(w)) || not_before.iter().any(|w| text[m.end()..].starts_with(w)) {
                continue;
            }
            let mut stub = in_unit(&make(&caps), unit).replace("ID", id);
            if stub.starts_with("completion") && text.contains("原则上") {
                stub = stub.replace(", source:", ", soft: true, source:");
            }
            let line = format!("{stub}  # “{}”", m.as_str());
            if !found.iter().any(|(at, l)| *at == m.start() && *l == line) {
                found.push((m.start(), line));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, l)| l).collect()
}

/// The money unit of a notice's text: 元 when it states amounts in 元 and never in 万元, else
/// 万元.
fn money_unit(text: &str) -> MoneyUnit {
    static YUAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d\s*元").expect("regex"));
    if !text.contains("万元") && !text.contains("万/") && YUAN.is_match(text) { MoneyUnit::Yuan } else { MoneyUnit::WanYuan }
}

/// A stub with each `YUAN(n)` (an amount the notice states in 元) written in `unit`.
fn in_unit(stub: &str, unit: MoneyUnit) -> String {
    static AMOUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"YUAN\(([0-9.]+)\)").expect("regex"));
    AMOUNT
        .replace_all(stub, |c: &regex::Captures| match (unit, c[1].parse::<rust_decimal::Decimal>()) {
            (MoneyUnit::WanYuan, Ok(d)) => (d / rust_decimal::Decimal::from(10_000)).normalize().to_string(),
            _ => c[1].to_owned(),
        })
        .into_owned()
}

/// A deadline stub: a date, or a date and hour in quotes.
fn deadline(year: &str, month: &str, day: &str, hour: Option<regex::Match>) -> String {
    let (m, d) = (month.parse::<u32>().unwrap_or(0), day.parse::<u32>().unwrap_or(0));
    let closes = match hour {
        Some(h) => format!("\"{year}-{m:02}-{d:02} {:02}:00\"", h.as_str().parse::<u32>().unwrap_or(0)),
        None => format!("{year}-{m:02}-{d:02}"),
    };
    format!("deadlines: [{{ id: ~, name: ~, channel: ~, closes: {closes}, source: ID }}]")
}

/// The last day of a month, `YYYY-MM-DD`.
fn month_end(year: &str, month: &str) -> String {
    let (y, m) = (year.parse::<i32>().unwrap_or(2000), month.parse::<u32>().unwrap_or(1).clamp(1, 12));
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
    next.and_then(|d| d.pred_opt()).map_or_else(|| format!("{y}-{m:02}-28"), |d| d.to_string())
}

/// A YAML scalar for `s`: plain where that reads back as the same string, double-quoted
/// otherwise.
fn scalar(s: &str) -> String {
    // A number, a date or a boolean would not read back as text; with Chinese in it, it does.
    let looks_typed = s.is_ascii()
        && (s.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '+')
            || ["true", "false", "null", "yes", "no", "on", "off"].contains(&s.to_ascii_lowercase().as_str()));
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`~ ".contains(c))
        && !looks_typed
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control() || c == '\t');
    if plain { s.to_owned() } else { serde_json::to_string(s).expect("a string serialises") }
}

fn write(meta: &Meta, clauses: &[Clause], notice_file: &str, id: &str, lang: Lang) -> String {
    let say = |t: Text| t.get(lang).to_owned();
    let unknown = say(crate::tr!("~  # unknown: the notice's text does not state it", "~  # 未知：通知原文没有写明"));
    let mut y = String::new();
    y.push_str(&say(crate::tr!(
        "# Written by `callspec init` from the notice's text: its numbered structure as clauses, each\n\
         # quoted verbatim (`callspec check` holds the quotes against the notice), and the call's\n\
         # metadata where the text states it. Still to write: the applicant types, the categories and\n\
         # their rules. Each clause that states a number has commented rule stubs below it; move them\n\
         # where they belong. `callspec check` lists every clause no rule cites yet.\n",
        "# 由 `callspec init` 根据通知原文写出：通知的编号结构逐条作为条款，逐字引用（`callspec check`\n\
         # 会把引文与通知核对），通知写明的元数据也已填入。尚待补写：申报单位类型、类别及其规则。\n\
         # 凡写有数字的条款，其下方以注释写出规则草稿，请移到所属之处。`callspec check` 会列出\n\
         # 尚无规则引用的每条条款。\n"
    )));
    y.push_str("callspec: 2\n\ncall:\n");
    y.push_str(&format!("  id: {id}\n"));
    y.push_str(&format!("  title: {}\n", meta.title.as_deref().map_or_else(|| unknown.to_owned(), scalar)));
    y.push_str(&format!("  issuer: {}\n", meta.issuer.as_deref().map_or_else(|| unknown.to_owned(), scalar)));
    match &meta.document {
        Some(d) if d.contains('〔') => y.push_str(&format!("  document: {}\n", scalar(d))),
        Some(d) => y.push_str(&format!(
            "  document: {}  # {}\n",
            scalar(d),
            say(crate::tr!("as extracted: check it against the notice", "按提取结果写入：请与通知原件核对"))
        )),
        None => y.push_str(&format!("  document: {unknown}\n")),
    }
    y.push_str(&format!("  issued: {}\n", meta.issued.map_or_else(|| unknown.to_owned(), |d| d.to_string())));
    let unit = match meta.money_unit {
        MoneyUnit::WanYuan => "万元",
        MoneyUnit::Yuan => "元",
    };
    y.push_str(&format!("  timezone: Asia/Shanghai\n  money_unit: {unit}\n\n"));
    y.push_str(&format!("notice:\n  file: {}\n", scalar(notice_file)));
    y.push_str(&format!(
        "  # corrections: [{{ read: \"９\", as: \"，\", why: … }}]  # {}\n\n",
        say(crate::tr!("extraction noise a quote corrects", "引文所更正的提取错误"))
    ));
    y.push_str("clauses:\n");
    let year = meta.issued.map(|d| chrono::Datelike::year(&d).to_string());
    for c in clauses {
        y.push_str(&format!("  {}:\n    section: {}\n    text: {}\n", c.id, scalar(&c.section), scalar(&c.text)));
        for s in &c.stubs {
            let s = match &year {
                Some(yr) => s.replace("YEAR", yr),
                None => s.replace("YEAR", "????"),
            };
            y.push_str(&format!("    # {s}\n"));
        }
    }
    y.push_str(&say(crate::tr!(
        "\n# The applicant types the notice speaks of (市级学会, 高校科协, …), by id.\napplicant_types: {{}}\n\n",
        "\n# 通知所说的申报单位类型（市级学会、高校科协……），各有编号。\napplicant_types: {{}}\n\n"
    )));
    y.push_str(&say(crate::tr!(
        "# The groups and categories of the call; each cites its clause.\ncategories: []\n",
        "# 通知的项目组别和类别；每个都引用其条款。\ncategories: []\n"
    )));
    y
}

/// The id of a call from a file name: lower case, characters other than a-z, 0-9 and '-' as '-'.
pub fn call_id(stem: &str) -> String {
    let mut id: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    while id.contains("--") {
        id = id.replace("--", "-");
    }
    let id = id.trim_matches('-').to_owned();
    if id.is_empty() { "call".to_owned() } else { id }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str = "示例市科学技术协会文件\n示科协〔2025〕1号\n\n示例市科协关于2025年度\n学术活动项目申报工作的\n\n通知\n\n各市级学会，园区\n\n科协：\n\n现通知如下：\n\n一、项目类别\n\n（一）重点项目（不超过 10项，5万/项，每项须 3\n家以上单位报名）\n\n1.学术活动：开展学术活动不少于 3场。\n\n项目内容：（1）方向一；（2）方向二。申报条件：（1）市级学会；（2）园区科协。\n\n二、其他事项\n\n1.项目原则上于 2025年 11月底前完成。\n\n2.申报截止日期为 4月 21日，纸质材料 4月 25日 17点前寄达。\n\n联系人：王老师\n\n附件：申报书\n\n示例市科学技术协会\n\n2025年 3月 1日\n 附件\n\n填 报 说 明\n\n1．项目主要内容摘要（限 500字）\n";

    #[test]
    fn metadata_is_read_where_the_text_states_it() {
        let s = skeleton(NOTICE, "notice.txt", "demo", Lang::En);
        assert_eq!(s.meta.document.as_deref(), Some("示科协〔2025〕1号"));
        assert_eq!(s.meta.title.as_deref(), Some("示例市科协关于2025年度学术活动项目申报工作的通知"));
        assert_eq!(s.meta.issuer.as_deref(), Some("示例市科学技术协会"));
        assert_eq!(s.meta.issued, NaiveDate::from_ymd_opt(2025, 3, 1));
        let none = skeleton("一、总则\n1.开展活动。\n", "n.txt", "x", Lang::En);
        assert_eq!(none.meta, Meta::default());
        assert!(none.yaml.contains("title: ~  # unknown"));
    }

    #[test]
    fn clauses_follow_the_numbering_and_name_their_place() {
        let s = skeleton(NOTICE, "notice.txt", "demo", Lang::En);
        let got: Vec<(&str, &str, &str)> = s.clauses.iter().map(|c| (c.id.as_str(), c.section.as_str(), c.text.as_str())).collect();
        assert_eq!(
            got,
            [
                ("addressees", "主送", "各市级学会，园区科协："),
                ("preamble", "引言", "现通知如下："),
                ("p1", "一、", "一、项目类别"),
                ("p1-s1", "一、（一）", "（一）重点项目（不超过10项，5万/项，每项须3家以上单位报名）"),
                ("p1-s1-i1", "一、（一）1", "1.学术活动：开展学术活动不少于3场。项目内容："),
                ("p1-s1-i1-n1", "一、（一）1（1）", "（1）方向一；"),
                ("p1-s1-i1-n2", "一、（一）1（2）", "（2）方向二。申报条件："),
                ("p1-s1-i1-n1-2", "一、（一）1·申报条件（1）", "（1）市级学会；"),
                ("p1-s1-i1-n2-2", "一、（一）1·申报条件（2）", "（2）园区科协。"),
                ("p2", "二、", "二、其他事项"),
                ("p2-i1", "二、1", "1.项目原则上于2025年11月底前完成。"),
                ("p2-i2", "二、2", "2.申报截止日期为4月21日，纸质材料4月25日17点前寄达。联系人：王老师"),
                ("a", "附件", "填报说明"),
                ("a-i1", "附件·1", "1．项目主要内容摘要（限500字）"),
            ]
        );
    }

    #[test]
    fn numbers_become_commented_rule_stubs() {
        let s = skeleton(NOTICE, "notice.txt", "demo", Lang::En);
        let stubs = |id: &str| s.clauses.iter().find(|c| c.id == id).unwrap().stubs.clone();
        assert_eq!(
            stubs("p1-s1"),
            [
                "quota: { kind: max, value: 10, source: p1-s1 }  # “不超过10项”",
                "amount: { kind: fixed, value: 5, source: p1-s1 }  # “5万/项”",
                "min_applicants: { value: 3, source: p1-s1 }  # “须3家以上单位报名”",
            ]
        );
        assert_eq!(stubs("p1-s1-i1"), ["kpis: [{ id: ~, name: ~, unit: 场, min: 3, source: p1-s1-i1 }]  # “不少于3场”"]);
        assert_eq!(stubs("p2-i1"), ["completion: { by: 2025-11-30, soft: true, source: p2-i1 }  # “2025年11月底前”"]);
        assert_eq!(
            stubs("p2-i2"),
            [
                "deadlines: [{ id: ~, name: ~, channel: ~, closes: YEAR-04-21, source: p2-i2 }]  # “截止日期为4月21日”",
                "deadlines: [{ id: ~, name: ~, channel: ~, closes: \"YEAR-04-25 17:00\", source: p2-i2 }]  # “4月25日17点前”",
            ]
        );
        assert!(s.yaml.contains("closes: 2025-04-21"), "{}", s.yaml);
        assert_eq!(stubs("a-i1"), ["form: { text_limits: [{ field: ~, max_chars: 500, source: a-i1 }] }  # “限500字”"]);
    }

    #[test]
    fn the_skeleton_speaks_the_run_language() {
        let zh = skeleton("一、总则\n1.开展活动。\n", "n.txt", "x", Lang::Zh).yaml;
        assert!(zh.contains("title: ~  # 未知：通知原文没有写明") && zh.contains("# 通知的项目组别和类别"), "{zh}");
        let comments: String = zh.lines().filter_map(|l| l.split_once('#').map(|(_, c)| c)).collect();
        assert!(!comments.contains("the notice"), "{zh}");
    }

    #[test]
    fn ranges_counts_and_windows_become_stubs() {
        // The wording of 上海市科协's 2023 call (tests/corpus/shanghai-2023-academic).
        let s = stubs("c", "项目数量:4项经费额度:4~5万元/项执行时间:2023年5~6月申报对象:学会", MoneyUnit::WanYuan);
        assert_eq!(
            s,
            [
                "quota: { kind: exact, value: 4, source: c }  # “项目数量:4项”",
                "amount: { kind: range, min: 4, max: 5, source: c }  # “4~5万元”",
                "window: { from: 2023-05-01, until: 2023-06-30, source: c }  # “执行时间:2023年5~6月”",
            ]
        );
        // 不限 is kept apart from a number; a period the notice prefers is no window.
        let s = stubs("c", "项目数量:不限执行时间:2023年5月至6月期间的活动优先考虑", MoneyUnit::WanYuan);
        assert_eq!(s, ["quota: { kind: unlimited, source: c }  # “项目数量:不限”"]);
        // Amounts in 元: as they stand in a call counted in 元, in 万元 otherwise.
        let text = "每个项目资助金额为6000-10000元。";
        assert_eq!(stubs("c", text, MoneyUnit::Yuan), ["amount: { kind: range, min: 6000, max: 10000, source: c }  # “6000-10000元”"]);
        assert_eq!(stubs("c", text, MoneyUnit::WanYuan), ["amount: { kind: range, min: 0.6, max: 1, source: c }  # “6000-10000元”"]);
        assert_eq!(money_unit(text), MoneyUnit::Yuan);
        assert_eq!(money_unit("每项资助6000元，重点项目2万元"), MoneyUnit::WanYuan);
    }

    #[test]
    fn scalars_read_back_as_the_same_text() {
        assert_eq!(scalar("1.初创企业成长计划：市级学会"), "1.初创企业成长计划：市级学会");
        assert_eq!(scalar("66"), "\"66\"");
        assert_eq!(scalar("2025-03-27"), "\"2025-03-27\"");
        assert_eq!(scalar("null"), "\"null\"");
        assert_eq!(scalar("“项目类别”填写"), "“项目类别”填写");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("- 列表"), "\"- 列表\"");
    }

    #[test]
    fn ids_come_from_file_names() {
        assert_eq!(call_id("000_3e6a7f5caa96abde"), "000-3e6a7f5caa96abde");
        assert_eq!(call_id("Hangzhou 2025"), "hangzhou-2025");
        assert_eq!(call_id("通知"), "call");
    }
}
