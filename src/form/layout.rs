//! The form's structure as data: sections of fields and tables, each field bound to a draft
//! key by JSON pointer, with its Chinese label, its kind of value and the requirement in words
//! (what the Word form shows as placeholder text). Built from the compiled call and category;
//! [`super::docx`] lays it out as a Word document and [`super::read`] reads it back.
//!
//! A field is a pointer, a label, a kind and requirement words, nothing specific to the
//! built-in keys: fields a call declares for itself slot in as ordinary fields of the section
//! they sit in ([`Layout::section_mut`]), or as columns of the team table.

use crate::application::TEXT_FIELDS;
use crate::diagnostics::Citation;
use crate::model::{Amount, BudgetRuleKind, Call, Category, Channel, IdentifierKind, Kpi, Stage};

/// One form: the cover, the instructions (填报说明) and the sections.
#[derive(Debug, Clone)]
pub struct Layout {
    pub call_id: String,
    pub title: String,
    pub issuer: String,
    pub document: String,
    pub money_unit: String,
    /// The category the form is for; `None` for a draft naming a category the call lacks.
    pub category: Option<CategoryHead>,
    /// 填报说明: clauses quoted from the notice.
    pub notes: Vec<Citation>,
    /// The cover's lines to fill: copies (mirrors) of fields of the body.
    pub cover: Vec<Field>,
    /// The fields that say which call, category and format the form is: small, locked.
    pub machine: Vec<Field>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone)]
pub struct CategoryHead {
    pub path: String,
    pub name: String,
    /// 项目编号, where the call gives one.
    pub code: Option<String>,
    pub amount: String,
}

/// A numbered section: 一、项目基本情况.
#[derive(Debug, Clone)]
pub struct Section {
    /// Stable id, for fields declared elsewhere to name where they sit: `project`, `lead`,
    /// `people`, `team`, `kpis`, `budget`, `letters`, `pledge`, `submission`.
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    /// A sub-heading: 第一申报单位.
    Heading(String),
    /// A grid of label and value.
    Fields(Vec<Field>),
    /// A table of repeating rows bound to a list.
    Table(Table),
    /// A paragraph of guidance, e.g. a clause quoted.
    Note(String),
    /// Statements the applicant subscribes to (承诺), numbered.
    Statements(Vec<String>),
    /// Lines signed and sealed by hand on paper.
    Signatures(Vec<String>),
}

/// One place to fill.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Where the value goes in the draft (RFC 6901); in a table column, the key in the row.
    pub pointer: String,
    /// The form's Chinese label.
    pub label: String,
    pub kind: Kind,
    /// What the notice requires, in words: the placeholder text ("不少于 3 场").
    pub requirement: String,
    /// Left empty, the value is still to fill (`null`) rather than left out.
    pub required: bool,
    /// The unit printed beside the value (场, 万元).
    pub unit: Option<String>,
}

/// What kind of value a field takes, which decides how the form's text is read.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Text of several lines or paragraphs.
    Lines,
    /// An exact amount in the call's money unit.
    Money,
    /// A whole number.
    Integer,
    /// An identifier of digits (postal code, phone, account): kept as typed when it is not a
    /// plain number.
    Digits,
    /// A date, or a date and time.
    Date,
    /// One of a vocabulary: the form shows the labels, the draft holds the values.
    Choice(Vec<Choice>),
    /// Several of a vocabulary, written one after another (、): the draft holds a list.
    Choices(Vec<Choice>),
    /// A box to tick.
    YesNo,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A table bound to a list of the draft: one row per entry.
#[derive(Debug, Clone)]
pub struct Table {
    pub title: String,
    /// The list's pointer: `/team`.
    pub pointer: String,
    pub columns: Vec<Column>,
    /// The rows an empty form starts with, each with its values set in advance (an event's
    /// KPI, a deliverable's id) and a note on what it is for.
    pub rows: Vec<Row>,
    /// A closing line under the rows (合计 …), static.
    pub footer: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub field: Field,
    /// Relative width.
    pub width: u16,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    /// Values set in advance, by column key.
    pub presets: Vec<(String, String)>,
    pub note: Option<String>,
}

impl Field {
    pub fn new(pointer: impl Into<String>, label: impl Into<String>, kind: Kind, requirement: impl Into<String>) -> Self {
        Field { pointer: pointer.into(), label: label.into(), kind, requirement: requirement.into(), required: false, unit: None }
    }

    fn required(mut self) -> Self {
        self.required = true;
        self
    }

    fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }
}

fn column(key: &str, label: &str, kind: Kind, requirement: &str, width: u16) -> Column {
    Column { field: Field::new(key, label, kind, requirement), width }
}

fn required_column(key: &str, label: &str, kind: Kind, requirement: &str, width: u16) -> Column {
    Column { field: Field::new(key, label, kind, requirement).required(), width }
}

impl Layout {
    /// The section with this id.
    pub fn section_mut(&mut self, id: &str) -> Option<&mut Section> {
        self.sections.iter_mut().find(|s| s.id == id)
    }

    /// Every field of the body and the cover, with the table it is a column of.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.machine.iter().chain(&self.cover).chain(self.sections.iter().flat_map(|s| &s.blocks).flat_map(|b| match b {
            Block::Fields(f) => f.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        }))
    }

    /// Every table.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

/// The layout of the form for one category of a call; `None` for a draft whose category the
/// call does not have (the form then has every section but no category's own rows).
pub fn layout(call: &Call, cat: Option<&Category>) -> Layout {
    let category = cat.map(|c| CategoryHead {
        path: c.path.clone(),
        name: c.full_name(),
        code: c.code.clone(),
        amount: crate::guide::amount(c, call.money_unit),
    });
    let mut sections = vec![project(call, cat), lead(call, cat), people(), team(cat)];
    sections.push(targets(cat));
    if let Some(s) = phases(call) {
        sections.push(s);
    }
    sections.push(budget(call, cat));
    if let Some(s) = letters(cat) {
        sections.push(s);
    }
    sections.push(pledge(call, cat));
    if let Some(s) = submission(call, cat) {
        sections.push(s);
    }
    for (i, s) in sections.iter_mut().enumerate() {
        s.title = format!("{}、{}", numeral(i + 1), s.title);
    }
    let cover = vec![
        Field::new("/project/name", "项目名称", Kind::Text, "与正文“项目名称”一致"),
        Field::new("/lead/name", "申报单位", Kind::Text, "单位全称（与公章相符）"),
        Field::new("/leader/name", "项目负责人", Kind::Text, "姓名"),
        Field::new("/leader/mobile", "联系电话", Kind::Digits, "手机号码"),
    ];
    let machine = vec![
        Field::new("/call", "通知", Kind::Text, "").required(),
        Field::new("/category", "类别", Kind::Text, "").required(),
        Field::new("/application", "格式", Kind::Integer, "").required(),
    ];
    let mut form = Layout {
        call_id: call.id.clone(),
        title: call.title.clone(),
        issuer: call.issuer.clone(),
        document: call.reference(),
        money_unit: call.money_unit.to_owned(),
        category,
        notes: notes(call, cat),
        cover,
        machine,
        sections,
    };
    crate::kinds::field::form::place(call, cat, &mut form);
    form
}

/// 一, 二, … 十九.
fn numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => n.to_string(),
    }
}

/// 填报说明: the notice's own instructions on the form (clauses of its 填报说明), else the
/// commitments the notice asks of the form stage.
fn notes(call: &Call, cat: Option<&Category>) -> Vec<Citation> {
    let mut out: Vec<Citation> = call.clauses.values().filter(|c| c.section.contains("填报说明")).cloned().collect();
    out.sort_by(|a, b| a.section.cmp(&b.section));
    if out.is_empty() {
        for c in call.commitments.iter().filter(|c| c.stage == Stage::Form && Call::in_scope(&c.categories, cat)) {
            if !out.contains(&c.cite) {
                out.push(c.cite.clone());
            }
        }
    }
    out
}

/// A text field's label and limit in words, from the call's form rules.
fn text_field(call: &Call, pointer: &str, kind: Kind, fallback: &str) -> Field {
    let dotted = pointer.trim_start_matches('/').replace('/', ".");
    let label = TEXT_FIELDS.iter().find(|(f, _)| *f == dotted).map_or(fallback, |(_, n)| *n);
    let limit = call.form.text_limits.iter().find(|l| l.field == dotted).map(|l| match (l.min_chars, l.max_chars) {
        (Some(a), Some(b)) => format!("{a} 至 {b} 字"),
        (Some(a), None) => format!("不少于 {a} 字"),
        (None, Some(b)) => format!("不超过 {b} 字"),
        (None, None) => String::new(),
    });
    let requirement = match limit.filter(|l| !l.is_empty()) {
        Some(l) => l,
        None if kind == Kind::Lines => "请填写（可分段）".to_owned(),
        None => "请填写".to_owned(),
    };
    Field::new(pointer, label, kind, requirement)
}

fn project(call: &Call, cat: Option<&Category>) -> Section {
    let mut fields = vec![
        text_field(call, "/project/name", Kind::Text, "项目名称").required(),
        text_field(call, "/project/summary", Kind::Lines, "项目主要内容摘要").required(),
        text_field(call, "/project/content", Kind::Lines, "项目主要内容"),
        text_field(call, "/project/basis", Kind::Lines, "立项依据和目的"),
        text_field(call, "/project/conditions", Kind::Lines, "项目实施条件"),
        text_field(call, "/project/outcomes", Kind::Lines, "项目预期成果"),
        Field::new("/project/start", "项目开始日期", Kind::Date, "如 2025年5月1日").required(),
    ];
    let end = match cat.and_then(|c| c.completion.as_ref()) {
        Some(c) if c.soft => format!("原则上 {} 前完成", date_zh(&c.by)),
        Some(c) => format!("须于 {} 前完成", date_zh(&c.by)),
        None => "如 2025年11月30日".to_owned(),
    };
    fields.push(Field::new("/project/end", "项目结束日期", Kind::Date, end).required());
    if let Some(pilot) = cat.and_then(|c| c.pilot.as_ref()) {
        let list = call.references.get(&pilot.value).map_or(pilot.value.as_str(), |r| r.name.as_str());
        fields.push(Field::new("/project/pilot_city", "意向服务的试点城市（园区）", Kind::Text, format!("按{list}填写")));
        fields.push(Field::new("/project/industry", "计划重点服务的产业方向", Kind::Text, format!("从{list}中该城市的产业方向选填")));
    }
    // Other text fields the call limits, under their own names.
    for l in &call.form.text_limits {
        let pointer = format!("/{}", l.field.replace('.', "/"));
        if pointer.starts_with("/project/") && !fields.iter().any(|f| f.pointer == pointer) {
            let key = l.field.rsplit('.').next().unwrap_or(&l.field).to_owned();
            fields.push(text_field(call, &pointer, Kind::Lines, &key));
        }
    }
    Section { id: "project", title: "项目基本情况".into(), blocks: vec![Block::Fields(fields)] }
}

/// The applicant types a category's lead may be, as choices.
fn type_choices(call: &Call, ids: &[String]) -> Vec<Choice> {
    ids.iter()
        .map(|id| Choice { value: id.clone(), label: call.applicant_types.get(id).map_or_else(|| id.clone(), |t| t.name.clone()) })
        .collect()
}

fn lead(call: &Call, cat: Option<&Category>) -> Section {
    let types: Vec<String> = match cat.and_then(|c| c.leads.as_ref()) {
        Some(l) => l.value.clone(),
        None => call.applicant_types.values().filter(|t| !t.individual).map(|t| t.id.clone()).collect(),
    };
    let all: Vec<String> = call.applicant_types.keys().cloned().collect();
    let mut fields = vec![
        text_field(call, "/lead/name", Kind::Text, "单位名称").required(),
        Field::new(
            "/lead/type",
            "单位类型",
            Kind::Choice(type_choices(call, &all)),
            format!("可选：{}", crate::guide::type_names(call, &types)),
        )
        .required(),
    ];
    match call.form.identifier.as_ref().map(|r| &r.value) {
        Some(IdentifierKind::OrgCode) => fields.push(Field::new("/lead/org_code", "法人代码（组织机构代码）", Kind::Text, "XXXXXXXX-X")),
        Some(IdentifierKind::Either) => {
            fields.push(Field::new("/lead/credit_code", "统一社会信用代码", Kind::Text, "18 位；无则填写下栏法人代码"));
            fields.push(Field::new("/lead/org_code", "法人代码（组织机构代码）", Kind::Text, "XXXXXXXX-X；已有统一社会信用代码的可不填"));
        }
        _ => fields.push(Field::new("/lead/credit_code", "统一社会信用代码", Kind::Text, "18 位")),
    }
    fields.push(text_field(call, "/lead/address", Kind::Text, "详细地址"));
    fields.push(Field::new("/lead/postal_code", "邮政编码", Kind::Digits, "6 位数字"));
    fields.push(Field::new("/lead/phone", "单位电话", Kind::Digits, "如 0571-88888888"));
    fields.push(text_field(call, "/lead/profile", Kind::Lines, "单位简介"));
    fields.push(Field::new("/lead/bank/name", "开户银行", Kind::Text, "请填写"));
    fields.push(Field::new("/lead/bank/account_name", "户名", Kind::Text, "请填写"));
    fields.push(Field::new("/lead/bank/account", "账号", Kind::Digits, "请填写"));
    for l in &call.form.text_limits {
        let pointer = format!("/{}", l.field.replace('.', "/"));
        if pointer.starts_with("/lead/") && !fields.iter().any(|f| f.pointer == pointer) {
            let key = l.field.rsplit('.').next().unwrap_or(&l.field).to_owned();
            fields.push(text_field(call, &pointer, Kind::Lines, &key));
        }
    }
    let mut blocks = vec![Block::Heading("第一申报单位".into()), Block::Fields(fields)];
    let (joint, partners) = others(call, cat);
    blocks.extend(joint.map(Block::Table));
    blocks.extend(partners.map(Block::Table));
    Section { id: "lead", title: "申报单位".into(), blocks }
}

/// A table of joint applicants or partners with one row to start from, for a draft that lists
/// some where the category asks for none.
pub(super) fn organisations(call: &Call, pointer: &str) -> Table {
    let all: Vec<String> = call.applicant_types.keys().cloned().collect();
    let title = if pointer == "/joint" { "联合申报单位" } else { "项目主要参与单位" };
    Table {
        title: title.into(),
        pointer: pointer.into(),
        columns: organisation_columns(call, &all),
        rows: vec![Row::default()],
        footer: None,
    }
}

fn organisation_columns(call: &Call, all: &[String]) -> Vec<Column> {
    vec![
        required_column("name", "单位名称", Kind::Text, "单位全称", 30),
        required_column("type", "单位类型", Kind::Choice(type_choices(call, all)), "请选择", 18),
        column("credit_code", "统一社会信用代码", Kind::Text, "18 位", 20),
        column("contact", "联系人", Kind::Text, "姓名", 14),
        column("phone", "电话", Kind::Digits, "手机或座机", 18),
    ]
}

/// The joint-applicant and partner tables a category calls for.
fn others(call: &Call, cat: Option<&Category>) -> (Option<Table>, Option<Table>) {
    let Some(cat) = cat else { return (None, None) };
    let all: Vec<String> = call.applicant_types.keys().cloned().collect();
    let mut joint = Vec::new();
    let mut partners = Vec::new();
    for p in &cat.partners {
        let as_joint = p.role == crate::model::Role::CoApplicant
            || cat.joint.as_ref().is_some_and(|j| j.allowed && (j.open || p.types.iter().all(|t| j.types.contains(t))));
        for i in 0..p.min.max(1) {
            let note = format!("{}（{}/{}）：{}", p.name, i + 1, p.min.max(1), crate::guide::type_names(call, &p.types));
            let row = Row { presets: Vec::new(), note: Some(note) };
            if as_joint { joint.push(row) } else { partners.push(row) }
        }
    }
    let joint_open = cat.joint.as_ref().is_some_and(|j| j.allowed);
    if joint.is_empty() && joint_open {
        let types = cat.joint.as_ref().map(|j| crate::guide::type_names(call, &j.types)).unwrap_or_default();
        joint.push(Row { presets: Vec::new(), note: Some(format!("可选：{types}")) });
    }
    // A call whose categories name participating organisations asks every form for them.
    if partners.is_empty() && call.categories.iter().any(|c| !c.partners.is_empty()) {
        partners.push(Row { presets: Vec::new(), note: Some("如有，请填写".into()) });
    }
    let table = |title: &str, pointer: &str, rows: Vec<Row>| Table {
        title: title.into(),
        pointer: pointer.into(),
        columns: organisation_columns(call, &all),
        rows,
        footer: None,
    };
    (
        (!joint.is_empty()).then(|| table("联合申报单位", "/joint", joint)),
        (!partners.is_empty()).then(|| table("项目主要参与单位", "/partners", partners)),
    )
}

fn person(pointer: &str) -> Vec<Field> {
    vec![
        Field::new(format!("{pointer}/name"), "姓名", Kind::Text, "请填写").required(),
        Field::new(format!("{pointer}/mobile"), "手机", Kind::Digits, "11 位手机号码"),
        Field::new(format!("{pointer}/phone"), "单位电话", Kind::Digits, "如 0571-88888888"),
        Field::new(format!("{pointer}/email"), "电子邮箱", Kind::Text, "如 name@example.org"),
        Field::new(format!("{pointer}/position"), "工作单位及职务", Kind::Text, "请填写"),
    ]
}

fn people() -> Section {
    Section {
        id: "people",
        title: "项目负责人及联系人".into(),
        blocks: vec![
            Block::Heading("项目负责人".into()),
            Block::Fields(person("/leader")),
            Block::Heading("项目联系人".into()),
            Block::Fields(person("/contact")),
        ],
    }
}

fn team(cat: Option<&Category>) -> Section {
    let t = cat.and_then(|c| c.team.as_ref());
    let n = t.and_then(|t| t.min_members).unwrap_or(3).max(1) as usize;
    let leader = match t.map(|t| &t.leader_titles) {
        Some(titles) if !titles.is_empty() => format!("团队负责人，须为{}", titles.join("或")),
        _ => "团队负责人".to_owned(),
    };
    let mut rows = vec![Row { presets: Vec::new(), note: Some(leader) }];
    rows.extend((1..n).map(|_| Row::default()));
    let mut blocks = Vec::new();
    if let Some(m) = t.and_then(|t| t.min_members) {
        blocks.push(Block::Note(format!("团队成员不少于 {m} 人；负责人一行勾选“负责人”。")));
    } else {
        blocks.push(Block::Note("每行一人；负责人一行勾选“负责人”。".into()));
    }
    blocks.push(Block::Table(Table {
        title: "项目团队人员".into(),
        pointer: "/team".into(),
        columns: vec![
            required_column("name", "姓名", Kind::Text, "姓名", 12),
            column("organisation", "工作单位", Kind::Text, "单位", 24),
            column("title", "职务/职称", Kind::Text, "如 教授", 14),
            column("role", "在本项目中承担的主要工作", Kind::Text, "请填写", 24),
            column("contact", "联系方式", Kind::Digits, "手机", 15),
            column("leader", "负责人", Kind::YesNo, "", 11),
        ],
        rows,
        footer: None,
    }));
    Section { id: "team", title: "项目团队".into(), blocks }
}

/// Every KPI whose events need a minimum attendance, options included.
fn counted(list: &[Kpi], out: &mut Vec<Kpi>) {
    for k in list {
        if k.per_event_min_attendance.is_some() {
            out.push(k.clone());
        }
        counted(&k.options, out);
    }
}

fn targets(cat: Option<&Category>) -> Section {
    let mut blocks = Vec::new();
    let kpis = cat.map_or(&[][..], |c| &c.kpis[..]);
    if kpis.is_empty() {
        blocks.push(Block::Note("本类别未列明量化绩效目标；预期成果请在“项目预期成果”中具体、明确地填写。".into()));
    }
    let mut fields = Vec::new();
    for k in kpis {
        if k.options.is_empty() {
            fields.push(kpi(k).required());
        } else {
            if !fields.is_empty() {
                blocks.push(Block::Fields(std::mem::take(&mut fields)));
            }
            blocks.push(Block::Note(format!("{}：{}（完成的填写目标值，未选的留空）", k.name, crate::guide::requirement(k))));
            blocks.push(Block::Fields(k.options.iter().map(kpi).collect()));
        }
    }
    if !fields.is_empty() {
        blocks.push(Block::Fields(fields));
    }
    let mut events = Vec::new();
    counted(kpis, &mut events);
    if !events.is_empty() {
        let choices: Vec<Choice> = events.iter().map(|k| Choice { value: k.id.clone(), label: k.name.clone() }).collect();
        let rows = events
            .iter()
            .map(|k| Row {
                presets: vec![("kpi".into(), k.id.clone())],
                note: Some(format!("每场不少于 {} 人", k.per_event_min_attendance.unwrap_or_default())),
            })
            .collect();
        blocks.push(Block::Table(Table {
            title: "计划举办的活动".into(),
            pointer: "/events".into(),
            columns: vec![
                required_column("name", "活动名称", Kind::Text, "请填写", 34),
                column("kpi", "计入指标", Kind::Choice(choices), "请选择", 26),
                column("date", "日期", Kind::Date, "如 2025年6月1日", 20),
                required_column("attendance", "预计人数", Kind::Integer, "人数", 20),
            ],
            rows,
            footer: None,
        }));
    }
    if let Some(cat) = cat.filter(|c| !c.deliverables.is_empty()) {
        let choices: Vec<Choice> = cat.deliverables.iter().map(|d| Choice { value: d.id.clone(), label: d.name.clone() }).collect();
        let mut rows = Vec::new();
        for d in &cat.deliverables {
            let length = match (d.min_chars, d.max_chars) {
                (Some(a), Some(b)) => format!("{a} 至 {b} 字"),
                (Some(a), None) => format!("不少于 {a} 字"),
                (None, Some(b)) => format!("不超过 {b} 字"),
                (None, None) => String::new(),
            };
            for i in 0..d.count.max(1) {
                let n = if d.count > 1 { format!("（{}/{}）", i + 1, d.count) } else { String::new() };
                rows.push(Row {
                    presets: vec![("id".into(), d.id.clone())],
                    note: Some(format!("{}{n} {length}", d.name).trim_end().to_owned()),
                });
            }
        }
        blocks.push(Block::Table(Table {
            title: "计划提交的成果材料".into(),
            pointer: "/deliverables".into(),
            columns: vec![
                required_column("id", "成果材料", Kind::Choice(choices), "请选择", 34),
                column("title", "题目", Kind::Text, "请填写", 40),
                required_column("chars", "计划字数", Kind::Integer, "字数", 26),
            ],
            rows,
            footer: None,
        }));
    }
    Section { id: "kpis", title: "项目预期成果及绩效目标".into(), blocks }
}

fn kpi(k: &Kpi) -> Field {
    let mut f =
        Field::new(format!("/kpis/{}", crate::document::escape(&k.id)), k.name.clone(), Kind::Integer, crate::guide::requirement(k));
    if let Some(u) = &k.unit {
        f = f.unit(u.clone());
    }
    f
}

fn phases(call: &Call) -> Option<Section> {
    if !call.form.budget.iter().any(|r| r.value == BudgetRuleKind::PhasesSumToTotal) {
        return None;
    }
    let unit = call.money_unit;
    let rows =
        ["第一阶段", "第二阶段", "第三阶段"].iter().map(|n| Row { presets: vec![("name".into(), (*n).into())], note: None }).collect();
    Some(Section {
        id: "phases",
        title: "项目实施步骤和进度计划".into(),
        blocks: vec![Block::Table(Table {
            title: "实施阶段".into(),
            pointer: "/budget/phases".into(),
            columns: vec![
                required_column("name", "实施阶段", Kind::Text, "阶段", 16),
                column("amount", &format!("经费预算（{unit}）"), Kind::Money, "金额", 16),
                column("goal", "目标内容", Kind::Lines, "请填写", 32),
                required_column("start", "开始日期", Kind::Date, "如 2021年6月1日", 18),
                required_column("end", "结束日期", Kind::Date, "如 2021年8月31日", 18),
            ],
            rows,
            footer: Some("各阶段经费合计应等于经费总预算".into()),
        })],
    })
}

fn budget(call: &Call, cat: Option<&Category>) -> Section {
    let unit = call.money_unit;
    let has = |k: BudgetRuleKind| call.form.budget.iter().any(|r| r.value == k);
    let requested = match cat {
        Some(c) if c.paid_after => "0（后奖补：活动结束后拨付）".to_owned(),
        Some(c) => match &c.amount {
            Amount::Fixed(v, _) => format!("{v}（按文件中的资助额度填报）"),
            Amount::Unstated(_) => "通知未列明额度".to_owned(),
            a => a.words(unit, false).zh,
        },
        None => "通知未列明额度".to_owned(),
    };
    let total = if has(BudgetRuleKind::TotalIsRequestedPlusOther) { "= 申请经费 + 其他经费" } else { "请填写" };
    let mut fields = vec![
        Field::new("/budget/total", "经费总预算", Kind::Money, total).required().unit(unit),
        Field::new("/budget/requested", "申请经费", Kind::Money, requested).required().unit(unit),
    ];
    fields.push(Field::new("/budget/other", "其他经费（自有经费）", Kind::Money, "如没有可不填").unit(unit));
    let mut blocks = vec![Block::Fields(fields)];
    let items = if has(BudgetRuleKind::ItemsSumToRequested) {
        Some("合计应等于申请经费")
    } else if has(BudgetRuleKind::ItemsSumToTotal) {
        Some("合计应等于经费总预算")
    } else {
        None
    };
    if let Some(sum) = items {
        blocks.push(Block::Table(Table {
            title: format!("经费支出明细预算表（单位：{unit}）"),
            pointer: "/budget/items".into(),
            columns: vec![
                required_column("name", "支出内容明细", Kind::Text, "支出内容", 34),
                required_column("amount", "金额", Kind::Money, "金额", 18),
                column("basis", "测算说明", Kind::Text, "测算依据", 48),
            ],
            rows: vec![Row::default(), Row::default(), Row::default()],
            footer: Some(format!("合计：{sum}")),
        }));
    }
    Section { id: "budget", title: "项目经费预算".into(), blocks }
}

fn letters(cat: Option<&Category>) -> Option<Section> {
    let cat = cat.filter(|c| !c.letters.is_empty())?;
    let choices: Vec<Choice> = cat.letters.iter().map(|l| Choice { value: l.id.clone(), label: l.name.clone() }).collect();
    let rows = cat.letters.iter().map(|l| Row { presets: vec![("id".into(), l.id.clone())], note: Some(l.issuer.clone()) }).collect();
    Some(Section {
        id: "letters",
        title: "推荐函".into(),
        blocks: vec![
            Block::Note("推荐函须由下列单位签字盖章，随申报书一并提交。".into()),
            Block::Table(Table {
                title: "随附的推荐函".into(),
                pointer: "/letters".into(),
                columns: vec![
                    required_column("id", "推荐函", Kind::Choice(choices), "请选择", 50),
                    column("issuer", "出具单位", Kind::Text, "单位全称", 50),
                ],
                rows,
                footer: None,
            }),
        ],
    })
}

fn pledge(call: &Call, cat: Option<&Category>) -> Section {
    let mut blocks = Vec::new();
    if !call.exclusions.is_empty() {
        blocks.push(Block::Note("以下情形逐项选择“不存在该情形”或“存在该情形”：".into()));
        let choices = vec![
            Choice { value: "not-applicable".into(), label: "不存在该情形".into() },
            Choice { value: "applies".into(), label: "存在该情形".into() },
        ];
        let fields = call
            .exclusions
            .iter()
            .map(|e| {
                let only = if e.applies_to.is_empty() {
                    String::new()
                } else {
                    format!("（仅适用于{}）", crate::guide::type_names(call, &e.applies_to))
                };
                Field::new(
                    format!("/attestations/{}", crate::document::escape(&e.id)),
                    format!("{}{only}", e.text),
                    Kind::Choice(choices.clone()),
                    "请选择",
                )
                .required()
            })
            .collect();
        blocks.push(Block::Fields(fields));
    }
    // Commitments the applicant affirms: each a yes/no box bound to `/commitments/<id>`.
    let affirmed: Vec<Field> = call
        .commitments
        .iter()
        .filter(|c| c.affirm && Call::in_scope(&c.categories, cat))
        .map(|c| {
            Field::new(format!("/commitments/{}", crate::document::escape(&c.id)), c.text.clone(), Kind::YesNo, "勾选表示承诺").required()
        })
        .collect();
    if !affirmed.is_empty() {
        blocks.push(Block::Note("以下事项逐项勾选，表示申报单位作出承诺：".into()));
        blocks.push(Block::Fields(affirmed));
    }
    let statements: Vec<String> = call
        .commitments
        .iter()
        .filter(|c| c.stage == Stage::Form && !c.affirm && Call::in_scope(&c.categories, cat))
        .map(|c| c.text.clone())
        .collect();
    if !statements.is_empty() {
        blocks.push(Block::Note("申报单位承诺：".into()));
        blocks.push(Block::Statements(statements));
    }
    blocks.push(Block::Signatures(vec![
        "项目负责人（签名）：                        年    月    日".into(),
        "单位负责人（签名）：                        年    月    日".into(),
        "申报单位（公章）".into(),
    ]));
    Section { id: "pledge", title: "申报单位承诺及意见".into(), blocks }
}

fn submission(call: &Call, cat: Option<&Category>) -> Option<Section> {
    let due: Vec<_> = call.deadlines.iter().filter(|d| d.applies(cat)).collect();
    if due.is_empty() {
        return None;
    }
    let mut channels: Vec<Channel> = Vec::new();
    for d in &due {
        if !channels.contains(&d.channel) {
            channels.push(d.channel);
        }
    }
    // An electronic copy of unnamed channel is offered only where the call has one.
    let choices: Vec<Choice> = Channel::ALL
        .into_iter()
        .filter(|&c| c != Channel::Electronic || channels.contains(&c))
        .map(|c| Choice { value: c.id().into(), label: c.name_zh().into() })
        .collect();
    let postmark = due.iter().any(|d| d.postmark);
    let rows = channels
        .iter()
        .map(|&ch| {
            let words: Vec<String> = due
                .iter()
                .filter(|d| d.channel == ch)
                .map(|d| {
                    let opens = d.opens.map(|w| format!("{} 起，", when_zh(&w))).unwrap_or_default();
                    format!("{}：{opens}{} 前", d.name, when_zh(&d.closes))
                })
                .collect();
            Row { presets: vec![("channel".into(), ch.id().into())], note: Some(words.join("；")) }
        })
        .collect();
    let mut columns = vec![
        required_column("channel", "方式", Kind::Choice(choices), "请选择", 30),
        required_column("at", "提交（送达）时间", Kind::Date, "如 2025年4月18日 10:00", 35),
    ];
    if postmark {
        columns.push(column("sent", "快递发出日期", Kind::Date, "以快递发出日期为准", 35));
    }
    Some(Section {
        id: "submission",
        title: "申报方式及时间".into(),
        blocks: vec![Block::Table(Table { title: "提交记录".into(), pointer: "/submission".into(), columns, rows, footer: None })],
    })
}

/// 2025年11月30日.
pub fn date_zh(w: &crate::values::When) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", w.date.year(), w.date.month(), w.date.day())
}

/// 2025年4月21日 17:00.
fn when_zh(w: &crate::values::When) -> String {
    match w.time {
        Some(t) => format!("{} {}", date_zh(w), t.format("%H:%M")),
        None => date_zh(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_count_like_the_notices() {
        let got: Vec<String> = [1, 9, 10, 11, 15].iter().map(|&n| numeral(n)).collect();
        assert_eq!(got, ["一", "九", "十", "十一", "十五"]);
    }
}
