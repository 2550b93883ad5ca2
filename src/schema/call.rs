//! The application schema of one call (`callspec schema --call ID`, committed as
//! `schemas/calls/<id>.schema.json`): the generic application schema narrowed by what the
//! compiled call says.
//!
//! A draft whose `$schema` modeline points here gets, in an editor, the call's category paths
//! and applicant types as completions, each KPI's target, the funding rule and the exclusions on
//! hover, and an inline error for a missing KPI, a target out of bounds or an amount over a cap.
//! The schema says less than `callspec validate`: sums, dates, deadlines, check digits and the
//! counting of partners are left to the rules, and a soft cap (原则上) is only described. What
//! it does say, the rules say too, so every draft that passes validation passes this schema
//! (`tests/schemas.rs` checks it on every valid example).
//!
//! Money may be written as a number or as text (`values::Money`); the numeric keywords on
//! `budget.requested` constrain numbers only.
//!
//! The descriptions (what an editor shows on hover) are prose for the applicant, in English or
//! Chinese ([`for_call_in`]); names, quoted clauses and keys are as written in either. The
//! committed schemas are the English ones.

use serde_json::{Map, Value, json};

use crate::diagnostics::Citation;
use crate::i18n::Lang;
use crate::model::{Amount, Call, Category, Kpi};
use crate::spec::IdentifierKind;
use crate::tr;

/// The application schema of a compiled call, its descriptions in English.
pub fn for_call(call: &Call) -> Value {
    for_call_in(call, Lang::En)
}

/// The application schema of a compiled call, its descriptions in `lang`.
pub fn for_call_in(call: &Call, lang: Lang) -> Value {
    let mut schema = super::application_schema().clone();
    let root = schema.as_object_mut().expect("the application schema is an object");
    root.insert("$id".into(), json!(format!("https://callspec.invalid/schemas/calls/{}.schema.json", call.id)));
    let (id, title, reference) = (&call.id, &call.title, call.reference());
    root.insert("title".into(), json!(tr!("callspec application: {id}", "callspec 申报书：{id}").get(lang)));
    root.insert(
        "description".into(),
        json!(tr!(
            "{title}（{reference}）. An application draft for this call: the generic application format with the call's categories, applicant types, KPIs and amounts.",
            "{title}（{reference}）。本通知的申报书草稿：通用的申报书格式，加上本通知的类别、申报单位类型、绩效指标和金额。"
        )
        .get(lang)),
    );
    if let Some(props) = root.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "call".into(),
            json!({ "description": tr!("{reference} ({title})", "{reference}（{title}）").get(lang), "type": "string", "const": call.id }),
        );
        props.insert("category".into(), category_choice(call, lang));
        if let Some(att) = props.get_mut("attestations").and_then(Value::as_object_mut) {
            att.insert("properties".into(), Value::Object(attestation_docs(call, lang)));
        }
        if let Some((mut commitments, _)) = crate::kinds::commitment::schema(call, cited) {
            if lang == Lang::Zh {
                commitments_in_chinese(call, &mut commitments);
            }
            props.insert("commitments".into(), commitments);
        }
    }
    if let Some(defs) = root.get_mut("$defs").and_then(Value::as_object_mut) {
        let types = applicant_types(call, lang);
        for def in ["Organisation", "OtherOrganisation"] {
            if let Some(t) = defs.get_mut(def).and_then(|d| d.pointer_mut("/properties/type")).and_then(Value::as_object_mut) {
                t.extend(types.clone());
            }
        }
        requested_base(defs);
    }
    crate::kinds::field::schema::extend(call, &mut schema, lang, cited);
    let root = schema.as_object_mut().expect("the application schema is an object");
    let mut all_of = Vec::new();
    all_of.extend(identifier(call, lang));
    all_of.extend(text_limits(call, lang));
    all_of.extend(attestations(call));
    all_of.extend(crate::kinds::commitment::schema(call, cited).and_then(|(_, required)| required));
    all_of.extend(call.categories.iter().filter(|c| c.leaf).map(|c| category_rules(call, c, lang)));
    root.insert("allOf".into(), Value::Array(all_of));
    schema
}

/// The hover texts of the commitments in Chinese (the kind writes them in English).
fn commitments_in_chinese(call: &Call, commitments: &mut Value) {
    let Some(props) = commitments.get_mut("properties").and_then(Value::as_object_mut) else { return };
    for c in &call.commitments {
        if let Some(p) = props.get_mut(&c.id).and_then(Value::as_object_mut) {
            p.insert("description".into(), json!(format!("承诺：{}。填写 `true` 表示作出承诺。{}", c.text, cited(&c.cite))));
        }
    }
}

/// `category`: one of the leaf paths (each with its name on hover), or a list of them.
fn category_choice(call: &Call, lang: Lang) -> Value {
    let paths: Vec<&str> = call.leaf_paths().collect();
    let mut any: Vec<Value> = call
        .categories
        .iter()
        .filter(|c| c.leaf)
        .map(|c| json!({ "const": c.path, "description": category_summary(call, c, lang) }))
        .collect();
    any.push(json!({ "type": "array", "items": { "type": "string", "enum": paths } }));
    let (en, zh) = (paths.join(", "), paths.join("、"));
    json!({
        "description": tr!(
            "项目类别: the category path applied for, one of {en}. One form applies for one project.",
            "项目类别：所申报的类别路径，为以下之一：{zh}。一份申报书只申报一个项目。"
        ).get(lang),
        "type": ["string", "array"],
        "anyOf": any,
    })
}

/// 重点支持项目 / 学术强会行动 (key/academic-society): 4.8 万元/项; 不超过 36 项.
fn category_summary(call: &Call, c: &Category, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut s = if zh { format!("{}（{}）", c.full_name(), c.path) } else { format!("{} ({})", c.full_name(), c.path) };
    if let Some(code) = &c.code {
        s.push_str(&if zh { format!("，项目编号 {code}") } else { format!(", 项目编号 {code}") });
    }
    s.push_str(&format!("{}{}", if zh { "：" } else { ": " }, crate::guide::amount(c, call.money_unit)));
    if let Some(q) = &c.quota {
        s.push_str(&format!("{}{}", if zh { "；" } else { "; " }, crate::guide::quota(&q.value)));
    }
    s
}

/// `enum` of the call's applicant type ids, with their names in the description.
fn applicant_types(call: &Call, lang: Lang) -> Map<String, Value> {
    let ids: Vec<&str> = call.applicant_types.keys().map(String::as_str).collect();
    let en: Vec<String> = call.applicant_types.values().map(|t| format!("{} ({})", t.id, t.name)).collect();
    let zh: Vec<String> = call.applicant_types.values().map(|t| format!("{}（{}）", t.id, t.name)).collect();
    let (en, zh) = (en.join(", "), zh.join("、"));
    let mut m = Map::new();
    m.insert("enum".into(), json!(ids));
    m.insert("description".into(), json!(tr!("Applicant type id of this call: {en}.", "本通知的申报单位类型编号：{zh}。").get(lang)));
    m
}

/// The organisation identifier the form asks of the lead applicant.
fn identifier(call: &Call, lang: Lang) -> Option<Value> {
    let rule = call.form.identifier.as_ref()?;
    let lead = match rule.value {
        IdentifierKind::Uscc => json!({ "required": ["credit_code"] }),
        IdentifierKind::OrgCode => json!({ "required": ["org_code"] }),
        IdentifierKind::Either => json!({ "anyOf": [{ "required": ["credit_code"] }, { "required": ["org_code"] }] }),
    };
    let what = match rule.value {
        IdentifierKind::Uscc => tr!("`credit_code` (统一社会信用代码)", "统一社会信用代码（`credit_code`）"),
        IdentifierKind::OrgCode => tr!("`org_code` (组织机构代码)", "组织机构代码（`org_code`）"),
        IdentifierKind::Either => {
            tr!("`credit_code` (统一社会信用代码) or `org_code` (法人代码)", "统一社会信用代码（`credit_code`）或法人代码（`org_code`）")
        }
    };
    let (en, zh, source) = (&what.en, &what.zh, cited(&rule.cite));
    Some(json!({
        "description": tr!("The lead applicant gives {en}. {source}", "第一申报单位须填写{zh}。{source}").get(lang),
        "properties": { "lead": lead },
    }))
}

/// The form's length limits on text fields, in characters (字).
fn text_limits(call: &Call, lang: Lang) -> Vec<Value> {
    call.form
        .text_limits
        .iter()
        .map(|l| {
            let mut leaf = Map::new();
            let (en, zh, source) = (chars(l.min_chars, l.max_chars), chars_zh(l.min_chars, l.max_chars), cited(&l.cite));
            leaf.insert("description".into(), json!(tr!("{en} characters. {source}", "{zh} 字。{source}").get(lang)));
            if let Some(n) = l.min_chars {
                leaf.insert("minLength".into(), json!(n));
            }
            if let Some(n) = l.max_chars {
                leaf.insert("maxLength".into(), json!(n));
            }
            // `project.summary` → { properties: { project: { properties: { summary: leaf } } } }
            l.field.rsplit('.').fold(Value::Object(leaf), |inner, key| json!({ "properties": { key: inner } }))
        })
        .collect()
}

fn chars(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("at most {b}"),
        (None, None) => "any number of".to_owned(),
    }
}

/// [`chars`] in Chinese, before 字: `100 至 500`, `不少于 100`, `不超过 500`.
fn chars_zh(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a} 至 {b}"),
        (Some(a), None) => format!("不少于 {a}"),
        (None, Some(b)) => format!("不超过 {b}"),
        (None, None) => "不限".to_owned(),
    }
}

/// Hover texts of the attestation keys: what each exclusion says.
fn attestation_docs(call: &Call, lang: Lang) -> Map<String, Value> {
    call.exclusions
        .iter()
        .map(|e| {
            let doc = match lang {
                Lang::En => {
                    let who = if e.applies_to.is_empty() {
                        String::new()
                    } else {
                        format!(" Only for a lead of type {}.", e.applies_to.join(", "))
                    };
                    let soft = if e.soft { " (原则上: a warning when it applies)" } else { "" };
                    format!(
                        "排除情形{soft}: {}. Attest `not-applicable` when it does not apply to the applicant.{who} {}",
                        e.text,
                        cited(&e.cite)
                    )
                }
                Lang::Zh => {
                    let who = if e.applies_to.is_empty() {
                        String::new()
                    } else {
                        format!("仅涉及类型为 {} 的第一申报单位。", e.applies_to.join("、"))
                    };
                    let soft = if e.soft { "（原则上：存在该情形时为警告）" } else { "" };
                    format!("限制情形{soft}：{}。不存在该情形时，声明 `not-applicable`。{who}{}", e.text, cited(&e.cite))
                }
            };
            // The declared key's value is an attestation as any other (`additionalProperties`
            // covers only undeclared keys); the description beside the `$ref` is what shows.
            (e.id.clone(), json!({ "$ref": "#/$defs/Attestation", "description": doc }))
        })
        .collect()
}

/// Every exclusion that applies to the lead's type needs an attestation.
fn attestations(call: &Call) -> Vec<Value> {
    let mut out = Vec::new();
    let always: Vec<&str> = call.exclusions.iter().filter(|e| e.applies_to.is_empty()).map(|e| e.id.as_str()).collect();
    if !always.is_empty() {
        out.push(json!({
            "required": ["attestations"],
            "properties": { "attestations": { "required": always } },
        }));
    }
    for e in call.exclusions.iter().filter(|e| !e.applies_to.is_empty()) {
        out.push(json!({
            "if": {
                "required": ["lead"],
                "properties": { "lead": { "required": ["type"], "properties": { "type": { "enum": e.applies_to } } } },
            },
            "then": {
                "required": ["attestations"],
                "properties": { "attestations": { "required": [e.id] } },
            },
        }));
    }
    out
}

/// `if category is PATH then …`: what the category asks of a draft.
fn category_rules(call: &Call, c: &Category, lang: Lang) -> Value {
    let mut props = Map::new();
    let mut required: Vec<&str> = Vec::new();
    let name = c.full_name();

    props.insert("budget".into(), json!({ "properties": { "requested": requested(call, c, lang) } }));

    if let Some(leads) = &c.leads {
        let (types, source) = (crate::guide::type_names(call, &leads.value), cited(&leads.cite));
        props.insert(
            "lead".into(),
            json!({ "properties": { "type": {
                "description": tr!("May lead {name}: {types}. {source}", "{name}的申报主体：{types}。{source}").get(lang),
                "enum": leads.value,
            } } }),
        );
    }
    if let Some(joint) = &c.joint {
        let source = cited(&joint.cite);
        let doc = if !joint.allowed {
            tr!("{name} accepts no joint applicants. {source}", "{name}不接受联合申报单位。{source}")
        } else {
            let types = crate::guide::type_names(call, &joint.types);
            let open = if joint.open { " 等" } else { "" };
            let open_zh = if joint.open { "等" } else { "" };
            tr!("联合申报单位 of types {types}{open}. {source}", "联合申报单位类型：{types}{open_zh}。{source}")
        };
        let doc = doc.get(lang);
        let mut j = Map::new();
        j.insert("description".into(), json!(doc));
        if !joint.allowed {
            j.insert("maxItems".into(), json!(0));
        } else if !joint.open && !joint.types.is_empty() {
            j.insert("items".into(), json!({ "properties": { "type": { "enum": joint.types } } }));
        }
        props.insert("joint".into(), Value::Object(j));
    }
    if !c.partners.is_empty() {
        let parts: Vec<String> = c
            .partners
            .iter()
            .map(|p| {
                let co = p.role == crate::model::Role::CoApplicant;
                let (min, who, types) = (p.min, &p.name, crate::guide::type_names(call, &p.types));
                match (lang, co) {
                    (Lang::En, true) => format!("at least {min} {who} ({types}) among the lead and joint applicants"),
                    (Lang::En, false) => format!("at least {min} {who} ({types}) among the applicants and partners"),
                    (Lang::Zh, true) => format!("第一申报单位和联合申报单位中至少 {min} 家{who}（{types}）"),
                    (Lang::Zh, false) => format!("申报单位和参与单位中至少 {min} 家{who}（{types}）"),
                }
            })
            .collect();
        let (en, zh) = (parts.join("; "), parts.join("；"));
        props.insert("partners".into(), json!({ "description": tr!("{name}: {en}.", "{name}：{zh}。").get(lang) }));
    }

    let (targets, any) = kpis(&c.kpis, lang);
    if any {
        required.push("kpis");
    }
    props.insert("kpis".into(), targets);

    if !c.letters.is_empty() {
        // A letter required only `when:` a condition holds is described, not required: the
        // schema cannot evaluate the condition.
        if c.letters.iter().any(|l| l.when.is_none()) {
            required.push("letters");
        }
        let all: Vec<Value> = c
            .letters
            .iter()
            .map(|l| {
                let (letter, issuer, id, source) = (&l.name, &l.issuer, &l.id, cited(&l.cite));
                let description = match &l.when {
                    None => tr!("{letter} from {issuer} (`id: {id}`). {source}", "{issuer}出具的{letter}（`id: {id}`）。{source}"),
                    Some(_) => tr!(
                        "{letter} from {issuer} (`id: {id}`), where the notice requires it. {source}",
                        "{issuer}出具的{letter}（`id: {id}`），在通知要求的情形下提供。{source}"
                    ),
                };
                let mut one = json!({ "description": description.get(lang) });
                if l.when.is_none() {
                    one["contains"] = json!({ "required": ["id"], "properties": { "id": { "const": l.id } } });
                }
                one
            })
            .collect();
        props.insert("letters".into(), json!({ "allOf": all }));
    }
    if !c.deliverables.is_empty() {
        required.push("deliverables");
        let all: Vec<Value> = c
            .deliverables
            .iter()
            .map(|d| {
                let mut length = match (d.min_chars, d.max_chars) {
                    (None, None) => tr!("", ""),
                    (a, b) => {
                        let (en, zh) = (chars(a, b), chars_zh(a, b));
                        tr!(", {en} characters", "，{zh} 字")
                    }
                };
                if let Some(n) = d.nominal_chars {
                    length.en.push_str(&format!(", about {n} characters (nominal)"));
                    length.zh.push_str(&format!("，约 {n} 字（参考篇幅）"));
                }
                let (count, what, id, source, length, length_zh) = (d.count, &d.name, &d.id, cited(&d.cite), &length.en, &length.zh);
                json!({
                    "description": tr!("{count} × {what} (`id: {id}`{length}). {source}", "{count} × {what}（`id: {id}`{length_zh}）。{source}").get(lang),
                    "contains": { "required": ["id"], "properties": { "id": { "const": d.id } } },
                    "minContains": d.count,
                })
            })
            .collect();
        props.insert("deliverables".into(), json!({ "allOf": all }));
    }
    if let Some(team) = &c.team {
        let mut t = Map::new();
        let mut doc = Vec::new();
        if let Some(n) = team.min_members {
            required.push("team");
            t.insert("minItems".into(), json!(n));
            doc.push(tr!("at least {n} members", "不少于 {n} 人"));
        }
        if !team.leader_titles.is_empty() {
            let (en, zh) = (team.leader_titles.join(" or "), team.leader_titles.join("或"));
            doc.push(tr!("led by a {en} (`leader: true`)", "由{zh}领衔（`leader: true`）"));
        }
        let en: Vec<&str> = doc.iter().map(|d| d.en.as_str()).collect();
        let zh: Vec<&str> = doc.iter().map(|d| d.zh.as_str()).collect();
        let (en, zh, source) = (en.join("; "), zh.join("；"), cited(&team.cite));
        t.insert("description".into(), json!(tr!("项目团队: {en}. {source}", "项目团队：{zh}。{source}").get(lang)));
        props.insert("team".into(), Value::Object(t));
    }
    let events = event_rules(&c.kpis, lang);
    if !events.is_empty() {
        props.insert("events".into(), json!({ "items": { "allOf": events } }));
    }

    let mut then = Map::new();
    then.insert("description".into(), json!(category_summary(call, c, lang)));
    if !required.is_empty() {
        then.insert("required".into(), json!(required));
    }
    then.insert("properties".into(), Value::Object(props));
    json!({
        // `category: [path]` is the category as `validate` reads it, so it narrows alike.
        "if": { "required": ["category"], "properties": { "category": { "enum": [c.path, [c.path]] } } },
        "then": then,
    })
}

/// `budget.requested` under the category's amount: exact for a fixed amount, a maximum for a
/// cap, only a description for a soft cap or an unstated amount.
fn requested(call: &Call, c: &Category, lang: Lang) -> Value {
    let unit = call.money_unit;
    let words = crate::guide::amount(c, unit);
    let mut m = Map::new();
    let rule = |paid_after: bool, cite: Option<&Citation>| {
        let r = c.amount.requirement(unit, paid_after);
        let (en, zh, source) = (&r.en, &r.zh, cite.map(cited).unwrap_or_default());
        tr!("申请经费: {words}; {en}. {source}", "申请经费：{words}；{zh}。{source}")
    };
    let doc = match &c.amount {
        _ if c.paid_after => {
            m.insert("maximum".into(), json!(0));
            rule(true, c.amount.cite())
        }
        Amount::Fixed(v, cite) => {
            m.insert("minimum".into(), money(v));
            m.insert("maximum".into(), money(v));
            // An amount written as text (`requested: "5"`) is held to the same value.
            m.insert("pattern".into(), json!(exactly(v)));
            let source = cited(cite);
            tr!("申请经费: {words}; request exactly {v} {unit}. {source}", "申请经费：{words}；须正好申请 {v} {unit}。{source}")
        }
        Amount::Cap { max, soft: false, cite } => {
            m.insert("maximum".into(), money(max));
            let source = cited(cite);
            tr!("申请经费: {words}; at most {max} {unit}. {source}", "申请经费：{words}；不超过 {max} {unit}。{source}")
        }
        Amount::Cap { max, soft: true, cite } => {
            let source = cited(cite);
            tr!(
                "申请经费: {words}; in principle at most {max} {unit} (a soft cap: more is a warning, not an error). {source}",
                "申请经费：{words}；原则上不超过 {max} {unit}（原则上的上限：超出为警告，不是错误）。{source}"
            )
        }
        Amount::Range { min, max, soft, cite } => {
            m.insert("minimum".into(), money(min));
            if !soft {
                m.insert("maximum".into(), money(max));
            }
            rule(false, Some(cite))
        }
        Amount::Grades(grades, cite) => {
            if let Some(top) = grades.iter().map(|g| g.value).max() {
                m.insert("maximum".into(), money(&top));
            }
            rule(false, Some(cite))
        }
        Amount::Unstated(cite) => {
            let source = cite.as_ref().map(|c| format!(" {}", cited(c))).unwrap_or_default();
            let source_zh = cite.as_ref().map(cited).unwrap_or_default();
            tr!(
                "申请经费: the notice states no amount for this category (未列明).{source}",
                "申请经费：通知未列明该类别的资助额度。{source_zh}"
            )
        }
    };
    m.insert("description".into(), json!(doc.get(lang)));
    Value::Object(m)
}

/// `budget.requested` of the call's schema: the money type written out, its name as the
/// `title`, and no description of its own: yaml-language-server shows the first description
/// among the schemas a value matches, so the category's amount rule (in its `then`) is what
/// hover on `requested` shows, under the field's name (`tests/editor.rs` checks it).
fn requested_base(defs: &mut Map<String, Value>) {
    let Some(money) = defs.get("Money").and_then(Value::as_object).cloned() else { return };
    let Some(req) = defs.get_mut("Budget").and_then(|b| b.pointer_mut("/properties/requested")) else { return };
    let title = req.get("description").and_then(Value::as_str).map(|d| d.trim_end_matches('.').to_owned());
    let mut inline = money;
    inline.remove("description");
    if let Some(t) = title {
        inline.insert("title".into(), json!(t));
    }
    *req = Value::Object(inline);
}

/// A pattern for the decimal texts equal to `v`: `^0*4\.80*$` for 4.8, `^0*60(\.0+)?$` for 60.
fn exactly(v: &crate::values::Money) -> String {
    let text = v.to_string();
    match text.split_once('.') {
        Some(("0", frac)) => format!("^0+\\.{frac}0*$"),
        Some((int, frac)) => format!("^0*{int}\\.{frac}0*$"),
        None if text == "0" => "^0+(\\.0+)?$".to_owned(),
        None => format!("^0*{text}(\\.0+)?$"),
    }
}

/// An exact decimal as a JSON number (`19.8`, `60`).
fn money(v: &crate::values::Money) -> Value {
    serde_json::from_str(&v.to_string()).unwrap_or(Value::Null)
}

/// The `kpis` mapping of a category: every KPI described, plain KPIs required with their
/// bounds, choices as `anyOf` of their alternatives. Whether any key is required.
fn kpis(list: &[Kpi], lang: Lang) -> (Value, bool) {
    let mut props = Map::new();
    let mut required: Vec<&str> = Vec::new();
    let mut choices = Vec::new();
    for k in list {
        if k.options.is_empty() {
            required.push(&k.id);
            props.insert(k.id.clone(), bounded(k, lang));
        } else {
            describe_options(k, &mut props, lang);
            choices.push(met(k, lang));
        }
    }
    let mut m = Map::new();
    if !required.is_empty() {
        m.insert("required".into(), json!(required));
    }
    m.insert("properties".into(), Value::Object(props));
    if !choices.is_empty() {
        m.insert("allOf".into(), Value::Array(choices));
    }
    let any = !list.is_empty();
    (Value::Object(m), any)
}

/// A plain KPI's value: its bounds and its requirement in words.
fn bounded(k: &Kpi, lang: Lang) -> Value {
    let mut m = Map::new();
    m.insert("description".into(), json!(kpi_doc(k, lang)));
    if let Some(n) = k.min {
        m.insert("minimum".into(), json!(n));
    }
    if let Some(n) = k.max {
        m.insert("maximum".into(), json!(n));
    }
    Value::Object(m)
}

fn kpi_doc(k: &Kpi, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}：{} ({}). {}", k.name, crate::guide::requirement(k), k.requirement(), cited(&k.cite)),
        Lang::Zh => format!("{}：{}。{}", k.name, crate::guide::requirement(k), cited(&k.cite)),
    }
}

/// Hover texts for the alternatives of a choice (which are not required one by one).
fn describe_options(k: &Kpi, props: &mut Map<String, Value>, lang: Lang) {
    for o in &k.options {
        if o.options.is_empty() {
            let (id, name, doc) = (&k.id, &k.name, kpi_doc(o, lang));
            let doc = tr!("An alternative of `{id}` ({name}): {doc}", "`{id}`（{name}）的备选项：{doc}").get(lang).to_owned();
            props.insert(o.id.clone(), json!({ "description": doc }));
        } else {
            describe_options(o, props, lang);
        }
    }
}

/// The schema of a KPI being met, as `kpi.choice-unmet` judges it: a plain one is given and
/// within its bounds (one without bounds is positive); a choice has `at_least` alternatives met.
fn met(k: &Kpi, lang: Lang) -> Value {
    if k.options.is_empty() {
        let mut b = Map::new();
        b.insert("minimum".into(), json!(k.min.unwrap_or(1)));
        if let Some(n) = k.max {
            b.insert("maximum".into(), json!(n));
        }
        return json!({ "required": [k.id], "properties": { k.id.clone(): b } });
    }
    let subs: Vec<Value> = k.options.iter().map(|o| met(o, lang)).collect();
    let ids: Vec<String> = k.options.iter().map(|o| format!("`{}` {}（{}）", o.id, o.name, crate::guide::requirement(o))).collect();
    let (name, least, en, zh, source) = (&k.name, k.at_least, ids.join("; "), ids.join("；"), cited(&k.cite));
    let doc = tr!("{name}: at least {least} of: {en}. {source}", "{name}：以下至少 {least} 项：{zh}。{source}");
    let doc = doc.get(lang);
    let n = k.at_least as usize;
    let body = if n == 0 {
        json!({})
    } else if n == 1 {
        json!({ "anyOf": subs })
    } else if n >= subs.len() {
        json!({ "allOf": subs })
    } else {
        json!({ "anyOf": combinations(&subs, n).into_iter().map(|c| json!({ "allOf": c })).collect::<Vec<_>>() })
    };
    let mut m = body.as_object().cloned().unwrap_or_default();
    m.insert("description".into(), json!(doc));
    Value::Object(m)
}

/// Every choice of `n` items, in order.
fn combinations(items: &[Value], n: usize) -> Vec<Vec<Value>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for (i, first) in items.iter().enumerate() {
        for mut rest in combinations(&items[i + 1..], n - 1) {
            rest.insert(0, first.clone());
            out.push(rest);
        }
    }
    out
}

/// Events counted towards a KPI with a per-event attendance need that many people.
fn event_rules(list: &[Kpi], lang: Lang) -> Vec<Value> {
    let mut out = Vec::new();
    for k in list {
        if let Some(n) = k.per_event_min_attendance {
            let (name, source) = (&k.name, cited(&k.cite));
            out.push(json!({
                "if": { "required": ["kpi"], "properties": { "kpi": { "const": k.id } } },
                "then": { "properties": { "attendance": {
                    "description": tr!("Each event counted as {name} needs at least {n} people. {source}", "计入{name}的每场活动不少于 {n} 人。{source}").get(lang),
                    "minimum": n,
                } } },
            }));
        }
        out.extend(event_rules(&k.options, lang));
    }
    out
}

/// `依据 一、（二）1：“…”`: the clause a statement comes from.
fn cited(c: &Citation) -> String {
    format!("依据 {} {}：“{}”", c.document, c.section, c.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_choose_in_order() {
        let items: Vec<Value> = (1..=4).map(|i| json!(i)).collect();
        let c = combinations(&items, 2);
        assert_eq!(c.len(), 6);
        assert_eq!(c[0], vec![json!(1), json!(2)]);
        assert_eq!(c[5], vec![json!(3), json!(4)]);
    }

    #[test]
    fn a_fixed_amount_written_as_text_matches_only_its_value() {
        let re = |v: &str| regex::Regex::new(&exactly(&v.parse().unwrap())).unwrap();
        assert!(re("4.8").is_match("4.8") && re("4.8").is_match("04.80") && !re("4.8").is_match("5") && !re("4.8").is_match("4.81"));
        assert!(re("60").is_match("60") && re("60").is_match("60.00") && !re("60").is_match("600") && !re("60").is_match("6"));
        assert!(re("0").is_match("0.0") && !re("0").is_match("1"));
        assert!(re("0.5").is_match("0.5") && re("0.5").is_match("00.50") && !re("0.5").is_match("1.5"));
    }

    #[test]
    fn money_is_a_json_number() {
        assert_eq!(money(&"4.8".parse().unwrap()), json!(4.8));
        assert_eq!(money(&"60".parse().unwrap()), json!(60));
    }
}
