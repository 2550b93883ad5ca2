//! `callspec man`: the man page (roff) generated from the clap definitions.

use clap::CommandFactory;

use super::Exit;
use super::args::Cli;

pub fn run() -> Exit {
    super::out(&page());
    Exit::Clean
}

/// The man page: name, synopsis, description, options, every subcommand, version.
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
