//! The codes `callspec check` reports on supplementary notices. Mistakes an amendment shares
//! with specs (an unknown clause, dates out of order, quotas that do not add up) keep the
//! spec's codes.

use crate::diagnostics::CodeInfo;

pub const BASE: &CodeInfo = &CodeInfo {
    code: "amend.base",
    summary: "an amendment names a call that is not available, or is used where a call spec is expected",
    doc: "`amends:` must be the id of a call loaded with it: one of the spec files checked or \
          loaded together (`--specs`), or a built-in call. A call whose spec has errors cannot \
          be amended either. An amendment file is not a call spec on its own: `validate --spec` \
          takes a call spec; put the amendment in a folder with (or beside) its call and pass \
          the folder with `--specs`.",
    summary_zh: "补充通知所修订的通知不可用，或在需要通知规范文件的地方使用了补充通知",
    doc_zh: "`amends:` 须为一同加载的通知编号：一同检查或加载（`--specs`）的规范文件之一，或内置的通知。\
             规范文件有错误的通知也无法修订。补充通知文件本身不是通知规范文件：`validate --spec` 需要通知规范文件；\
             请将补充通知与其通知放在同一文件夹中（或放在其旁边），并用 `--specs` 指定该文件夹。",
};

pub const TARGET: &CodeInfo = &CodeInfo {
    code: "amend.target",
    summary: "an amendment changes something the call does not have (a deadline, category, KPI, exclusion or form field)",
    doc: "Each change names what it changes by its stable name: a deadline by its id, a category by \
          its path (`key/academic-society`), a KPI by its id in that category, an exclusion by its \
          id, a text limit by its field. A name the call (as amended by the amendments that take \
          effect before this one) lacks is an error, with the nearest name; an exclusion the \
          notice adds says `new: true`.",
    summary_zh: "补充通知修改了通知中没有的内容（截止事项、类别、绩效指标、限制情形或申报书字段）",
    doc_zh: "每项修改都以稳定的名称指明所改内容：截止事项用其编号，类别用其路径（`key/academic-society`），\
             绩效指标用其在该类别中的编号，限制情形用其编号，字数限制用其字段。通知（经此前生效的补充通知修订后）\
             中没有的名称为错误，并给出最接近的名称；补充通知新增的限制情形须写 `new: true`。",
};

pub const EXISTS: &CodeInfo = &CodeInfo {
    code: "amend.exists",
    summary: "an amendment adds (`new: true`) something the call already has",
    doc: "`new: true` adds an exclusion the call does not have; an id the call already uses names \
          the existing one. To rewrite it, leave out `new`; to add another, give it its own id.",
    summary_zh: "补充通知新增（`new: true`）了通知中已有的内容",
    doc_zh: "`new: true` 用于新增通知中没有的限制情形；通知已使用的编号指的是已有的那一项。\
             要改写它，请去掉 `new`；要新增另一项，请另取编号。",
};

pub const CONFLICT: &CodeInfo = &CodeInfo {
    code: "amend.conflict",
    summary: "two amendments of one call contradict each other",
    doc: "Amendments apply in the order they take effect, so a later one may change again what an \
          earlier one changed. They contradict when both take effect at the same moment and change \
          the same thing (which applies is undefined), when one changes what an earlier one \
          withdrew, when two add the same exclusion, or when two share an id. Both places are \
          named.",
    summary_zh: "同一通知的两份补充通知相互矛盾",
    doc_zh: "补充通知按生效先后依次适用，后一份可以再次修改前一份已修改的内容。以下情形为矛盾：两份在同一时刻生效且修改同一内容\
             （适用哪一份无法确定）；一份修改了此前另一份已取消的内容；两份新增了同一限制情形；两份使用了同一编号。\
             两处都会指明。",
};

pub const CHANGE: &CodeInfo = &CodeInfo {
    code: "amend.change",
    summary: "a change of an amendment says nothing to change, or both withdraws and rewrites",
    doc: "A change gives what it sets (a deadline's `closes`, a category's `amount`, a KPI's `min`, \
          ...) or withdraws the thing (`remove`), not both and not neither. A quota an amendment \
          sets is stated as the notice states it (not `derived`), and a completion date is a date.",
    summary_zh: "补充通知中的某项修改没有说明改什么，或同时取消又改写",
    doc_zh: "每项修改要么写明所设定的内容（截止事项的 `closes`、类别的 `amount`、绩效指标的 `min` 等），\
             要么取消该项（`remove`），不能二者兼有，也不能都没有。补充通知设定的立项数按通知原文写明（不用 `derived`），\
             完成期限须为日期。",
};

/// Every code of this module.
pub const ALL: &[&CodeInfo] = &[BASE, TARGET, EXISTS, CONFLICT, CHANGE];
