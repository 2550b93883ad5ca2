//! The notice's own text, and quotes checked against it.
//!
//! A spec bundles the plain text of its notice (`notice.file`, beside the spec) and every quote
//! in it — the clause texts, and the texts of exclusions, preferences and commitments that are
//! not marked `summary` — must be the notice's words:
//!
//! - compared after [`normal`]isation: white space dropped (one space kept between two ASCII
//!   characters, but not before a heading), nothing else; punctuation keeps its width;
//! - with the extraction's noise corrected only through the spec's declared corrections
//!   (`notice.corrections`: "９" read as "，"), applied to the notice's text;
//! - with "…" where a quote leaves text out: the pieces between ellipses must appear in order;
//! - inside the region of the notice that the quote's section label names ([`outline`]).
//!
//! [`Notice`] prepares a text once (normalised, corrected, its headings found) and
//! [`Notice::check`] judges one quote; [`check`] turns the verdicts of a spec's quotes into
//! findings, and is what the compiler calls. A quote that is not found cites the notice's
//! closest passage and where it differs, unless even that passage differs in most of it: then
//! the finding says that nothing in the notice comes close.

pub mod check;
pub mod closest;
pub mod normal;
pub mod outline;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

pub use check::{Input, Quote, check, read};
use closest::Diff;
use normal::{Normal, is_ellipsis, is_space, normalize, pieces};
use outline::{Heading, LabelError};

/// A notice's text prepared for quote checks.
#[derive(Debug, Clone)]
pub struct Notice {
    normal: Normal,
    headings: Vec<Heading>,
    uses: Vec<usize>,
    /// Regions of the labels resolved so far: many quotes share a label.
    regions: RefCell<HashMap<String, Result<Range<usize>, LabelError>>>,
}

/// What [`Notice::check`] finds for one quote. Ranges in the quote are byte ranges of the
/// quote as written; ranges in the notice are byte ranges of [`Notice::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every piece is there, in order, inside the labelled region.
    Found,
    /// Nothing to check: the quote is empty or only ellipses.
    Empty,
    /// The quote is in the notice, at `at`, but not inside the region its label names, or the
    /// label names no region (`label`).
    Misplaced { at: usize, label: Option<LabelError> },
    /// The piece at `piece` is in the notice only before the piece it follows.
    OutOfOrder { piece: Range<usize> },
    /// The piece at `piece` is not in the notice; `passage` is the closest passage and `diffs`
    /// say where they differ. `far` when even that passage differs in more than half the
    /// piece's characters: nothing in the notice is close to it.
    Missing { piece: Range<usize>, passage: Range<usize>, diffs: Vec<Diff>, far: bool },
}

impl Notice {
    /// Prepares `raw`, correcting it with `corrections` (`(read, as)` pairs, applied in order
    /// to the normalised text, every occurrence).
    pub fn new(raw: &str, corrections: &[(&str, &str)]) -> Self {
        let found = outline::scan(raw);
        // White space before a heading is no word space, even between ASCII characters: a list's
        // new line ("以下条件之一:\n(1)…", "应具备以下条件:\n1.…") is joined without one.
        let mut n = normal::normalize_with(raw, |at| found.binary_search_by_key(&at, |f| f.start).is_err());
        let uses = corrections.iter().map(|(read, as_)| correct(&mut n, &normal::normal(read), &normal::normal(as_))).collect();
        let headings = outline::place(&found, &n);
        Notice { normal: n, headings, uses, regions: RefCell::default() }
    }

    /// The normalised, corrected text.
    pub fn text(&self) -> &str {
        &self.normal.text
    }

    /// The byte offset in the raw text that `at` (in [`Notice::text`]) comes from.
    pub fn original(&self, at: usize) -> usize {
        self.normal.original(at)
    }

    /// The byte offset in [`Notice::text`] of the first character from `original` (a byte
    /// offset in the raw text) or later.
    pub fn position(&self, original: usize) -> usize {
        self.normal.position(original)
    }

    /// The headings, in order.
    pub fn headings(&self) -> &[Heading] {
        &self.headings
    }

    /// How many times each correction applied.
    pub fn uses(&self) -> &[usize] {
        &self.uses
    }

    /// The region a section label names.
    pub fn region(&self, label: &str) -> Result<Range<usize>, LabelError> {
        if let Some(r) = self.regions.borrow().get(label) {
            return r.clone();
        }
        let r = outline::resolve(self.text(), &self.headings, label);
        self.regions.borrow_mut().insert(label.to_owned(), r.clone());
        r
    }

    /// The label of the place `at`, e.g. `一、（二）3`.
    pub fn label_at(&self, at: usize) -> String {
        outline::label_at(&self.headings, at)
    }

    /// Judges one quote, within the region `label` names (anywhere without a label).
    pub fn check(&self, quote: &str, label: Option<&str>) -> Verdict {
        // Most quotes have no white space and no ellipsis: they are their own normal form.
        let plain = !quote.chars().any(|c| is_space(c) || is_ellipsis(c));
        let q = if plain { Normal::default() } else { normalize(quote) };
        let ps = if plain { vec![(0, quote)] } else { pieces(&q.text) };
        let original_range = |r: Range<usize>| if plain { r } else { original_range(&q, r) };
        if quote.is_empty() {
            return Verdict::Empty;
        }
        if ps.is_empty() {
            return Verdict::Empty;
        }
        let whole = 0..self.text().len();
        let region = label.map(|l| self.region(l));
        let inside = match &region {
            None => whole.clone(),
            Some(Ok(r)) => r.clone(),
            Some(Err(_)) => 0..0,
        };
        if self.find(&ps, inside).is_ok() {
            return Verdict::Found;
        }
        match self.find(&ps, whole) {
            Ok(at) => Verdict::Misplaced { at, label: region.and_then(Result::err) },
            Err(k) => {
                let (start, piece) = ps[k];
                let piece_range = original_range(start..start + piece.len());
                let (mut passage, cost) = closest::passage(self.text(), piece);
                let mut diffs: Vec<Diff> = closest::diffs(piece, &self.text()[passage.clone()]);
                let mut far = cost as usize * 2 > piece.chars().count();
                // More than a few edits: two passages joined without "…" explain it better.
                if cost > 2
                    && let Some((joined, cut)) = closest::stitched(self.text(), piece)
                {
                    let gap_start = joined.start + cut;
                    let gap_end = joined.end - (piece.len() - cut);
                    passage = joined.clone();
                    far = false;
                    diffs = vec![Diff { quote: cut..cut, notice: gap_start - joined.start..gap_end - joined.start }];
                }
                let diffs: Vec<Diff> = diffs
                    .into_iter()
                    .map(|d| Diff {
                        quote: original_range(start + d.quote.start..start + d.quote.end),
                        notice: passage.start + d.notice.start..passage.start + d.notice.end,
                    })
                    .collect();
                if diffs.is_empty() {
                    Verdict::OutOfOrder { piece: piece_range }
                } else {
                    Verdict::Missing { piece: piece_range, passage, diffs, far }
                }
            }
        }
    }

    /// Finds the pieces in order inside `region`: the start of the first, or the index of the
    /// first piece that is not there after the ones before it.
    fn find(&self, ps: &[(usize, &str)], region: Range<usize>) -> Result<usize, usize> {
        let text = &self.text()[..region.end];
        let mut from = region.start;
        let mut first = None;
        for (k, (_, p)) in ps.iter().enumerate() {
            match text.get(from..).and_then(|t| t.find(p)) {
                Some(i) => {
                    first.get_or_insert(from + i);
                    from += i + p.len();
                }
                None => return Err(k),
            }
        }
        Ok(first.unwrap_or(region.start))
    }
}

/// The byte range in the original of a range of the normalised `q`.
fn original_range(q: &Normal, r: Range<usize>) -> Range<usize> {
    let start = q.original(r.start);
    if r.is_empty() {
        return start..start;
    }
    let last = q.text[..r.end].chars().next_back().map_or(0, char::len_utf8);
    start..q.original(r.end - last) + last
}

/// Replaces every `read` in `n` by `as_`, keeping the offsets into the original (each
/// replacing character points at the start of what it replaces); returns how many it replaced.
fn correct(n: &mut Normal, read: &str, as_: &str) -> usize {
    if read.is_empty() || !n.text.contains(read) {
        return 0;
    }
    let mut out = Normal { text: String::with_capacity(n.text.len()), from: Vec::with_capacity(n.from.len()) };
    let mut count = 0;
    let mut copied = 0;
    let copy = |out: &mut Normal, range: Range<usize>| {
        let lo = n.from.partition_point(|&(t, _)| t < range.start);
        let hi = n.from.partition_point(|&(t, _)| t < range.end);
        for &(t, o) in &n.from[lo..hi] {
            out.from.push((out.text.len() + t - range.start, o));
        }
        out.text.push_str(&n.text[range]);
    };
    for (at, _) in n.text.match_indices(read) {
        copy(&mut out, copied..at);
        let origin = n.original(at);
        for c in as_.chars() {
            out.from.push((out.text.len(), origin));
            out.text.push(c);
        }
        copied = at + read.len();
        count += 1;
    }
    copy(&mut out, copied..n.text.len());
    *n = out;
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str = "一、项目设置\n（一）创新平台能力提升＇目\n1.园区科协创新能力建设\n申报主体：园区科协９由市级科协出具推荐函\n（1）面向产业园区９支持开展学术交流、\n研发合作等活动不少于 4场；\n（2）提交科技成果不少于 100项。\n二、申报要求\n1.请登录（登录入口：http://kcjsxm. octabox. \ncn）填报。\n";

    fn notice() -> Notice {
        Notice::new(NOTICE, &[("９", "，"), ("＇目", "项目"), ("kcjsxm. octabox. cn", "kcjsxm.octabox.cn"), ("从未出现", "x")])
    }

    #[test]
    fn corrections_apply_to_the_notice_and_are_counted() {
        let n = notice();
        assert!(n.text().contains("创新平台能力提升项目"));
        assert!(n.text().contains("园区科协，由市级科协"));
        assert_eq!(n.uses(), [2, 1, 1, 0]);
        // Offsets still point into the raw text.
        let at = n.text().find("项目1.").unwrap();
        assert_eq!(&NOTICE[n.original(at)..n.original(at) + 3], "＇");
    }

    #[test]
    fn a_verbatim_quote_is_found_in_its_section() {
        let n = notice();
        assert_eq!(n.check("面向产业园区，支持开展学术交流、研发合作等活动不少于4场；", Some("一、（一）1（1）")), Verdict::Found);
        assert_eq!(n.check("面向产业园区，支持开展学术交流、研发合作等活动不少于4场；", Some("一、（一）1")), Verdict::Found);
        assert_eq!(n.check("请登录（登录入口：http://kcjsxm.octabox.cn）填报。", Some("二、1")), Verdict::Found);
        assert_eq!(n.check("…", None), Verdict::Empty);
    }

    #[test]
    fn an_ellipsis_skips_text_and_the_pieces_keep_their_order() {
        let n = notice();
        assert_eq!(n.check("园区科协创新能力建设…（2）提交科技成果不少于100项。", Some("一、（一）1")), Verdict::Found);
        let quote = "（2）提交科技成果不少于100项。…园区科协创新能力建设";
        let Verdict::OutOfOrder { piece } = n.check(quote, Some("一、（一）1")) else { panic!() };
        assert_eq!(&quote[piece], "园区科协创新能力建设");
    }

    #[test]
    fn a_quote_elsewhere_is_misplaced() {
        let n = notice();
        let v = n.check("提交科技成果不少于100项。", Some("二、1"));
        let Verdict::Misplaced { at, label: None } = v else { panic!("{v:?}") };
        assert_eq!(n.label_at(at), "一、（一）1（2）");
        let v = n.check("提交科技成果不少于100项。", Some("一、（三）"));
        assert!(matches!(v, Verdict::Misplaced { label: Some(LabelError::NoHeading { .. }), .. }), "{v:?}");
    }

    #[test]
    fn a_changed_character_is_missing_with_the_closest_passage() {
        let n = notice();
        let quote = "面向产业园区，支持开展学术交流、研发合作等活动不少于5场；";
        let Verdict::Missing { piece, passage, diffs, far: false } = n.check(quote, Some("一、（一）1（1）")) else { panic!() };
        assert_eq!(piece, 0..quote.len());
        assert_eq!(&n.text()[passage], "面向产业园区，支持开展学术交流、研发合作等活动不少于4场；");
        assert_eq!(diffs.len(), 1);
        assert_eq!((&quote[diffs[0].quote.clone()], &n.text()[diffs[0].notice.clone()]), ("5", "4"));
    }

    #[test]
    fn a_quote_joining_two_passages_says_what_it_leaves_out() {
        let n = notice();
        let quote = "园区科协创新能力建设（2）提交科技成果不少于100项。";
        let Verdict::Missing { diffs, .. } = n.check(quote, None) else { panic!() };
        assert_eq!(diffs.len(), 1);
        assert!(diffs[0].quote.is_empty());
        assert!(n.text()[diffs[0].notice.clone()].starts_with("申报主体"), "{}", &n.text()[diffs[0].notice.clone()]);
    }

    #[test]
    fn without_its_correction_the_noise_is_a_difference() {
        let n = Notice::new(NOTICE, &[]);
        let quote = "申报主体：园区科协，由市级科协出具推荐函";
        let Verdict::Missing { diffs, .. } = n.check(quote, None) else { panic!() };
        assert_eq!((&quote[diffs[0].quote.clone()], &n.text()[diffs[0].notice.clone()]), ("，", "９"));
    }

    #[test]
    fn a_new_line_opening_a_heading_is_no_space() {
        // tests/corpus/jiangsu-soil-18-youth-award/notice.txt and
        // tests/corpus/sichuan-2022-thinktank/notice.txt: half-width punctuation, then a list whose
        // items open lines.
        let raw = "1.拥护党的路线、方针、政策。\n2.中国青年科技奖评选应符合以下条件之一:\n(1)在自然科学研究领域取得重要的、创新性的成就和作出突出贡献;\n(2)在工程技术方面取得重大的、创造性的成果和作出贡献,并有显著应用成效;\n3.中国青年科技奖特别奖评选应符合以下条件:\n(二)申报课题的负责人及研究团队应具备以下条件:\n\n1.在相关研究领域具有较高的学术造诣;\n\n2.具有从事决策咨询课题研究的相关经历;\n登录 http://demo. example. \ncn\n";
        let n = Notice::new(raw, &[]);
        assert_eq!(
            n.check(
                "中国青年科技奖评选应符合以下条件之一:(1)在自然科学研究领域取得重要的、创新性的成就和作出突出贡献;(2)在工程技术方面",
                Some("2")
            ),
            Verdict::Found
        );
        assert_eq!(n.check("应具备以下条件:1.在相关研究领域具有较高的学术造诣;2.具有", Some("（二）")), Verdict::Found);
        // Between ASCII characters elsewhere the space stays: the address needs its correction.
        assert!(n.text().ends_with("登录http://demo. example. cn"), "{}", n.text());
    }

    #[test]
    fn a_quote_nothing_in_the_notice_comes_close_to_is_far() {
        let n = notice();
        let v = n.check("园区科协创新能力建设…(原文至此截断)", None);
        let Verdict::Missing { piece, far: true, .. } = v else { panic!("{v:?}") };
        assert_eq!(&"园区科协创新能力建设…(原文至此截断)"[piece], "(原文至此截断)");
        assert!(matches!(n.check("课题研究周期原则上为4-6个月，鼓励提前完成", None), Verdict::Missing { far: true, .. }));
        // A few edits are close: the closest passage is worth citing.
        assert!(matches!(n.check("提交科技成果不少于200项。", None), Verdict::Missing { far: false, .. }));
    }

    #[test]
    fn ranges_map_back_to_a_quote_with_spaces() {
        let quote = "不少于 5\n场；";
        let n = notice();
        let Verdict::Missing { diffs, .. } = n.check(quote, None) else { panic!() };
        assert_eq!(&quote[diffs[0].quote.clone()], "5");
    }
}
