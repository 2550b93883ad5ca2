//! What every document with clauses needs: citing them, reporting, duplicate ids, quotes; and
//! [`Cx::items`], which compiles a list of spec items (ids unique, each citing its clause).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::{Citation, CodeInfo, Finding, Severity};
use crate::document::Document;
use crate::i18n::Text;
use crate::schema::{Unusable, suggest};
use crate::spec;
use crate::tr;

use super::Cx;
use super::codes::*;

/// What every document with clauses needs: citing them, reporting, duplicate ids.
pub(crate) struct Refs<'a> {
    pub(super) doc: &'a Document,
    pub(super) clauses: &'a BTreeMap<String, spec::Clause>,
    pub(super) document: String,
    pub(super) findings: Vec<Finding>,
    used: HashSet<String>,
    /// What the typed read could not use: nothing is reported about it.
    unusable: &'a Unusable,
    /// The notice the spec names and its text, for the quote check.
    pub(super) notice: Option<(Option<&'a spec::Notice>, &'a crate::notice::Input)>,
    /// Texts quoted outside `clauses` (exclusions, preferences, commitments), with the clause
    /// each cites.
    quotes: Vec<(String, crate::i18n::Text, String, Option<String>)>,
}

impl<'a> Refs<'a> {
    /// The document being compiled.
    pub(crate) fn doc(&self) -> &'a Document {
        self.doc
    }

    pub(super) fn new(doc: &'a Document, clauses: &'a BTreeMap<String, spec::Clause>, document: String, unusable: &'a Unusable) -> Self {
        // A clause cited only by a part that was pruned is not unused: every text under a
        // pruned value counts as cited.
        // A part that is missing or empty may have cited any clause: then none is called unused.
        let mut used = HashSet::new();
        let mut unknown = false;
        for p in unusable.iter() {
            match doc.value.pointer(p) {
                Some(v) if !v.is_null() => strings(v, &mut used),
                _ => unknown = true,
            }
        }
        if unknown {
            used.extend(clauses.keys().cloned());
        }
        Refs { doc, clauses, document, findings: Vec::new(), used, unusable, notice: None, quotes: Vec::new() }
    }

    /// Records a text of the spec that quotes the notice from the clause `source` (checked in
    /// [`Refs::finish`]).
    pub(crate) fn quoted(&mut self, ptr: String, what: crate::i18n::Text, text: &str, source: &Option<String>) {
        self.quotes.push((ptr, what, text.to_owned(), source.clone()));
    }

    /// Checks every quote against the notice's text: the clauses' (in their sections) and the
    /// recorded ones (in the section of the clause they cite). A quote that could not be read is
    /// left alone.
    fn check_quotes(&mut self) {
        let Some((declared, input)) = self.notice else { return };
        let mut quotes: Vec<crate::notice::Quote> = self
            .clauses
            .iter()
            .filter_map(|(id, c)| {
                let ptr = crate::notice::check::clause_ptr(id);
                Some(crate::notice::Quote {
                    ptr: format!("{ptr}/text"),
                    section_ptr: Some(format!("{ptr}/section")),
                    what: tr!("the quote of clause `{id}`", "条款 `{id}` 的引文"),
                    text: c.text.clone()?,
                    section: c.section.clone(),
                })
            })
            .collect();
        for (ptr, what, text, source) in &self.quotes {
            let section = source.as_ref().and_then(|s| self.clauses.get(s)).and_then(|c| c.section.clone());
            quotes.push(crate::notice::Quote { ptr: ptr.clone(), section_ptr: None, what: what.clone(), text: text.clone(), section });
        }
        let corrections: Vec<(&str, &str)> =
            declared.map(|n| n.corrections.iter().map(|c| (c.read.as_str(), c.as_.as_str())).collect()).unwrap_or_default();
        let declared = declared.map(|n| (n.file.as_str(), corrections.as_slice()));
        let found = crate::notice::check(self.doc, input, declared, &self.document, &quotes);
        self.findings.extend(found);
    }

    /// Whether the value at `ptr` (or one around it) could not be read: stay silent about it.
    pub(crate) fn unusable(&self, ptr: &str) -> bool {
        self.unusable.covers(ptr)
    }

    /// Adds advice on unused clauses and returns the result: the value only without errors.
    fn unused_clauses(&mut self) {
        let unused: Vec<String> = self.clauses.keys().filter(|k| !self.used.contains(*k)).cloned().collect();
        for id in unused {
            let span = self.doc.spans().key(&format!("/clauses/{}", crate::document::escape(&id)));
            let f = Finding::advice(UNUSED_CLAUSE, tr!("clause `{id}` is not cited by any rule", "条款 `{id}` 未被任何规则引用"))
                .in_file(self.doc.file.clone())
                .at_pointer(format!("/clauses/{}", crate::document::escape(&id)))
                .label(span, tr!("never cited", "未引用"))
                .with_help(tr!(
                    "encode it as a rule, or as a `commitments:` entry if it binds only after the award",
                    "请将其写成规则；如仅在立项后约束，请写入 `commitments:`"
                ));
            self.findings.push(f);
        }
    }

    pub(super) fn finish<T>(mut self, value: T) -> (Option<T>, Vec<Finding>) {
        self.unused_clauses();
        self.check_quotes();
        let mut findings = self.findings;
        crate::diagnostics::sort(&mut findings);
        let ok = findings.iter().all(|f| f.severity != Severity::Error);
        (ok.then_some(value), findings)
    }

    pub(super) fn report(
        &mut self,
        code: &'static CodeInfo,
        severity: Severity,
        message: impl Into<Text>,
        ptr: &str,
        label: impl Into<Text>,
    ) -> &mut Finding {
        let f =
            Finding::new(code, severity, message).in_file(self.doc.file.clone()).at_pointer(ptr).label(self.doc.spans().value(ptr), label);
        self.findings.push(f);
        self.findings.last_mut().expect("just pushed")
    }

    pub(crate) fn error(&mut self, code: &'static CodeInfo, message: impl Into<Text>, ptr: &str, label: impl Into<Text>) -> &mut Finding {
        self.report(code, Severity::Error, message, ptr, label)
    }

    /// Resolves the `source` of the rule at `ptr`; reports a missing or unknown clause.
    /// `what` names the rule in messages (`tr!("quota", "名额")`).
    pub(crate) fn cite(&mut self, source: &Option<String>, ptr: &str, what: Text) -> Citation {
        let placeholder = || Citation { document: String::new(), section: String::new(), text: String::new() };
        match source {
            None => {
                let at = self.doc.spans().anchor(ptr);
                let message = Text::new(format!("{} does not cite its clause", what.en), format!("{}未引用通知条款", what.zh));
                let f = Finding::error(MISSING_SOURCE, message)
                    .in_file(self.doc.file.clone())
                    .at_pointer(ptr)
                    .label(at, tr!("no `source:` here", "此处缺少 `source:`"))
                    .with_help(tr!(
                        "add `source: <clause id>` naming the clause of the notice under `clauses:`",
                        "请添加 `source: <条款编号>`，引用 `clauses:` 下的通知条款"
                    ));
                self.findings.push(f);
                placeholder()
            }
            Some(id) => match self.clauses.get(id) {
                Some(c) => {
                    self.used.insert(id.clone());
                    Citation {
                        document: self.document.clone(),
                        section: c.section.clone().unwrap_or_default(),
                        text: c.text.clone().unwrap_or_default(),
                    }
                }
                None if self.unusable(&format!("/clauses/{}", crate::document::escape(id))) || self.unusable(&format!("{ptr}/source")) => {
                    placeholder()
                }
                None => {
                    let near = suggest(id, self.clauses.keys().map(String::as_str)).map(str::to_owned);
                    let f = self.error(
                        UNKNOWN_REF,
                        tr!("`{id}` is not a clause of this spec", "`{id}` 不是本规范文件中的条款"),
                        &format!("{ptr}/source"),
                        tr!("no such clause", "无此条款"),
                    );
                    f.help = Some(match near {
                        Some(n) => {
                            tr!("did you mean `{n}`? clauses are defined under `clauses:`", "是否应为 `{n}`？条款在 `clauses:` 下定义")
                        }
                        None => tr!(
                            "define the clause under `clauses:` or cite an existing one",
                            "请在 `clauses:` 下定义该条款，或引用已有条款"
                        ),
                    });
                    placeholder()
                }
            },
        }
    }

    /// The citation of a clause, without reporting anything (the rule citing it reports).
    pub(crate) fn clause_cite(&self, source: &Option<String>) -> Citation {
        source
            .as_ref()
            .and_then(|id| self.clauses.get(id))
            .map(|c| Citation {
                document: self.document.clone(),
                section: c.section.clone().unwrap_or_default(),
                text: c.text.clone().unwrap_or_default(),
            })
            .unwrap_or_default()
    }

    /// Reports ids used twice; an item without an id (unusable, reported by the schema) is left out.
    /// `what` names the items in messages (`tr!("deadline", "截止事项")`).
    pub(crate) fn duplicates<'s>(&mut self, items: impl IntoIterator<Item = (Option<&'s str>, String)>, what: Text) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (id, ptr) in items {
            let Some(id) = id.filter(|id| !id.is_empty()) else { continue };
            if let Some(first) = seen.get(id) {
                let first_span = self.doc.spans().value(first);
                let message = Text::new(format!("{} id `{id}` is used twice", what.en), format!("{}编号 `{id}` 重复使用", what.zh));
                let f = self.error(DUPLICATE_ID, message, &ptr, tr!("second use", "第二次使用"));
                f.labels.push(crate::diagnostics::Label { span: first_span, text: tr!("first use", "第一次使用"), primary: false });
                f.help = Some(Text::new(format!("give each {} its own id", what.en), format!("请为每个{}使用不同的编号", what.zh)));
            } else {
                seen.insert(id, ptr);
            }
        }
    }
}

/// An item of a spec list (an exclusion, a deadline, a check): an id unique in its list and
/// the clause it cites.
pub(crate) trait Item {
    /// What the item is called in messages (`tr!("exclusion", "限制情形")`).
    fn what() -> Text;
    /// Its id; `None` when absent or unusable (the schema reported it).
    fn id(&self) -> Option<&str>;
    /// The clause it cites.
    fn source(&self) -> &Option<String>;
}

/// Implements [`Item`] for a spec type whose `id` and `source` are `Option<String>`:
/// `spec_item!(spec::Deadline, tr!("deadline", "截止事项"));`.
macro_rules! spec_item {
    ($ty:ty, $what:expr) => {
        impl $crate::compile::Item for $ty {
            fn what() -> $crate::i18n::Text {
                $what
            }
            fn id(&self) -> Option<&str> {
                self.id.as_deref()
            }
            fn source(&self) -> &Option<String> {
                &self.source
            }
        }
    };
}
pub(crate) use spec_item;

impl<'a> Cx<'a> {
    /// Compiles the list of spec items at `at` (`/exclusions`): reports every id used twice
    /// (on its second use, the first labelled too), cites each item's clause, and builds each
    /// with `build` from the item, its pointer and its citation. An item `build` cannot make (a
    /// value it needs is unusable: the schema said why) is left out.
    pub(crate) fn items<S: Item, T>(
        &mut self,
        list: &[S],
        at: &str,
        mut build: impl FnMut(&mut Self, &S, &str, Citation) -> Option<T>,
    ) -> Vec<T> {
        self.duplicates(list.iter().enumerate().map(|(i, s)| (s.id(), format!("{at}/{i}/id"))), S::what());
        let mut out = Vec::with_capacity(list.len());
        for (i, s) in list.iter().enumerate() {
            let ptr = format!("{at}/{i}");
            let cite = self.cite(s.source(), &ptr, S::what());
            out.extend(build(self, s, &ptr, cite));
        }
        out
    }
}

/// Every text in a value (what a pruned part may have cited).
fn strings(v: &serde_json::Value, out: &mut HashSet<String>) {
    match v {
        serde_json::Value::String(s) => {
            out.insert(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(map) => map.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Limits, SourceFile};
    use crate::spec::SpecFile;

    /// What [`Cx::items`] built of one exclusion: its id, its pointer, its citation.
    type Built = (Option<String>, String, Citation);

    /// Compiles the exclusions of `yaml` with [`Cx::items`]: what was built and the findings,
    /// unused clauses left out.
    fn items(yaml: &str) -> (Vec<Built>, Vec<Finding>) {
        let doc = crate::document::parse(SourceFile::new("spec.yaml", yaml), &Limits::default()).expect("parses");
        let spec: SpecFile = serde_json::from_value(doc.value.clone()).expect("a spec");
        let unusable = Unusable::default();
        let mut cx =
            Cx { refs: Refs::new(&doc, spec.clauses(), "测试〔2025〕1号".into(), &unusable), spec: &spec, categories_complete: true };
        let built = cx.items(&spec.exclusions, "/exclusions", |_, e, ptr, cite| Some((e.id.clone(), ptr.to_owned(), cite)));
        let (_, findings) = cx.refs.finish(());
        (built, findings.into_iter().filter(|f| f.code.code != UNUSED_CLAUSE.code).collect())
    }

    /// The text a label's span covers.
    fn covered<'t>(yaml: &'t str, l: &crate::diagnostics::Label) -> &'t str {
        &yaml[l.span.offset..l.span.offset + l.span.len]
    }

    const CLAUSES: &str = "clauses:\n  applicants: { section: 一、, text: 不得重复申报 }\n";

    #[test]
    fn an_id_used_twice_is_reported_once_with_both_places() {
        let yaml = format!(
            "{CLAUSES}exclusions:\n  - {{ id: twice, text: 甲, source: applicants }}\n  - {{ id: once, text: 乙, source: applicants }}\n  - {{ id: twice, text: 丙, source: applicants }}\n"
        );
        let (built, findings) = items(&yaml);
        assert_eq!(built.len(), 3, "every item is still built");
        let [f] = findings.as_slice() else { panic!("one finding: {findings:?}") };
        assert_eq!(f.code.code, DUPLICATE_ID.code);
        assert_eq!(f.message.en, "exclusion id `twice` is used twice");
        assert_eq!(f.message.zh, "限制情形编号 `twice` 重复使用");
        assert_eq!(f.pointer.as_deref(), Some("/exclusions/2/id"));
        let [second, first] = f.labels.as_slice() else { panic!("two labels: {:?}", f.labels) };
        assert!(second.primary && !first.primary);
        assert_eq!((second.text.en.as_str(), first.text.en.as_str()), ("second use", "first use"));
        assert_eq!((covered(&yaml, second), covered(&yaml, first)), ("twice", "twice"));
        assert!(first.span.offset < yaml.find("once").expect("there") && second.span.offset > yaml.find("乙").expect("there"));
        assert!(f.help.as_ref().is_some_and(|h| h.en == "give each exclusion its own id"));
    }

    #[test]
    fn an_unknown_or_missing_clause_is_reported() {
        let yaml = format!("{CLAUSES}exclusions:\n  - {{ id: a, text: 甲, source: aplicants }}\n  - {{ id: b, text: 乙 }}\n");
        let (built, findings) = items(&yaml);
        assert_eq!(built.len(), 2);
        assert!(built.iter().all(|(_, _, c)| c.text.is_empty()), "no clause to cite: {built:?}");
        let [unknown, missing] = findings.as_slice() else { panic!("two findings: {findings:?}") };
        assert_eq!((unknown.code.code, unknown.pointer.as_deref()), (UNKNOWN_REF.code, Some("/exclusions/0/source")));
        assert_eq!(unknown.message.en, "`aplicants` is not a clause of this spec");
        assert_eq!(covered(&yaml, &unknown.labels[0]), "aplicants");
        assert!(unknown.help.as_ref().is_some_and(|h| h.en.starts_with("did you mean `applicants`?")));
        assert_eq!((missing.code.code, missing.pointer.as_deref()), (MISSING_SOURCE.code, Some("/exclusions/1")));
        assert_eq!(missing.message.en, "exclusion does not cite its clause");
        assert_eq!(missing.message.zh, "限制情形未引用通知条款");
    }

    #[test]
    fn good_items_are_built_with_their_clause() {
        let yaml =
            format!("{CLAUSES}exclusions:\n  - {{ id: a, text: 甲, source: applicants }}\n  - {{ id: b, text: 乙, source: applicants }}\n");
        let (built, findings) = items(&yaml);
        assert!(findings.is_empty(), "{findings:?}");
        let cite = Citation { document: "测试〔2025〕1号".into(), section: "一、".into(), text: "不得重复申报".into() };
        let expected = [(Some("a".into()), "/exclusions/0".into(), cite.clone()), (Some("b".into()), "/exclusions/1".into(), cite)];
        assert_eq!(built, expected);
    }
}
