//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
//! which the runner shows as an annotation on the file, line and column.

use crate::diagnostics::{Finding, Severity};
use crate::i18n::Lang;

/// One finding as a workflow command line (ending in a newline), its text in `lang`.
pub fn github(f: &Finding, lang: Lang) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "notice",
    };
    let mut props = Vec::new();
    if let Some(file) = f.file.as_deref() {
        props.push(format!("file={}", property(&crate::source::printable(&file.name))));
        // A Word form has no lines; the message names the place.
        if let Some(span) = f.primary_span().filter(|_| f.places.is_empty()) {
            let (line, col) = file.line_col(span.offset);
            let (end_line, end_col) = file.line_col(span.offset + span.len);
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            if end_line == line {
                props.push(format!("endColumn={end_col}"));
            }
        }
    }
    props.push(format!("title={}", property(f.code.code)));
    let text = super::full_text(f, lang);
    format!("::{command} {}::{}\n", props.join(","), data(&crate::source::printable(&text)))
}

/// Escapes a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::CodeInfo;

    static CODE: CodeInfo = CodeInfo { code: "demo.code", summary: "s", doc: "d", summary_zh: "s", doc_zh: "d" };

    #[test]
    fn special_characters_are_escaped() {
        let file = crate::source::SourceFile::new("dir/a,b:c.yaml", "key: value\n");
        let f =
            Finding::error(&CODE, "50% over\nthe cap").in_file(file).label(crate::diagnostics::Span::new(5, 5), "here").with_help("fix it");
        assert_eq!(
            github(&f, Lang::En),
            "::error file=dir/a%2Cb%3Ac.yaml,line=1,col=6,endLine=1,endColumn=11,title=demo.code::50%25 over%0Athe cap%0Ahelp: fix it\n"
        );
        let f = f.with_help(crate::tr!("fix it", "请修改"));
        assert!(github(&f, Lang::Zh).ends_with("::50%25 over%0Athe cap%0A建议：请修改\n"), "{}", github(&f, Lang::Zh));
    }
}
