//! Work plans at work: which priorities of a plan a text serves ([`align`]), and which of its
//! programmes a call's categories implement ([`coverage`]). Pure functions of the compiled plan
//! and call; no model, no network.
//!
//! The matcher reads a text sentence by sentence. A priority is served by a sentence that holds
//! one of its `keywords` (the plan's own distinctive names: 科学咖啡馆, 一县一业一学会), or that
//! meets one of its `concepts`: every idea of the entry present through one of its synonyms
//! (`国际科技组织|国际组织 + 代表处|总部|分支机构`). Ideas must meet in one sentence, so that a
//! summary that names 国际 in one place and 代表 in another serves nothing; a word alone that many
//! projects use (路演, 智库, 走出去) is never a keyword. Text and words are compared after
//! [`fold`]: full-width ASCII as half-width, Latin letters in lower case.

use std::ops::Range;

use crate::model::{Call, Category, Plan, Priority, PriorityKind};

/// The form in which texts and words are compared: full-width ASCII characters (＋, Ａ, ４) as
/// their half-width forms, the ideographic space as a space, Latin letters in lower case.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Characters that fold to themselves and that nothing else folds into: CJK ideographs, CJK
/// and general punctuation (most of a Chinese text).
fn verbatim(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206f}' | '\u{3001}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}')
}

/// [`fold`], appended to `out`. Runs of characters that fold to themselves (lower-case ASCII,
/// CJK ideographs and punctuation, most of any text) are copied whole.
fn fold_into(s: &str, out: &mut String) {
    let mut same = 0;
    for (i, c) in s.char_indices() {
        let folded = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            c if c.is_ascii() => continue,
            c if verbatim(c) => continue,
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).map_or(c, |h| h.to_ascii_lowercase()),
            '\u{3000}' => ' ',
            c => {
                let mut lower = c.to_lowercase();
                if lower.len() == 1 && lower.next() == Some(c) {
                    continue;
                }
                out.push_str(&s[same..i]);
                out.extend(c.to_lowercase());
                same = i + c.len_utf8();
                continue;
            }
        };
        out.push_str(&s[same..i]);
        out.push(folded);
        same = i + c.len_utf8();
    }
    out.push_str(&s[same..]);
}

/// A priority a text serves: the text (by its index among those given), the sentence that
/// matched (a byte range of that text) and the words of the plan it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'p> {
    pub priority: &'p Priority,
    pub text: usize,
    pub passage: Range<usize>,
    pub words: Vec<String>,
}

/// The sentences of a text, as byte ranges, their closing punctuation included and surrounding
/// white space left out. A sentence ends at 。！？；, their ASCII forms, or a line break.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    // Over the bytes: 。 is E3 80 82; ！ ？ ； are EF BC 81, EF BC 9F, EF BC 9B.
    let mut i = 0;
    while i < b.len() {
        let len = terminator_at(b, i);
        if len == 0 {
            i += 1;
            continue;
        }
        push_trimmed(text, start..i + len, &mut out);
        start = i + len;
        i = start;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The length of the sentence terminator starting at byte `i`, or 0.
fn terminator_at(b: &[u8], i: usize) -> usize {
    match b[i] {
        b'!' | b'?' | b';' | b'\n' => 1,
        0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => 3,
        0xEF if matches!(b.get(i + 1..i + 3), Some([0xBC, 0x81 | 0x9F | 0x9B])) => 3,
        _ => 0,
    }
}

/// The sentence of [`sentences`] holding the bytes `at` (a range within one sentence, on char
/// boundaries), found by scanning out from it to the nearest terminators; `None` when the
/// range is not within one sentence as [`sentences`] trims it.
fn sentence_around(text: &str, at: Range<usize>) -> Option<Range<usize>> {
    let b = text.as_bytes();
    // Back to just after the nearest terminator before `at`: an ASCII one, or a three-byte one
    // (whose lead byte, unlike its others, starts a char).
    let mut start = at.start;
    while start > 0 {
        let ends_here = terminator_at(b, start - 1) == 1 || (start >= 3 && terminator_at(b, start - 3) == 3);
        if ends_here {
            break;
        }
        start -= 1;
    }
    // On to the end of the first terminator from `at` (one inside `at` ends the sentence
    // before `at` does, and the range is in none).
    let (mut i, mut end) = (at.start, text.len());
    while i < b.len() {
        let len = terminator_at(b, i);
        if len > 0 {
            end = i + len;
            break;
        }
        i += 1;
    }
    let mut one = Vec::with_capacity(1);
    push_trimmed(text, start..end, &mut one);
    one.pop().filter(|r| r.start <= at.start && at.end <= r.end)
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let (a, b) = (r.start + lead, r.end - trail);
    // A sentence of its closing mark alone (`。` after a line break) is none.
    if a < b && !text[a..b].chars().all(|c| c.is_ascii_punctuation() || "。！？；".contains(c)) {
        out.push(a..b);
    }
}

/// The priorities of `plan` the texts serve, in the plan's order, each with the first sentence
/// (in the order of the texts) that serves it.
///
/// Every sentence of every text is folded once into one buffer, one after another, and one
/// pass of the plan's automaton over it says which of the plan's words each sentence holds;
/// whether a sentence serves a priority is then read from those words ([`Index::serves`]: one
/// of its keywords, or a word of every idea of one of its concepts), and only for sentences
/// that hold one (most hold none).
pub fn align<'p>(plan: &'p Plan, texts: &[&str]) -> Vec<Match<'p>> {
    matches(plan, texts, None)
}

/// [`align`] for the priorities named (by id) only: those a call's category implements.
///
/// Folding leaves CJK ideographs and punctuation as they are, and nothing folds into them, so
/// a word's longest run of them (its core: all of 科学咖啡馆, 山区 of 山区4县) is in a folded
/// text only where the text itself holds it. The texts are searched for the cores as they
/// are; the sentence of each core found is found by scanning out from it to the nearest
/// terminators (no text is split), and only such a sentence is folded (when its word has more
/// than its core). A word without a core (`ai`, `296x`) takes the whole pass of [`align`].
pub fn align_only<'p>(plan: &'p Plan, texts: &[&str], ids: &[String]) -> Vec<Match<'p>> {
    let wanted: Vec<bool> = plan.priorities.iter().map(|p| ids.contains(&p.id)).collect();
    let index = plan.index.get(plan);
    let mut words: Vec<usize> = (0..wanted.len()).filter(|&n| wanted[n]).flat_map(|n| index.words_of(n)).collect();
    words.sort_unstable();
    words.dedup();
    if words.iter().any(|&w| index.core[w].is_empty()) {
        return matches(plan, texts, Some(&wanted));
    }
    let core = |w: usize| index.core[w].as_str();
    let mut held = Vec::new();
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        // Where the words' cores are in the text as written, in the order of their starts;
        // the sentence holding each is found by scanning out from it.
        found.clear();
        for &w in &words {
            let len = core(w).len();
            found.extend(index.finders[w].find_iter(t.as_bytes()).map(|at| (at..at + len, w)));
        }
        found.sort_unstable_by_key(|(r, w)| (r.start, *w));
        let mut next = 0;
        while next < found.len() {
            let Some(r) = sentence_around(t, found[next].0.clone()) else {
                next += 1;
                continue;
            };
            let mut holds: Vec<usize> = Vec::new();
            while next < found.len() && found[next].0.start < r.end {
                if found[next].0.end <= r.end {
                    holds.push(found[next].1);
                }
                next += 1;
            }
            holds.sort_unstable();
            holds.dedup();
            if holds.iter().any(|&w| core(w).len() < index.text[w].len()) {
                let folded = fold(&t[r.clone()]);
                holds.retain(|&w| core(w).len() == index.text[w].len() || folded.contains(index.text[w].as_str()));
            }
            if !holds.is_empty() {
                held.push((i, r, holds));
            }
        }
    }
    pick(plan, index, texts, Some(&wanted), &held)
}

/// [`align`], for the priorities `wanted` (by their place in the plan) when given.
fn matches<'p>(plan: &'p Plan, texts: &[&str], wanted: Option<&[bool]>) -> Vec<Match<'p>> {
    let index = plan.index.get(plan);
    // Sentences as (text, range in it, range in `folded`); a line break after each keeps a
    // word from running across two of them.
    let mut folded = String::new();
    let mut all: Vec<(usize, Range<usize>, Range<usize>)> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        for r in sentences(t) {
            let start = folded.len();
            fold_into(&t[r.clone()], &mut folded);
            all.push((i, r, start..folded.len()));
            folded.push('\n');
        }
    }
    // The words each sentence holds, by sentence: overlapping matches come in the order of
    // their ends, so the sentence of each is found by walking forward.
    let mut held: Vec<Held> = Vec::new();
    let mut s = 0;
    for m in index.automaton().find_overlapping_iter(&folded) {
        while s < all.len() && all[s].2.end < m.end() {
            s += 1;
        }
        let Some((i, r, range)) = all.get(s) else { break };
        if m.start() < range.start {
            continue;
        }
        match held.last_mut() {
            Some((at, range, words)) if (*at, range.start) == (*i, r.start) => words.push(m.pattern().as_usize()),
            _ => held.push((*i, r.clone(), vec![m.pattern().as_usize()])),
        }
    }
    for (_, _, words) in &mut held {
        words.sort_unstable();
        words.dedup();
    }
    pick(plan, index, texts, wanted, &held)
}

/// A sentence that holds some of the plan's words: its text, its range there, and the words
/// (by number, sorted).
type Held = (usize, Range<usize>, Vec<usize>);

/// For each priority (of those `wanted`, in the plan's order), the first sentence that serves it.
fn pick<'p>(plan: &'p Plan, index: &Index, texts: &[&str], wanted: Option<&[bool]>, held: &[Held]) -> Vec<Match<'p>> {
    plan.priorities
        .iter()
        .enumerate()
        .filter(|(n, _)| wanted.is_none_or(|w| w[*n]))
        .filter_map(|(n, p)| {
            held.iter().find_map(|(i, r, words)| {
                let found = index.serves(n, words)?;
                let words: Vec<String> = found.into_iter().map(|w| index.text[w].clone()).collect();
                Some(Match { priority: p, text: *i, passage: narrow(texts[*i], r.clone(), &words), words })
            })
        })
        .collect()
}

/// The words of a plan's priorities (keywords and every synonym of their concepts, folded) in
/// one Aho-Corasick automaton, and each priority's keywords and concepts as word numbers.
#[derive(Debug)]
pub struct Index {
    /// The words in one automaton, built on first use: only [`align`]'s pass over every
    /// sentence needs it (building it costs more than validating a draft); against a call,
    /// [`align_only`] searches for the cores of a category's words.
    words: std::sync::OnceLock<aho_corasick::AhoCorasick>,
    /// The words, by number.
    text: Vec<String>,
    /// By word: its longest run of [`verbatim`] characters; empty when it has none.
    core: Vec<String>,
    /// By word: a searcher for its core.
    finders: Vec<memchr::memmem::Finder<'static>>,
    /// By priority (in the plan's order): its keywords, and its concepts (ideas of synonyms).
    of_priority: Vec<Words>,
}

/// A priority's keywords, and its concepts (each a list of ideas, each a list of synonyms), as
/// word numbers of an [`Index`].
type Words = (Vec<usize>, Vec<Vec<Vec<usize>>>);

impl Index {
    fn new(plan: &Plan) -> Index {
        let mut text: Vec<String> = Vec::new();
        let mut number = |w: &String| match text.iter().position(|x| x == w) {
            Some(i) => i,
            None => {
                text.push(w.clone());
                text.len() - 1
            }
        };
        let mut of_priority = Vec::new();
        for p in &plan.priorities {
            let keywords = p.keywords.iter().filter(|w| !w.is_empty()).map(&mut number).collect();
            let concepts = p.concepts.iter().map(|ideas| ideas.iter().map(|syn| syn.iter().map(&mut number).collect()).collect()).collect();
            of_priority.push((keywords, concepts));
        }
        let core: Vec<String> =
            text.iter().map(|w| w.split(|c: char| !verbatim(c)).max_by_key(|run| run.len()).unwrap_or_default().to_owned()).collect();
        let finders = core.iter().map(|c: &String| memchr::memmem::Finder::new(c.as_bytes()).into_owned()).collect();
        Index { words: std::sync::OnceLock::new(), text, core, finders, of_priority }
    }

    /// Every word in one automaton.
    fn automaton(&self) -> &aho_corasick::AhoCorasick {
        self.words.get_or_init(|| {
            // Built from the plan's own words, which compile has checked (no empty synonym):
            // it cannot fail short of a size limit no plan comes near; an empty automaton
            // then matches nothing.
            aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&self.text)
                .unwrap_or_else(|_| aho_corasick::AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton builds"))
        })
    }

    /// Every word (by number) of priority `n`.
    fn words_of(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        let (keywords, concepts) = &self.of_priority[n];
        keywords.iter().chain(concepts.iter().flatten().flatten()).copied()
    }

    /// The words (by number) of priority `n` that serve it, given the words a sentence holds
    /// (sorted): a keyword, or the first word held of every idea of the first concept met.
    fn serves(&self, n: usize, held: &[usize]) -> Option<Vec<usize>> {
        let has = |w: &usize| held.binary_search(w).is_ok();
        let (keywords, concepts) = &self.of_priority[n];
        if let Some(&k) = keywords.iter().find(|k| has(k)) {
            return Some(vec![k]);
        }
        // Most sentences miss an idea of most concepts: the words are collected only for the
        // concept met.
        let first = |syn: &Vec<usize>| syn.iter().copied().find(|w| has(w));
        let met = concepts.iter().find(|ideas| ideas.iter().all(|syn| first(syn).is_some()))?;
        met.iter().map(first).collect()
    }
}

/// A plan's [`Index`], built on first use. A clone starts without one (its priorities may be
/// changed before it is used); two plans compare equal whatever their indices, which are
/// derived from their priorities.
#[derive(Default)]
pub struct Lazy(std::sync::OnceLock<Index>);

impl Clone for Lazy {
    fn clone(&self) -> Self {
        Lazy::default()
    }
}

impl Lazy {
    fn get(&self, plan: &Plan) -> &Index {
        self.0.get_or_init(|| Index::new(plan))
    }
}

impl PartialEq for Lazy {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lazy")
    }
}

/// The fewest consecutive phrases of a sentence (parts between commas and colons) that hold
/// every matched word: the passage shown for a long sentence.
fn narrow(text: &str, sentence: Range<usize>, words: &[String]) -> Range<usize> {
    let s = &text[sentence.clone()];
    let mut cuts = vec![0];
    cuts.extend(s.char_indices().filter(|(_, c)| matches!(c, '，' | ',' | '：' | ':')).map(|(i, c)| i + c.len_utf8()));
    cuts.push(s.len());
    let n = cuts.len() - 1;
    // Folding maps character by character, so the folded sentence is the folded phrases one
    // after another: fold once, and take each run of phrases as a slice of it.
    let mut folded = String::new();
    let mut at = vec![0];
    for w in cuts.windows(2) {
        folded.push_str(&fold(&s[w[0]..w[1]]));
        at.push(folded.len());
    }
    // Where each word occurs in the folded sentence (overlapping occurrences too), so that
    // whether a run of phrases holds a word is a comparison of offsets, not a search.
    let places: Vec<Vec<Range<usize>>> = words
        .iter()
        .map(|w| {
            let mut out = Vec::new();
            let mut from = 0;
            while let Some(i) = folded.get(from..).and_then(|rest| rest.find(w.as_str())) {
                out.push(from + i..from + i + w.len());
                from += i + folded[from + i..].chars().next().map_or(1, char::len_utf8);
            }
            out
        })
        .collect();
    for k in 1..=n {
        for a in 0..=n - k {
            let (from, to) = (cuts[a], cuts[a + k]);
            let (start, end) = (at[a], at[a + k]);
            if places.iter().all(|p| p.iter().any(|r| start <= r.start && r.end <= end)) {
                let piece = &s[from..to];
                let trimmed = piece.trim_end_matches(['，', ',', '：', ':']).trim();
                let lead = piece.len() - piece.trim_start().len();
                return sentence.start + from + lead..sentence.start + from + lead + trimmed.len();
            }
        }
    }
    sentence
}

/// The plan's priorities against the call's categories.
#[derive(Debug)]
pub struct Coverage<'a> {
    pub plan: &'a Plan,
    pub call: &'a Call,
    /// Every programme of the plan, and every task some category implements, in the plan's
    /// order, each with the categories (those an application may name) that implement it.
    pub rows: Vec<(&'a Priority, Vec<&'a Category>)>,
    /// The categories an application may name that implement no priority.
    pub untied: Vec<&'a Category>,
}

impl Coverage<'_> {
    /// Programmes implemented, and programmes in all.
    pub fn programmes(&self) -> (usize, usize) {
        let programmes = self.rows.iter().filter(|(p, _)| p.kind == PriorityKind::Programme);
        let all = programmes.clone().count();
        (programmes.filter(|(_, c)| !c.is_empty()).count(), all)
    }
}

/// Why a coverage table cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotTied {
    /// The call names no plan: its categories are tied to none.
    NoPlan,
    /// The call's categories are tied to another plan (its id).
    OtherPlan(String),
}

/// The coverage of `plan` by `call`'s categories: the call must name that plan (`call.plan`),
/// since its categories' ties (`implements:`) name that plan's priorities.
pub fn coverage<'a>(plan: &'a Plan, call: &'a Call) -> Result<Coverage<'a>, NotTied> {
    match &call.plan {
        None => return Err(NotTied::NoPlan),
        Some(p) if p.id != plan.id => return Err(NotTied::OtherPlan(p.id.clone())),
        Some(_) => {}
    }
    let leaves: Vec<&Category> = call.categories.iter().filter(|c| c.leaf).collect();
    let rows = plan
        .priorities
        .iter()
        .map(|p| (p, leaves.iter().copied().filter(|c| c.implements.iter().any(|id| id == &p.id)).collect::<Vec<_>>()))
        .filter(|(p, cats)| p.kind == PriorityKind::Programme || !cats.is_empty())
        .collect();
    let untied = leaves.into_iter().filter(|c| c.implements.is_empty()).collect();
    Ok(Coverage { plan, call, rows, untied })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn priority(keywords: &[&str], concepts: &[&[&[&str]]]) -> Priority {
        Priority {
            id: "p".into(),
            name: "p".into(),
            theme: "t".into(),
            kind: PriorityKind::Programme,
            keywords: keywords.iter().map(|k| fold(k)).collect(),
            concepts: concepts.iter().map(|c| c.iter().map(|i| i.iter().map(|w| fold(w)).collect()).collect()).collect(),
            cite: crate::diagnostics::Citation { document: "d".into(), section: "s".into(), text: "t".into() },
        }
    }

    fn plan_of(priorities: Vec<Priority>) -> Plan {
        Plan { id: "x".into(), title: "x".into(), issuer: "x".into(), year: 2026, parts: vec![], priorities, index: Default::default() }
    }

    #[test]
    fn full_width_forms_fold_to_half_width() {
        assert_eq!(fold("党建＋科创，ＡＩ科普　４县"), "党建+科创,ai科普 4县");
    }

    #[test]
    fn folding_copies_runs_and_maps_the_rest_as_the_general_tables_do() {
        let reference = |s: &str| -> String {
            s.chars()
                .flat_map(|c| match c {
                    '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap().to_lowercase().collect::<Vec<_>>(),
                    '\u{3000}' => vec![' '],
                    c => c.to_lowercase().collect(),
                })
                .collect()
        };
        for s in ["", "ABC科普", "“新媒体”、ÄΣİ——…", "Ｘ（３）　ａ，ＢＣ。", "plain ascii", "末尾Ｚ", "İ"]
        {
            assert_eq!(fold(s), reference(s), "{s}");
        }
    }

    #[test]
    fn sentences_end_at_full_stops_semicolons_and_line_breaks() {
        let t = "一是开展路演。二是设立代表处；\n三是 其他\n。";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["一是开展路演。", "二是设立代表处；", "三是 其他"]);
        let t = "问？答！好!可?是;否；末";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["问？", "答！", "好!", "可?", "是;", "否；", "末"]);
    }

    #[test]
    fn the_passage_is_the_fewest_phrases_holding_the_words() {
        let p = priority(&[], &[&[&["国际科技组织"], &["代表处"]]]);
        let plan = plan_of(vec![p]);
        let t = "邀请海外专家来杭，努力招引国际科技组织来杭设立代表处，助力产业发展。";
        assert_eq!(&t[align(&plan, &[t])[0].passage.clone()], "努力招引国际科技组织来杭设立代表处");
        let t = "招引国际科技组织，设立代表处。";
        assert_eq!(&t[align(&plan, &[t])[0].passage.clone()], "招引国际科技组织，设立代表处。");
    }

    #[test]
    fn a_priority_alone_is_matched_as_among_all() {
        let mut cafe = priority(&["科学咖啡馆"], &[&[&["咖啡"], &["科学家", "专家"]]]);
        cafe.id = "cafe".into();
        let mut ai = priority(&["AI科普"], &[]);
        ai.id = "ai".into();
        let mut hub = priority(&[], &[&[&["国际科技组织", "国际组织"], &["代表处", "总部"]]]);
        hub.id = "hub".into();
        // A word with no ideograph takes the whole pass.
        let mut g = priority(&["5G"], &[]);
        g.id = "g".into();
        let plan = plan_of(vec![cafe, ai, hub, g]);
        let texts = [
            "举办科学咖啡馆活动。邀请专家喝咖啡；开展ＡＩ科普。",
            "招引国际组织来杭。设立代表处，\n在滨江设立国际科技组织总部",
            "无关的句子。建设５Ｇ基站。",
        ];
        for only in [&["cafe"][..], &["ai"], &["hub"], &["g"], &["cafe", "hub"], &["ai", "hub", "cafe", "g"], &[]] {
            let only: Vec<String> = only.iter().map(|s| s.to_string()).collect();
            let all: Vec<Match> = align(&plan, &texts).into_iter().filter(|m| only.contains(&m.priority.id)).collect();
            assert_eq!(align_only(&plan, &texts, &only), all, "{only:?}");
        }
        assert_eq!(align(&plan, &texts).len(), 4);
    }

    #[test]
    fn the_sentence_around_a_range_is_the_one_sentences_finds() {
        let texts = [
            "一是开展路演。二是设立代表处；\n三是 其他\n。",
            "问？答！好!可?是;否；末",
            "  开头有空格。。结尾  ",
            "。",
            "",
            "无标点",
            "a。\u{2003}b",
        ];
        for t in texts {
            let all = sentences(t);
            let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
            for (n, &a) in bounds.iter().enumerate() {
                for &b in &bounds[n + 1..] {
                    let want = all.iter().find(|r| r.start <= a && b <= r.end).cloned();
                    assert_eq!(sentence_around(t, a..b), want, "{t:?} {a}..{b}");
                }
            }
        }
    }

    #[test]
    fn every_idea_must_meet_in_one_sentence() {
        let p = priority(&["代表处落户"], &[&[&["国际科技组织", "国际组织"], &["代表处", "总部"]]]);
        let plan = plan_of(vec![p]);
        let words = |t: &str| align(&plan, &[t]).first().map(|m| m.words.clone());
        assert_eq!(words("努力招引国际科技组织来杭设立代表处"), Some(vec!["国际科技组织".to_owned(), "代表处".to_owned()]));
        assert_eq!(words("推动国际组织在杭设立总部"), Some(vec!["国际组织".to_owned(), "总部".to_owned()]));
        assert_eq!(words("邀请国际科技组织专家来杭交流"), None);
        assert!(align(&plan, &["邀请国际科技组织专家来杭交流。在滨江设立企业代表处。"]).is_empty());
        let texts = ["邀请专家交流。", "促成代表处落户杭州。"];
        let m = align(&plan, &texts);
        assert_eq!((m[0].text, &texts[1][m[0].passage.clone()]), (1, "促成代表处落户杭州。"));
        assert_eq!(m[0].words, ["代表处落户"]);
    }
}
