//! The codes the compiler reports, one per kind of authoring mistake.

use crate::diagnostics::CodeInfo;

pub const MISSING_SOURCE: &CodeInfo = &CodeInfo {
    code: "spec.missing-source",
    summary: "a rule does not cite the clause of the notice it comes from",
    doc: "Every rule (amount, quota, KPI, deadline, exclusion, ...) must say which clause of the \
          notice it encodes, with `source: <clause id>`, so that every finding on an application \
          can quote the notice. Add the clause under `clauses:` and cite it.",
    summary_zh: "规则未引用其所依据的通知条款",
    doc_zh: "每条规则（金额、名额、绩效指标、截止时间、限制情形等）都须用 `source: <条款编号>` 注明所编码的通知条款，\
             以便申报书上的每个问题都能引用通知原文。请在 `clauses:` 下添加该条款并引用它。",
};
pub const UNKNOWN_REF: &CodeInfo = &CodeInfo {
    code: "spec.unknown-ref",
    summary: "a reference names a clause, applicant type or category the spec does not define",
    doc: "`source:` must name a key of `clauses:`; applicant types must be keys of \
          `applicant_types:`; category paths (in limits, deadlines, preferences, commitments) \
          must name a node of the category tree, ids joined by `/`. The finding suggests the \
          closest defined name.",
    summary_zh: "引用了规范文件未定义的条款、申报单位类型或类别",
    doc_zh: "`source:` 须为 `clauses:` 中的某个键；申报单位类型须为 `applicant_types:` 中的键；\
             类别路径（在 `limits`、`deadlines`、`preferences`、`commitments` 中）须指向类别树中的某个节点，\
             各级编号以 `/` 连接。该问题会给出最接近的已定义名称。",
};
pub const DUPLICATE_ID: &CodeInfo = &CodeInfo {
    code: "spec.duplicate-id",
    summary: "two items that must be told apart share an id",
    doc: "Ids are how applications and findings refer to things: sibling categories, the KPIs \
          and deliverables of one category (including those inherited from its groups), \
          exclusions, limits, deadlines, partners, letters, preferences and commitments each need \
          ids unique in their scope. Both places are labelled.",
    summary_zh: "须相互区分的两项使用了同一编号",
    doc_zh: "申报书和问题靠编号指称各项内容：同级类别，一个类别的绩效指标和书面成果（含从上级分组继承的），\
             以及限制情形、申报限制、截止时间、参与单位、推荐函、优先条件和承诺，各自须在其范围内使用唯一的编号。\
             两处都会标出。",
};
pub const AMOUNT: &CodeInfo = &CodeInfo {
    code: "spec.amount",
    summary: "an amount's kind and value do not agree",
    doc: "`fixed`, `cap` and `soft-cap` need a `value`; `unstated` must not have one (an \
          unstated amount is never read as 0: write `kind: fixed, value: 0` for 无经费立项).",
    summary_zh: "金额的类型与数值不一致",
    doc_zh: "`fixed`、`cap` 和 `soft-cap` 须有 `value`；`unstated` 不得有 `value`（未列明的金额绝不按 0 处理：\
             无经费立项请写 `kind: fixed, value: 0`）。",
};
pub const TRANCHES: &CodeInfo = &CodeInfo {
    code: "spec.tranches",
    summary: "payment tranches do not add up to 100%",
    doc: "The shares of a category's tranches must add up to exactly 100. Where the notice pays \
          \"the rest\" (剩余经费), the last tranche is `remainder: true` without a share, and the \
          other shares must add up to less than 100. Only the last tranche may be the remainder.",
    summary_zh: "分期拨付的比例合计不等于 100%",
    doc_zh: "一个类别各期拨付的比例合计须正好为 100。通知写“剩余经费”时，最后一期写作 `remainder: true` 且不写比例，\
             其余各期比例合计须小于 100。只有最后一期可以是剩余部分。",
};
pub const DATE_ORDER: &CodeInfo = &CodeInfo {
    code: "spec.date-order",
    summary: "dates are out of order (a window closing before it opens, an extension before the deadline, ...)",
    doc: "A deadline's window must open before it closes and not close before the notice was \
          issued; an extension must end after the deadline it extends; a completion date must \
          come after the notice's deadlines.",
    summary_zh: "日期先后有误（受理期结束早于开始、延期早于原截止时间等）",
    doc_zh: "截止时间的受理期须先开始后结束，且结束不得早于通知印发日期；延期须晚于所延长的截止时间；\
             完成日期须晚于通知的各截止时间。",
};
pub const MIN_MAX: &CodeInfo = &CodeInfo {
    code: "spec.min-max",
    summary: "a minimum is above its maximum, or a bound is missing",
    doc: "KPI targets, deliverable lengths and text limits with both a minimum and a maximum \
          need min ≤ max; a text limit needs at least one of them.",
    summary_zh: "下限高于上限，或缺少界限",
    doc_zh: "同时有下限和上限的绩效目标、成果字数和文本字数限制须满足下限 ≤ 上限；文本字数限制至少须有其中之一。",
};
pub const KPI_CHOICE: &CodeInfo = &CodeInfo {
    code: "spec.kpi-choice",
    summary: "a KPI choice (`options`) is malformed",
    doc: "A KPI with `options` is a choice: it is met when at least `at_least` (default 1) of \
          its options are met. It may not have its own `min`/`max`, `at_least` may not exceed \
          the number of options, and `at_least` without `options` means nothing.",
    summary_zh: "绩效指标的备选项（`options`）写法有误",
    doc_zh: "带 `options` 的绩效指标是多选一：其备选项中至少 `at_least` 项（默认 1 项）达标即满足。\
             它不得有自己的 `min`/`max`，`at_least` 不得超过备选项的个数，没有 `options` 时写 `at_least` 没有意义。",
};
pub const QUOTA: &CodeInfo = &CodeInfo {
    code: "spec.quota",
    summary: "sub-category quotas add up to more than their group's (or the call's) quota",
    doc: "When a group (or the whole call) funds at most N projects, the quotas of the \
          categories under it cannot add up to more than N.",
    summary_zh: "下级类别的名额合计超过所属分组（或整个通知）的名额",
    doc_zh: "一个分组（或整个通知）最多资助 N 项时，其下各类别的名额合计不得超过 N。",
};
pub const UNKNOWN_FIELD: &CodeInfo = &CodeInfo {
    code: "spec.unknown-field",
    summary: "a form rule names an application field that does not exist",
    doc: "Text limits name application fields by dotted path (`project.summary`); the finding \
          lists the fields that can be limited.",
    summary_zh: "表单规则指向了申报书中不存在的字段",
    doc_zh: "文本字数限制以点分路径指称申报书字段（`project.summary`）；该问题会列出可以限制字数的字段。",
};
pub const UNUSED_CLAUSE: &CodeInfo = &CodeInfo {
    code: "spec.unused-clause",
    summary: "a clause is defined but no rule cites it (advice)",
    doc: "A clause nobody cites is either a rule not yet written or a leftover. Encode it as a \
          rule, or as a `commitments:` entry if it binds only after the award.",
    summary_zh: "定义了条款，但没有规则引用它（建议）",
    doc_zh: "没有引用的条款，要么是尚未编写的规则，要么是遗留内容。请将其编写为规则；如仅在立项后才有约束，\
             写为 `commitments:` 中的一项。",
};

pub const DUPLICATE_CALL: &CodeInfo = &CodeInfo {
    code: "spec.duplicate-call",
    summary: "two spec files define the same call id",
    doc: "Applications name their call by id, so each id may be defined by one spec file only.",
    summary_zh: "两个规范文件定义了同一个通知编号",
    doc_zh: "申报书按编号指明所属通知，因此每个编号只能由一个规范文件定义。",
};

/// Every compiler code, for the registry.
pub const FIELD: &CodeInfo = &CodeInfo {
    code: "spec.field",
    summary: "a declared form field is ill-formed",
    doc: "A field under `fields:` takes a key the application format already has, lists choices \
          without being a choice (or is a choice without any), or has a bound its type does not \
          take (`max_chars` on a date, a `min` that is not a date on a date field).",
    summary_zh: "声明的表单字段写法有误",
    doc_zh: "`fields:` 下的字段使用了申报书格式中已有的键，或不是选项型却列出了选项（或是选项型却没有任何选项），\
             或带有其类型不接受的界限（日期字段上的 `max_chars`，日期字段上不是日期的 `min`）。",
};

pub const CONDITION: &CodeInfo = &CodeInfo {
    code: "spec.condition",
    summary: "a condition or check is not a valid expression, or names what a draft does not have",
    doc: "Conditions (`when:`) and checks (`checks:`) are CEL expressions over the draft: its sections \
          (project, lead, leader, contact, joint, partners, team, kpis, ...), their keys in the \
          application format, and the fields the call declares. A syntax error, an unknown section \
          or a misspelt key is reported on the expression, with the nearest name. Amounts are not \
          available to expressions.",
    summary_zh: "条件或检查不是有效的表达式，或引用了申报书中没有的内容",
    doc_zh: "条件（`when:`）和检查（`checks:`）是作用于申报书的 CEL 表达式：可以使用申报书的各部分（`project`、\
             `lead`、`leader`、`contact`、`joint`、`partners`、`team`、`kpis` 等）、它们在申报书格式中的键，\
             以及通知声明的字段。语法错误、未知的部分或拼错的键都会在表达式上报告，并给出最接近的名称。\
             表达式中不能使用金额。",
};

pub const VERSION: &CodeInfo = &CodeInfo {
    code: "spec.version",
    summary: "the spec is written in version 1 of the spec language",
    doc: "Version 2 says \"in principle\" one way everywhere (`soft: true`: a soft cap is `kind: cap, \
          soft: true`, an approximate quota `kind: exact, soft: true`, an approximate tranche \
          `soft: true`) and names how a required partner takes part (`role: co-applicant` for \
          version 1's `applicants_only: true`). `callspec migrate FILE --write` rewrites a version 1 \
          spec in place, keeping its comments and layout; nothing else in it changes.",
    summary_zh: "规范文件使用的是第 1 版规范语言",
    doc_zh: "第 2 版对“原则上”处处采用同一种写法（`soft: true`：原则上的上限写作 `kind: cap, soft: true`，\
             约数名额写作 `kind: exact, soft: true`，约数分期写作 `soft: true`），并写明必需的参与单位如何参与（`role: co-applicant`，\
             即第 1 版的 `applicants_only: true`）。`callspec migrate FILE --write` 就地改写第 1 版规范文件，\
             保留其注释和排版，其他内容不变。",
};

pub const PLAN_CONCEPT: &CodeInfo = &CodeInfo {
    code: "spec.plan-concept",
    summary: "a plan priority's `concepts` entry is ill-formed",
    doc: "Each entry of a priority's `concepts` is one way of saying it: ideas joined by ` + `, \
          each idea its synonyms joined by `|` (`国际科技组织|国际组织 + 代表处|总部`). An empty idea or \
          synonym (`a||b`, a trailing `+`) would match everything or nothing; an entry of one idea \
          with one word belongs in `keywords`.",
    summary_zh: "规划重点任务的 `concepts` 条目写法有误",
    doc_zh: "重点任务的 `concepts` 每个条目是一种说法：各个意思以 ` + ` 连接，每个意思的同义词以 `|` 连接\
             （`国际科技组织|国际组织 + 代表处|总部`）。空的意思或同义词（`a||b`、末尾多余的 `+`）会匹配一切或什么也不匹配；\
             只有一个意思、一个词的条目应写入 `keywords`。",
};

pub const PLAN_UNCOVERED: &CodeInfo = &CodeInfo {
    code: "spec.plan-uncovered",
    summary: "a fundable programme of the call's work plan is implemented by no category (advice)",
    doc: "A call that names its work plan (`call.plan`) says, category by category, which of the \
          plan's priorities each implements (`implements:`). A programme of the plan (`kind: \
          programme`, work a call can fund) that no category implements is reported once, with \
          its clause, so that staff drafting the call see what the plan asks for and the call \
          does not fund; more than three are named together in one finding. \
          The association's own tasks (`kind: task`) are not reported. `callspec plan coverage` \
          shows the whole table.",
    summary_zh: "通知所服务的工作要点中，有可资助的计划没有任何类别承接（建议）",
    doc_zh: "指明工作要点（`call.plan`）的通知，逐个类别写明其承接工作要点的哪些重点任务（`implements:`）。\
             工作要点中可由通知资助的计划（`kind: programme`）若没有任何类别承接，会报告一次并附原文（超过三项时合为一条逐一列出），\
             便于起草通知的工作人员看到规划要求而通知未资助的内容。协会自身的工作（`kind: task`）不报告。\
             `callspec plan coverage` 给出完整的对照表。",
};

pub const PLAN_UNTIED: &CodeInfo = &CodeInfo {
    code: "spec.plan-untied",
    summary: "a category of a call that names a work plan implements none of its priorities (advice)",
    doc: "In a call that names its work plan (`call.plan`), a category an application may name \
          that implements no priority of the plan (`implements:` on it or on a group above it) \
          is reported: either the plan does not ask for it, or the tie is still to write.",
    summary_zh: "指明工作要点的通知中，有类别未承接工作要点的任何重点任务（建议）",
    doc_zh: "在指明工作要点（`call.plan`）的通知中，申报书可以填写的类别若未承接工作要点的任何重点任务\
             （本类别或其上级分组均无 `implements:`），会被报告：要么工作要点未要求此类项目，要么对应关系尚未写明。",
};

pub const ALL: &[&CodeInfo] = &[
    MISSING_SOURCE,
    UNKNOWN_REF,
    DUPLICATE_ID,
    AMOUNT,
    TRANCHES,
    DATE_ORDER,
    MIN_MAX,
    KPI_CHOICE,
    QUOTA,
    UNKNOWN_FIELD,
    UNUSED_CLAUSE,
    DUPLICATE_CALL,
    FIELD,
    CONDITION,
    VERSION,
    PLAN_CONCEPT,
    PLAN_UNCOVERED,
    PLAN_UNTIED,
];
