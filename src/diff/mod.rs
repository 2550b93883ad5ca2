//! `callspec diff`: what changed between two versions of a call, rule by rule and in words,
//! each change with the clause before and after; and which drafts change verdict between them
//! ([`drafts`]).
//!
//! Each version is turned into a list of facts, each addressed by a stable name (a deadline's
//! id and part, a category's path and part, an exclusion's id, ...) and compared by a canonical
//! form of its value that leaves citations out. A rewrite of a spec that keeps its meaning (keys
//! reordered, flow or block style, comments, clause ids renamed) therefore has no difference,
//! while a changed rule shows both clauses. Pure functions: nothing here prints or reads the clock.

pub mod drafts;
mod render;

pub use render::{json, text};

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::model::Call;
use crate::tr;

/// What a difference is about, as the output groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Notice,
    Deadlines,
    Funding,
    Eligibility,
    Categories,
    Requirements,
    Form,
    Review,
}

impl Group {
    /// The heading of the group.
    pub fn name(self) -> Text {
        match self {
            Group::Notice => tr!("The notice", "通知"),
            Group::Deadlines => tr!("Deadlines", "申报时间"),
            Group::Funding => tr!("Funding and number of projects", "资助额度与立项数"),
            Group::Eligibility => tr!("Who may apply", "申报资格"),
            Group::Categories => tr!("Categories", "项目类别"),
            Group::Requirements => tr!("What a project must do", "项目要求"),
            Group::Form => tr!("The application form", "申报书"),
            Group::Review => tr!("Review and commitments", "评审与承诺"),
        }
    }

    /// The group's name in machine output.
    pub fn slug(self) -> &'static str {
        match self {
            Group::Notice => "notice",
            Group::Deadlines => "deadlines",
            Group::Funding => "funding",
            Group::Eligibility => "eligibility",
            Group::Categories => "categories",
            Group::Requirements => "requirements",
            Group::Form => "form",
            Group::Review => "review",
        }
    }
}

/// One side of a difference: the rule in words and the clause it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub words: Text,
    pub cite: Option<Citation>,
}

/// One rule that differs between two versions of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub group: Group,
    /// The rule's stable name (`deadline/online/closes`, `category/regular/amount`).
    pub key: String,
    /// What the rule is, in words.
    pub what: Text,
    /// `None`: the rule was added.
    pub old: Option<Side>,
    /// `None`: the rule was removed.
    pub new: Option<Side>,
}

impl Difference {
    /// `added`, `removed` or `changed`.
    pub fn kind(&self) -> &'static str {
        match (&self.old, &self.new) {
            (None, _) => "added",
            (_, None) => "removed",
            _ => "changed",
        }
    }
}

/// The differences between two versions of one call, and what each version is.
#[derive(Debug, Clone)]
pub struct CallDiff {
    pub id: String,
    /// How each version names itself: its document number, and the supplementary notices
    /// applied to it.
    pub old: Option<Version>,
    pub new: Option<Version>,
    pub differences: Vec<Difference>,
}

/// One version of a call, as the diff names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub reference: String,
    pub title: String,
    /// The supplementary notices applied, in order.
    pub amendments: Vec<crate::amend::Info>,
}

impl Version {
    pub fn of(call: &Call) -> Version {
        let amendments = call.amendments.as_ref().map(|a| a.applied.iter().map(|&i| a.infos[i].clone()).collect()).unwrap_or_default();
        Version { reference: call.reference(), title: call.title.clone(), amendments }
    }
}

/// Pairs the calls of two sets by id: a call in both is compared, one in a single set is all
/// added or all removed. In id order.
pub fn sets<'a>(old: impl IntoIterator<Item = &'a Call>, new: impl IntoIterator<Item = &'a Call>) -> Vec<CallDiff> {
    let mut by_id: std::collections::BTreeMap<&str, (Option<&Call>, Option<&Call>)> = Default::default();
    for c in old {
        by_id.entry(&c.id).or_default().0 = Some(c);
    }
    for c in new {
        by_id.entry(&c.id).or_default().1 = Some(c);
    }
    by_id
        .into_iter()
        .map(|(id, (a, b))| CallDiff {
            id: id.to_owned(),
            old: a.map(Version::of),
            new: b.map(Version::of),
            differences: match (a, b) {
                (Some(a), Some(b)) => calls(a, b),
                _ => Vec::new(),
            },
        })
        .collect()
}

/// Every rule that differs between two versions of a call, grouped, in the order of the call.
pub fn calls(old: &Call, new: &Call) -> Vec<Difference> {
    let (a, b) = (facts(old), facts(new));
    let index = |fs: &[Fact]| -> HashMap<String, usize> { fs.iter().enumerate().map(|(i, f)| (f.key.clone(), i)).collect() };
    let (ia, ib) = (index(&a), index(&b));
    let mut out: Vec<(Group, usize, Difference)> = Vec::new();
    let side = |f: &Fact| Side { words: f.words.clone(), cite: f.cite.clone() };
    for (j, f) in b.iter().enumerate() {
        match ia.get(&f.key).map(|&i| &a[i]) {
            Some(o) if o.canon == f.canon => {}
            o => out.push((
                f.group,
                j,
                Difference { group: f.group, key: f.key.clone(), what: f.what.clone(), old: o.map(side), new: Some(side(f)) },
            )),
        }
    }
    for (i, f) in a.iter().enumerate().filter(|(_, f)| !ib.contains_key(&f.key)) {
        // A removed rule sits where it stood: after the rules of the new version before it.
        let at = a[..i].iter().rev().find_map(|p| ib.get(&p.key).map(|j| j + 1)).unwrap_or(0);
        out.push((f.group, at, Difference { group: f.group, key: f.key.clone(), what: f.what.clone(), old: Some(side(f)), new: None }));
    }
    // A category added or removed carries its rules with it: they are not listed one by one.
    let whole: Vec<String> = out
        .iter()
        .filter(|(_, _, d)| d.group == Group::Categories && d.kind() != "changed")
        .map(|(_, _, d)| format!("{}/", d.key))
        .collect();
    out.retain(|(_, _, d)| !whole.iter().any(|w| d.key.starts_with(w.as_str()) && d.kind() != "changed"));
    out.sort_by_key(|x| (x.0, x.1));
    out.into_iter().map(|(_, _, d)| d).collect()
}

/// One rule of a version, as compared.
struct Fact {
    group: Group,
    key: String,
    what: Text,
    words: Text,
    /// The value without its citations: equal canons are the same rule.
    canon: String,
    cite: Option<Citation>,
}

/// The `Debug` form of a value with every citation left out.
fn canon(x: &impl std::fmt::Debug) -> String {
    static CITE: OnceLock<regex::Regex> = OnceLock::new();
    let re = CITE.get_or_init(|| {
        let s = r#""(?:[^"\\]|\\.)*""#;
        regex::Regex::new(&format!(r"Citation \{{ document: {s}, section: {s}, text: {s} \}}")).expect("a valid pattern")
    });
    re.replace_all(&format!("{x:?}"), "Citation").into_owned()
}

/// Ids sorted: a list whose order means nothing.
fn sorted(ids: &[String]) -> Vec<String> {
    let mut v = ids.to_vec();
    v.sort();
    v
}

struct Facts<'a> {
    call: &'a Call,
    out: Vec<Fact>,
}

impl Facts<'_> {
    fn push(&mut self, group: Group, key: String, what: Text, words: Text, canon: String, cite: Option<&Citation>) {
        self.out.push(Fact { group, key, what, words, canon, cite: cite.cloned() });
    }

    /// A fact compared by its words.
    fn worded(&mut self, group: Group, key: String, what: Text, words: Text, cite: Option<&Citation>) {
        let canon = format!("{}\u{0}{}", words.en, words.zh);
        self.push(group, key, what, words, canon, cite);
    }
}

fn facts(call: &Call) -> Vec<Fact> {
    let mut f = Facts { call, out: Vec::new() };
    notice(&mut f);
    deadlines(&mut f);
    categories(&mut f);
    eligibility(&mut f);
    form(&mut f);
    review(&mut f);
    f.out
}

fn notice(f: &mut Facts) {
    let c = f.call;
    f.worded(Group::Notice, "title".into(), tr!("title", "标题"), Text::from(c.title.clone()), None);
    f.worded(Group::Notice, "issuer".into(), tr!("issuer", "发文单位"), Text::from(c.issuer.clone()), None);
    if let Some(d) = &c.document {
        f.worded(Group::Notice, "document".into(), tr!("document number", "文号"), Text::from(d.clone()), None);
    }
    if let Some(d) = c.issued {
        f.worded(Group::Notice, "issued".into(), tr!("issue date", "发文日期"), Text::from(d.to_string()), None);
    }
}

fn deadlines(f: &mut Facts) {
    let call = f.call;
    for d in &call.deadlines {
        let (id, name, cite) = (&d.id, &d.name, Some(&d.cite));
        let key = |part: &str| format!("deadline/{id}/{part}");
        f.worded(Group::Deadlines, key("closes"), tr!("closing time of {name}", "{name}截止时间"), Text::from(d.closes.to_string()), cite);
        if let Some(o) = d.opens {
            f.worded(Group::Deadlines, key("opens"), tr!("opening time of {name}", "{name}开始受理时间"), Text::from(o.to_string()), cite);
        }
        if let Some(a) = &d.address {
            f.worded(Group::Deadlines, key("address"), tr!("address of {name}", "{name}地址"), Text::from(a.clone()), cite);
        }
        let channel = d.channel.name_zh();
        let how = if d.postmark {
            Text::new(format!("{channel} (postmark counts)"), format!("{channel}（以邮戳为准）"))
        } else {
            Text::from(channel)
        };
        f.worded(Group::Deadlines, key("channel"), tr!("channel of {name}", "{name}报送方式"), how, cite);
        for e in &d.extensions {
            let (until, n) = (e.until, e.when_fewer_applicants_than);
            let words = tr!("extended to {until} when fewer than {n} apply", "申报单位少于 {n} 家时延长至 {until}");
            f.worded(Group::Deadlines, key(&format!("extension/{until}")), tr!("extension of {name}", "{name}延期"), words, Some(&e.cite));
        }
        if !d.categories.is_empty() {
            let words = Text::from(crate::guide::scope_names(call, &d.categories));
            let canon = canon(&sorted(&d.categories));
            f.push(Group::Deadlines, key("categories"), tr!("categories of {name}", "{name}适用类别"), words, canon, cite);
        }
    }
}

fn categories(f: &mut Facts) {
    let call = f.call;
    let unit = call.money_unit;
    for c in &call.categories {
        let (path, full) = (&c.path, c.full_name());
        let key = |part: &str| format!("category/{path}/{part}");
        let cite = c.cite.as_ref();
        let canon_c = canon(&(&c.names, &c.code, c.leaf));
        let words = Text::from(match &c.code {
            Some(code) => format!("{full}（{code}）"),
            None => full.clone(),
        });
        f.push(Group::Categories, format!("category/{path}"), tr!("category {path}", "类别 {path}"), words, canon_c, cite);
        if let Some(q) = &c.quota {
            let words = Text::from(crate::guide::quota(&q.value));
            f.push(
                Group::Funding,
                key("quota"),
                tr!("number of projects of {full}", "{full}立项数"),
                words,
                canon(&q.value),
                Some(&q.cite),
            );
        }
        if !c.leaf {
            continue;
        }
        let amount = c.amount.words(unit, c.paid_after);
        f.worded(Group::Funding, key("amount"), tr!("amount of {full}", "{full}资助额度"), amount, c.amount.cite());
        if !c.tranches.is_empty() {
            let parts: Vec<String> = c
                .tranches
                .iter()
                .map(|t| match t.share {
                    Some(s) if t.soft => format!("约 {s}% {}", t.when),
                    Some(s) => format!("{s}% {}", t.when),
                    None => format!("其余 {}", t.when),
                })
                .collect();
            let words = Text::from(parts.join("；"));
            f.worded(
                Group::Funding,
                key("tranches"),
                tr!("payment of {full}", "{full}拨付方式"),
                words,
                c.tranches.first().map(|t| &t.cite),
            );
        }
        if let Some(m) = &c.min_applicants {
            let n = m.value;
            let words = tr!("at least {n} applicants", "至少 {n} 家单位申报");
            f.worded(
                Group::Eligibility,
                key("min-applicants"),
                tr!("fewest applicants of {full}", "{full}最少申报单位数"),
                words,
                Some(&m.cite),
            );
        }
        if let Some(l) = &c.leads {
            let words = Text::from(crate::guide::type_names(call, &sorted(&l.value)));
            f.push(
                Group::Eligibility,
                key("leads"),
                tr!("who may lead {full}", "{full}牵头申报单位"),
                words,
                canon(&sorted(&l.value)),
                Some(&l.cite),
            );
        }
        if let Some(j) = &c.joint {
            let types = crate::guide::type_names(call, &sorted(&j.types));
            let more = if j.open { "等" } else { "" };
            let words = if j.allowed {
                Text::new(format!("joint applications allowed: {types}{more}"), format!("可联合申报：{types}{more}"))
            } else {
                tr!("no joint applications", "不接受联合申报")
            };
            let canon = canon(&(j.allowed, sorted(&j.types), j.open));
            f.push(Group::Eligibility, key("joint"), tr!("joint applications to {full}", "{full}联合申报"), words, canon, Some(&j.cite));
        }
        for p in &c.partners {
            let (name, min) = (&p.name, p.min);
            let types = crate::guide::type_names(call, &sorted(&p.types));
            let words = Text::new(format!("{name}: at least {min} ({types})"), format!("{name}：至少 {min} 家（{types}）"));
            let canon = canon(&(&p.name, sorted(&p.types), p.min, p.role, &p.when));
            f.push(
                Group::Eligibility,
                key(&format!("partner/{}", p.id)),
                tr!("partner of {full}", "{full}合作单位"),
                words,
                canon,
                Some(&p.cite),
            );
        }
        for l in &c.letters {
            let words = Text::from(format!("{}（{}）", l.name, l.issuer));
            let canon = canon(&(&l.name, &l.issuer, &l.when));
            f.push(
                Group::Requirements,
                key(&format!("letter/{}", l.id)),
                tr!("letter for {full}", "{full}所需函件"),
                words,
                canon,
                Some(&l.cite),
            );
        }
        for k in &c.kpis {
            let name = &k.name;
            let words = Text::from(crate::guide::requirement(k));
            f.push(
                Group::Requirements,
                key(&format!("kpi/{}", k.id)),
                tr!("target {name} of {full}", "{full}绩效指标“{name}”"),
                words,
                canon(k),
                Some(&k.cite),
            );
        }
        for d in &c.deliverables {
            let length = crate::guide::length(d.min_chars, d.max_chars, d.nominal_chars);
            let words =
                Text::from(format!("{} × {}{}", d.name, d.count, if length.is_empty() { String::new() } else { format!("，{length}") }));
            let what = tr!("deliverable of {full}", "{full}成果要求");
            f.push(Group::Requirements, key(&format!("deliverable/{}", d.id)), what, words, canon(d), Some(&d.cite));
        }
        if let Some(t) = &c.team {
            let mut words = match t.min_members {
                Some(n) => format!("至少 {n} 人"),
                None => String::new(),
            };
            if !t.leader_titles.is_empty() {
                words.push_str(&format!("；负责人：{}", t.leader_titles.join("、")));
            }
            f.push(Group::Requirements, key("team"), tr!("team of {full}", "{full}团队要求"), Text::from(words), canon(t), Some(&t.cite));
        }
        if let Some(x) = &c.completion {
            let words = crate::amend::completion_words(x);
            f.worded(Group::Requirements, key("completion"), tr!("completion date of {full}", "{full}完成时间"), words, Some(&x.cite));
        }
        if let Some(w) = &c.window {
            f.push(
                Group::Requirements,
                key("window"),
                tr!("execution window of {full}", "{full}执行时间"),
                w.words(),
                canon(&w.bounds),
                Some(&w.cite),
            );
        }
        if let Some(d) = &c.duration {
            f.push(
                Group::Requirements,
                key("duration"),
                tr!("duration of {full}", "{full}实施周期"),
                d.words(),
                canon(&d.months),
                Some(&d.cite),
            );
        }
        if let Some(p) = &c.pilot {
            let words = Text::from(p.value.clone());
            f.worded(Group::Requirements, key("pilot"), tr!("pilot list of {full}", "{full}试点名单"), words, Some(&p.cite));
        }
    }
}

fn eligibility(f: &mut Facts) {
    let call = f.call;
    if let Some(q) = &call.quota {
        let words = Text::from(crate::guide::quota(&q.value));
        f.push(Group::Funding, "quota".into(), tr!("total number of projects", "拟立项总数"), words, canon(&q.value), Some(&q.cite));
    }
    if let Some(i) = &call.individuals {
        let words = if i.value {
            tr!("individuals may apply", "个人可以申报")
        } else {
            tr!("no individual applications", "不接受个人申报")
        };
        f.worded(Group::Eligibility, "individuals".into(), tr!("individual applicants", "个人申报"), words, Some(&i.cite));
    }
    for t in call.applicant_types.values() {
        let id = &t.id;
        let words = Text::from(if t.individual { format!("{}（个人）", t.name) } else { t.name.clone() });
        f.worded(Group::Eligibility, format!("applicant-type/{id}"), tr!("applicant type {id}", "申报单位类型 {id}"), words, None);
    }
    for e in &call.exclusions {
        let id = &e.id;
        let words = crate::amend::exclusion_words(call, e);
        let canon = canon(&(&e.text, sorted(&e.applies_to), e.soft, &e.when));
        f.push(Group::Eligibility, format!("exclusion/{id}"), tr!("exclusion {id}", "不得申报的情形 `{id}`"), words, canon, Some(&e.cite));
    }
    for l in &call.limits {
        let (id, max, counted) = (&l.id, l.max, l.counted(call));
        let mut words = Text::new(format!("at most {max} per {}", counted.en), format!("每{}最多 {max} 项", counted.zh));
        if !l.whole_call {
            let scope = crate::guide::scope_names(call, &l.categories);
            words = Text::new(format!("{} ({scope})", words.en), format!("{}（{scope}）", words.zh));
        }
        if l.soft {
            words = Text::new(format!("in principle {}", words.en), format!("原则上{}", words.zh));
        }
        let canon = canon(&(sorted(&l.categories), l.whole_call, l.max, l.exclusive, &l.per, l.soft));
        f.push(Group::Eligibility, format!("limit/{id}"), tr!("limit {id}", "限项 `{id}`"), words, canon, Some(&l.cite));
    }
}

fn form(f: &mut Facts) {
    let call = f.call;
    let form = &call.form;
    for t in &form.text_limits {
        let field = &t.field;
        let words = crate::amend::chars_words(t.min_chars, t.max_chars);
        f.worded(Group::Form, format!("text-limit/{field}"), tr!("length of {field}", "{field} 字数"), words, Some(&t.cite));
    }
    for b in &form.budget {
        let rule = canon(&b.value);
        let words = budget_words(b.value);
        f.push(Group::Form, format!("budget/{rule}"), tr!("budget rule", "经费预算规则"), words, rule.clone(), Some(&b.cite));
    }
    for c in &form.line_caps {
        let lines = sorted(&c.lines).join(",");
        f.push(
            Group::Form,
            format!("line-cap/{lines}"),
            tr!("cap on budget lines", "预算科目上限"),
            c.words(),
            canon(&(&c.max_percent.to_string(), &c.of, c.soft)),
            Some(&c.cite),
        );
    }
    if let Some(i) = &form.identifier {
        let words = match i.value {
            crate::model::IdentifierKind::Uscc => tr!("unified social credit code", "统一社会信用代码"),
            crate::model::IdentifierKind::OrgCode => tr!("organisation code", "组织机构代码"),
            crate::model::IdentifierKind::Either => {
                tr!("unified social credit code or organisation code", "统一社会信用代码或组织机构代码")
            }
        };
        f.push(Group::Form, "identifier".into(), tr!("organisation identifier", "单位代码"), words, canon(&i.value), Some(&i.cite));
    }
    let flags = [
        (&form.one_project_per_form, "one-project-per-form", tr!("one project per form", "每份申报书只申请一个项目")),
        (&form.category_scope, "category-scope", tr!("projects within the listed categories", "超出申报指南范围的不予受理")),
        (&form.unique_projects, "unique-projects", tr!("a project submitted only once", "同一项目不得重复申报")),
    ];
    for (cite, key, words) in flags {
        if let Some(cite) = cite {
            f.worded(Group::Form, format!("rule/{key}"), words.clone(), words, Some(cite));
        }
    }
    for x in &call.fields {
        let (en, zh) = (&x.label.en, &x.label.zh);
        let what = tr!("form field {en}", "申报书字段“{zh}”");
        let mut x2 = x.clone();
        x2.categories.sort();
        f.push(Group::Form, format!("field/{}", x.id), what, x.line(), canon(&x2), Some(&x.cite));
    }
    for c in &call.checks {
        let mut c2 = c.clone();
        c2.categories.sort();
        f.push(Group::Form, format!("check/{}", c.id), tr!("check {}", "检查项 `{}`", c.id), c.message.clone(), canon(&c2), Some(&c.cite));
    }
}

fn review(f: &mut Facts) {
    let call = f.call;
    for p in &call.preferences {
        let mut p2 = p.clone();
        p2.categories.sort();
        let words = Text::from(crate::guide::worded(&p.text, p.summary));
        f.push(
            Group::Review,
            format!("preference/{}", p.id),
            tr!("preference {}", "优先支持 `{}`", p.id),
            words,
            canon(&p2),
            Some(&p.cite),
        );
    }
    for c in &call.commitments {
        let mut c2 = c.clone();
        c2.categories.sort();
        let words = Text::from(crate::guide::worded(&c.text, c.summary));
        f.push(
            Group::Review,
            format!("commitment/{}", c.id),
            tr!("commitment {}", "承诺事项 `{}`", c.id),
            words,
            canon(&c2),
            Some(&c.cite),
        );
    }
    for (id, r) in &call.references {
        let words = Text::from(id.clone());
        f.push(Group::Requirements, format!("reference/{id}"), tr!("reference list {id}", "参考名单 `{id}`"), words, canon(r), None);
    }
}

fn budget_words(rule: crate::model::BudgetRuleKind) -> Text {
    use crate::model::BudgetRuleKind as B;
    match rule {
        B::RequestedMatchesAmount => tr!("the requested amount equals the category's amount", "申请经费须与本类别资助额度一致"),
        B::TotalIsRequestedPlusOther => tr!("total = requested + other", "经费总预算 = 申请经费 + 其他经费"),
        B::ItemsSumToRequested => tr!("the items add up to the requested amount", "支出明细合计须等于申请经费"),
        B::ItemsSumToTotal => tr!("the items add up to the total", "支出明细合计须等于经费总预算"),
        B::PhasesSumToTotal => tr!("the phases add up to the total", "各阶段经费合计须等于经费总预算"),
    }
}
