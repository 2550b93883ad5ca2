//! The heading structure of a notice and the section labels that name its parts.
//!
//! Notices number their parts the way Chinese official documents (公文) do: `一、` parts,
//! `（一）` sections, `1.` items (also `1．` and `1、`), `（1）` points, and annexes that start
//! with a line reading `附件` or `附件N` alone (`（一）` also written `(一)`). Headings are found
//! at the start of a line, and points also inside a line ("申报条件：（1）…（2）…"). A page run
//! together into one line (a web page extracted without its line breaks, see [`scan`]) has
//! headings of every level inside that line. A digit-numbered item or point is taken as a heading
//! only when it continues the count of its level (1 after nothing, n + 1 after n, or 1 again), so
//! "19.8万" at the start of a wrapped line is not item 19; a Chinese-numbered part or section
//! may also skip ahead (一、 二、 三、 then "(四)"; a truncated copy that starts in 二、).
//!
//! A *section label* (`clauses.<id>.section`) names a region of the notice:
//!
//! - `一、（二）3` is item 3 of section （二） of part 一, up to the next item, section or part;
//! - parts may be left out from the end (`一、（二）` names the whole section), and levels the
//!   notice skips are skipped (`三、1` is item 1 of part 三);
//! - `附件`, `附件2` name the annexes (all of them, or annex 2); a label without one names the
//!   body of the notice, before the first annex;
//! - words narrow a region to what follows their first occurrence in it: `一、选题方向`,
//!   `附件·填报说明 1`, `一、（一）1·申报条件（1）` (point （1） after "申报条件" in item 1);
//! - `2–3` names items 2 to 3; `主送` and `引言` name the preamble before the first part.
//!
//! Separators (`·`, spaces) are for reading only. A quote is in its section when every piece of
//! it lies inside the region its label names.

use std::ops::Range;

use super::normal::{Normal, is_space, normal};

/// A heading level, from the outermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// `附件`, `附件2`.
    Annex,
    /// `一、`.
    Part,
    /// `（一）`.
    Section,
    /// `1.`, `1．`, `1、`.
    Item,
    /// `（1）`.
    Point,
}

impl Level {
    fn index(self) -> usize {
        self as usize
    }
}

/// A heading found in the notice. Offsets are byte offsets in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: Level,
    /// Its number; 0 for an annex without one.
    pub number: u32,
    /// Where its marker starts.
    pub start: usize,
    /// Where its text starts, after the marker.
    pub body: usize,
    /// Where the next heading of any level starts: the end of its own text.
    pub next: usize,
    /// The end of its scope: the next heading of the same or an outer level.
    pub end: usize,
    /// True for a point inside a line.
    pub inline: bool,
}

impl Heading {
    /// Its marker as a label writes it: `附件2`, `一、`, `（一）`, `1`, `（1）`.
    pub fn marker(&self) -> String {
        marker(self.level, self.number)
    }
}

fn marker(level: Level, n: u32) -> String {
    match level {
        Level::Annex if n == 0 => "附件".to_owned(),
        Level::Annex => format!("附件{n}"),
        Level::Part => format!("{}、", chinese(n)),
        Level::Section => format!("（{}）", chinese(n)),
        Level::Item => n.to_string(),
        Level::Point => format!("（{n}）"),
    }
}

/// A heading as [`scan`] finds it: byte offsets in the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub level: Level,
    pub number: u32,
    /// Where its marker starts.
    pub start: usize,
    /// Where its text starts, after the marker.
    pub body: usize,
    /// True for a heading inside a line.
    pub inline: bool,
}

/// The headings of `raw`, whose normalised (and corrected) text is `n`, in order.
pub fn headings(raw: &str, n: &Normal) -> Vec<Heading> {
    place(&scan(raw), n)
}

/// The headings of `raw`, in order, with byte offsets in `raw`. A line that holds at least three
/// quarters of the text's characters is a page run together: inside it, a part does not follow
/// a Chinese character ("统一、" is none) and an item neither follows a digit, letter or dot nor
/// is a decimal ("2.5万元" is none).
pub fn scan(raw: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut last = [0u32; 5];
    let accept = |level: Level, num: u32, last: &mut [u32; 5]| {
        let i = level.index();
        let ok = match level {
            Level::Annex => true,
            // Chinese numerals are no quantities: a part or section may skip ahead (a truncated
            // or condensed copy leaves some out).
            Level::Part | Level::Section => num == 1 || num > last[i],
            Level::Item | Level::Point => num == 1 || num == last[i] + 1,
        };
        if ok {
            last[i] = num;
            last[i + 1..].iter_mut().for_each(|x| *x = 0);
        }
        ok
    };
    let run_together = run_together(raw);
    let mut offset = 0;
    // The list of annexes at the end of the body ("附件：1.…" then "2.…" on the next lines, up to
    // a blank line) numbers annexes, not items.
    let mut annex_list = false;
    for line in raw.split_inclusive('\n') {
        let lead = line.len() - line.trim_start_matches(is_space).len();
        let rest = &line[lead..];
        if rest.chars().all(is_space) {
            annex_list = false;
        } else if rest.starts_with("附件：") || rest.starts_with("附件:") {
            annex_list = true;
        }
        if annex_list {
            offset += line.len();
            continue;
        }
        let mut scan_from = lead;
        if let Some((level, num, len)) = line_marker(rest)
            && accept(level, num, &mut last)
        {
            found.push(Found { level, number: num, start: offset + lead, body: offset + lead + len, inline: false });
            scan_from = lead + len;
        }
        if run_together == Some(offset) {
            // A page run together into one line: headings of every level inside it.
            let mut at = scan_from;
            while let Some(c) = line[at..].chars().next() {
                let prev = line[..at].chars().next_back();
                match inline_marker(&line[at..], prev) {
                    Some((level, num, len)) if accept(level, num, &mut last) => {
                        found.push(Found { level, number: num, start: offset + at, body: offset + at + len, inline: true });
                        at += len;
                    }
                    _ => at += c.len_utf8(),
                }
            }
            offset += line.len();
            continue;
        }
        // Points inside the line: "申报条件：（1）省级学会…（2）…".
        // A byte scan for "(" and the "（" (EF BC 88) that open them: this runs over every line.
        let bytes = line.as_bytes();
        let mut at = scan_from;
        while at < bytes.len() {
            let Some(k) = bytes[at..].iter().position(|&b| b == b'(' || b == 0xEF) else { break };
            let p = at + k;
            if bytes[p] == 0xEF && !bytes[p..].starts_with("（".as_bytes()) {
                at = p + 1;
                continue;
            }
            match paren_number(&line[p..]) {
                Some((num, len)) if accept(Level::Point, num, &mut last) => {
                    found.push(Found { level: Level::Point, number: num, start: offset + p, body: offset + p + len, inline: true });
                    at = p + len;
                }
                _ => at = p + 1,
            }
        }
        offset += line.len();
    }
    found
}

/// The headings `found` in the raw text, placed in its normalised (and corrected) text `n`,
/// each with the end of its text and of its scope.
pub fn place(found: &[Found], n: &Normal) -> Vec<Heading> {
    let mut out: Vec<Heading> = found
        .iter()
        .map(|f| Heading {
            level: f.level,
            number: f.number,
            start: n.position(f.start),
            body: n.position(f.body),
            next: 0,
            end: 0,
            inline: f.inline,
        })
        .collect();
    let len = n.text.len();
    for i in 0..out.len() {
        out[i].next = out.get(i + 1).map_or(len, |h| h.start);
        let level = out[i].level;
        out[i].end = out[i + 1..].iter().find(|h| h.level <= level).map_or(len, |h| h.start);
    }
    out
}

/// The byte offset of the line that holds a page run together, when there is one: a line with
/// at least three quarters of the text's characters (white space aside). Web pages extracted
/// without their line breaks come as one line ("…专题活动,二、申报项目及内容(一)上海市科协…").
fn run_together(raw: &str) -> Option<usize> {
    let mut total = 0usize;
    let mut best = (0usize, 0usize);
    let mut offset = 0;
    for line in raw.split_inclusive('\n') {
        let count = line.chars().filter(|&c| !is_space(c)).count();
        total += count;
        if count > best.0 {
            best = (count, offset);
        }
        offset += line.len();
    }
    (best.0 > 0 && best.0 * 4 >= total * 3).then_some(best.1)
}

/// A heading marker inside a line run together, at the start of `s`, after the character
/// `prev`: its level, number and length in bytes. A part (`二、`) does not follow a Chinese
/// character (so "统一、" and "第一、二批" are none); an item (`2.`) neither follows a digit, a
/// letter or a dot nor is a decimal ("2.5万元").
fn inline_marker(s: &str, prev: Option<char>) -> Option<(Level, u32, usize)> {
    let c = s.chars().next()?;
    if matches!(c, '（' | '(') {
        return compact_marker(s, false);
    }
    if NUMERALS.contains(&c) {
        if prev.is_some_and(is_han) {
            return None;
        }
        let (num, len) = chinese_number(s)?;
        return s[len..].starts_with('、').then_some((Level::Part, num, len + '、'.len_utf8()));
    }
    if c.is_ascii_digit() {
        if prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '.' | '．' | '-' | '~' | '～' | '/')) {
            return None;
        }
        let (num, len) = digits(s)?;
        let punct = s[len..].chars().next().filter(|c| matches!(c, '.' | '．' | '、'))?;
        let after = &s[len + punct.len_utf8()..];
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some((Level::Item, num, len + punct.len_utf8()));
    }
    None
}

/// A Chinese character (CJK unified ideographs and their extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// A heading marker at the start of a line: its level, number and length in bytes. White space
/// inside the marker is skipped ("（ 二 ）" of a spaced-out line is "（二）").
fn line_marker(s: &str) -> Option<(Level, u32, usize)> {
    // On the stack: this runs for every line of the notice.
    let mut buf = [0u8; 48];
    let mut used = 0;
    let mut ends = [0usize; 12];
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if is_space(c) {
            continue;
        }
        used += c.encode_utf8(&mut buf[used..]).len();
        ends[n] = i + c.len_utf8();
        n += 1;
        if n == ends.len() {
            break;
        }
    }
    let compact = std::str::from_utf8(&buf[..used]).ok()?;
    let (level, num, len) = compact_marker(compact, n < ends.len())?;
    let chars = compact[..len].chars().count();
    Some((level, num, ends[chars - 1]))
}

/// [`line_marker`] on the line's first characters without white space; `whole` when they are
/// all the line has.
fn compact_marker(s: &str, whole: bool) -> Option<(Level, u32, usize)> {
    if let Some(after) = s.strip_prefix("附件") {
        let (num, len) = digits(after).unwrap_or((0, 0));
        let tail = &after[len..];
        let colon = tail.chars().next().filter(|c| matches!(c, '：' | ':')).map_or(0, char::len_utf8);
        return (whole && tail.len() == colon).then_some((Level::Annex, num, s.len()));
    }
    if let Some((num, len)) = chinese_number(s)
        && s[len..].starts_with('、')
    {
        return Some((Level::Part, num, len + '、'.len_utf8()));
    }
    if let Some(inner) = s.strip_prefix(['（', '(']) {
        let open = s.len() - inner.len();
        if let Some((num, len)) = chinese_number(inner)
            && let Some(close) = inner[len..].chars().next().filter(|c| matches!(c, '）' | ')'))
        {
            return Some((Level::Section, num, open + len + close.len_utf8()));
        }
        return paren_number(s).map(|(num, len)| (Level::Point, num, len));
    }
    let (num, len) = digits(s)?;
    let punct = s[len..].chars().next().filter(|c| matches!(c, '.' | '．' | '、'))?;
    Some((Level::Item, num, len + punct.len_utf8()))
}

/// `（12）` or `(12)` at the start of `s`: the number and the length in bytes.
fn paren_number(s: &str) -> Option<(u32, usize)> {
    let inner = s.strip_prefix(['（', '('])?;
    let open = s.len() - inner.len();
    let (num, len) = digits(inner).filter(|&(_, len)| len <= 2)?;
    let close = inner[len..].chars().next().filter(|c| matches!(c, '）' | ')'))?;
    Some((num, open + len + close.len_utf8()))
}

/// ASCII digits at the start of `s` (at most three): the number and their length.
fn digits(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 3 {
        return None;
    }
    s[..len].parse().ok().map(|n| (n, len))
}

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// A Chinese numeral from 一 to 九十九 at the start of `s`: its value and length in bytes.
fn chinese_number(s: &str) -> Option<(u32, usize)> {
    let len: usize = s.chars().take_while(|c| NUMERALS.contains(c)).map(char::len_utf8).sum();
    let value = |c: char| NUMERALS.iter().position(|&d| d == c).map(|i| i as u32 + 1);
    let ds: Vec<u32> = s[..len].chars().filter_map(value).collect();
    let n = match ds.as_slice() {
        [d] => *d,
        [10, d] if *d < 10 => 10 + d,
        [d, 10] if *d < 10 && *d > 1 => d * 10,
        [d, 10, e] if *d < 10 && *d > 1 && *e < 10 => d * 10 + e,
        _ => return None,
    };
    Some((n, len))
}

/// `n` in Chinese numerals (1 to 99).
pub fn chinese(n: u32) -> String {
    let d = |k: u32| NUMERALS[(k - 1) as usize];
    match n {
        1..=10 => d(n).to_string(),
        11..=19 => format!("十{}", d(n - 10)),
        20..=99 if n.is_multiple_of(10) => format!("{}十", d(n / 10)),
        21..=99 => format!("{}十{}", d(n / 10), d(n % 10)),
        _ => n.to_string(),
    }
}

/// One part of a section label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// `附件`, `附件2`.
    Annex(Option<u32>),
    /// A numbered heading, or a range of them (`2–3`).
    Number(Level, u32, u32),
    /// Words that narrow the region to what follows them.
    Word(String),
    /// `主送`, `引言`: before the first part.
    Preamble,
}

/// Labels that name the preamble of the notice, before its first numbered part.
pub const PREAMBLE: &[&str] = &["主送", "引言"];

/// Reads a section label into its parts.
pub fn parse(label: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut s = label.trim();
    let is_sep = |c: char| is_space(c) || matches!(c, '·' | '・' | '•' | '/');
    let ends_token = |rest: &str| rest.chars().next().is_none_or(|c| is_sep(c) || matches!(c, '（' | '('));
    while let Some(c) = s.chars().next() {
        if is_sep(c) {
            s = &s[c.len_utf8()..];
            continue;
        }
        if let Some(rest) = s.strip_prefix("附件") {
            let rest = rest.trim_start_matches(is_space);
            let (num, len) = digits(rest).map_or((None, 0), |(n, l)| (Some(n), l));
            out.push(Part::Annex(num));
            s = &rest[len..];
            continue;
        }
        if let Some((num, len)) = chinese_number(s) {
            let after = &s[len..];
            if let Some(rest) = after.strip_prefix('、') {
                out.push(Part::Number(Level::Part, num, num));
                s = rest;
                continue;
            }
            if ends_token(after) || after.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(Part::Number(Level::Part, num, num));
                s = after;
                continue;
            }
        }
        if let Some(inner) = s.strip_prefix(['（', '(']) {
            let close = inner.find(['）', ')']).unwrap_or(inner.len());
            let word = &inner[..close];
            let rest = inner[close..].strip_prefix(['）', ')']).unwrap_or(&inner[close..]);
            match (chinese_number(word), digits(word)) {
                (Some((n, l)), _) if l == word.len() => out.push(Part::Number(Level::Section, n, n)),
                (_, Some((n, l))) if l == word.len() => out.push(Part::Number(Level::Point, n, n)),
                _ if !word.is_empty() => out.push(Part::Word(word.to_owned())),
                _ => {}
            }
            s = rest;
            continue;
        }
        if let Some((num, len)) = digits(s) {
            let mut after = &s[len..];
            after = after.strip_prefix(['.', '．', '、']).unwrap_or(after);
            let mut to = num;
            if let Some(r) = after.strip_prefix(['–', '-', '—', '～', '~', '至'])
                && let Some((m, l)) = digits(r)
            {
                to = m;
                after = &r[l..];
            }
            if ends_token(after) {
                out.push(Part::Number(Level::Item, num, to));
                s = after;
                continue;
            }
        }
        let end = s.find(|c: char| is_sep(c) || matches!(c, '（' | '(')).unwrap_or(s.len()).max(c.len_utf8());
        let word = &s[..end];
        if out.is_empty() && PREAMBLE.contains(&word) {
            out.push(Part::Preamble);
        } else {
            out.push(Part::Word(word.to_owned()));
        }
        s = &s[end..];
    }
    out
}

/// Why a label names no region of the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelError {
    /// The label is empty.
    Empty,
    /// No heading `marker` within `within` (a label prefix, or empty for the body); `there`
    /// lists the markers of that level that are there.
    NoHeading { marker: String, within: String, there: Vec<String> },
    /// The words do not occur within `within`.
    NoWord { word: String, within: String },
    /// `附件` other than first.
    AnnexNotFirst,
}

/// The region a label names, in the normalised text `text` with headings `hs`.
pub fn resolve(text: &str, hs: &[Heading], label: &str) -> Result<Range<usize>, LabelError> {
    let parts = parse(label);
    if parts.is_empty() {
        return Err(LabelError::Empty);
    }
    let first_annex = hs.iter().find(|h| h.level == Level::Annex).map(|h| h.start);
    let mut region = 0..first_annex.unwrap_or(text.len());
    let mut named = String::new();
    for (k, part) in parts.iter().enumerate() {
        match part {
            Part::Annex(_) if k > 0 => return Err(LabelError::AnnexNotFirst),
            Part::Annex(None) => match first_annex {
                Some(a) => region = a..text.len(),
                None => return Err(no_heading(hs, &region, Level::Annex, 0, 0, &named)),
            },
            Part::Annex(Some(n)) => match hs.iter().find(|h| h.level == Level::Annex && h.number == *n) {
                Some(h) => region = h.start..h.end,
                None => return Err(no_heading(hs, &(0..text.len()), Level::Annex, *n, *n, &named)),
            },
            Part::Preamble => {
                let end = hs.iter().find(|h| h.level <= Level::Part && region.contains(&h.start)).map_or(region.end, |h| h.start);
                region = region.start..end;
            }
            Part::Number(level, from, to) => {
                let within = |h: &&Heading| h.level == *level && h.start >= region.start && h.start < region.end;
                let Some(first) = hs.iter().filter(within).find(|h| h.number == *from) else {
                    return Err(no_heading(hs, &region, *level, *from, *to, &named));
                };
                let last = if to > from {
                    match hs.iter().filter(within).find(|h| h.number == *to && h.start > first.start) {
                        Some(h) => h,
                        None => return Err(no_heading(hs, &region, *level, *to, *to, &named)),
                    }
                } else {
                    first
                };
                region = first.start..last.end.min(region.end);
            }
            Part::Word(w) => {
                let w = normal(w);
                match text[region.clone()].find(&w) {
                    Some(p) => region = region.start + p..region.end,
                    None => return Err(LabelError::NoWord { word: w, within: named }),
                }
            }
        }
        named.push_str(&match part {
            Part::Annex(n) => marker(Level::Annex, n.unwrap_or(0)) + "·",
            Part::Number(level, from, to) if to > from => format!("{}–{}", marker(*level, *from), marker(*level, *to)),
            Part::Number(level, from, _) => marker(*level, *from),
            Part::Word(w) => format!("·{w}"),
            Part::Preamble => "引言".to_owned(),
        });
    }
    Ok(region)
}

fn no_heading(hs: &[Heading], region: &Range<usize>, level: Level, from: u32, to: u32, named: &str) -> LabelError {
    let there = hs.iter().filter(|h| h.level == level && region.contains(&h.start)).map(Heading::marker).collect::<Vec<_>>();
    let mut there_unique = Vec::new();
    for m in there {
        if !there_unique.contains(&m) {
            there_unique.push(m);
        }
    }
    let marker = if to > from { format!("{}–{}", marker(level, from), marker(level, to)) } else { marker(level, from) };
    LabelError::NoHeading { marker, within: named.trim_end_matches('·').to_owned(), there: there_unique }
}

/// The label of the place `at` in the normalised text: the markers of the headings around it
/// (`附件1·一、（二）3（1）`), or `引言` before the first heading of the body.
pub fn label_at(hs: &[Heading], at: usize) -> String {
    let mut out = String::new();
    for h in hs.iter().filter(|h| h.start <= at && at < h.end) {
        out.push_str(&h.marker());
        if h.level == Level::Annex {
            out.push('·');
        }
    }
    let out = out.trim_end_matches('·').to_owned();
    if out.is_empty() { "引言".to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::normal::normalize;

    const NOTICE: &str = "通知\n各学会：\n现通知如下：\n一、选题方向\n总述。\n（ 一 ）重大项目（19.8万/项，每项须 3\n家以上）\n1.甲计划：导师 30名\n19.8万元\n2.乙计划。\n项目内容：（1）方向一；（2）方向二。\n申报条件：（1）省级学会；（2）市级。\n（二）重点项目\n二、其他事项\n1．联系人\n附件：1.申报书\n2.名单\n\n附件1\n填 报 说 明\n1．如实填写。\n一、项目基本情况\n附件2\n名单\n";

    fn outline() -> (String, Vec<Heading>) {
        let n = normalize(NOTICE);
        let hs = headings(NOTICE, &n);
        (n.text, hs)
    }

    fn markers(hs: &[Heading]) -> Vec<String> {
        hs.iter().map(Heading::marker).collect()
    }

    #[test]
    fn headings_are_found_by_their_numbering() {
        let (_, hs) = outline();
        assert_eq!(
            markers(&hs),
            ["一、", "（一）", "1", "2", "（1）", "（2）", "（1）", "（2）", "（二）", "二、", "1", "附件1", "1", "一、", "附件2"]
        );
        assert!(hs[4].inline && !hs[2].inline);
    }

    #[test]
    fn a_number_out_of_sequence_is_no_heading() {
        let (text, hs) = outline();
        // "19.8万元" starts a line after item 1: not item 19.
        assert!(hs.iter().all(|h| h.number != 19));
        assert!(text.contains("19.8万元"));
    }

    #[test]
    fn scopes_nest() {
        let (text, hs) = outline();
        let part = &hs[0];
        assert_eq!(
            &text[part.start..part.end],
            "一、选题方向总述。（一）重大项目（19.8万/项，每项须3家以上）1.甲计划：导师30名19.8万元2.乙计划。项目内容：（1）方向一；（2）方向二。申报条件：（1）省级学会；（2）市级。（二）重点项目"
        );
        let item = &hs[2];
        assert_eq!(&text[item.body..item.next], "甲计划：导师30名19.8万元");
        assert_eq!(label_at(&hs, hs[6].body), "一、（一）2（1）");
        assert_eq!(label_at(&hs, hs[12].body), "附件1·1");
        assert_eq!(label_at(&hs, 3), "引言");
    }

    #[test]
    fn labels_are_read_into_parts() {
        use Part::*;
        assert_eq!(parse("一、（一）1"), [Number(Level::Part, 1, 1), Number(Level::Section, 1, 1), Number(Level::Item, 1, 1)]);
        assert_eq!(parse("附件·填报说明 1"), [Annex(None), Word("填报说明".into()), Number(Level::Item, 1, 1)]);
        assert_eq!(parse("一、（一）1·申报条件（1）")[3..], [Word("申报条件".into()), Number(Level::Point, 1, 1)]);
        assert_eq!(parse("一、（四）2–3")[2], Number(Level::Item, 2, 3));
        assert_eq!(parse("附件5·九、项目经费预算"), [Annex(Some(5)), Number(Level::Part, 9, 9), Word("项目经费预算".into())]);
        assert_eq!(parse("三"), [Number(Level::Part, 3, 3)]);
        assert_eq!(parse("主送"), [Preamble]);
        assert_eq!(parse("三会2023年度"), [Word("三会2023年度".into())]);
    }

    #[test]
    fn labels_name_regions() {
        let (text, hs) = outline();
        let at = |label: &str| resolve(&text, &hs, label).map(|r| text[r].to_owned());
        assert_eq!(at("一、（一）1").unwrap(), "1.甲计划：导师30名19.8万元");
        assert_eq!(at("一、（一）2·申报条件（1）").unwrap(), "（1）省级学会；");
        assert_eq!(at("一、（一）2（1）").unwrap(), "（1）方向一；");
        assert_eq!(
            at("一、（一）1–2").unwrap(),
            "1.甲计划：导师30名19.8万元2.乙计划。项目内容：（1）方向一；（2）方向二。申报条件：（1）省级学会；（2）市级。"
        );
        // The list of annexes is no numbering of items.
        assert_eq!(at("二、1").unwrap(), "1．联系人附件：1.申报书2.名单");
        assert_eq!(at("附件·填报说明 1").unwrap(), "1．如实填写。");
        assert_eq!(at("附件1·一、").unwrap(), "一、项目基本情况");
        assert_eq!(at("主送").unwrap(), "通知各学会：现通知如下：");
        assert!(at("附件").unwrap().starts_with("附件1填报说明"));
    }

    #[test]
    fn a_label_naming_nothing_says_what_is_there() {
        let (text, hs) = outline();
        assert_eq!(
            resolve(&text, &hs, "一、（三）"),
            Err(LabelError::NoHeading {
                marker: "（三）".into(), within: "一、".into(), there: vec!["（一）".into(), "（二）".into()]
            })
        );
        assert_eq!(resolve(&text, &hs, "一、申报渠道"), Err(LabelError::NoWord { word: "申报渠道".into(), within: "一、".into() }));
        assert_eq!(
            resolve(&text, &hs, "附件3").unwrap_err(),
            LabelError::NoHeading { marker: "附件3".into(), within: String::new(), there: vec!["附件1".into(), "附件2".into()] }
        );
        assert_eq!(resolve(&text, &hs, " "), Err(LabelError::Empty));
    }

    /// The start of tests/corpus/shanghai-2023-academic/notice.txt: a page run together into
    /// one line, its headings run into the text before them; it starts inside 一、 and lacks 三、.
    const RUN_TOGETHER: &str = "上海市科协(以下简称市科协)在2023年度继续面向学会、协会、研究会,鼓励各单位申报“青年科技论坛”,鼓励各单位组织举办学术年会、学会内交叉专业活动和各类专题活动,二、申报项目及内容(一)上海市科协2023学术(创新)年会(项目编号:2023-1-1~3)上海市科协2023学术(创新)年会将于2023年5~6月举办,主要申报项目:1.综合分论坛(项目编号:2023-1-1)围绕新时期上海经济社会、科技发展过程中的全局性、综合性、前瞻性问题展开,项目数量:4项经费额度:4~5万元/项执行时间:2023年5~6月申报对象:学会、民非、区科协2.学会年会(项目编号:2023-1-2)围绕学科、产业或技术发展,区科协、基层单位科协举办学术年会的,项目数量:8项经费额度:2~3万元/项执行时间:2023年5~6月申报对象:学会、区科协、基层单位科协3.专题活动(项目编号:2023-1-3)围绕学科和产业发展的特定专业、技术等开展的学术活动等,项目数量:不限执行时间:2023年5月至6月期间的活动优先考虑申报对象:学会(二)青年科技科坛(项目编号:2023-2)项目数量:8项经费额度:2~3万元/项执行时间:全年申报对象:学会、民非、高校科协(建议联合相关期刊中心)四、申报要求(一)为更好地发挥学术引领、创新策源的作用,(二)申报单位应填写《2023年度上海市科协学术项目申报表》(请\n";

    #[test]
    fn a_page_run_together_has_its_headings_inside_the_line() {
        let n = normalize(RUN_TOGETHER);
        let hs = headings(RUN_TOGETHER, &n);
        assert_eq!(markers(&hs), ["二、", "（一）", "1", "2", "3", "（二）", "四、", "（一）", "（二）"]);
        assert!(hs.iter().all(|h| h.inline));
        let at = |label: &str| resolve(&n.text, &hs, label).map(|r| n.text[r].to_owned());
        assert!(at("二、（一）2").unwrap().starts_with("2.学会年会(项目编号:2023-1-2)"));
        assert!(at("二、（一）2").unwrap().ends_with("申报对象:学会、区科协、基层单位科协"));
        assert_eq!(at("四、（二）").unwrap(), "(二)申报单位应填写《2023年度上海市科协学术项目申报表》(请");
        assert!(at("引言").unwrap().ends_with("学会内交叉专业活动和各类专题活动,"));
    }

    #[test]
    fn a_page_joined_by_spaces_is_run_together_too() {
        // tests/corpus/cast-2016-research-topics/notice.txt: paragraphs joined by spaces.
        let raw = "科协调函政字[2016]10号 各全国学会、协会、研究会办公室(秘书处): 为扎实推进中国科协建设高水平科技创新智库工作,现予公布并接受公开申报。 一、申报资格 1.具有独立法人资格的高等院校、科研机构、企事业单位和社会团体等,并具有完成课题必备的人才条件和物质条件。 2.通过全国学会和省级科协申报的,同等条件下优先考虑。 二、申报要求 1.申报题目根据《2016年度中国科协重大调研课题选题目录》确定,原则上不得自行变更题目。 4.申报截止日期为2016年4月30日,以邮戳为准。 三、资料下载 请登录中国科协网站(www.cast.org.cn)下载。\n";
        let n = normalize(raw);
        let hs = headings(raw, &n);
        // "[2016]10号" and "2016年4月30日" are no items, and 4. does not follow 1.
        assert_eq!(markers(&hs), ["一、", "1", "2", "二、", "1", "三、"]);
    }

    #[test]
    fn inside_a_run_together_line_words_and_numbers_are_no_headings() {
        let raw = "一、总则,坚持统一、规范,第一、二批项目每项2.5万元,编号2023-1-1,共3项。二、申报 1、如实填写 2、按时报送\n";
        let n = normalize(raw);
        let hs = headings(raw, &n);
        assert_eq!(markers(&hs), ["一、", "二、", "1", "2"]);
    }

    #[test]
    fn chinese_numbered_parts_and_sections_may_skip_ahead() {
        // tests/corpus/wuhan-2019-intl-conference/notice.txt: 一、 二、 三、, then "(四)".
        let raw = "一、本次申报资助的会议应为高端国际学术会议。\n二、填写《申报书》。\n三、申报单位按要求填写《申报书》一式三份。\n(四)项目应以武汉市科协为主办单位或支持单位,申报单位为承办单位,不得转包。\n市科协联系人:常 勇\n";
        let n = normalize(raw);
        let hs = headings(raw, &n);
        assert_eq!(markers(&hs), ["一、", "二、", "三、", "（四）"]);
        let at = |label: &str| resolve(&n.text, &hs, label).map(|r| n.text[r].to_owned());
        assert!(at("（四）").unwrap().starts_with("(四)项目应以武汉市科协"));
        assert_eq!(at("市科协联系人").unwrap(), "市科协联系人:常勇");
        // Digits still continue their count: item 3 after nothing is no heading.
        let raw = "一、要求\n3.第三项\n1.第一项\n";
        let n = normalize(raw);
        assert_eq!(markers(&headings(raw, &n)), ["一、", "1"]);
    }

    #[test]
    fn chinese_numerals_read_and_write() {
        for n in 1..=99 {
            assert_eq!(chinese_number(&chinese(n)).map(|x| x.0), Some(n), "{n}");
        }
        assert_eq!(chinese_number("十一、"), Some((11, 6)));
        assert_eq!(chinese_number("一十"), None);
    }
}
