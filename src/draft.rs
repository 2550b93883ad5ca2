//! A ready-to-fill application draft for one category of a call (`callspec new`).
//!
//! The draft names the call and the category and has every key the form and the call's rules
//! ask for, each value left empty (`~`) with what goes there in a trailing comment: each KPI
//! with its target (不少于 3 场), the amount rule, the partners, letters and deliverables the
//! category requires, one attestation per exclusion, one submission per channel. Validating a
//! fresh draft reports exactly the values still to fill (`schema.unfilled`).
//!
//! A pure function of the compiled call: the same text on every run. Where the file goes, and
//! so the schema path of its modeline, is the caller's business.

use unicode_width::UnicodeWidthStr;

use crate::application::TEXT_FIELDS;
use crate::kinds::field::Place;
use crate::model::{Amount, BudgetRuleKind, Call, Category, Channel, IdentifierKind, Kpi};

/// The draft, starting with the editor modeline `# yaml-language-server: $schema=<schema>`
/// when there is a schema file to point at, else with how to make one.
pub fn yaml(call: &Call, cat: &Category, schema: Option<&str>) -> String {
    let mut o = Out::default();
    match schema {
        Some(schema) => o.raw(format!("# yaml-language-server: $schema={schema}")),
        None => {
            let id = &call.id;
            o.raw(format!(
                "# 编辑器补全：`callspec schema --call {id} > {id}.schema.json`，再把本行换成 `# yaml-language-server: $schema={id}.schema.json`"
            ));
        }
    }
    o.raw(format!("# {}（{}）", call.title, call.document.as_deref().unwrap_or("文号未注明")));
    let code = cat.code.as_ref().map(|c| format!("，项目编号 {c}")).unwrap_or_default();
    let mut about =
        format!("# 申报类别：{}（{}{code}）；资助额度：{}", cat.full_name(), cat.path, crate::guide::amount(cat, call.money_unit));
    if let Some(q) = &cat.quota {
        about.push_str(&format!("；立项数：{}", crate::guide::quota(&q.value)));
    }
    o.raw(about);
    o.raw("# 逐项填写 `~`（注明“选填”的键不需要可删去）；`callspec validate 文件名` 列出尚未填写的内容。日期写作 \"YYYY-MM-DD\"（加引号，YAML 1.1 的读取程序也读作文本）。");
    o.line(0, "application: 1", None);
    o.line(0, format!("call: {}", call.id), None);
    o.line(0, format!("category: {}", cat.path), None);
    project(&mut o, call, cat);
    lead(&mut o, call, cat);
    others(&mut o, call, cat);
    for (key, what, place) in [("leader", "项目负责人", Place::Leader), ("contact", "项目联系人", Place::Contact)] {
        o.line(0, format!("{key}:"), Some(what.to_owned()));
        o.line(2, "name: ~", Some("姓名".to_owned()));
        o.line(2, "mobile: ~", Some("手机".to_owned()));
        o.line(2, "email: ~", Some("电子邮箱".to_owned()));
        declared(&mut o, call, cat, place, 2);
    }
    budget(&mut o, call, cat);
    kpis(&mut o, cat);
    events(&mut o, cat);
    deliverables(&mut o, cat);
    team(&mut o, call, cat);
    letters(&mut o, cat);
    attestations(&mut o, call);
    commitments(&mut o, call, cat);
    submission(&mut o, call, cat);
    o.finish()
}

/// The form's name for a text field, and its length limit in words.
fn text_field(call: &Call, field: &str) -> (String, Option<String>) {
    let name = TEXT_FIELDS.iter().find(|(f, _)| *f == field).map_or(field, |(_, n)| *n).to_owned();
    let limit = call.form.text_limits.iter().find(|l| l.field == field).map(|l| match (l.min_chars, l.max_chars) {
        (Some(a), Some(b)) => format!("{a} 至 {b} 字"),
        (Some(a), None) => format!("不少于 {a} 字"),
        (None, Some(b)) => format!("不超过 {b} 字"),
        (None, None) => String::new(),
    });
    (name, limit.filter(|l| !l.is_empty()))
}

/// The text fields of a section: the usual ones, then any other the form limits.
fn text_fields(o: &mut Out, call: &Call, section: &str, usual: &[&str]) {
    let limited = call.form.text_limits.iter().filter_map(|l| l.field.strip_prefix(section)?.strip_prefix('.'));
    let mut keys: Vec<&str> = usual.to_vec();
    for k in limited {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    for key in keys {
        let (name, limit) = text_field(call, &format!("{section}.{key}"));
        o.line(2, format!("{key}: ~"), Some(limit.map_or(name.clone(), |l| format!("{name}（{l}）"))));
    }
}

fn project(o: &mut Out, call: &Call, cat: &Category) {
    o.line(0, "project:", Some("项目基本情况".to_owned()));
    text_fields(o, call, "project", &["name", "summary", "content"]);
    o.line(2, "start: ~", Some("项目开始日期（\"YYYY-MM-DD\"，加引号）".to_owned()));
    let end = match &cat.completion {
        Some(c) if c.soft => format!("项目结束日期（\"YYYY-MM-DD\"，加引号）；原则上 {} 前完成", c.by),
        Some(c) => format!("项目结束日期（\"YYYY-MM-DD\"，加引号）；须于 {} 前完成", c.by),
        None => "项目结束日期（\"YYYY-MM-DD\"，加引号）".to_owned(),
    };
    let mut end = end;
    if let Some(w) = &cat.window {
        end.push_str(&format!("；执行时间 {}", w.words().zh));
    }
    if let Some(d) = &cat.duration {
        end.push_str(&format!("；项目周期 {}", d.words().zh));
    }
    o.line(2, "end: ~", Some(end));
    declared(o, call, cat, Place::Project, 2);
    if let Some(pilot) = &cat.pilot {
        let list = call.references.get(&pilot.value).map_or(pilot.value.as_str(), |r| r.name.as_str());
        o.line(2, "pilot_city: ~", Some(format!("意向服务的试点城市（园区），按{list}填写")));
        o.line(2, "industry: ~", Some(format!("计划重点服务的产业方向，从{list}中该城市的产业方向选填")));
    }
}

fn lead(o: &mut Out, call: &Call, cat: &Category) {
    o.line(0, "lead:", Some("第一申报单位".to_owned()));
    o.line(2, "name: ~", Some("单位全称（与公章相符）".to_owned()));
    let types: Vec<String> = match &cat.leads {
        Some(l) => l.value.clone(),
        None => call.applicant_types.values().filter(|t| !t.individual).map(|t| t.id.clone()).collect(),
    };
    o.line(2, "type: ~", Some(format!("申报单位类型，填写其一：{}", type_list(call, &types))));
    match call.form.identifier.as_ref().map(|r| &r.value) {
        Some(IdentifierKind::Uscc) => o.line(2, "credit_code: ~", Some("统一社会信用代码（18 位）".to_owned())),
        Some(IdentifierKind::OrgCode) => o.line(2, "org_code: ~", Some("组织机构代码 / 法人代码（XXXXXXXX-X）".to_owned())),
        Some(IdentifierKind::Either) => {
            o.line(2, "credit_code: ~", Some("统一社会信用代码（18 位）；没有的改写 `org_code:`（法人代码）".to_owned()))
        }
        None => {}
    }
    o.line(2, "address: ~", Some("详细地址".to_owned()));
    o.line(2, "postal_code: ~", Some("邮政编码".to_owned()));
    let limited: Vec<&str> =
        call.form.text_limits.iter().filter_map(|l| l.field.strip_prefix("lead.")).filter(|k| !["name", "address"].contains(k)).collect();
    for key in limited {
        let (name, limit) = text_field(call, &format!("lead.{key}"));
        o.line(2, format!("{key}: ~"), Some(limit.map_or(name.clone(), |l| format!("{name}（{l}）"))));
    }
    declared(o, call, cat, Place::Lead, 2);
}

/// `id (name), id (name)`.
fn type_list(call: &Call, ids: &[String]) -> String {
    let parts: Vec<String> =
        ids.iter().map(|id| call.applicant_types.get(id).map_or_else(|| id.clone(), |t| format!("{id}（{}）", t.name))).collect();
    parts.join("、")
}

/// Joint applicants and partners: an entry for each one the category requires.
fn others(o: &mut Out, call: &Call, cat: &Category) {
    let joint_open = cat.joint.as_ref().is_some_and(|j| j.allowed);
    let mut joint = Vec::new();
    let mut partners = Vec::new();
    for p in &cat.partners {
        let as_joint = p.role == crate::model::Role::CoApplicant
            || cat.joint.as_ref().is_some_and(|j| j.allowed && (j.open || p.types.iter().all(|t| j.types.contains(t))));
        let note = if p.role == crate::model::Role::CoApplicant {
            "；第一申报单位本身属于此类的也算，可删去本条"
        } else {
            ""
        };
        for i in 0..p.min {
            let comment = format!("{}（{}/{}）：类型填写其一：{}{note}", p.name, i + 1, p.min, type_list(call, &p.types));
            let list = if as_joint { &mut joint } else { &mut partners };
            list.push(comment);
        }
    }
    let entry = "- { name: ~, type: ~, contact: ~, phone: ~ }";
    if !joint.is_empty() {
        o.line(0, "joint:", Some("联合申报单位".to_owned()));
        for c in joint {
            o.line(2, entry, Some(c));
        }
    } else if joint_open {
        let types = cat.joint.as_ref().map(|j| (type_list(call, &j.types), j.open)).unwrap_or_default();
        let more = if types.1 { " 等" } else { "" };
        o.line(0, "joint: []", Some(format!("联合申报单位（选填）：每家一条 `{}`；类型：{}{more}", &entry[2..], types.0)));
    }
    if !partners.is_empty() {
        o.line(0, "partners:", Some("项目主要参与单位".to_owned()));
        for c in partners {
            o.line(2, entry, Some(c));
        }
    }
}

fn budget(o: &mut Out, call: &Call, cat: &Category) {
    let unit = call.money_unit;
    let has = |k: BudgetRuleKind| call.form.budget.iter().any(|r| r.value == k);
    o.line(0, "budget:", Some(format!("项目经费预算（单位：{unit}）")));
    let total = if has(BudgetRuleKind::TotalIsRequestedPlusOther) {
        "经费总预算 = requested（申请经费）+ other（其他经费）"
    } else {
        "经费总预算"
    };
    o.line(2, "total: ~", Some(total.to_owned()));
    let rule = match &cat.amount {
        Amount::Unstated(_) => "申请经费：通知未列明额度".to_owned(),
        a => a.requirement(unit, cat.paid_after).zh,
    };
    o.line(2, "requested: ~", Some(rule));
    if has(BudgetRuleKind::TotalIsRequestedPlusOther) {
        o.line(2, "other: ~", Some("其他经费 / 自有经费（选填：没有可删去）".to_owned()));
    }
    let items = if has(BudgetRuleKind::ItemsSumToRequested) {
        Some("合计等于 `requested`（申请经费）")
    } else if has(BudgetRuleKind::ItemsSumToTotal) {
        Some("合计等于 `total`（经费总预算）")
    } else {
        None
    };
    if let Some(sum) = items {
        o.line(2, "items:", Some(format!("经费支出明细，{sum}；每项支出一条")));
        o.line(4, "- { name: ~, amount: ~, basis: ~ }", Some("支出内容、金额、测算依据".to_owned()));
    }
    if has(BudgetRuleKind::PhasesSumToTotal) {
        o.line(2, "phases:", Some("实施阶段，各阶段经费合计等于 `total`（经费总预算）；每个阶段一条".to_owned()));
        o.line(4, "- { name: ~, amount: ~, start: ~, end: ~, goal: ~ }", Some("阶段、经费、起止日期、内容及目标".to_owned()));
    }
}

fn kpis(o: &mut Out, cat: &Category) {
    if cat.kpis.is_empty() {
        return;
    }
    o.line(0, "kpis:", Some("绩效目标（项目预期成果），按指标代码填写".to_owned()));
    for k in &cat.kpis {
        kpi(o, k, 2);
    }
}

fn kpi(o: &mut Out, k: &Kpi, indent: usize) {
    if k.options.is_empty() {
        o.line(indent, format!("{}: ~", k.id), Some(format!("{}：{}", k.name, crate::guide::requirement(k))));
        return;
    }
    o.comment(indent, format!("{} — {}：{}；选做的填写目标值，未选的删去：", k.id, k.name, crate::guide::requirement(k)));
    for option in &k.options {
        kpi(o, option, indent);
    }
}

/// An event entry for each KPI whose events need a minimum attendance.
fn events(o: &mut Out, cat: &Category) {
    fn walk<'a>(list: &'a [Kpi], out: &mut Vec<&'a Kpi>) {
        for k in list {
            if k.per_event_min_attendance.is_some() {
                out.push(k);
            }
            walk(&k.options, out);
        }
    }
    let mut counted = Vec::new();
    walk(&cat.kpis, &mut counted);
    if counted.is_empty() {
        return;
    }
    o.line(0, "events:", Some("计划举办的活动，每场一条".to_owned()));
    for k in counted {
        let n = k.per_event_min_attendance.unwrap_or_default();
        o.line(2, format!("- {{ name: ~, kpi: {}, date: ~, attendance: ~ }}", k.id), Some(format!("{}：每场不少于 {n} 人", k.name)));
    }
}

fn deliverables(o: &mut Out, cat: &Category) {
    if cat.deliverables.is_empty() {
        return;
    }
    o.line(0, "deliverables:", Some("计划提交的成果材料及计划字数".to_owned()));
    for d in &cat.deliverables {
        let length = match (d.min_chars, d.max_chars) {
            (Some(a), Some(b)) => format!("，{a} 至 {b} 字"),
            (Some(a), None) => format!("，不少于 {a} 字"),
            (None, Some(b)) => format!("，不超过 {b} 字"),
            (None, None) => String::new(),
        };
        let length = match d.nominal_chars {
            Some(n) => format!("{length}，约 {n} 字（参考篇幅，不检查）"),
            None => length,
        };
        for i in 0..d.count {
            let n = if d.count > 1 { format!("（{}/{}）", i + 1, d.count) } else { String::new() };
            o.line(2, format!("- {{ id: {}, title: ~, chars: ~ }}", d.id), Some(format!("{}{n}{length}", d.name)));
        }
    }
}

fn team(o: &mut Out, call: &Call, cat: &Category) {
    // Keys the call declares for each member join the built-in ones.
    let extra: String = crate::kinds::field::form::in_scope(call, Some(cat))
        .filter(|f| f.place == Place::Member)
        .map(|f| format!(", {}: ~", f.id))
        .collect();
    let (n, header, leader) = match &cat.team {
        Some(t) => {
            let n = t.min_members.unwrap_or(1).max(1);
            let mut h = "项目团队人员".to_owned();
            if let Some(m) = t.min_members {
                h.push_str(&format!("，不少于 {m} 人"));
            }
            let leader = if t.leader_titles.is_empty() { String::new() } else { format!("，须为{}", t.leader_titles.join("或")) };
            (n, h, leader)
        }
        None => (1, "项目团队人员，每人一条".to_owned(), String::new()),
    };
    o.line(0, "team:", Some(header));
    o.line(2, format!("- {{ name: ~, organisation: ~, title: ~, role: ~{extra}, leader: true }}"), Some(format!("团队负责人{leader}")));
    for _ in 1..n {
        o.line(2, format!("- {{ name: ~, organisation: ~, title: ~, role: ~{extra} }}"), None);
    }
}

fn letters(o: &mut Out, cat: &Category) {
    if cat.letters.is_empty() {
        return;
    }
    o.line(0, "letters:", Some("推荐函等附件，按推荐函代码填写".to_owned()));
    for l in &cat.letters {
        o.line(2, format!("- {{ id: {}, issuer: ~ }}", l.id), Some(format!("{}（{}）", l.name, l.issuer)));
    }
}

/// The fields the call declares at `place`, for a draft of `cat`, as the form has them
/// ([`crate::kinds::field::form`]): each with its label and what the notice asks of it.
fn declared(o: &mut Out, call: &Call, cat: &Category, place: Place, indent: usize) {
    for f in crate::kinds::field::form::in_scope(call, Some(cat)).filter(|f| f.place == place) {
        let field = crate::kinds::field::form::field(f, f.id.clone());
        let optional = if field.required { "" } else { "；选填" };
        o.line(indent, format!("{}: ~", f.id), Some(format!("{}：{}{optional}", field.label, field.requirement)));
    }
}

/// The commitments the applicant affirms in the form, each to set `true`.
fn commitments(o: &mut Out, call: &Call, cat: &Category) {
    let due: Vec<_> = call.commitments.iter().filter(|c| c.affirm && Call::in_scope(&c.categories, Some(cat))).collect();
    if due.is_empty() {
        return;
    }
    o.line(0, "commitments:", Some("承诺事项：逐项写 `true` 表示承诺".to_owned()));
    for c in due {
        o.line(2, format!("{}: ~", c.id), Some(c.text.clone()));
    }
}

fn attestations(o: &mut Out, call: &Call) {
    if call.exclusions.is_empty() {
        return;
    }
    o.line(0, "attestations:", Some("排除情形：不存在该情形写 `not-applicable`，存在写 `applies`".to_owned()));
    for e in &call.exclusions {
        let only = if e.applies_to.is_empty() {
            String::new()
        } else {
            format!("（仅适用于类型为 {} 的第一申报单位）", type_list(call, &e.applies_to))
        };
        o.line(2, format!("{}: ~", e.id), Some(format!("{}{only}", e.text)));
    }
}

/// One submission per channel of the deadlines that apply to the category.
fn submission(o: &mut Out, call: &Call, cat: &Category) {
    let due: Vec<_> = call.deadlines.iter().filter(|d| d.applies(Some(cat))).collect();
    if due.is_empty() {
        return;
    }
    o.line(0, "submission:", Some("提交（或计划提交）的时间，每种方式一条".to_owned()));
    let mut channels: Vec<Channel> = Vec::new();
    for d in &due {
        if !channels.contains(&d.channel) {
            channels.push(d.channel);
        }
    }
    for ch in channels {
        let of: Vec<_> = due.iter().filter(|d| d.channel == ch).collect();
        let sent = if of.iter().any(|d| d.postmark) { ", sent: ~" } else { "" };
        let id = ch.id();
        let words: Vec<String> = of
            .iter()
            .map(|d| {
                let opens = d.opens.map(|w| format!("{w} 起，")).unwrap_or_default();
                let post = if d.postmark { "；`sent` 填快递发出日期（以发出日期为准）" } else { "" };
                let ext: String =
                    d.extensions.iter().map(|e| format!("（申报不足 {} 家则顺延至 {}）", e.when_fewer_applicants_than, e.until)).collect();
                format!("{}：{opens}{} 前{ext}{post}", d.name, d.closes)
            })
            .collect();
        o.line(2, format!("- {{ channel: {id}, at: ~{sent} }}"), Some(words.join("; ")));
    }
}

/// Lines with trailing comments aligned within each run of lines at the same indentation.
#[derive(Default)]
struct Out {
    lines: Vec<(String, Option<String>)>,
}

impl Out {
    fn line(&mut self, indent: usize, code: impl AsRef<str>, comment: Option<String>) {
        self.lines.push((format!("{:indent$}{}", "", code.as_ref()), comment.map(|c| one_line(&c))));
    }

    fn comment(&mut self, indent: usize, text: impl AsRef<str>) {
        self.lines.push((format!("{:indent$}# {}", "", one_line(text.as_ref())), None));
    }

    fn raw(&mut self, text: impl Into<String>) {
        self.lines.push((text.into().replace(['\r', '\n'], " "), None));
    }

    fn finish(self) -> String {
        const WIDEST: usize = 60;
        let indent = |s: &str| s.len() - s.trim_start().len();
        let mut out = String::new();
        let mut i = 0;
        while i < self.lines.len() {
            // A run: consecutive commented lines with one indentation.
            let mut j = i;
            while j < self.lines.len() && self.lines[j].1.is_some() && indent(&self.lines[j].0) == indent(&self.lines[i].0) {
                j += 1;
            }
            let run = if j > i { &self.lines[i..j] } else { &self.lines[i..=i] };
            let column = run.iter().map(|(c, _)| c.width()).filter(|w| *w <= WIDEST).max().unwrap_or(0) + 2;
            for (code, comment) in run {
                out.push_str(code);
                if let Some(c) = comment {
                    out.push_str(&" ".repeat(column.saturating_sub(code.width()).max(2)));
                    out.push_str("# ");
                    out.push_str(c);
                }
                out.push('\n');
            }
            i += run.len();
        }
        out
    }
}

/// Text from a spec on one comment line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_align_within_a_run() {
        let mut o = Out::default();
        o.line(0, "a:", Some("top".into()));
        o.line(2, "bb: ~", Some("one".into()));
        o.line(2, "c: ~", Some("two".into()));
        assert_eq!(o.finish(), "a:  # top\n  bb: ~  # one\n  c: ~   # two\n");
    }
}
