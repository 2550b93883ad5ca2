//! The guide of one call as Markdown (CommonMark with GitHub tables): the notice's facts, the
//! categories, what each category requires, the timeline and the rules that bar applicants.
//! Every item is followed by the clause it comes from, `依据 一、（二）：“…”`; items in a row that
//! cite the same clause share one such line.

use crate::diagnostics::Citation;
use crate::model::{BudgetRuleKind, Call, Category, IdentifierKind, Kpi, Stage};

use super::calendar;

/// What a guide shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct View<'a> {
    /// Only this category (and the call-wide sections).
    pub only: Option<&'a Category>,
    /// For applicants reading a page (the HTML guide): the key facts and a table of contents
    /// first, headings with anchors, and no key paths or category paths.
    pub page: bool,
}

/// The applicant's guide to a call.
pub fn markdown(call: &Call) -> String {
    markdown_view(call, View::default())
}

/// The guide as [`View`] says.
pub fn markdown_view(call: &Call, view: View) -> String {
    let mut g = Guide { call, out: String::new(), view };
    g.header();
    g.amendments();
    g.categories_table();
    g.category_sections();
    g.timeline();
    g.exclusions();
    g.limits();
    g.form();
    g.preferences();
    g.commitments();
    if view.page {
        // The contents list only the sections the guide has.
        let list: Vec<String> = SECTIONS
            .iter()
            .filter(|(id, _)| g.out.contains(&format!("{{#{id}}}")))
            .map(|(id, name)| format!("- [{name}](#{id})"))
            .collect();
        g.out = g.out.replace(CONTENTS, &list.join("\n"));
    }
    g.out
}

/// A list item: Markdown text, the clause it cites, nested items.
struct Item<'a> {
    text: String,
    cite: Option<&'a Citation>,
    children: Vec<Item<'a>>,
}

impl<'a> Item<'a> {
    fn new(text: impl Into<String>, cite: Option<&'a Citation>) -> Self {
        Item { text: text.into(), cite, children: Vec::new() }
    }
}

struct Guide<'a> {
    call: &'a Call,
    out: String,
    view: View<'a>,
}

/// The sections of a page, with their anchors.
const SECTIONS: &[(&str, &str)] = &[
    ("key-facts", "申报要点"),
    ("amendments", "补充通知"),
    ("categories", "项目类别"),
    ("requirements", "各类别要求"),
    ("timeline", "时间安排"),
    ("exclusions", "不得申报的情形"),
    ("limits", "申报数量限制"),
    ("form", "申报书填写要求"),
    ("preferences", "优先支持"),
    ("form-notes", "申报时须知"),
    ("after-award", "立项后须知"),
];

/// Where the table of contents goes until the sections are known.
const CONTENTS: &str = "\u{0}contents\u{0}";

/// The first web address in a text (the portal a clause names).
fn url(text: &str) -> Option<&str> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let rest = &text[start..];
    let end = rest.find(|c: char| !(c.is_ascii_graphic()) || matches!(c, '）' | ')' | '，' | '"')).unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches([')', '.', ',', '，', '。']))
}

impl<'a> Guide<'a> {
    fn header(&mut self) {
        let call = self.call;
        self.heading(1, &esc(&call.title));
        self.para("> 本指南由 callspec 根据申报通知生成，每项要求后附所依据的条款；如有出入，以通知原文为准。");
        // A page opens with what an applicant looks for first, then its contents.
        if self.view.page {
            self.key_facts();
            self.contents();
            self.heading(2, "通知信息");
        }
        let mut items = vec![
            Item::new(format!("发文单位：{}", esc(&call.issuer)), None),
            Item::new(format!("文号：{}", call.document.as_deref().map_or_else(|| "未注明".to_owned(), esc)), None),
            Item::new(format!("发文日期：{}", call.issued.map_or_else(|| "未注明".to_owned(), |d| d.to_string())), None),
            Item::new(format!("时区：{}（UTC{}）", esc(call.timezone_name), call.offset), None),
            Item::new(format!("金额单位：{}", esc(call.money_unit)), None),
        ];
        if let Some(q) = &call.quota {
            items.push(Item::new(format!("拟立项总数：{}", super::quota(&q.value)), Some(&q.cite)));
        }
        if let Some(i) = &call.individuals {
            let words = if i.value { "接受个人申报" } else { "不接受个人申报" };
            items.push(Item::new(format!("个人申报：{words}"), Some(&i.cite)));
        }
        if let Some(p) = &call.plan {
            items.push(Item::new(format!("服务的工作计划：{}（{}，{} 年）", esc(&p.title), esc(&p.issuer), p.year), None));
        }
        self.list(&items);
    }

    /// What an applicant looks for first: when and where to submit, how much, who may apply.
    fn key_facts(&mut self) {
        let call = self.call;
        self.heading(2, "申报要点");
        let mut items = Vec::new();
        for d in &call.deadlines {
            // The portal: the address the spec gives, else a web address in the deadline's clause,
            // or in the clause that says where to apply online.
            let given = d.address.as_deref().filter(|a| a.starts_with("http://") || a.starts_with("https://"));
            let portal = given.or_else(|| url(&d.cite.text)).or_else(|| {
                (d.channel == crate::model::Channel::Online)
                    .then(|| call.clauses.values().filter(|c| c.text.contains("登录")).find_map(|c| url(&c.text)))
                    .flatten()
            });
            let with = d.with.as_ref().and_then(|w| call.deadlines.iter().find(|x| &x.id == w));
            let mut text = match with {
                Some(w) => format!("{}：与“{}”同时提交（{} 截止，{}）", esc(&d.name), esc(&w.name), d.closes, d.channel.name_zh()),
                None => format!("{}：{} 截止（{}）", esc(&d.name), d.closes, d.channel.name_zh()),
            };
            if let Some(u) = portal {
                text.push_str(&format!("，申报网址：<{u}>"));
            } else if let Some(a) = &d.address {
                text.push_str(&format!("，{}：{}", if d.channel == crate::model::Channel::Paper { "寄送地址" } else { "地址" }, esc(a)));
            }
            items.push(Item::new(text, Some(&d.cite)));
        }
        let leaves: Vec<&Category> = match self.view.only {
            Some(c) => vec![c],
            None => call.categories.iter().filter(|c| c.leaf).collect(),
        };
        let mut amounts: Vec<String> = leaves.iter().map(|c| super::amount(c, call.money_unit)).collect();
        amounts.sort();
        amounts.dedup();
        items.push(Item::new(format!("资助额度：{}", esc(&amounts.join("；"))), None));
        let mut leads: Vec<String> = leaves.iter().filter_map(|c| c.leads.as_ref()).flat_map(|l| l.value.iter().cloned()).collect();
        leads.sort();
        leads.dedup();
        let who = if leads.is_empty() { "通知未限定申报单位类型".to_owned() } else { esc(&super::type_names(call, &leads)) };
        items.push(Item::new(format!("谁可以申报：{who}"), None));
        if let Some(i) = &call.individuals {
            items.push(Item::new((if i.value { "接受个人申报" } else { "不接受个人申报" }).to_owned(), Some(&i.cite)));
        }
        self.list(&items);
    }

    fn contents(&mut self) {
        self.heading(2, "目录");
        self.block(&format!("{CONTENTS}\n"));
    }

    fn categories_table(&mut self) {
        let call = self.call;
        self.heading(2, "项目类别");
        if !self.view.page {
            self.para("申报书的 `category` 字段填写所申报类别的类别路径。“各类别要求”一节列出的类别可以申报，其上级类别只是分组。");
        }
        let mut t = if self.view.page {
            String::from("| 类别 | 资助额度 | 立项数 | 牵头申报单位 |\n|---|---|---|---|\n")
        } else {
            String::from("| 类别 | 类别路径 | 资助额度 | 立项数 | 牵头申报单位 |\n|---|---|---|---|---|\n")
        };
        let only = self.view.only.map(|o| o.path.clone());
        for c in call.categories.iter().filter(|c| only.as_deref().is_none_or(|o| Call::within(o, &c.path) || c.path == o)) {
            let quota = c.quota.as_ref().map_or_else(|| "-".to_owned(), |q| super::quota(&q.value));
            let leads = match &c.leads {
                Some(l) => esc(&super::type_names(call, &l.value)),
                None if c.leaf => "不限".to_owned(),
                None => "-".to_owned(),
            };
            let path = if self.view.page { String::new() } else { format!(" `{}` |", c.path) };
            t.push_str(&format!(
                "| {} |{path} {} | {} | {} |\n",
                esc(&c.full_name()),
                esc(&super::amount(c, call.money_unit)),
                quota,
                leads
            ));
        }
        self.block(&t);
        // Quotas the notice does not state: how each is derived, every number with its clause.
        let derived: Vec<Item> = call
            .categories
            .iter()
            .filter_map(|c| c.quota.as_ref().and_then(|q| q.value.derived.as_ref().map(|d| (c, q, d))))
            .map(|(c, q, d)| {
                let mut item = Item::new(format!("{}的立项数{}", esc(&c.full_name()), super::quota(&q.value)), Some(&q.cite));
                item.children.push(Item::new(format!("总数：{} 项", d.total.value), Some(&d.total.cite)));
                for o in &d.others {
                    item.children.push(Item::new(format!("减去：{} 项", o.value), Some(&o.cite)));
                }
                item
            })
            .collect();
        if !derived.is_empty() {
            self.para("以下立项数通知未直接写明，由其他名额推算：");
            self.list(&derived);
        }
    }

    fn category_sections(&mut self) {
        let call = self.call;
        self.heading(2, "各类别要求");
        let only = self.view.only.map(|o| o.path.clone());
        for c in call.categories.iter().filter(|c| c.leaf && only.as_deref().is_none_or(|o| Call::within(&c.path, o))) {
            self.heading(3, &esc(&c.full_name()));
            let items = self.category_items(c);
            self.list(&items);
            if !c.kpis.is_empty() {
                self.heading(4, "绩效指标");
                let items: Vec<Item> = c.kpis.iter().map(kpi_item).collect();
                self.list(&items);
            }
            if !c.partners.is_empty() {
                self.heading(4, "须联合的单位");
                let items: Vec<Item> = c
                    .partners
                    .iter()
                    .map(|p| {
                        let mut text = format!("{}：不少于 {} 家（{}）", esc(&p.name), p.min, esc(&super::type_names(call, &p.types)));
                        if p.role == crate::model::Role::CoApplicant {
                            text.push_str("，须列为申报单位");
                        }
                        Item::new(text, Some(&p.cite))
                    })
                    .collect();
                self.list(&items);
            }
            if !c.letters.is_empty() {
                self.heading(4, "推荐材料");
                let items: Vec<Item> = c
                    .letters
                    .iter()
                    .map(|l| Item::new(format!("{}（出具单位：{}）", esc(&l.name), esc(&l.issuer)), Some(&l.cite)))
                    .collect();
                self.list(&items);
            }
            if !c.deliverables.is_empty() {
                self.heading(4, "提交成果");
                let items: Vec<Item> = c
                    .deliverables
                    .iter()
                    .map(|d| {
                        let chars = super::length(d.min_chars, d.max_chars, d.nominal_chars);
                        Item::new(format!("{}：{} 份{chars}", esc(&d.name), d.count), Some(&d.cite))
                    })
                    .collect();
                self.list(&items);
            }
            // The priorities of the call's work plan the category carries on, each quoted.
            if let Some(plan) = &call.plan {
                let items: Vec<Item> = c
                    .implements
                    .iter()
                    .filter_map(|id| plan.priority(id))
                    .map(|p| Item::new(format!("{}（{}·{}）", esc(&p.name), esc(&plan.title), esc(&p.theme)), Some(&p.cite)))
                    .collect();
                if !items.is_empty() {
                    self.heading(4, "承接的工作要点重点工作");
                    self.list(&items);
                }
            }
        }
    }

    /// The settings of one category, inherited ones included.
    fn category_items(&self, c: &'a Category) -> Vec<Item<'a>> {
        let call = self.call;
        let mut items = if self.view.page { Vec::new() } else { vec![Item::new(format!("类别路径：`{}`", c.path), None)] };
        if let Some(code) = &c.code {
            items.push(Item::new(format!("项目编号：{}", esc(code)), None));
        }
        items.push(Item::new(format!("资助额度：{}", esc(&super::amount(c, call.money_unit))), super::amount_cite(&c.amount)));
        // The quota of the category, or of the nearest group it counts towards.
        let group = call
            .categories
            .iter()
            .filter(|g| g.quota.is_some() && Call::within(&c.path, &g.path))
            .max_by_key(|g| g.path.len())
            .and_then(|g| g.quota.as_ref().map(|q| (g, q)));
        if let Some((g, q)) = group {
            let text = if g.path == c.path {
                format!("立项数：{}", super::quota(&q.value))
            } else {
                format!("立项数：与“{}”下其他类别合计{}", esc(&g.full_name()), super::quota(&q.value))
            };
            items.push(Item::new(text, Some(&q.cite)));
        }
        if let Some(l) = &c.leads {
            items.push(Item::new(format!("牵头申报单位：{}", esc(&super::type_names(call, &l.value))), Some(&l.cite)));
        }
        if let Some(j) = &c.joint {
            let text = if j.allowed && j.types.is_empty() {
                "联合申报：允许".to_owned()
            } else if j.allowed {
                format!("联合申报：可联合{}{}申报", esc(&super::type_names(call, &j.types)), if j.open { "等" } else { "" })
            } else {
                "联合申报：不接受".to_owned()
            };
            items.push(Item::new(text, Some(&j.cite)));
        }
        if let Some(m) = &c.min_applicants {
            items.push(Item::new(format!("申报单位数：本类别须至少有 {} 家单位申报", m.value), Some(&m.cite)));
        }
        if !c.tranches.is_empty() {
            let mut item = Item::new("经费拨付：", None);
            item.children = c
                .tranches
                .iter()
                .map(|t| {
                    let share = match &t.share {
                        Some(s) if t.soft => format!("约 {s}%"),
                        Some(s) => format!("{s}%"),
                        None => "剩余经费".to_owned(),
                    };
                    Item::new(format!("{share}：{}", esc(&t.when)), Some(&t.cite))
                })
                .collect();
            items.push(item);
        }
        if let Some(t) = &c.team {
            let mut parts = Vec::new();
            if let Some(n) = t.min_members {
                parts.push(format!("成员不少于 {n} 人"));
            }
            if !t.leader_titles.is_empty() {
                parts.push(format!("负责人须具有以下职称之一：{}", esc(&t.leader_titles.join("、"))));
            }
            items.push(Item::new(format!("项目团队：{}", parts.join("；")), Some(&t.cite)));
        }
        if let Some(w) = &c.window {
            items.push(Item::new(format!("执行时间：{}", esc(&w.words().zh)), Some(&w.cite)));
        }
        if let Some(d) = &c.duration {
            items.push(Item::new(format!("项目周期：{}", esc(&d.words().zh)), Some(&d.cite)));
        }
        for f in call.fields.iter().filter(|f| !f.categories.is_empty() && f.categories.iter().any(|s| Call::within(&c.path, s))) {
            items.push(Item::new(esc(&f.line().zh), Some(&f.cite)));
        }
        for k in call.checks.iter().filter(|k| !k.categories.is_empty() && k.categories.iter().any(|s| Call::within(&c.path, s))) {
            items.push(Item::new(esc(&k.requires.as_ref().unwrap_or(&k.message).zh), Some(&k.cite)));
        }
        if let Some(p) = &c.pilot {
            let list = call.references.get(&p.value).map_or(p.value.as_str(), |r| r.name.as_str());
            items.push(Item::new(format!("试点城市（园区）及产业：须为“{}”所列", esc(list)), Some(&p.cite)));
        }
        if let Some(done) = &c.completion {
            let text = if done.soft {
                format!("完成时间：原则上 {} 前完成", done.by)
            } else {
                format!("完成时间：{} 前完成", done.by)
            };
            items.push(Item::new(text, Some(&done.cite)));
        }
        items
    }

    fn timeline(&mut self) {
        let call = self.call;
        if call.deadlines.is_empty() && !call.categories.iter().any(|c| c.completion.is_some()) {
            return;
        }
        self.heading(2, "时间安排");
        let mut t = String::from("| 日期 | 事项 | 适用类别 |\n|---|---|---|\n");
        for e in calendar::entries([call]) {
            t.push_str(&format!("| {} | {} | {} |\n", e.when, esc(&e.what()), esc(&super::scope_names(call, &e.scope))));
        }
        self.block(&t);
        for d in &call.deadlines {
            self.heading(3, &esc(&d.name));
            let mut items = vec![
                Item::new(format!("渠道：{}", d.channel.name_zh()), None),
                Item::new(format!("适用类别：{}", esc(&super::scope_names(call, &d.categories))), None),
            ];
            if let Some(opens) = d.opens {
                items.push(Item::new(format!("开始受理：{opens}"), Some(&d.cite)));
            }
            let postmark = if d.postmark { "（邮寄的以寄出日期为准）" } else { "" };
            items.push(Item::new(format!("截止：{}{postmark}", d.closes), Some(&d.cite)));
            for x in &d.extensions {
                items.push(Item::new(
                    format!("延期：申报单位少于 {} 家的类别，截止延至 {}", x.when_fewer_applicants_than, x.until),
                    Some(&x.cite),
                ));
            }
            self.list(&items);
        }
    }

    /// The supplementary notices applied to this version: each with its dates, then every change
    /// it made (before and after), citing the amending clause and the one it replaced.
    fn amendments(&mut self) {
        let Some(a) = self.call.amendments.as_deref().filter(|a| !a.applied.is_empty()) else { return };
        self.heading(2, "补充通知");
        self.para("本指南已按下列补充通知修订；标明了每项修改的原规定和施行时间。");
        let mut items = Vec::new();
        for &i in &a.applied {
            let info = &a.infos[i];
            let back = if info.retroactive { "，适用于此前已提交的申报" } else { "，此前已提交的申报按原规定" };
            let mut item = Item::new(
                format!("{}《{}》：{} 发布，自 {} 起施行{back}", esc(&info.reference()), esc(&info.title), info.issued, info.effective),
                info.cite.as_ref(),
            );
            for r in a.records.iter().filter(|r| r.amendment == i) {
                let change = match (&r.old, &r.new) {
                    (Some(o), Some(n)) => format!("{}：由 {} 改为 {}", esc(&r.what.zh), esc(&o.zh), esc(&n.zh)),
                    (None, Some(n)) => format!("新增{}：{}", esc(&r.what.zh), esc(&n.zh)),
                    (Some(o), None) => format!("取消{}（原为 {}）", esc(&r.what.zh), esc(&o.zh)),
                    (None, None) => esc(&r.what.zh),
                };
                let mut child = Item::new(change, Some(&r.cite));
                if let Some(old) = &r.replaced {
                    child.children.push(Item::new("原规定", Some(old)));
                }
                item.children.push(child);
            }
            items.push(item);
        }
        self.list(&items);
    }

    fn exclusions(&mut self) {
        let call = self.call;
        if call.exclusions.is_empty() {
            return;
        }
        self.heading(2, "不得申报的情形");
        let items: Vec<Item> = call
            .exclusions
            .iter()
            .map(|e| {
                let words = esc(&super::worded(&e.text, e.summary));
                let mut text = if e.soft { format!("原则上：{words}") } else { words };
                if !e.applies_to.is_empty() {
                    text.push_str(&format!("（适用于：{}）", esc(&super::type_names(call, &e.applies_to))));
                }
                Item::new(text, Some(&e.cite))
            })
            .collect();
        self.list(&items);
    }

    fn limits(&mut self) {
        let call = self.call;
        if call.limits.is_empty() {
            return;
        }
        self.heading(2, "申报数量限制");
        let items: Vec<Item> = call
            .limits
            .iter()
            .map(|l| {
                let cats = if l.whole_call { "本通知".to_owned() } else { esc(&super::scope_names(call, &l.categories)) };
                let (who, soft) = (esc(&l.counted(call).zh), if l.soft { "原则上" } else { "" });
                let text = if l.exclusive {
                    format!("{cats}不可兼报，同一{who}{soft}最多申报 {} 项", l.max)
                } else {
                    format!("{cats}：同一{who}{soft}最多申报 {} 项", l.max)
                };
                Item::new(text, Some(&l.cite))
            })
            .collect();
        self.list(&items);
    }

    fn form(&mut self) {
        let f = &self.call.form;
        let mut items = Vec::new();
        if let Some(c) = &f.one_project_per_form {
            items.push(Item::new("每份申报书只申报一个项目", Some(c)));
        }
        if let Some(c) = &f.unique_projects {
            items.push(Item::new("同一项目只能申报一次", Some(c)));
        }
        if let Some(c) = &f.category_scope {
            items.push(Item::new("项目类别须为本通知所列类别", Some(c)));
        }
        if let Some(i) = &f.identifier {
            let what = match i.value {
                IdentifierKind::Uscc => "统一社会信用代码",
                IdentifierKind::OrgCode => "组织机构代码",
                IdentifierKind::Either => "统一社会信用代码或组织机构代码",
            };
            items.push(Item::new(format!("申报单位须填写{what}"), Some(&i.cite)));
        }
        for t in &f.text_limits {
            let chars = match (t.min_chars, t.max_chars) {
                (Some(a), Some(b)) => format!("{a} 至 {b} 字"),
                (Some(a), None) => format!("不少于 {a} 字"),
                (None, Some(b)) => format!("不超过 {b} 字"),
                (None, None) => continue,
            };
            // By its label on the form; the Markdown guide adds the key a draft writes it under.
            let label = crate::application::field_label(&format!("/{}", t.field.replace('.', "/")));
            let field = match (label, self.view.page) {
                (Some(l), true) => l.zh.to_owned(),
                (Some(l), false) => format!("{}（`{}`）", l.zh, t.field),
                (None, true) => t.field.clone(),
                (None, false) => format!("`{}`", t.field),
            };
            items.push(Item::new(format!("{field}：{chars}"), Some(&t.cite)));
        }
        // The call's own form fields and checks that every category shares.
        for d in self.call.fields.iter().filter(|d| d.categories.is_empty()) {
            items.push(Item::new(esc(&d.line().zh), Some(&d.cite)));
        }
        for k in self.call.checks.iter().filter(|k| k.categories.is_empty()) {
            items.push(Item::new(esc(&k.requires.as_ref().unwrap_or(&k.message).zh), Some(&k.cite)));
        }
        for b in &f.budget {
            let rule = match b.value {
                BudgetRuleKind::RequestedMatchesAmount => "申请经费须与本类别资助额度一致",
                BudgetRuleKind::TotalIsRequestedPlusOther => "经费总预算 = 申请经费 + 其他经费",
                BudgetRuleKind::ItemsSumToRequested => "支出明细合计须等于申请经费",
                BudgetRuleKind::ItemsSumToTotal => "支出明细合计须等于经费总预算",
                BudgetRuleKind::PhasesSumToTotal => "各阶段经费合计须等于经费总预算",
            };
            items.push(Item::new(rule, Some(&b.cite)));
        }
        if items.is_empty() {
            return;
        }
        self.heading(2, "申报书填写要求");
        self.list(&items);
    }

    fn preferences(&mut self) {
        let call = self.call;
        if call.preferences.is_empty() {
            return;
        }
        self.heading(2, "优先支持");
        let items: Vec<Item> = call
            .preferences
            .iter()
            .map(|p| Item::new(scoped(call, &super::worded(&p.text, p.summary), &p.categories), Some(&p.cite)))
            .collect();
        self.list(&items);
    }

    fn commitments(&mut self) {
        let call = self.call;
        for (stage, title) in [(Stage::Form, "申报时须知"), (Stage::Award, "立项后须知")] {
            let items: Vec<Item> = call
                .commitments
                .iter()
                .filter(|c| c.stage == stage)
                .map(|c| {
                    let text = scoped(call, &super::worded(&c.text, c.summary), &c.categories);
                    Item::new(if c.affirm { format!("须在申报书中承诺：{text}") } else { text }, Some(&c.cite))
                })
                .collect();
            if !items.is_empty() {
                self.heading(2, title);
                self.list(&items);
            }
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        // On a page, the sections get anchors for the table of contents.
        let anchor = match SECTIONS.iter().find(|(_, name)| *name == text) {
            Some((id, _)) if self.view.page && level == 2 => format!(" {{#{id}}}"),
            _ => String::new(),
        };
        self.block(&format!("{} {text}{anchor}\n", "#".repeat(level)));
    }

    fn para(&mut self, text: &str) {
        self.block(&format!("{text}\n"));
    }

    /// Appends a block, separated from the one before by a blank line.
    fn block(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
    }

    fn list(&mut self, items: &[Item]) {
        let mut text = String::new();
        self.items(&mut text, items, 0);
        self.block(&text);
    }

    fn items(&self, out: &mut String, items: &[Item], indent: usize) {
        let pad = " ".repeat(indent);
        for (i, item) in items.iter().enumerate() {
            out.push_str(&format!("{pad}- {}", item.text));
            // A run of items citing one clause cites it once, after the last of them.
            let shared = item.children.is_empty() && items.get(i + 1).is_some_and(|n| n.children.is_empty() && n.cite == item.cite);
            if let Some(c) = item.cite.filter(|_| !shared) {
                out.push_str(&format!("\\\n{pad}  {}", self.cite(c)));
            }
            out.push('\n');
            self.items(out, &item.children, indent + 2);
        }
    }

    /// `*依据 一、（二）：“…”*`, naming the document when it is not the call's own.
    fn cite(&self, c: &Citation) -> String {
        let doc = if c.document == self.call.reference() { String::new() } else { format!("{} ", esc(&c.document)) };
        format!("*依据 {doc}{}：“{}”*", esc(&c.section), esc(&c.text))
    }
}

fn kpi_item(k: &Kpi) -> Item<'_> {
    let mut item = Item::new(format!("{}：{}", esc(&k.name), super::requirement(k)), Some(&k.cite));
    item.children = k.options.iter().map(kpi_item).collect();
    item
}

/// A text with the categories it concerns, when not the whole call.
fn scoped(call: &Call, text: &str, categories: &[String]) -> String {
    if categories.is_empty() { esc(text) } else { format!("{}（{}）", esc(text), esc(&super::scope_names(call, categories))) }
}

/// Text from a spec, escaped so that Markdown reads it literally: inline markup characters get
/// a backslash, a leading list or number marker is defused, line breaks become spaces.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut digits_only = true;
    for (i, ch) in s.char_indices() {
        let marker_end = s[i + ch.len_utf8()..].chars().next().is_none_or(|c| c == ' ' || c == '\t');
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '-' | '+' if i == 0 && marker_end => {
                out.push('\\');
                out.push(ch);
            }
            '.' | ')' if digits_only && i > 0 && marker_end => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
        digits_only &= ch.is_ascii_digit();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_in_spec_text_is_escaped() {
        assert_eq!(esc("a*b_c|d<e>&[f](g)"), r"a\*b\_c\|d\<e\>\&\[f\](g)");
        assert_eq!(esc("1. 第一"), r"1\. 第一");
        assert_eq!(esc("- x"), r"\- x");
        assert_eq!(esc("2025-04-21"), "2025-04-21");
        assert_eq!(esc("a\nb"), "a b");
        assert_eq!(esc("19.8 万元"), "19.8 万元");
        assert_eq!(esc("-1"), "-1");
    }
}
