//! Normalisation: what a quote and the notice are compared on.
//!
//! The notices are extractions of PDFs and web pages: hard line breaks split sentences and
//! numbers ("每项须 3\n家以上"), and spaces stand around numbers ("2025年 3月 27日") and between
//! the characters of spaced-out headings ("填 报 说 明"). Chinese is written without spaces, so
//! a run of white space is dropped, unless it stands between two ASCII characters (a URL,
//! "A4 纸" keeps nothing, "Science Cafe" keeps one space): there it becomes one space, except
//! before a heading of the notice ("以下条件之一:\n(1)…" is "以下条件之一:(1)…"). Nothing
//! else changes: punctuation keeps its width ("," is not "，"), and extraction noise is
//! corrected only through the corrections a spec declares (see [`super::Notice`]).

/// A normalised text and, for every character, the byte offset it came from in the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normal {
    pub text: String,
    /// `(byte offset in text, byte offset in the original)` for each character of `text`,
    /// in order; both offsets only grow.
    pub from: Vec<(usize, usize)>,
}

impl Normal {
    /// The byte offset in the original of the character at (or after) `at` in `text`.
    pub fn original(&self, at: usize) -> usize {
        let i = self.from.partition_point(|&(t, _)| t < at);
        self.from.get(i).map_or_else(|| self.from.last().map_or(0, |&(_, o)| o + 1), |&(_, o)| o)
    }

    /// The byte offset in `text` of the first character that comes from `original` or later.
    pub fn position(&self, original: usize) -> usize {
        let i = self.from.partition_point(|&(_, o)| o < original);
        self.from.get(i).map_or(self.text.len(), |&(t, _)| t)
    }
}

/// White space as the extractions have it: Unicode white space (line breaks, the ideographic
/// space U+3000, no-break spaces, form feeds at page breaks) and the invisible zero-width space,
/// byte-order mark and soft hyphen.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\u{0B}';
    }
    // Most of a notice is CJK, which is no white space: decided without the Unicode tables.
    if ('\u{3001}'..='\u{FEFE}').contains(&c) {
        return false;
    }
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{00AD}')
}

/// Normalises `s`: runs of white space dropped, or one space between two ASCII characters;
/// leading and trailing white space dropped.
pub fn normalize(s: &str) -> Normal {
    normalize_with(s, |_| true)
}

/// [`normalize`], keeping a space between two ASCII characters only where `space_before` says
/// the character at that byte offset of `s` may follow one (a notice's heading may not:
/// "条件之一:\n(1)…" is "条件之一:(1)…").
pub fn normalize_with(s: &str, space_before: impl Fn(usize) -> bool) -> Normal {
    let mut out = Normal { text: String::with_capacity(s.len()), from: Vec::with_capacity(s.len() / 2) };
    let mut gap: Option<usize> = None;
    let mut last: Option<char> = None;
    for (i, c) in s.char_indices() {
        if is_space(c) {
            gap.get_or_insert(i);
            continue;
        }
        if let (Some(g), Some(prev)) = (gap.take(), last)
            && prev.is_ascii_graphic()
            && c.is_ascii_graphic()
            && space_before(i)
        {
            out.from.push((out.text.len(), g));
            out.text.push(' ');
        }
        out.from.push((out.text.len(), i));
        out.text.push(c);
        last = Some(c);
    }
    out
}

/// The text alone of [`normalize`].
pub fn normal(s: &str) -> String {
    normalize(s).text
}

/// Whether `c` marks an ellipsis in a quote: "…" (U+2026, written once or twice as "……") or
/// the midline "⋯" (U+22EF).
pub fn is_ellipsis(c: char) -> bool {
    matches!(c, '…' | '⋯')
}

/// The pieces of a normalised quote between its ellipses, each with its byte offset in the
/// quote; empty pieces (a quote starting or ending with "…", or "……") are left out.
pub fn pieces(quote: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in quote.char_indices() {
        if is_ellipsis(c) {
            if i > start {
                out.push((start, &quote[start..i]));
            }
            start = i + c.len_utf8();
        }
    }
    if start < quote.len() {
        out.push((start, &quote[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_spaces_around_chinese_are_dropped() {
        assert_eq!(normal("每项须 3\n 家以上单位报名"), "每项须3家以上单位报名");
        assert_eq!(normal("2025年 3月 27日"), "2025年3月27日");
        assert_eq!(normal(" 填 报 说 明 \n"), "填报说明");
        assert_eq!(normal("技\u{3000}术\u{200B}问题"), "技术问题");
        assert_eq!(normal("第一页\u{c}第二页\u{b}第三页\u{FEFF}"), "第一页第二页第三页");
        for c in ['\u{85}', '\u{A0}', '\u{2003}', '\u{2028}', '\u{3000}', '\u{200B}', '\u{FEFF}', '\u{AD}', ' ', '\t', '\r'] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['中', '，', '、', '（', '９', 'a', '\u{FF0C}'] {
            assert!(!is_space(c), "{c:?}");
        }
    }

    #[test]
    fn one_space_stays_between_ascii_characters() {
        assert_eq!(normal("kcjsxm. octabox. \n cn"), "kcjsxm. octabox. cn");
        assert_eq!(normal("A4 纸"), "A4纸");
        assert_eq!(normal("Science   Cafe"), "Science Cafe");
    }

    #[test]
    fn punctuation_keeps_its_width() {
        assert_ne!(normal("产业,征集"), normal("产业，征集"));
        assert_ne!(normal("(https://hkx.wehzsy.com)"), normal("（https://hkx.wehzsy.com）"));
    }

    #[test]
    fn offsets_point_into_the_original() {
        let n = normalize("ab \n c 中");
        assert_eq!(n.text, "ab c中");
        assert_eq!(n.from, vec![(0, 0), (1, 1), (2, 2), (3, 5), (4, 7)]);
        assert_eq!(n.original(3), 5);
        assert_eq!(n.position(6), 4);
        assert_eq!(n.position(100), n.text.len());
    }

    #[test]
    fn ellipses_split_a_quote_into_pieces() {
        assert_eq!(pieces("甲乙…丙……丁"), vec![(0, "甲乙"), (9, "丙"), (18, "丁")]);
        assert_eq!(pieces("…甲⋯"), vec![(3, "甲")]);
        assert!(pieces("……").is_empty());
    }
}
