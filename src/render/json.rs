//! The JSON report: a stable, documented shape (README, "JSON output"). The texts (`message`,
//! label `text`, `requirement`, `help`) are in the chosen language; the fields stay the same.

use serde::Serialize;

use crate::diagnostics::{Citation, Finding, Severity};
use crate::i18n::Lang;

/// One finding as the JSON report has it (the report itself is written in pieces by the
/// command line, so a batch can stream it).
pub fn json_finding(f: &Finding, lang: Lang) -> serde_json::Value {
    serde_json::to_value(Shape::of(f, lang)).expect("a finding serialises")
}

/// [`json_finding`] written out (what the report holds for the finding), without building the
/// value first: the per-file path of `validate --format json`.
pub fn json_text(f: &Finding, lang: Lang) -> String {
    super::serialise(&Shape::of(f, lang))
}

/// The finding's shape. Its fields are in the order of their names, as a `serde_json::Value`
/// (a sorted map) writes them, so [`json_finding`] and [`json_text`] write the same text.
#[derive(Serialize)]
struct Shape<'a> {
    citation: &'a Option<Citation>,
    code: &'a str,
    column: usize,
    file: Option<&'a str>,
    help: Option<&'a str>,
    labels: Vec<LabelShape<'a>>,
    line: usize,
    message: &'a str,
    pointer: &'a Option<String>,
    requirement: Option<&'a str>,
    severity: Severity,
}

#[derive(Serialize)]
struct LabelShape<'a> {
    column: usize,
    end_column: usize,
    end_line: usize,
    length: usize,
    line: usize,
    offset: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<PlaceShape<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pointer: Option<&'a str>,
    primary: bool,
    text: &'a str,
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct PlaceShape<'a> {
    field: &'a Option<String>,
    row: Option<usize>,
    section: &'a Option<String>,
    table: &'a Option<String>,
    text: String,
}

impl<'a> Shape<'a> {
    fn of(f: &'a Finding, lang: Lang) -> Shape<'a> {
        let file = f.file.as_deref();
        // A Word form has no lines: its labels carry the draft key and the form place instead.
        let form = !f.places.is_empty();
        let pos = |off: usize| file.filter(|_| !form).map(|s| s.line_col(off));
        let labels = f
            .labels
            .iter()
            .map(|l| {
                let (line, column) = pos(l.span.offset).unwrap_or((0, 0));
                let (end_line, end_column) = pos(l.span.offset + l.span.len).unwrap_or((0, 0));
                let place = f.place_of(l);
                LabelShape {
                    column,
                    end_column,
                    end_line,
                    length: if form { 0 } else { l.span.len },
                    line,
                    offset: if form { 0 } else { l.span.offset },
                    place: place.map(|p| PlaceShape {
                        field: &p.field,
                        row: p.row,
                        section: &p.section,
                        table: &p.table,
                        text: p.path(lang),
                    }),
                    pointer: place.map(|p| p.pointer.as_str()),
                    primary: l.primary,
                    text: l.text.get(lang),
                    value: match place {
                        Some(p) => p.typed.as_deref(),
                        None => file.and_then(|s| s.slice(l.span)),
                    },
                }
            })
            .collect();
        let (line, column) = f.primary_span().and_then(|s| pos(s.offset)).unwrap_or((0, 0));
        Shape {
            citation: &f.citation,
            code: f.code.code,
            column,
            file: file.map(|s| s.name.as_str()),
            help: f.help.as_ref().map(|t| t.get(lang)),
            labels,
            line,
            message: f.message.get(lang),
            pointer: &f.pointer,
            requirement: f.requirement.as_ref().map(|t| t.get(lang)),
            severity: f.severity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Place, Span};
    use crate::source::SourceFile;

    /// What the command line writes ([`json_text`]) is the value the library hands out
    /// ([`json_finding`]) written out, for findings on text and on a Word form's places.
    #[test]
    fn the_written_finding_is_the_value_written_out() {
        let file = SourceFile::new("a.yaml", "project:\n  name: 科普\u{202e}讲座\n  summary: x\n");
        let on_text = Finding::error(crate::compile::codes::UNKNOWN_REF, crate::tr!("bad", "错"))
            .in_file(file.clone())
            .label(Span::new(17, 12), crate::tr!("here", "此处"))
            .also(Span::new(40, 1), crate::tr!("and here", "及此处"))
            .requires(crate::tr!("a name", "名称"))
            .cite(Some(Citation { document: "d".into(), section: "一、".into(), text: "须".into() }))
            .with_help(crate::tr!("fix it", "请改正"))
            .at_pointer("/project/name");
        let mut on_form = on_text.clone();
        on_form.places.push(Place {
            span: Span::new(17, 12),
            pointer: "/project/name".into(),
            section: Some("一、基本信息".into()),
            table: None,
            row: Some(2),
            field: Some("项目名称".into()),
            typed: Some("科普讲座".into()),
        });
        let bare = Finding::advice(crate::compile::codes::UNKNOWN_REF, crate::tr!("note", "说明"));
        for f in [on_text, on_form, bare] {
            for lang in [Lang::En, Lang::Zh] {
                assert_eq!(json_text(&f, lang), super::super::to_json(&json_finding(&f, lang)));
            }
        }
    }
}
