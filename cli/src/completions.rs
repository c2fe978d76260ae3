//! `brief completions <shell>` and `brief man`: shell completions (clap_complete) and the man page
//! (clap_mangen), printed to standard output.

use anyhow::Result;
use clap::CommandFactory;

/// Print shell completions
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  brief completions bash > ~/.local/share/bash-completion/completions/brief\n  brief completions zsh > ~/.zfunc/_brief\n  brief completions fish > ~/.config/fish/completions/brief.fish"
)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the man page (roff)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  brief man > brief.1 && man ./brief.1")]
pub struct ManArgs {}

pub fn run(args: Args) -> Result<()> {
    let mut cmd = crate::cli::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "brief", &mut std::io::stdout());
    Ok(())
}

pub fn man(_: ManArgs) -> Result<()> {
    let cmd = crate::cli::Cli::command();
    clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
    Ok(())
}
