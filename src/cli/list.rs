//! `callspec list`: the calls and their categories.

use super::Exit;
use super::args::ListArgs;

pub fn run(args: &ListArgs) -> Exit {
    let loaded = super::specs::load(&args.specs);
    super::out_text(&callspec::guide::list::text(&loaded.calls));
    super::specs::report_broken(&loaded)
}
