//! `callspec man`: the man pages (roff) generated from the clap definitions.

use clap::CommandFactory;

use super::Exit;
use super::args::{Cli, ManArgs};

pub fn run(args: &ManArgs) -> Exit {
    let Some(dir) = &args.dir else {
        super::out(&page());
        return Exit::Clean;
    };
    // One page per subcommand, so that the main page's SEE ALSO names only pages that exist.
    match std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(Cli::command(), dir)) {
        Ok(()) => {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            names.retain(|n| n.starts_with("callspec") && n.ends_with(".1"));
            names.sort();
            let (n, shown, names) = (names.len(), dir.display(), names.join(", "));
            eprintln!(
                "{}",
                super::say(callspec::tr!("wrote {n} man pages into {shown}: {names}", "已将 {n} 个手册页写入 {shown}：{names}"))
            );
            Exit::Clean
        }
        Err(e) => {
            let shown = dir.display();
            eprintln!(
                "{}",
                super::say(callspec::tr!("error: cannot write the man pages into {shown}: {e}", "错误：无法将手册页写入 {shown}：{e}"))
            );
            Exit::Unusable
        }
    }
}

/// The main man page: name, synopsis, description, options, the subcommands, version.
pub fn page() -> String {
    let mut roff = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut roff).expect("writing to memory cannot fail");
    String::from_utf8_lossy(&roff).into_owned()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::cli::args::Cli;

    #[test]
    fn the_man_page_names_every_subcommand() {
        let page = super::page();
        for sub in Cli::command().get_subcommands() {
            assert!(page.contains(sub.get_name()), "the man page does not mention `{}`", sub.get_name());
        }
    }
}
