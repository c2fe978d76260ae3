//! `brief templates`: write the default templates out for editing (`init`), show which template
//! comes from where (`list`), and render every template against a sample brief in strict mode
//! (`check`).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use brief::render::{self, Templates};

use crate::term;

const EXAMPLES: &str = "\
Examples:
  brief templates init                 write the built-in templates to templates/
  brief templates init my-templates/   ... or to another folder
  brief templates list                 which template is used, from where
  brief templates check                render every template against a sample brief, strictly";

/// Work with the templates a brief is rendered through
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write the built-in templates to a folder, for editing
    #[command(
        after_help = "Examples:\n  brief templates init\n  brief templates init --force my-templates/"
    )]
    Init {
        /// Folder to write to
        #[arg(value_name = "DIR", default_value = "templates")]
        dir: PathBuf,
        /// Overwrite templates that already exist
        #[arg(long)]
        force: bool,
    },
    /// Show every template and where it comes from (a folder, or built in)
    #[command(
        after_help = "Examples:\n  brief templates list\n  brief templates list --templates my-templates/"
    )]
    List {
        /// Template folder [default: templates/ if it exists]
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Render every template against a sample brief in strict mode; exit 1 on any problem
    #[command(
        after_help = "Examples:\n  brief templates check\n  brief templates check --templates my-templates/"
    )]
    Check {
        /// Template folder [default: templates/ if it exists]
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
}

/// The templates a command uses: `--templates DIR` (which must exist), else `templates/` when it
/// exists, else the built-in ones.
pub fn folder(dir: Option<PathBuf>) -> Result<Templates> {
    Ok(match dir {
        Some(d) if !d.is_dir() => bail!("template folder {} does not exist", d.display()),
        Some(d) => Templates::Dir(d),
        None if std::path::Path::new("templates").is_dir() => {
            Templates::Dir(PathBuf::from("templates"))
        }
        None => Templates::Embedded,
    })
}

pub fn run(args: Args) -> Result<()> {
    match args.command {
        Command::Init { dir, force } => {
            if dir.exists() && !dir.is_dir() {
                bail!("{} is a file, not a folder; nothing written", dir.display());
            }
            let existing: Vec<String> = render::EMBEDDED
                .iter()
                .map(|(name, _)| dir.join(name))
                .filter(|p| p.exists())
                .map(|p| p.display().to_string())
                .collect();
            if !existing.is_empty() && !force {
                bail!(
                    "{} already exist{}; nothing written (use --force to overwrite)",
                    existing.join(", "),
                    if existing.len() == 1 { "s" } else { "" }
                );
            }
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create folder {}", dir.display()))?;
            for (name, source) in render::EMBEDDED {
                let path = dir.join(name);
                crate::output::write_atomically(&path, source.as_bytes())?;
                term::result(path.display());
            }
            Ok(())
        }
        Command::List { templates } => {
            let templates = folder(templates)?;
            for name in templates.names() {
                let origin = templates.origin(&name);
                let mark = if name == render::MAIN { "  (main)" } else { "" };
                term::result(format_args!("{name:20} {origin}{mark}"));
            }
            Ok(())
        }
        Command::Check { templates } => {
            let templates = folder(templates)?;
            let names = templates.names();
            let problems = render::check_templates(&templates, &brief::sample::brief());
            if problems.is_empty() {
                term::result(format_args!(
                    "{} templates rendered against the sample brief in strict mode: no problem",
                    names.len()
                ));
                return Ok(());
            }
            for p in &problems {
                anstream::eprintln!("{p}\n");
            }
            bail!(
                "{} problem{} in the templates",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )
        }
    }
}
