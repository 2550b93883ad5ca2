//! Plain text tables aligned by display width: a Chinese character takes two columns.

use unicode_width::UnicodeWidthStr;

/// Columns separated by two spaces, a rule of dashes under the header, no trailing spaces.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    line(&mut out, &header, &widths);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&mut out, &rule, &widths);
    for row in rows {
        line(&mut out, row, &widths);
    }
    out
}

fn line(out: &mut String, cells: &[String], widths: &[usize]) {
    let mut text = String::new();
    for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            text.push_str("  ");
        }
        text.push_str(cell);
        text.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.width())));
    }
    out.push_str(text.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_characters_take_two_columns() {
        let t = super::render(&["id", "name"], &[vec!["a".into(), "学会".into()], vec!["重点".into(), "x".into()]]);
        assert_eq!(t, "id    name\n----  ----\na     学会\n重点  x\n");
    }
}
