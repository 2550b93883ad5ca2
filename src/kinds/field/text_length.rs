//! `text.length`: a text field is longer (or shorter) than the form allows, in characters.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "text.length",
        summary: "a text field exceeds (or falls short of) the form's length limit, counted in characters",
        doc: "Forms limit some fields (内容摘要（限500字）, 单位简介（400字以内）). Length is counted in \
              Unicode characters, as a person counts 字, not in bytes: 500 Chinese characters are 500, \
              though they take 1,500 bytes in UTF-8. Line breaks are not counted, so a text counts \
              the same on one line, as a `|` block or as a `>` block (which joins lines between \
              Chinese characters without a space); spaces and punctuation count.",
        summary_zh: "文本字段超出（或不足）表格的字数限制，按字符计",
        doc_zh: "表格限制部分字段的字数（内容摘要（限500字）、单位简介（400字以内））。字数按 Unicode 字符计，\
                 即人们数“字”的方式，而不是按字节：500 个汉字就是 500 字，尽管它们在 UTF-8 中占 1,500 字节。\
                 换行不计入，因此同一段文字写在一行、写成 `|` 块或 `>` 块（在汉字之间合并行时不加空格），\
                 字数都相同；空格和标点计入。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    for limit in &cx.call.form.text_limits {
        let Some(text) = crate::application::text_field(cx.app, &limit.field) else { continue };
        let n = chars(text);
        let (bad, bad_zh, bound, bound_zh) = match (limit.min_chars, limit.max_chars) {
            (_, Some(max)) if n > max as usize => ("long", "过长", format!("at most {max}"), format!("不超过 {max}")),
            (Some(min), _) if n < min as usize => ("short", "过短", format!("at least {min}"), format!("不少于 {min}")),
            _ => continue,
        };
        let ptr = format!("/{}", limit.field.replace('.', "/"));
        let field = crate::schema::field_name(&ptr);
        let (field, field_zh) = (&field.en, &field.zh);
        let f = cx
            .finding(
                RULE.info,
                Severity::Error,
                tr!("{field} has {n} characters; too {bad} ({bound})", "{field_zh}共 {n} 字，{bad_zh}（{bound_zh} 字）"),
                &ptr,
                tr!("{n} characters", "{n} 字"),
            )
            .requires(tr!("{bound} characters", "{bound_zh} 字"))
            .cite(Some(limit.cite.clone()))
            .with_help(if bad == "long" { tr!("shorten the text", "请压缩篇幅") } else { tr!("expand the text", "请充实内容") });
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn summary_too_long_counts_characters_not_bytes() {
        // 101 Chinese characters: 303 bytes, but the limit of 100 is about characters.
        let long = "字".repeat(101);
        let out = check(&edit(&[("  summary: 围绕人工智能产业开展三场学术活动，促成资智对接项目。", &format!("  summary: {long}"))]));
        assert_eq!(out.codes(), ["text.length"]);
        assert!(out.rendered().contains("101 characters"));
        let ok = check(&edit(&[(
            "  summary: 围绕人工智能产业开展三场学术活动，促成资智对接项目。",
            &format!("  summary: {}", "字".repeat(100)),
        )]));
        assert!(ok.findings.is_empty());
        insta::assert_snapshot!(out.rendered());
        insta::assert_snapshot!("summary_too_long_zh", out.rendered_in(crate::i18n::Lang::Zh));
    }
}
