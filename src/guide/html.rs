//! The guide of one call as one self-contained HTML page: the Markdown guide converted by
//! pulldown-cmark, with inline CSS and no external resource (no script, font, image or link).

use pulldown_cmark::{Event, Options, Parser};

use crate::model::Call;

/// The applicant's guide to a call as a complete HTML document.
pub fn html(call: &Call) -> String {
    html_view(call, super::markdown::View { only: None, page: true })
}

/// The page for one view of the call (one category, say).
pub fn html_view(call: &Call, view: super::markdown::View) -> String {
    let md = super::markdown::markdown_view(call, view);
    page(&format!("{}（{}）申报指南", call.title, call.reference()), &md, crate::i18n::Lang::Zh)
}

/// One self-contained HTML page of a Markdown text, with its title.
pub(super) fn page(title: &str, md: &str, lang: crate::i18n::Lang) -> String {
    // Spec text is escaped in the Markdown, so no raw HTML can arise; should any, it is shown as text.
    let events = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES).map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        e => e,
    });
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events);
    let lang = match lang {
        crate::i18n::Lang::En => "en",
        crate::i18n::Lang::Zh => "zh-CN",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"callspec\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n\
         <body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

const STYLE: &str = "\
:root { color-scheme: light; }
body { margin: 0; background: #f6f7f9; color: #1f2328; line-height: 1.7;
  font-family: -apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\",
    \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; line-height: 1.4; border-bottom: 2px solid #b3261e; padding-bottom: .5rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-left: 4px solid #b3261e; padding-left: .6rem; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .92rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f0f2f5; }
tr:nth-child(even) td { background: #fafbfc; }
/* Amounts and quotas (middle columns of the category table) and dates (first column of the timeline) stay on one line. */
td:nth-child(3):not(:last-child), td:nth-child(4):not(:last-child), td:first-child:nth-last-child(3), td code { white-space: nowrap; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .88em; background: #eff1f3; padding: .1em .3em; border-radius: 3px; }
blockquote { margin: 1rem 0; padding: .3rem 1rem; color: #57606a; border-left: 4px solid #d0d7de; background: #f6f8fa; }
li { margin: .2rem 0; }
em { font-style: normal; font-size: .88em; color: #656d76; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; } h2 { break-after: avoid; } }
";

/// Escapes text for an HTML element or attribute.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn titles_are_escaped() {
        assert_eq!(super::escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
