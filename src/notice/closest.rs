//! The passage of a notice closest to a quote that is not in it, and where the two differ.

use std::ops::Range;

/// A difference between a quote and the notice's closest passage: byte ranges in the quote and
/// in the notice's text (either may be empty: the quote lacks, or adds, something).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub quote: Range<usize>,
    pub notice: Range<usize>,
}

/// The passage of `text` (byte range) with the fewest edits (insertions, deletions,
/// substitutions of characters) from `piece`: approximate substring matching after Sellers
/// (1980), in time |piece| × |text| and memory |piece|. Among passages with as few edits, the
/// one closest to the piece in length (a changed character rather than a dropped one), then the
/// earliest. Returns it with its number of edits.
pub fn passage(text: &str, piece: &str) -> (Range<usize>, u32) {
    let p: Vec<char> = piece.chars().collect();
    let m = p.len();
    if m == 0 || text.is_empty() {
        return (0..0, m as u32);
    }
    let at: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    // cost[i], from[i]: the fewest edits turning piece[..i] into a passage ending at the
    // current character of the text, and the character where that passage starts.
    let mut cost: Vec<u32> = (0..=m as u32).collect();
    let mut from: Vec<usize> = vec![0; m + 1];
    // (edits, distance in length from the piece, start, end), in characters.
    let mut best = (u32::MAX, usize::MAX, 0, 0);
    for (j, c) in text.chars().enumerate() {
        let (mut diag_cost, mut diag_from) = (cost[0], from[0]);
        cost[0] = 0;
        from[0] = j + 1;
        for i in 1..=m {
            let (up_cost, up_from) = (cost[i], from[i]);
            let sub = diag_cost + u32::from(p[i - 1] != c);
            let del = cost[i - 1] + 1;
            let ins = up_cost + 1;
            let (c_new, f_new) = if sub <= del && sub <= ins {
                (sub, diag_from)
            } else if del <= ins {
                (del, from[i - 1])
            } else {
                (ins, up_from)
            };
            diag_cost = up_cost;
            diag_from = up_from;
            cost[i] = c_new;
            from[i] = f_new;
        }
        let dist = (j + 1 - from[m]).abs_diff(m);
        if (cost[m], dist) < (best.0, best.1) {
            best = (cost[m], dist, from[m], j + 1);
        }
    }
    (at[best.2]..at[best.3], best.0)
}

/// Where `piece` is two passages of `text` joined without an ellipsis: the longest start of
/// the piece that is in the text, followed later by the rest of it. Returns the passage from
/// the first part to the end of the second, and the byte offset in the piece where they meet.
pub fn stitched(text: &str, piece: &str) -> Option<(Range<usize>, usize)> {
    let bounds: Vec<usize> = piece.char_indices().map(|(i, _)| i).skip(1).collect();
    // The longest prefix in the text (occurring is monotonic in the length: binary search).
    let (mut lo, mut hi) = (0, bounds.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text.contains(&piece[..bounds[mid - 1]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo < 2 {
        return None;
    }
    let cut = bounds[lo - 1];
    let (head, rest) = piece.split_at(cut);
    if rest.chars().count() < 2 {
        return None;
    }
    let start = text.find(head)?;
    let after = start + head.len();
    let gap = text[after..].find(rest)?;
    (gap > 0).then_some((start..after + gap + rest.len(), cut))
}

/// Where `quote` and `passage` differ, as byte ranges in each (relative to their starts).
pub fn diffs(quote: &str, passage: &str) -> Vec<Diff> {
    let q: Vec<(usize, char)> = quote.char_indices().collect();
    let n: Vec<(usize, char)> = passage.char_indices().collect();
    let qc: Vec<char> = q.iter().map(|x| x.1).collect();
    let nc: Vec<char> = n.iter().map(|x| x.1).collect();
    let at = |v: &[(usize, char)], i: usize, len: usize| v.get(i).map_or(len, |x| x.0);
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &qc, &nc) {
        let (a, b) = (op.old_range(), op.new_range());
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        out.push(Diff {
            quote: at(&q, a.start, quote.len())..at(&q, a.end, quote.len()),
            notice: at(&n, b.start, passage.len())..at(&n, b.end, passage.len()),
        });
    }
    // A substitution shows as a deletion next to an insertion: one difference.
    let mut merged: Vec<Diff> = Vec::new();
    for d in out {
        match merged.last_mut() {
            Some(last) if last.quote.end == d.quote.start && last.notice.end == d.notice.start => {
                last.quote.end = d.quote.end;
                last.notice.end = d.notice.end;
            }
            _ => merged.push(d),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_passage_is_found_around_a_changed_character() {
        let text = "开头。重点围绕人工智能产业,征集海外或海归人员项目不少于100个，结尾。";
        let (r, cost) = passage(text, "重点围绕人工智能产业，征集海外或海归人员项目不少于100个");
        assert_eq!(&text[r], "重点围绕人工智能产业,征集海外或海归人员项目不少于100个");
        assert_eq!(cost, 1);
    }

    #[test]
    fn a_changed_character_is_preferred_to_a_dropped_one() {
        let text = "一、项目设置（一）创新平台";
        let (r, cost) = passage(text, "一、项目设立");
        assert_eq!((&text[r], cost), ("一、项目设置", 1));
    }

    #[test]
    fn differences_are_ranges_in_both() {
        let q = "产业，征集项目";
        let n = "产业,征集人员项目";
        let d = diffs(q, n);
        assert_eq!(d.len(), 2);
        assert_eq!((&q[d[0].quote.clone()], &n[d[0].notice.clone()]), ("，", ","));
        assert_eq!((&q[d[1].quote.clone()], &n[d[1].notice.clone()]), ("", "人员"));
    }

    #[test]
    fn nothing_to_match_gives_an_empty_passage() {
        assert_eq!(passage("", "甲").0, 0..0);
        assert_eq!(passage("甲", ""), (0..0, 0));
    }

    #[test]
    fn two_passages_joined_without_an_ellipsis_are_found() {
        let text = "重点项目（不超过10项，5万/项。立项后支付70%，剩余30%验收后支付。）";
        let piece = "重点项目（不超过10项，5万/项。验收后支付。）";
        let (r, cut) = stitched(text, piece).unwrap();
        assert_eq!(&text[r], text);
        assert_eq!(&piece[..cut], "重点项目（不超过10项，5万/项。");
        assert_eq!(stitched(text, "完全不在其中"), None);
    }
}
