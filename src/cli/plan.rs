//! `callspec plan`: a call's categories against a work plan (`coverage`), drafts against a
//! plan (`align`). The tables and findings come from the library (`callspec::plan`,
//! `callspec::guide::plan`, `callspec::kinds::plan`).

use callspec::diagnostics::Span;
use callspec::{source, tr};

use super::Exit;
use super::args::{AlignArgs, CoverageArgs, CoverageFormat, PlanArgs, PlanCommand};
use super::output::{Printer, What};

pub fn run(args: &PlanArgs) -> Exit {
    match &args.command {
        PlanCommand::Coverage(a) => coverage(a),
        PlanCommand::Align(a) => align(a),
    }
}

fn coverage(args: &CoverageArgs) -> Exit {
    // Everything: the plan may be one the call does not name.
    let loaded = super::specs::load(args.specs.as_deref());
    let plan = match super::specs::plan(&loaded, &args.plan) {
        Ok(p) => p,
        Err(exit) => return exit,
    };
    let call = match super::specs::call(&loaded, &args.call) {
        Ok(c) => c,
        Err(exit) => return exit,
    };
    let cov = match callspec::plan::coverage(plan, call) {
        Ok(cov) => cov,
        Err(why) => {
            let (call, plan) = (&call.id, &plan.id);
            let text = match why {
                callspec::plan::NotTied::NoPlan => tr!(
                    "error: {call} names no work plan, so its categories implement none of {plan}'s priorities (name it with `call.plan` and tie categories with `implements:`)",
                    "错误：{call} 未指明工作要点，其类别未承接 {plan} 的任何重点任务（请以 `call.plan` 指明，并以 `implements:` 写明类别与重点任务的对应）"
                ),
                callspec::plan::NotTied::OtherPlan(other) => tr!(
                    "error: {call} names the work plan `{other}`, not `{plan}`: its categories' ties name that plan's priorities",
                    "错误：{call} 指明的工作要点是 `{other}` 而不是 `{plan}`：其类别的对应关系指向该工作要点的重点任务"
                ),
            };
            eprintln!("{}", super::say(text));
            return Exit::Unusable;
        }
    };
    let lang = super::lang();
    super::out_text(&match args.format {
        CoverageFormat::Text => callspec::guide::plan::coverage_text(&cov, lang),
        CoverageFormat::Md => callspec::guide::plan::coverage_markdown(&cov, lang),
        CoverageFormat::Json => callspec::guide::plan::coverage_json(&cov).to_string() + "\n",
    });
    super::specs::report_broken(&loaded)
}

fn align(args: &AlignArgs) -> Exit {
    let printer = Printer::new(&args.output);
    let loaded = super::specs::load(args.specs.as_deref());
    let plan = match super::specs::plan(&loaded, &args.plan) {
        Ok(p) => p,
        Err(exit) => return exit,
    };
    let limits = args.limits.limits();
    let expanded = callspec::walk::expand(&args.files);
    let mut findings = expanded.findings;
    let mut names = Vec::new();
    for path in &expanded.files {
        names.push(path.display().to_string());
        let file = match source::read(path, &limits) {
            Ok(f) => f,
            Err(f) => {
                findings.push(f);
                continue;
            }
        };
        let plain =
            path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
        if plain {
            let texts = [(String::new(), file.text.to_string(), Span::new(0, file.text.len()))];
            findings.extend(callspec::kinds::plan::alignment(plan, &file, &texts, true));
            continue;
        }
        match callspec::document::parse(file, &limits) {
            Ok(doc) => findings.extend(callspec::kinds::plan::draft_alignment(plan, &doc, None, true)),
            Err(f) => findings.push(f),
        }
    }
    printer.all(findings, &names, What::Application)
}
