//! The application format, version 1: a YAML (or JSON) draft of the 申报书.
//!
//! Mirrors the forms attached to the notices (杭科协〔2025〕6号 附件; 科协学函企字〔2021〕44号
//! 附件5). Like [`crate::spec`], these types carry no spans and make no judgement: the rules in
//! [`crate::validate`] do, looking spans up by JSON pointer.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use crate::values::{Digits, Money, When};

/// An application draft for one call.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "callspec application", extend("$id" = "https://callspec.invalid/schemas/application.schema.json"))]
pub struct Application {
    /// The schema an editor checks this file against (JSON files; YAML files use a modeline comment).
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The application-format version; this is version 1.
    #[schemars(range(min = 1, max = 1), extend("x-required" = true))]
    pub application: Option<u32>,
    /// The id of the call applied to (the spec's `call.id`).
    #[schemars(extend("x-required" = true))]
    pub call: Option<String>,
    /// The category path applied for, e.g. `key/academic-society` (项目类别). One form, one project.
    #[schemars(extend("x-required" = true))]
    pub category: Option<CategoryChoice>,
    /// 项目基本情况.
    #[schemars(extend("x-required" = true))]
    pub project: Option<Project>,
    /// 第一申报单位.
    #[schemars(extend("x-required" = true))]
    pub lead: Option<Organisation>,
    /// 联合申报单位.
    #[serde(default)]
    pub joint: Vec<OtherOrganisation>,
    /// 项目主要参与单位 (partners that are not joint applicants).
    #[serde(default)]
    pub partners: Vec<OtherOrganisation>,
    /// 项目负责人.
    #[schemars(extend("x-required" = true))]
    pub leader: Option<Person>,
    /// 项目联系人.
    #[schemars(extend("x-required" = true))]
    pub contact: Option<Person>,
    /// 项目经费预算.
    #[schemars(extend("x-required" = true))]
    pub budget: Option<Budget>,
    /// Targets by KPI id (项目预期成果及绩效目标).
    #[serde(default)]
    pub kpis: BTreeMap<String, u32>,
    /// Planned events with their expected attendance.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Planned written deliverables with their planned length.
    #[serde(default)]
    pub deliverables: Vec<DeliverablePlan>,
    /// 项目团队人员.
    #[serde(default)]
    pub team: Vec<Member>,
    /// Recommendation letters attached, by the letter ids of the call.
    #[serde(default)]
    pub letters: Vec<LetterRef>,
    /// One attestation per exclusion of the call, by exclusion id.
    #[serde(default)]
    pub attestations: BTreeMap<String, Attestation>,
    /// The commitments the applicant affirms (承诺), by the call's commitment ids: `true` affirms.
    #[serde(default)]
    pub commitments: BTreeMap<String, bool>,
    /// How and when the application is (to be) submitted.
    #[serde(default)]
    pub submission: Vec<Submission>,
    /// For spec authors' example drafts: the findings `callspec test` expects; ignored by
    /// `validate`.
    #[serde(default)]
    pub expect: Option<Expect>,
    /// What the typed read could not use: the values the schema check rejected (pruned before
    /// the read), and the keys a misspelt key stands for. Rules stay silent about them.
    #[serde(skip)]
    #[schemars(skip)]
    pub unusable: crate::schema::Unusable,
}

impl crate::schema::Tolerant for Application {
    fn set_unusable(&mut self, unusable: crate::schema::Unusable) {
        self.unusable = unusable;
    }
}

impl Application {
    /// 项目基本情况, empty when the draft has none (or it was unusable).
    pub fn project(&self) -> &Project {
        self.project.as_ref().unwrap_or({
            static EMPTY: Project = Project::EMPTY;
            &EMPTY
        })
    }
    /// 第一申报单位, empty when absent.
    pub fn lead(&self) -> &Organisation {
        self.lead.as_ref().unwrap_or({
            static EMPTY: Organisation = Organisation::EMPTY;
            &EMPTY
        })
    }
    /// 项目负责人, empty when absent.
    pub fn leader(&self) -> &Person {
        self.leader.as_ref().unwrap_or({
            static EMPTY: Person = Person::EMPTY;
            &EMPTY
        })
    }
    /// 项目联系人, empty when absent.
    pub fn contact(&self) -> &Person {
        self.contact.as_ref().unwrap_or({
            static EMPTY: Person = Person::EMPTY;
            &EMPTY
        })
    }
    /// 项目经费预算, empty when absent.
    pub fn budget(&self) -> &Budget {
        self.budget.as_ref().unwrap_or({
            static EMPTY: Budget = Budget::EMPTY;
            &EMPTY
        })
    }
    /// The categories named (none when absent).
    pub fn categories(&self) -> &[String] {
        self.category.as_ref().map_or(&[], |c| c.0.as_slice())
    }
    /// Whether the value at `pointer`, a value inside it or one around it could not be used.
    pub fn unusable(&self, pointer: &str) -> bool {
        self.unusable.touches(pointer)
    }
}

/// The findings a draft is expected to produce (`callspec test`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Judge deadlines at this moment instead of now, e.g. `2030-01-01` (after every deadline,
    /// so declared submissions decide).
    #[serde(default)]
    pub as_of: Option<When>,
    /// Every finding the draft produces, and no other: code and severity (advice included).
    /// Empty: the draft is clean.
    #[serde(default)]
    pub findings: Vec<ExpectedFinding>,
}

/// One expected finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectedFinding {
    /// A finding code, e.g. `budget.over-cap` (`callspec explain --list`).
    #[schemars(extend("x-required" = true))]
    pub code: Option<String>,
    #[schemars(extend("x-required" = true))]
    pub severity: Option<crate::diagnostics::Severity>,
}

/// The category applied for. A list of several is accepted by the reader only so that the
/// one-project-per-form rule can report it with the notice's clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryChoice(pub Vec<String>);

impl<'de> Deserialize<'de> for CategoryChoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CategoryChoice;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a category path")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<CategoryChoice, E> {
                Ok(CategoryChoice(vec![s.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<CategoryChoice, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = s.next_element::<String>()? {
                    v.push(x);
                }
                Ok(CategoryChoice(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for CategoryChoice {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CategoryChoice".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The category path applied for, e.g. `key/academic-society`. One form applies for one project.",
            "type": ["string", "array"],
            "items": { "type": "string" }
        })
    }
}

/// 项目基本情况.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 项目名称.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// 项目主要内容摘要.
    #[schemars(extend("x-required" = true))]
    pub summary: Option<String>,
    /// 项目主要内容.
    #[serde(default)]
    pub content: Option<String>,
    /// 立项依据和目的.
    #[serde(default)]
    pub basis: Option<String>,
    /// 项目实施条件.
    #[serde(default)]
    pub conditions: Option<String>,
    /// 项目预期成果.
    #[serde(default)]
    pub outcomes: Option<String>,
    /// First day of the project period.
    #[schemars(extend("x-required" = true))]
    pub start: Option<When>,
    /// Last day of the project period.
    #[schemars(extend("x-required" = true))]
    pub end: Option<When>,
    /// The pilot city or park served (意向服务的试点城市（园区）).
    #[serde(default)]
    pub pilot_city: Option<String>,
    /// The industry served (计划重点服务的产业方向).
    #[serde(default)]
    pub industry: Option<String>,
}

impl Project {
    const EMPTY: Project = Project {
        name: None,
        summary: None,
        content: None,
        basis: None,
        conditions: None,
        outcomes: None,
        start: None,
        end: None,
        pilot_city: None,
        industry: None,
    };
}

/// The lead applicant.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// 单位全称, as on the seal.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// Applicant type id from the call's vocabulary.
    #[serde(rename = "type")]
    #[schemars(extend("x-required" = true))]
    pub kind: Option<String>,
    /// 统一社会信用代码 (18 characters).
    #[serde(default)]
    pub credit_code: Option<Digits>,
    /// 组织机构代码 / 法人代码 (9 characters, `XXXXXXXX-X`).
    #[serde(default)]
    pub org_code: Option<String>,
    /// 详细地址 / 通讯地址.
    #[serde(default)]
    pub address: Option<String>,
    /// 邮政编码.
    #[serde(default)]
    pub postal_code: Option<Digits>,
    /// 单位电话.
    #[serde(default)]
    pub phone: Option<Digits>,
    /// 单位简介.
    #[serde(default)]
    pub profile: Option<String>,
    /// 开户银行, 户名及账号.
    #[serde(default)]
    pub bank: Option<Bank>,
}

impl Organisation {
    const EMPTY: Organisation = Organisation {
        name: None,
        kind: None,
        credit_code: None,
        org_code: None,
        address: None,
        postal_code: None,
        phone: None,
        profile: None,
        bank: None,
    };
}

/// A joint applicant or partner.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherOrganisation {
    /// 单位名称.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// Applicant type id from the call's vocabulary.
    #[serde(rename = "type")]
    #[schemars(extend("x-required" = true))]
    pub kind: Option<String>,
    /// 联系人.
    #[serde(default)]
    pub contact: Option<String>,
    /// 电话.
    #[serde(default)]
    pub phone: Option<Digits>,
    /// 统一社会信用代码.
    #[serde(default)]
    pub credit_code: Option<Digits>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// 开户银行.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// 户名.
    #[schemars(extend("x-required" = true))]
    pub account_name: Option<String>,
    /// 账号.
    #[schemars(extend("x-required" = true))]
    pub account: Option<Digits>,
}

/// A person named on the form.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// 手机.
    #[serde(default)]
    pub mobile: Option<Digits>,
    /// 电话 / 单位电话.
    #[serde(default)]
    pub phone: Option<Digits>,
    /// 电子邮箱.
    #[serde(default)]
    pub email: Option<String>,
    /// 工作单位及职务.
    #[serde(default)]
    pub position: Option<String>,
}

impl Person {
    const EMPTY: Person = Person { name: None, mobile: None, phone: None, email: None, position: None };
}

/// 项目经费预算, in the call's money unit.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// 经费总预算.
    #[schemars(extend("x-required" = true))]
    pub total: Option<Money>,
    /// 申请经费 (申请市科协委托经费, 申请项目经费).
    #[schemars(extend("x-required" = true))]
    pub requested: Option<Money>,
    /// 其他经费 / 自有经费.
    #[serde(default)]
    pub other: Option<Money>,
    /// 经费支出明细.
    #[serde(default)]
    pub items: Vec<BudgetItem>,
    /// 实施阶段 with their budgets.
    #[serde(default)]
    pub phases: Vec<Phase>,
}

impl Budget {
    const EMPTY: Budget = Budget { total: None, requested: None, other: None, items: Vec::new(), phases: Vec::new() };
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetItem {
    /// 支出内容明细.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// 金额.
    #[schemars(extend("x-required" = true))]
    pub amount: Option<Money>,
    /// 测算说明 / 测算依据.
    #[serde(default)]
    pub basis: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// 实施阶段.
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// 经费预算.
    #[serde(default)]
    pub amount: Option<Money>,
    #[schemars(extend("x-required" = true))]
    pub start: Option<When>,
    #[schemars(extend("x-required" = true))]
    pub end: Option<When>,
    /// 内容及目标.
    #[serde(default)]
    pub goal: Option<String>,
}

/// A planned event.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// The KPI this event counts towards.
    #[serde(default)]
    pub kpi: Option<String>,
    #[serde(default)]
    pub date: Option<When>,
    /// Expected attendance (人).
    #[schemars(extend("x-required" = true))]
    pub attendance: Option<u32>,
}

/// A planned written deliverable.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliverablePlan {
    /// The deliverable id of the call.
    #[schemars(extend("x-required" = true))]
    pub id: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// Planned length in characters (字).
    #[schemars(extend("x-required" = true))]
    pub chars: Option<u32>,
}

/// A team member.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// 工作单位.
    #[serde(default)]
    pub organisation: Option<String>,
    /// 职务/职称.
    #[serde(default)]
    pub title: Option<String>,
    /// 在本项目中承担的主要工作.
    #[serde(default)]
    pub role: Option<String>,
    /// 联系方式.
    #[serde(default)]
    pub contact: Option<Digits>,
    /// True for the member who leads the team.
    #[serde(default)]
    pub leader: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LetterRef {
    /// The letter id of the call.
    #[schemars(extend("x-required" = true))]
    pub id: Option<String>,
    /// Who signed it.
    #[serde(default)]
    pub issuer: Option<String>,
}

/// An attestation about one exclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Attestation {
    /// The situation does not apply to the applicant.
    NotApplicable,
    /// The situation applies (the applicant is excluded).
    Applies,
}

/// One submission: online, on paper or by e-mail.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    #[schemars(extend("x-required" = true))]
    pub channel: Option<crate::spec::Channel>,
    /// When it is (or will be) submitted; for paper, when it arrives.
    #[schemars(extend("x-required" = true))]
    pub at: Option<When>,
    /// For paper sent by courier: the courier's send date (快递发出日期).
    #[serde(default)]
    pub sent: Option<When>,
}

/// Text fields whose length a call may limit: dotted path and the form's name for them.
pub const TEXT_FIELDS: &[(&str, &str)] = &[
    ("project.name", "项目名称"),
    ("project.summary", "项目主要内容摘要"),
    ("project.content", "项目主要内容"),
    ("project.basis", "立项依据和目的"),
    ("project.conditions", "项目实施条件"),
    ("project.outcomes", "项目预期成果"),
    ("lead.name", "单位名称"),
    ("lead.profile", "单位简介"),
    ("lead.address", "详细地址"),
];

/// The text of a field named in [`TEXT_FIELDS`].
pub fn text_field<'a>(app: &'a Application, field: &str) -> Option<&'a str> {
    let (p, l) = (app.project(), app.lead());
    match field {
        "project.name" => p.name.as_deref(),
        "project.summary" => p.summary.as_deref(),
        "project.content" => p.content.as_deref(),
        "project.basis" => p.basis.as_deref(),
        "project.conditions" => p.conditions.as_deref(),
        "project.outcomes" => p.outcomes.as_deref(),
        "lead.name" => l.name.as_deref(),
        "lead.profile" => l.profile.as_deref(),
        "lead.address" => l.address.as_deref(),
        _ => None,
    }
}

/// A field's label on the form, in Chinese (as the 申报书 prints it) and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLabel {
    pub zh: &'static str,
    pub en: &'static str,
}

/// The application's fields by JSON pointer pattern (`*` stands for one list index or map key),
/// with their labels: how findings, the Word form and the spec language name a field. The most
/// specific pattern comes first.
pub const FIELD_LABELS: &[(&str, FieldLabel)] = &[
    ("/application", FieldLabel { zh: "申报书格式版本", en: "application-format version" }),
    ("/call", FieldLabel { zh: "申报通知", en: "call" }),
    ("/category", FieldLabel { zh: "项目类别", en: "project category" }),
    ("/category/*", FieldLabel { zh: "项目类别", en: "project category" }),
    ("/project", FieldLabel { zh: "项目基本情况", en: "project" }),
    ("/project/name", FieldLabel { zh: "项目名称", en: "project name" }),
    ("/project/summary", FieldLabel { zh: "项目主要内容摘要", en: "project summary" }),
    ("/project/content", FieldLabel { zh: "项目主要内容", en: "project content" }),
    ("/project/basis", FieldLabel { zh: "立项依据和目的", en: "basis and purpose" }),
    ("/project/conditions", FieldLabel { zh: "项目实施条件", en: "implementation conditions" }),
    ("/project/outcomes", FieldLabel { zh: "项目预期成果", en: "expected outcomes" }),
    ("/project/start", FieldLabel { zh: "项目开始日期", en: "project start" }),
    ("/project/end", FieldLabel { zh: "项目结束日期", en: "project end" }),
    ("/project/pilot_city", FieldLabel { zh: "意向服务的试点城市（园区）", en: "pilot city served" }),
    ("/project/industry", FieldLabel { zh: "计划重点服务的产业方向", en: "industry served" }),
    ("/lead", FieldLabel { zh: "第一申报单位", en: "lead applicant" }),
    ("/lead/name", FieldLabel { zh: "单位全称", en: "organisation name" }),
    ("/lead/type", FieldLabel { zh: "申报单位类型", en: "applicant type" }),
    ("/lead/credit_code", FieldLabel { zh: "统一社会信用代码", en: "unified social credit code" }),
    ("/lead/org_code", FieldLabel { zh: "组织机构代码", en: "organisation code" }),
    ("/lead/address", FieldLabel { zh: "详细地址", en: "address" }),
    ("/lead/postal_code", FieldLabel { zh: "邮政编码", en: "postal code" }),
    ("/lead/phone", FieldLabel { zh: "单位电话", en: "organisation phone" }),
    ("/lead/profile", FieldLabel { zh: "单位简介", en: "organisation profile" }),
    ("/lead/bank", FieldLabel { zh: "开户银行信息", en: "bank account" }),
    ("/lead/bank/name", FieldLabel { zh: "开户银行", en: "bank" }),
    ("/lead/bank/account_name", FieldLabel { zh: "户名", en: "account name" }),
    ("/lead/bank/account", FieldLabel { zh: "账号", en: "account number" }),
    ("/joint", FieldLabel { zh: "联合申报单位", en: "joint applicants" }),
    ("/joint/*", FieldLabel { zh: "联合申报单位", en: "joint applicant" }),
    ("/joint/*/name", FieldLabel { zh: "联合申报单位名称", en: "joint applicant name" }),
    ("/joint/*/type", FieldLabel { zh: "联合申报单位类型", en: "joint applicant type" }),
    ("/joint/*/contact", FieldLabel { zh: "联系人", en: "contact" }),
    ("/joint/*/phone", FieldLabel { zh: "电话", en: "phone" }),
    ("/joint/*/credit_code", FieldLabel { zh: "统一社会信用代码", en: "unified social credit code" }),
    ("/partners", FieldLabel { zh: "项目主要参与单位", en: "partners" }),
    ("/partners/*", FieldLabel { zh: "参与单位", en: "partner" }),
    ("/partners/*/name", FieldLabel { zh: "参与单位名称", en: "partner name" }),
    ("/partners/*/type", FieldLabel { zh: "参与单位类型", en: "partner type" }),
    ("/partners/*/contact", FieldLabel { zh: "联系人", en: "contact" }),
    ("/partners/*/phone", FieldLabel { zh: "电话", en: "phone" }),
    ("/partners/*/credit_code", FieldLabel { zh: "统一社会信用代码", en: "unified social credit code" }),
    ("/leader", FieldLabel { zh: "项目负责人", en: "project leader" }),
    ("/leader/name", FieldLabel { zh: "项目负责人姓名", en: "leader's name" }),
    ("/leader/mobile", FieldLabel { zh: "项目负责人手机", en: "leader's mobile" }),
    ("/leader/phone", FieldLabel { zh: "项目负责人电话", en: "leader's phone" }),
    ("/leader/email", FieldLabel { zh: "项目负责人电子邮箱", en: "leader's e-mail" }),
    ("/leader/position", FieldLabel { zh: "项目负责人工作单位及职务", en: "leader's position" }),
    ("/contact", FieldLabel { zh: "项目联系人", en: "contact person" }),
    ("/contact/name", FieldLabel { zh: "项目联系人姓名", en: "contact's name" }),
    ("/contact/mobile", FieldLabel { zh: "项目联系人手机", en: "contact's mobile" }),
    ("/contact/phone", FieldLabel { zh: "项目联系人电话", en: "contact's phone" }),
    ("/contact/email", FieldLabel { zh: "项目联系人电子邮箱", en: "contact's e-mail" }),
    ("/contact/position", FieldLabel { zh: "项目联系人工作单位及职务", en: "contact's position" }),
    ("/budget", FieldLabel { zh: "项目经费预算", en: "budget" }),
    ("/budget/total", FieldLabel { zh: "经费总预算", en: "total budget" }),
    ("/budget/requested", FieldLabel { zh: "申请经费", en: "requested amount" }),
    ("/budget/other", FieldLabel { zh: "其他经费", en: "other funds" }),
    ("/budget/items", FieldLabel { zh: "经费支出明细", en: "expenditure lines" }),
    ("/budget/items/*", FieldLabel { zh: "支出明细", en: "expenditure line" }),
    ("/budget/items/*/name", FieldLabel { zh: "支出内容", en: "expenditure" }),
    ("/budget/items/*/amount", FieldLabel { zh: "支出金额", en: "line amount" }),
    ("/budget/items/*/basis", FieldLabel { zh: "测算依据", en: "basis of the estimate" }),
    ("/budget/phases", FieldLabel { zh: "实施阶段", en: "implementation phases" }),
    ("/budget/phases/*", FieldLabel { zh: "实施阶段", en: "phase" }),
    ("/budget/phases/*/name", FieldLabel { zh: "阶段名称", en: "phase name" }),
    ("/budget/phases/*/amount", FieldLabel { zh: "阶段经费", en: "phase budget" }),
    ("/budget/phases/*/start", FieldLabel { zh: "阶段开始日期", en: "phase start" }),
    ("/budget/phases/*/end", FieldLabel { zh: "阶段结束日期", en: "phase end" }),
    ("/budget/phases/*/goal", FieldLabel { zh: "内容及目标", en: "phase goal" }),
    ("/kpis", FieldLabel { zh: "绩效目标", en: "targets" }),
    ("/kpis/*", FieldLabel { zh: "绩效目标", en: "target" }),
    ("/events", FieldLabel { zh: "计划活动", en: "planned events" }),
    ("/events/*", FieldLabel { zh: "活动", en: "event" }),
    ("/events/*/name", FieldLabel { zh: "活动名称", en: "event name" }),
    ("/events/*/kpi", FieldLabel { zh: "计入的绩效指标", en: "target counted" }),
    ("/events/*/date", FieldLabel { zh: "活动日期", en: "event date" }),
    ("/events/*/attendance", FieldLabel { zh: "预计参加人数", en: "expected attendance" }),
    ("/deliverables", FieldLabel { zh: "书面成果", en: "written deliverables" }),
    ("/deliverables/*", FieldLabel { zh: "书面成果", en: "deliverable" }),
    ("/deliverables/*/id", FieldLabel { zh: "成果类型", en: "deliverable type" }),
    ("/deliverables/*/title", FieldLabel { zh: "成果题目", en: "deliverable title" }),
    ("/deliverables/*/chars", FieldLabel { zh: "计划字数", en: "planned length" }),
    ("/team", FieldLabel { zh: "项目团队人员", en: "project team" }),
    ("/team/*", FieldLabel { zh: "团队成员", en: "team member" }),
    ("/team/*/name", FieldLabel { zh: "姓名", en: "name" }),
    ("/team/*/organisation", FieldLabel { zh: "工作单位", en: "organisation" }),
    ("/team/*/title", FieldLabel { zh: "职务/职称", en: "title" }),
    ("/team/*/role", FieldLabel { zh: "在本项目中承担的主要工作", en: "role in the project" }),
    ("/team/*/contact", FieldLabel { zh: "联系方式", en: "contact" }),
    ("/team/*/leader", FieldLabel { zh: "团队负责人", en: "team leader" }),
    ("/letters", FieldLabel { zh: "推荐函", en: "recommendation letters" }),
    ("/letters/*", FieldLabel { zh: "推荐函", en: "recommendation letter" }),
    ("/letters/*/id", FieldLabel { zh: "推荐函类型", en: "letter type" }),
    ("/letters/*/issuer", FieldLabel { zh: "出具单位", en: "issuer" }),
    ("/attestations", FieldLabel { zh: "承诺声明", en: "attestations" }),
    ("/attestations/*", FieldLabel { zh: "承诺声明", en: "attestation" }),
    ("/submission", FieldLabel { zh: "提交情况", en: "submissions" }),
    ("/submission/*", FieldLabel { zh: "提交", en: "submission" }),
    ("/submission/*/channel", FieldLabel { zh: "提交方式", en: "channel" }),
    ("/submission/*/at", FieldLabel { zh: "提交时间", en: "submitted at" }),
    ("/submission/*/sent", FieldLabel { zh: "快递发出日期", en: "sent on" }),
];

/// The label of the field at a JSON pointer (`/budget/requested` → 申请经费), if the form has one.
pub fn field_label(pointer: &str) -> Option<FieldLabel> {
    // Segment by segment over the bytes, without collecting or searchers: findings name
    // fields often, on the per-file path.
    let fits = |pattern: &str| {
        let (mut p, mut s) = (pattern.as_bytes(), pointer.as_bytes());
        loop {
            let pe = p.iter().position(|&b| b == b'/').unwrap_or(p.len());
            let se = s.iter().position(|&b| b == b'/').unwrap_or(s.len());
            if &p[..pe] != b"*" && p[..pe] != s[..se] {
                return false;
            }
            match (pe == p.len(), se == s.len()) {
                (true, true) => return true,
                (false, false) => (p, s) = (&p[pe + 1..], &s[se + 1..]),
                _ => return false,
            }
        }
    };
    FIELD_LABELS.iter().find(|(pattern, _)| fits(pattern)).map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_named_by_their_form_labels() {
        assert_eq!(super::field_label("/project/summary").map(|l| l.zh), Some("项目主要内容摘要"));
        assert_eq!(super::field_label("/budget/items/2/amount").map(|l| l.en), Some("line amount"));
        assert_eq!(super::field_label("/kpis/academic-events").map(|l| l.zh), Some("绩效目标"));
        assert_eq!(super::field_label("/nowhere"), None);
        // Every text field a call may limit has a label.
        for (path, _) in super::TEXT_FIELDS {
            assert!(super::field_label(&format!("/{}", path.replace('.', "/"))).is_some(), "{path}");
        }
    }
}
