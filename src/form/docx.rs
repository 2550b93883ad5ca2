//! The Word document of a [`Layout`]: an OOXML package (zip) of a few XML parts written as
//! text. Every place to fill is a run-level content control (`w:sdt`) tagged with its draft
//! key ([`super::tag`]), its requirement as placeholder text (kept in the glossary part, as
//! Word does, so it comes back when a value is deleted); lists are tables whose rows sit in a
//! `w15:repeatingSection`, so Word offers to add rows.

use std::collections::BTreeSet;
use std::io::Write;

use serde_json::Value;

use super::layout::{Block, Field, Kind, Layout, Section, Table};
use super::tag::{As, Tag, TagKind};
use super::value;

/// Text width of an A4 page with the margins below, in twentieths of a point.
const WIDTH: u32 = 8730;

/// The kind of tag a field's kind writes.
pub fn tag_kind(kind: &Kind) -> TagKind {
    match kind {
        Kind::Text => TagKind::Text,
        Kind::Lines => TagKind::Lines,
        Kind::Money => TagKind::Money,
        Kind::Integer => TagKind::Int,
        Kind::Digits => TagKind::Digits,
        Kind::Date => TagKind::Date,
        Kind::Choice(_) => TagKind::Choice,
        Kind::Choices(_) => TagKind::Choices,
        Kind::YesNo => TagKind::Bool,
    }
}

fn choices(kind: &Kind) -> Vec<(String, String)> {
    match kind {
        Kind::Choice(c) | Kind::Choices(c) => c.iter().map(|c| (c.label.clone(), c.value.clone())).collect(),
        _ => Vec::new(),
    }
}

/// The document for a layout: empty, or filled from a draft. Values the layout has no place
/// for go to a closing table (附：其他填报内容) as JSON, so nothing of the draft is lost.
pub fn write(layout: &Layout, draft: Option<&Value>) -> Vec<u8> {
    let mut w = Writer { draft, ..Writer::default() };
    w.cover(layout);
    w.notes(layout);
    for s in &layout.sections {
        w.section(s);
    }
    if let Some(d) = draft {
        let mut rest = Vec::new();
        unplaced(d, "", &w.placed, &w.lists, &mut rest);
        w.appendix(&rest);
    }
    w.body.push_str(&sect_pr());
    package(&w.body, &w.glossary)
}

#[derive(Default)]
struct Writer<'a> {
    draft: Option<&'a Value>,
    body: String,
    next_id: u32,
    /// Placeholder texts, each kept once in the glossary: (name, text).
    glossary: Vec<(String, String)>,
    /// Pointers given a control.
    placed: BTreeSet<String>,
    /// Pointers of lists written as table rows.
    lists: BTreeSet<String>,
    /// The next paragraph starts a new page.
    break_next: bool,
}

/// Every node of the draft that no control holds: (pointer, value).
fn unplaced(v: &Value, pointer: &str, placed: &BTreeSet<String>, lists: &BTreeSet<String>, out: &mut Vec<(String, Value)>) {
    if placed.contains(pointer) {
        return;
    }
    let below = |p: &str| {
        let prefix = format!("{p}/");
        placed.range(prefix.clone()..).next().is_some_and(|x| x.starts_with(&prefix)) || lists.contains(p)
    };
    match v {
        Value::Object(m) if !m.is_empty() && (pointer.is_empty() || below(pointer)) => {
            for (k, x) in m {
                unplaced(x, &format!("{pointer}/{}", crate::document::escape(k)), placed, lists, out);
            }
        }
        Value::Array(items) if lists.contains(pointer) => {
            for (i, x) in items.iter().enumerate() {
                unplaced(x, &format!("{pointer}/{i}"), placed, lists, out);
            }
        }
        _ => out.push((pointer.to_owned(), v.clone())),
    }
}

impl Writer<'_> {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// The glossary entry of a control's placeholder text. Its name holds the control's tag
    /// too: LibreOffice 7.4 drops `w:tag` when it saves a file but keeps the placeholder's
    /// name, so the binding survives there.
    fn placeholder(&mut self, tag: &Tag, text: &str) -> String {
        let tag = tag.format();
        if let Some((name, _)) = self.glossary.iter().find(|(n, t)| t == text && n.ends_with(&tag)) {
            return name.clone();
        }
        let name = format!("p{} {tag}", self.glossary.len() + 1);
        self.glossary.push((name.clone(), text.to_owned()));
        name
    }

    fn value(&self, pointer: &str) -> Option<&Value> {
        self.draft.and_then(|d| d.pointer(pointer))
    }

    fn p(&mut self, style: Option<&str>, align: Option<&str>, runs: &str) {
        let p = para_at(style, align, runs, std::mem::take(&mut self.break_next));
        self.body.push_str(&p);
    }

    fn cover(&mut self, l: &Layout) {
        self.p(None, Some("center"), &run(&l.issuer, &[Rpr::Size(32), Rpr::Bold]));
        self.p(Some("Title"), Some("center"), &run("项目申报书", &[]));
        self.p(None, Some("center"), &run(&format!("（{}，{}）", l.title, l.document), &[Rpr::Size(21)]));
        self.p(None, None, "");
        let mut rows = Vec::new();
        if let Some(code) = l.category.as_ref().and_then(|c| c.code.as_ref()) {
            rows.push(("项目编号".to_owned(), run(code, &[])));
        }
        let cat = l.category.as_ref().map_or_else(|| "（通知中没有该类别）".to_owned(), |c| format!("{}（{}）", c.name, c.amount));
        rows.push(("项目类别".to_owned(), run(&cat, &[])));
        for f in l.cover.clone() {
            let c = self.control(&f, true, None, false);
            rows.push((label_of(&f), c));
        }
        rows.push(("申报日期".to_owned(), run("        年      月      日", &[])));
        let mut t = String::new();
        for (label, content) in rows {
            t.push_str(&format!(
                "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"2400\" w:type=\"dxa\"/></w:tcPr>{}</w:tc><w:tc><w:tcPr><w:tcW w:w=\"5200\" w:type=\"dxa\"/><w:tcBorders><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders></w:tcPr>{}</w:tc></w:tr>",
                para(None, Some("distribute"), &run(&format!("{label}："), &[Rpr::Size(30)])),
                para(None, None, &content)
            ));
        }
        self.body.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"7600\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"120\" w:type=\"dxa\"/><w:bottom w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"2400\"/><w:gridCol w:w=\"5200\"/></w:tblGrid>{t}</w:tbl>"
        ));
        self.p(None, None, "");
        self.p(None, Some("center"), &run(&format!("{}制表", l.issuer), &[Rpr::Size(28)]));
        // The machine line: which call, category and format this form is, small and locked.
        let mut line = run("callspec 表单  通知：", &[Rpr::Size(16), Rpr::Grey]);
        let machine = l.machine.clone();
        for (i, f) in machine.iter().enumerate() {
            if i == 1 {
                line.push_str(&run("  类别：", &[Rpr::Size(16), Rpr::Grey]));
            } else if i == 2 {
                line.push_str(&run("  格式：", &[Rpr::Size(16), Rpr::Grey]));
            }
            // Filled from a draft, the draft's own values (a category the call lacks, say).
            let preset = if self.draft.is_some() { None } else { Some(machine_value(l, f)) };
            line.push_str(&self.control(f, false, preset, true));
        }
        self.p(None, Some("center"), &line);
        self.page_break();
    }

    /// The next paragraph starts a page (a break paragraph could spill onto a page of its own).
    fn page_break(&mut self) {
        self.break_next = true;
    }

    fn notes(&mut self, l: &Layout) {
        if l.notes.is_empty() {
            return;
        }
        self.p(Some("Heading1"), Some("center"), &run("填 报 说 明", &[]));
        for (i, c) in l.notes.iter().enumerate() {
            let text = format!("{}．{}", i + 1, c.text.trim());
            let cite = format!("（{} {}）", c.document, c.section);
            self.p(Some("Note"), None, &format!("{}{}", run(&text, &[]), run(&cite, &[Rpr::Size(18), Rpr::Grey])));
        }
        self.page_break();
    }

    fn section(&mut self, s: &Section) {
        self.p(Some("Heading1"), None, &run(&s.title, &[]));
        for b in &s.blocks {
            match b {
                Block::Heading(h) => self.p(Some("Heading2"), None, &run(h, &[])),
                Block::Note(n) => self.p(Some("Note"), None, &run(n, &[Rpr::Grey])),
                Block::Fields(fields) => self.fields(fields),
                Block::Table(t) => self.table(t),
                Block::Statements(list) => {
                    for (i, s) in list.iter().enumerate() {
                        self.p(Some("Note"), None, &run(&format!("{}．{s}", i + 1), &[]));
                    }
                }
                Block::Signatures(lines) => {
                    self.p(None, None, "");
                    for l in lines {
                        self.p(None, Some("right"), &run(l, &[]));
                    }
                }
            }
        }
    }

    /// A control for a field at its pointer, with the draft's value when there is one.
    /// `preset` is a value set in advance; `locked` keeps the user from changing it.
    fn control(&mut self, f: &Field, mirror: bool, preset: Option<String>, locked: bool) -> String {
        let kind = tag_kind(&f.kind);
        let choices = choices(&f.kind);
        let mut tag = Tag::new(kind, f.pointer.clone());
        tag.mirror = mirror;
        tag.required = f.required;
        let mut checked = (kind == TagKind::Bool).then_some(false);
        let mut text = String::new();
        if let Some(p) = preset {
            text = p;
        } else if self.draft.is_some() {
            let v = self.value(&f.pointer).cloned();
            match value::write(kind, f.required, v.as_ref(), &choices) {
                Some((t, c, r#as)) => {
                    text = t;
                    if c.is_some() {
                        checked = c;
                    }
                    tag.r#as = r#as;
                    self.placed.insert(f.pointer.clone());
                }
                // A value with no text form here (a list where one value goes): the control
                // stays empty and reads as nothing; the value goes to the appendix.
                None => tag.r#as = Some(As::Absent),
            }
        }
        sdt(self, f, &tag, &text, checked, &choices, locked)
    }

    fn fields(&mut self, fields: &[Field]) {
        // Long labels (an exclusion to attest) get most of the width, short answers the rest.
        let label_w = if fields.iter().any(|f| f.label.chars().count() > 24) { 5900 } else { 2700 };
        let mut rows = String::new();
        for f in fields {
            let content = self.control(f, false, None, false);
            let label = match &f.unit {
                Some(u) => format!("{}（{u}）", label_of(f)),
                None => label_of(f),
            };
            let label = label_cell(&label, &f.requirement, f.kind == Kind::Lines);
            rows.push_str(&format!(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{label_w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/><w:vAlign w:val=\"center\"/></w:tcPr>{label}</w:tc><w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>{}</w:tc></w:tr>",
                WIDTH - label_w,
                para(Some("Cell"), None, &content)
            ));
        }
        self.body.push_str(&table_xml(&[label_w, WIDTH - label_w], &rows));
        self.p(None, None, "");
    }

    fn table(&mut self, t: &Table) {
        self.p(Some("Heading2"), None, &run(&t.title, &[]));
        let total: u32 = t.columns.iter().map(|c| u32::from(c.width)).sum::<u32>().max(1);
        let number_w = 760;
        let widths: Vec<u32> =
            std::iter::once(number_w).chain(t.columns.iter().map(|c| (WIDTH - number_w) * u32::from(c.width) / total)).collect();
        let mut rows = String::from("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (i, head) in std::iter::once("序号").chain(t.columns.iter().map(|c| c.field.label.as_str())).enumerate() {
            rows.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/><w:vAlign w:val=\"center\"/></w:tcPr>{}</w:tc>",
                widths[i],
                para(Some("Cell"), Some("center"), &run(head, &[Rpr::Bold, Rpr::Size(21)]))
            ));
        }
        rows.push_str("</w:tr>");
        // The rows: the draft's entries, or the layout's rows to start from.
        let entries: Option<Vec<Value>> = self.value(&t.pointer).and_then(Value::as_array).cloned();
        let rowable = entries.as_ref().is_some_and(|items| items.iter().all(|e| self.rowable(t, e)));
        let mut list_tag = Tag::new(TagKind::List, t.pointer.clone());
        let mut items = String::new();
        if let (true, Some(entries)) = (rowable, entries) {
            self.lists.insert(t.pointer.clone());
            if entries.is_empty() {
                list_tag.r#as = Some(As::Array);
            }
            for (i, e) in entries.iter().enumerate() {
                let mut cells = Vec::new();
                for c in &t.columns {
                    let mut f = c.field.clone();
                    f.pointer = format!("{}/*/{}", t.pointer, f.pointer);
                    let at = format!("{}/{i}/{}", t.pointer, c.field.pointer);
                    let v = e.get(&c.field.pointer);
                    let kind = tag_kind(&f.kind);
                    let (text, checked, r#as) = value::write(kind, f.required, v, &choices(&f.kind)).unwrap_or_default();
                    self.placed.insert(at);
                    let mut tag = Tag::new(kind, f.pointer.clone());
                    tag.required = f.required;
                    tag.r#as = r#as;
                    let checked = if kind == TagKind::Bool { Some(checked.unwrap_or(false)) } else { None };
                    cells.push(sdt(self, &f, &tag, &text, checked, &choices(&f.kind), false));
                }
                items.push_str(&self.row(i + 1, &widths, &cells));
            }
        } else {
            for (i, r) in t.rows.iter().enumerate() {
                let mut cells = Vec::new();
                for (j, c) in t.columns.iter().enumerate() {
                    let mut f = c.field.clone();
                    f.pointer = format!("{}/*/{}", t.pointer, f.pointer);
                    if j == 0
                        && let Some(n) = &r.note
                    {
                        f.requirement = n.clone();
                    }
                    let kind = tag_kind(&f.kind);
                    let mut tag = Tag::new(kind, f.pointer.clone());
                    tag.required = f.required;
                    let preset = r.presets.iter().find(|(k, _)| *k == c.field.pointer).map(|(_, v)| v.clone());
                    let text = match (&preset, &f.kind) {
                        (Some(v), Kind::Choice(list)) => list.iter().find(|x| &x.value == v).map_or_else(|| v.clone(), |x| x.label.clone()),
                        (Some(v), _) => v.clone(),
                        (None, _) => String::new(),
                    };
                    tag.preset = preset.is_some();
                    let checked = (kind == TagKind::Bool).then_some(false);
                    cells.push(sdt(self, &f, &tag, &text, checked, &choices(&f.kind), false));
                }
                items.push_str(&self.row(i + 1, &widths, &cells));
            }
        }
        let id = self.id();
        rows.push_str(&format!(
            "<w:sdt><w:sdtPr><w:alias w:val=\"{}\"/><w:tag w:val=\"{}\"/><w:id w:val=\"{id}\"/><w15:repeatingSection/></w:sdtPr><w:sdtContent>{items}</w:sdtContent></w:sdt>",
            esc(&t.title),
            esc(&list_tag.format())
        ));
        if let Some(footer) = &t.footer {
            rows.push_str(&format!(
                "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"{WIDTH}\" w:type=\"dxa\"/><w:gridSpan w:val=\"{}\"/></w:tcPr>{}</w:tc></w:tr>",
                widths.len(),
                para(None, None, &run(footer, &[Rpr::Grey, Rpr::Size(21)]))
            ));
        }
        self.body.push_str(&table_xml(&widths, &rows));
        self.p(None, None, "");
    }

    /// Whether an entry of a list fits one table row and reads back as itself: a mapping
    /// whose values have a text form, not every one of them empty.
    fn rowable(&self, t: &Table, e: &Value) -> bool {
        let Some(m) = e.as_object() else { return false };
        let mut some = false;
        for c in &t.columns {
            let kind = tag_kind(&c.field.kind);
            match value::write(kind, c.field.required, m.get(&c.field.pointer), &choices(&c.field.kind)) {
                None => return false,
                Some((text, checked, _)) => some |= !text.is_empty() || checked == Some(true),
            }
        }
        some
    }

    fn row(&mut self, n: usize, widths: &[u32], cells: &[String]) -> String {
        let id = self.id();
        let mut tr = String::from("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        tr.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>{}</w:tc>",
            widths[0],
            para(Some("Cell"), Some("center"), &run(&n.to_string(), &[Rpr::Size(21)]))
        ));
        for (i, c) in cells.iter().enumerate() {
            tr.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>{}</w:tc>",
                widths[i + 1],
                para(Some("Cell"), None, c)
            ));
        }
        tr.push_str("</w:tr>");
        format!("<w:sdt><w:sdtPr><w:id w:val=\"{id}\"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>{tr}</w:sdtContent></w:sdt>")
    }

    fn appendix(&mut self, rest: &[(String, Value)]) {
        if rest.is_empty() {
            return;
        }
        self.p(Some("Heading1"), None, &run(super::APPENDIX, &[]));
        self.p(
            Some("Note"),
            None,
            &run("以下内容在本表中没有对应栏目（如拼写有误的键名或通知未要求的内容），按原样保留，供核对。", &[Rpr::Grey]),
        );
        let label_w = 2700;
        let mut rows = String::new();
        for (pointer, v) in rest {
            let f = Field {
                pointer: pointer.clone(),
                label: pointer.clone(),
                kind: Kind::Text,
                requirement: "JSON".into(),
                required: false,
                unit: None,
            };
            let tag = Tag::new(TagKind::Json, pointer.clone());
            let text = serde_json::to_string(v).unwrap_or_default();
            let content = sdt(self, &f, &tag, &text, None, &[], false);
            rows.push_str(&format!(
                "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"{label_w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/></w:tcPr>{}</w:tc><w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc></w:tr>",
                para(Some("Cell"), None, &run(pointer, &[Rpr::Size(21)])),
                WIDTH - label_w,
                para(Some("Cell"), None, &content)
            ));
        }
        self.body.push_str(&table_xml(&[label_w, WIDTH - label_w], &rows));
    }
}

/// The value a machine field holds: the call, the category, the format version.
fn machine_value(l: &Layout, f: &Field) -> String {
    match f.pointer.as_str() {
        "/call" => l.call_id.clone(),
        "/category" => l.category.as_ref().map(|c| c.path.clone()).unwrap_or_default(),
        _ => "1".to_owned(),
    }
}

fn label_of(f: &Field) -> String {
    f.label.clone()
}

/// A label cell: the label, and the requirement under it for long texts.
fn label_cell(label: &str, requirement: &str, long: bool) -> String {
    let mut out = para(Some("Cell"), None, &run(label, &[]));
    if long && !requirement.is_empty() && requirement != "请填写" && requirement != "请填写（可分段）" {
        out.push_str(&para(Some("Cell"), None, &run(&format!("（{requirement}）"), &[Rpr::Size(18), Rpr::Grey])));
    }
    out
}

/// One content control (`w:sdt`) holding a run.
fn sdt(w: &mut Writer, f: &Field, tag: &Tag, text: &str, checked: Option<bool>, choices: &[(String, String)], locked: bool) -> String {
    let id = w.id();
    let kind = tag.kind;
    let placeholder = if f.requirement.is_empty() { "请填写".to_owned() } else { f.requirement.clone() };
    let mut pr = format!("<w:alias w:val=\"{}\"/><w:tag w:val=\"{}\"/><w:id w:val=\"{id}\"/>", esc(&short(&f.label)), esc(&tag.format()));
    if locked {
        pr.push_str("<w:lock w:val=\"sdtContentLocked\"/>");
    }
    let name = w.placeholder(tag, &placeholder);
    pr.push_str(&format!("<w:placeholder><w:docPart w:val=\"{}\"/></w:placeholder>", esc(&name)));
    let content = if kind == TagKind::Bool {
        let on = checked.unwrap_or(false);
        pr.push_str(&format!(
            "<w14:checkbox><w14:checked w14:val=\"{}\"/><w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/><w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox>",
            u8::from(on)
        ));
        format!(
            "<w:r><w:rPr><w:rFonts w:ascii=\"MS Gothic\" w:eastAsia=\"MS Gothic\" w:hAnsi=\"MS Gothic\" w:hint=\"eastAsia\"/></w:rPr><w:t>{}</w:t></w:r>",
            if on { "☒" } else { "☐" }
        )
    } else {
        if text.is_empty() {
            pr.push_str("<w:showingPlcHdr/>");
        }
        match kind {
            // A list of the values to pick from (for `choices`, one picked or several typed).
            TagKind::Choice | TagKind::Choices if !choices.is_empty() => {
                pr.push_str("<w:comboBox>");
                for (label, value) in choices {
                    pr.push_str(&format!("<w:listItem w:displayText=\"{}\" w:value=\"{}\"/>", esc(label), esc(value)));
                }
                pr.push_str("</w:comboBox>");
            }
            // Rich text controls (no `w:text`): LibreOffice 7.4 writes plain-text controls
            // back duplicated and garbled, rich text ones intact.
            _ => {}
        }
        let small: &[Rpr] = if locked { &[Rpr::Size(16)] } else { &[] };
        if text.is_empty() { run(&placeholder, &[Rpr::Placeholder]) } else { run(text, small) }
    };
    format!("<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>")
}

/// A label short enough for Word's control title.
fn short(label: &str) -> String {
    let mut s: String = label.chars().take(60).collect();
    if label.chars().count() > 60 {
        s.push('…');
    }
    s
}

#[derive(Clone, Copy)]
enum Rpr {
    Bold,
    Grey,
    Size(u32),
    Placeholder,
}

/// A run of text: tabs and line breaks become `w:tab` and `w:br`.
fn run(text: &str, props: &[Rpr]) -> String {
    // Run properties in the schema's order: rStyle, b, color, sz.
    let has = |f: fn(&Rpr) -> bool| props.iter().any(f);
    let mut pr = String::new();
    if has(|p| matches!(p, Rpr::Placeholder)) {
        pr.push_str("<w:rStyle w:val=\"PlaceholderText\"/>");
    }
    if has(|p| matches!(p, Rpr::Bold)) {
        pr.push_str("<w:b/>");
    }
    // The style marks placeholder text for Word; the colour shows it grey where the style is
    // not honoured (LibreOffice's plain-text controls).
    if has(|p| matches!(p, Rpr::Placeholder)) {
        pr.push_str("<w:color w:val=\"808080\"/>");
    } else if has(|p| matches!(p, Rpr::Grey)) {
        pr.push_str("<w:color w:val=\"595959\"/>");
    }
    if let Some(Rpr::Size(s)) = props.iter().find(|p| matches!(p, Rpr::Size(_))) {
        pr.push_str(&format!("<w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/>"));
    }
    let pr = if pr.is_empty() { String::new() } else { format!("<w:rPr>{pr}</w:rPr>") };
    let mut body = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            body.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                body.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                body.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", esc(piece)));
            }
        }
    }
    format!("<w:r>{pr}{body}</w:r>")
}

fn para(style: Option<&str>, align: Option<&str>, runs: &str) -> String {
    para_at(style, align, runs, false)
}

/// A paragraph, starting a new page when `page` (properties in the schema's order).
fn para_at(style: Option<&str>, align: Option<&str>, runs: &str, page: bool) -> String {
    let mut ppr = String::new();
    if let Some(s) = style {
        ppr.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
    }
    if page {
        ppr.push_str("<w:pageBreakBefore/>");
    }
    if let Some(a) = align {
        ppr.push_str(&format!("<w:jc w:val=\"{a}\"/>"));
    }
    let ppr = if ppr.is_empty() { String::new() } else { format!("<w:pPr>{ppr}</w:pPr>") };
    format!("<w:p>{ppr}{runs}</w:p>")
}

fn table_xml(widths: &[u32], rows: &str) -> String {
    let grid: String = widths.iter().map(|w| format!("<w:gridCol w:w=\"{w}\"/>")).collect();
    let total: u32 = widths.iter().sum();
    let border = |side: &str| format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"].iter().map(|s| border(s)).collect();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )
}

fn sect_pr() -> String {
    "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1588\" w:bottom=\"1440\" w:left=\"1588\" w:header=\"851\" w:footer=\"851\" w:gutter=\"0\"/><w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>".to_owned()
}

/// Escapes text for XML content and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Not allowed in XML 1.0; a draft cannot hold them either (they are refused on reading).
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const NS: &str = concat!(
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ",
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" ",
    "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" ",
    "xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\" ",
    "mc:Ignorable=\"w14 w15\""
);

const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

fn styles() -> String {
    let heading = |id: &str, name: &str, size: u32, level: u32, before: u32| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"SimHei\" w:eastAsia=\"SimHei\" w:hAnsi=\"SimHei\"/><w:b/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>"
        )
    };
    format!(
        "{XML}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"SimSun\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
{}{}\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"600\" w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"SimHei\" w:eastAsia=\"SimHei\" w:hAnsi=\"SimHei\"/><w:b/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:after=\"80\"/><w:ind w:firstLine=\"480\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Cell\"><w:name w:val=\"Cell\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"PlaceholderText\"><w:name w:val=\"Placeholder Text\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:rPr><w:color w:val=\"808080\"/></w:rPr></w:style>\
</w:styles>",
        heading("Heading1", "heading 1", 30, 0, 360),
        heading("Heading2", "heading 2", 26, 1, 200)
    )
}

fn glossary_xml(parts: &[(String, String)]) -> String {
    let mut body = String::new();
    for (i, (name, text)) in parts.iter().enumerate() {
        body.push_str(&format!(
            "<w:docPart><w:docPartPr><w:name w:val=\"{}\"/><w:category><w:name w:val=\"General\"/><w:gallery w:val=\"placeholder\"/></w:category><w:types><w:type w:val=\"bbPlcHdr\"/></w:types><w:behaviors><w:behavior w:val=\"content\"/></w:behaviors><w:guid w:val=\"{{6CA11D0A-0000-4000-8000-{:012X}}}\"/></w:docPartPr><w:docPartBody><w:p>{}</w:p></w:docPartBody></w:docPart>",
            esc(name),
            i + 1,
            run(text, &[Rpr::Placeholder])
        ));
    }
    format!("{XML}<w:glossaryDocument {NS}><w:docParts>{body}</w:docParts></w:glossaryDocument>")
}

/// The zip package with every part.
fn package(body: &str, glossary: &[(String, String)]) -> Vec<u8> {
    let document = format!("{XML}<w:document {NS}><w:body>{body}</w:body></w:document>");
    let footer = format!(
        "{XML}<w:ftr {NS}><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>"
    );
    let settings = format!(
        "{XML}<w:settings {NS}><w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
    );
    let content_types = format!(
        "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/word/glossary/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml\"/>\
<Override PartName=\"/word/glossary/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>"
    );
    let rels = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>"
    );
    let doc_rels = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/><Relationship Id=\"rIdGlossary\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument\" Target=\"glossary/document.xml\"/></Relationships>"
    );
    let glossary_rels = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
    );
    let core = format!(
        "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>项目申报书</dc:title><dc:creator>callspec</dc:creator></cp:coreProperties>"
    );
    let styles = styles();
    let parts: [(&str, &str); 11] = [
        ("[Content_Types].xml", &content_types),
        ("_rels/.rels", &rels),
        ("docProps/core.xml", &core),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", &doc_rels),
        ("word/styles.xml", &styles),
        ("word/settings.xml", &settings),
        ("word/footer1.xml", &footer),
        ("word/glossary/document.xml", &glossary_xml(glossary)),
        ("word/glossary/_rels/document.xml.rels", &glossary_rels),
        ("word/glossary/styles.xml", &styles),
    ];
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        // A fixed time stamp: the same form is the same bytes on every run.
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, text) in parts {
            // Writing to memory cannot fail but for running out of it.
            z.start_file(name, opts).expect("zip entry");
            z.write_all(text.as_bytes()).expect("zip write");
        }
        z.finish().expect("zip finish");
    }
    buf.into_inner()
}
