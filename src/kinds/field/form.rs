//! The declared fields in the Word form (申报书) and the YAML scaffold: each becomes a place to
//! fill in the section or table it sits in, with its label, its kind of value and what the
//! notice asks of it. Filled in Word and read back, a declared field gives the value the
//! validator checks, as a built-in one does.

use super::{Field, FieldType, Place};
use crate::form::layout::{self, Block, Choice, Column, Kind, Layout};
use crate::model::{Call, Category};

/// The declared fields of `call` that a form for `cat` has: those of every category, and
/// those scoped to the category's path (with no category known, only the unscoped ones, as
/// the form then has no category's own rows).
pub fn in_scope<'a>(call: &'a Call, cat: Option<&'a Category>) -> impl Iterator<Item = &'a Field> + 'a {
    call.fields.iter().filter(move |f| Call::in_scope(&f.categories, cat))
}

/// The form's place for a declared field: its pointer (in a table, its key in the row), its
/// label, kind and requirement words. Required only when always required: a field the notice
/// asks for in some cases (`when:`) is left out when left empty, and the validator decides.
pub fn field(f: &Field, pointer: String) -> layout::Field {
    // Text the notice lets run past a line or two (限300字) gets a box of several lines.
    const ONE_LINE: u32 = 100;
    let choices = || f.choices.iter().map(|c| Choice { value: c.clone(), label: c.clone() }).collect();
    let kind = match f.kind {
        FieldType::Text if matches!(&f.limits, super::Limits::Chars(b) if b.max.is_some_and(|m| m > ONE_LINE)) => Kind::Lines,
        FieldType::Text => Kind::Text,
        FieldType::Integer => Kind::Integer,
        FieldType::Money => Kind::Money,
        FieldType::Date => Kind::Date,
        FieldType::Choice => Kind::Choice(choices()),
        FieldType::Choices => Kind::Choices(choices()),
        FieldType::YesNo => Kind::YesNo,
    };
    let words = f.words_for(f.when.is_some()).zh;
    let mut out = layout::Field::new(pointer, f.label.zh.clone(), kind, words);
    out.required = f.required && f.when.is_none();
    out
}

/// Adds the declared fields to a form: beside the built-in fields of their section, or as
/// columns of the table of their list. A field already there (a second pass) is left alone.
pub fn place(call: &Call, cat: Option<&Category>, form: &mut Layout) {
    for f in in_scope(call, cat) {
        let (section, list) = f.place.section();
        if list {
            let pointer = format!("/{section}");
            for t in form.sections.iter_mut().flat_map(|s| &mut s.blocks).filter_map(|b| match b {
                Block::Table(t) if t.pointer == pointer => Some(t),
                _ => None,
            }) {
                if !t.columns.iter().any(|c| c.field.pointer == f.id) {
                    t.columns.push(Column { field: field(f, f.id.clone()), width: 16 });
                }
            }
            continue;
        }
        let pointer = format!("/{section}/{}", crate::document::escape(&f.id));
        let prefix = format!("/{section}/");
        let home = match f.place {
            Place::Leader | Place::Contact => "people",
            _ => section,
        };
        let Some(s) = form.section_mut(home) else { continue };
        // The block of fields of the same place: its first field's pointer is in the section.
        let block = s.blocks.iter_mut().find_map(|b| match b {
            Block::Fields(fields) if fields.first().is_some_and(|x| x.pointer.starts_with(&prefix)) => Some(fields),
            _ => None,
        });
        match block {
            Some(fields) if !fields.iter().any(|x| x.pointer == pointer) => fields.push(field(f, pointer)),
            Some(_) => {}
            None => s.blocks.push(Block::Fields(vec![field(f, pointer)])),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::form::layout::{Block, Kind, layout};

    /// A call declaring a field at every place, and the form it gives.
    fn call() -> crate::model::Call {
        let spec = r#"
callspec: 2
call: { id: t, title: 测试通知, issuer: 某科协, document: 测科协〔2025〕1号, issued: 2025-03-01 }
clauses: { c1: { section: 一, text: 负责人须为本会会员 } }
applicant_types: { society: { name: 学会 } }
categories:
  - { id: a, name: 甲类, amount: { kind: fixed, value: 1, source: c1 }, source: c1, partners: [{ id: p, name: 参与单位, types: [society], source: c1 }] }
fields:
  - { id: topic, at: project, label: 选题方向, type: choices, choices: [乡村振兴, 产业升级], required: true, source: c1 }
  - { id: member_no, at: lead, label: 会员编号, type: text, source: c1 }
  - { id: birth_date, at: leader, label: 出生日期, type: date, required: true, max: 1989-01-01, source: c1 }
  - { id: party, at: contact, label: 是否党员, type: yes-no, source: c1 }
  - { id: degree, at: member, label: 学位, type: choice, choices: [博士, 硕士], source: c1 }
  - { id: rank, at: partner, label: 排名, type: integer, source: c1 }
"#;
        let out = crate::load::spec_source(crate::source::SourceFile::new("t.yaml", spec), &crate::source::Limits::default());
        assert!(out.findings.iter().all(|f| f.severity != crate::diagnostics::Severity::Error), "{:#?}", out.findings);
        out.call.expect("compiles")
    }

    #[test]
    fn every_place_gets_its_declared_field() {
        let call = call();
        let form = layout(&call, call.category("a"));
        let pointers: Vec<&str> = form.fields().map(|f| f.pointer.as_str()).collect();
        for p in ["/project/topic", "/lead/member_no", "/leader/birth_date", "/contact/party"] {
            assert!(pointers.contains(&p), "{p} not in {pointers:?}");
        }
        let topic = form.fields().find(|f| f.pointer == "/project/topic").unwrap();
        assert!(matches!(&topic.kind, Kind::Choices(c) if c.len() == 2) && topic.required);
        assert!(topic.requirement.contains("乡村振兴"), "{}", topic.requirement);
        let birth = form.fields().find(|f| f.pointer == "/leader/birth_date").unwrap();
        assert_eq!((birth.label.as_str(), birth.kind.clone()), ("出生日期", Kind::Date));
        let columns = |pointer: &str| -> Vec<String> {
            form.tables().filter(|t| t.pointer == pointer).flat_map(|t| t.columns.iter().map(|c| c.field.pointer.clone())).collect()
        };
        assert!(columns("/team").contains(&"degree".to_owned()), "{:?}", columns("/team"));
        assert!(columns("/partners").contains(&"rank".to_owned()), "{:?}", columns("/partners"));
        // The leader's field sits with the leader's, not the contact's.
        let people = form.sections.iter().find(|s| s.id == "people").unwrap();
        let leader_block = people.blocks.iter().find_map(|b| match b {
            Block::Fields(f) if f[0].pointer.starts_with("/leader/") => Some(f),
            _ => None,
        });
        assert!(leader_block.unwrap().iter().any(|f| f.pointer == "/leader/birth_date"));
    }
}
