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
    for c in s.chars() {
        match c {
            // ASCII and CJK ideographs, most of any text, map to themselves or their ASCII
            // lower case without the general case tables.
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '\u{4e00}'..='\u{9fff}' => out.push(c),
            '\u{ff01}'..='\u{ff5e}' => out.push(char::from_u32(c as u32 - 0xfee0).map_or(c, |h| h.to_ascii_lowercase())),
            '\u{3000}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n') {
            push_trimmed(text, start..i + c.len_utf8(), &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
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

/// The words of `priority` a sentence (folded) holds, when it serves it: a keyword, or one word
/// of every idea of a concept entry.
pub fn serves(priority: &Priority, sentence: &str) -> Option<Vec<String>> {
    if let Some(k) = priority.keywords.iter().find(|k| !k.is_empty() && sentence.contains(k.as_str())) {
        return Some(vec![k.clone()]);
    }
    priority
        .concepts
        .iter()
        .find_map(|ideas| ideas.iter().map(|words| words.iter().find(|w| sentence.contains(w.as_str())).cloned()).collect())
}

/// The priorities of `plan` the texts serve, in the plan's order, each with the first sentence
/// (in the order of the texts) that serves it. One pass of the plan's automaton over each
/// sentence says which of the plan's words it holds; [`serves`] is asked only of the
/// priorities one of whose words is there (most sentences hold none).
pub fn align<'p>(plan: &'p Plan, texts: &[&str]) -> Vec<Match<'p>> {
    let index = plan.index.get(plan);
    let split: Vec<Vec<Sentence>> = texts
        .iter()
        .map(|t| {
            sentences(t)
                .into_iter()
                .map(|r| {
                    let folded = fold(&t[r.clone()]);
                    let held = index.held(&folded);
                    (r, folded, held)
                })
                .collect()
        })
        .collect();
    plan.priorities
        .iter()
        .enumerate()
        .filter_map(|(n, p)| {
            split.iter().enumerate().find_map(|(i, ss)| {
                ss.iter().find_map(|(r, folded, held)| {
                    if !index.of_priority[n].iter().any(|&w| held[w]) {
                        return None;
                    }
                    let words = serves(p, folded)?;
                    Some(Match { priority: p, text: i, passage: narrow(texts[i], r.clone(), &words), words })
                })
            })
        })
        .collect()
}

/// A sentence of a text: its byte range, its folded text, and which of the plan's words it holds.
type Sentence = (Range<usize>, String, Vec<bool>);

/// The words of a plan's priorities (keywords and every synonym of their concepts, folded) in
/// one Aho-Corasick automaton, and which words each priority has.
#[derive(Debug)]
pub struct Index {
    words: aho_corasick::AhoCorasick,
    count: usize,
    /// By priority (in the plan's order): the indices of its words.
    of_priority: Vec<Vec<usize>>,
}

impl Index {
    fn new(plan: &Plan) -> Index {
        let mut words: Vec<String> = Vec::new();
        let mut of_priority = Vec::new();
        for p in &plan.priorities {
            let mine: Vec<usize> = p
                .keywords
                .iter()
                .chain(p.concepts.iter().flatten().flatten())
                .filter(|w| !w.is_empty())
                .map(|w| match words.iter().position(|x| x == w) {
                    Some(i) => i,
                    None => {
                        words.push(w.clone());
                        words.len() - 1
                    }
                })
                .collect();
            of_priority.push(mine);
        }
        // Built from the plan's own words, which compile has checked: it cannot fail short of
        // a size limit no plan comes near; an empty automaton then matches nothing.
        let automaton = aho_corasick::AhoCorasick::new(&words)
            .unwrap_or_else(|_| aho_corasick::AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton builds"));
        Index { words: automaton, count: words.len(), of_priority }
    }

    /// Which of the words a (folded) sentence holds, overlapping ones included.
    fn held(&self, sentence: &str) -> Vec<bool> {
        let mut held = vec![false; self.count];
        for m in self.words.find_overlapping_iter(sentence) {
            held[m.pattern().as_usize()] = true;
        }
        held
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
    for k in 1..=n {
        for a in 0..=n - k {
            let (from, to) = (cuts[a], cuts[a + k]);
            let run = &folded[at[a]..at[a + k]];
            if words.iter().all(|w| run.contains(w.as_str())) {
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

    #[test]
    fn full_width_forms_fold_to_half_width() {
        assert_eq!(fold("党建＋科创，ＡＩ科普　４县"), "党建+科创,ai科普 4县");
    }

    #[test]
    fn sentences_end_at_full_stops_semicolons_and_line_breaks() {
        let t = "一是开展路演。二是设立代表处；\n三是 其他\n。";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["一是开展路演。", "二是设立代表处；", "三是 其他"]);
    }

    #[test]
    fn the_passage_is_the_fewest_phrases_holding_the_words() {
        let p = priority(&[], &[&[&["国际科技组织"], &["代表处"]]]);
        let plan = Plan {
            id: "x".into(),
            title: "x".into(),
            issuer: "x".into(),
            year: 2026,
            parts: vec![],
            priorities: vec![p],
            index: Default::default(),
        };
        let t = "邀请海外专家来杭，努力招引国际科技组织来杭设立代表处，助力产业发展。";
        assert_eq!(&t[align(&plan, &[t])[0].passage.clone()], "努力招引国际科技组织来杭设立代表处");
        let t = "招引国际科技组织，设立代表处。";
        assert_eq!(&t[align(&plan, &[t])[0].passage.clone()], "招引国际科技组织，设立代表处。");
    }

    #[test]
    fn every_idea_must_meet_in_one_sentence() {
        let p = priority(&["代表处落户"], &[&[&["国际科技组织", "国际组织"], &["代表处", "总部"]]]);
        assert_eq!(serves(&p, "努力招引国际科技组织来杭设立代表处"), Some(vec!["国际科技组织".to_owned(), "代表处".to_owned()]));
        assert_eq!(serves(&p, "推动国际组织在杭设立总部"), Some(vec!["国际组织".to_owned(), "总部".to_owned()]));
        assert_eq!(serves(&p, "邀请国际科技组织专家来杭交流"), None);
        let plan = Plan {
            id: "x".into(),
            title: "x".into(),
            issuer: "x".into(),
            year: 2026,
            parts: vec![],
            priorities: vec![p],
            index: Default::default(),
        };
        assert!(align(&plan, &["邀请国际科技组织专家来杭交流。在滨江设立企业代表处。"]).is_empty());
        let texts = ["邀请专家交流。", "促成代表处落户杭州。"];
        let m = align(&plan, &texts);
        assert_eq!((m[0].text, &texts[1][m[0].passage.clone()]), (1, "促成代表处落户杭州。"));
        assert_eq!(m[0].words, ["代表处落户"]);
    }
}
