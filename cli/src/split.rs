//! `brief split`: the sentences of a text, as the whole pipeline splits them, one per line or as a
//! JSON array of strings.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use brief::lang::{self, Lang, SplitRules};
use brief::segment;

const EXAMPLES: &str = "\
Examples:
  brief split article.txt                    one sentence per line
  brief split --format json article.txt      a JSON array of strings
  echo 'Sen. Jim Risch spoke. He left.' | brief split -
  brief split --language de artikel.txt";

/// Print the sentences of a text, one per line (or as JSON)
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// A text file, or - for standard input
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,
    /// Language: auto, a language brief stems (english, en, german, de, ...), or another code with
    /// splitting rules (bg, hi, ja, pl, zh, ...)
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_split_language)]
    pub language: SplitLanguage,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Lines)]
    pub format: Format,
}

/// The language `split` uses.
#[derive(Clone, Copy)]
pub enum SplitLanguage {
    Auto,
    Rules(&'static SplitRules),
}

impl std::fmt::Debug for SplitLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SplitLanguage::Auto => f.write_str("Auto"),
            SplitLanguage::Rules(rules) => write!(f, "Rules({})", rules.code),
        }
    }
}

fn parse_split_language(s: &str) -> Result<SplitLanguage, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(SplitLanguage::Auto);
    }
    if let Ok(l) = s.parse::<Lang>() {
        return Ok(SplitLanguage::Rules(l.data().split));
    }
    SplitRules::for_code(&s.to_ascii_lowercase())
        .map(SplitLanguage::Rules)
        .ok_or_else(|| {
            format!(
                "unknown language {s:?}; known: auto, {}, or one of these codes: {}",
                lang::known_names(),
                SplitRules::codes().collect::<Vec<_>>().join(", ")
            )
        })
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One sentence per line
    Lines,
    /// A JSON array of strings
    Json,
}

pub fn run(args: Args) -> Result<()> {
    let (path, mut bytes) = crate::input::read_any_one(&args.input)?;
    let name = path.display().to_string();
    let mut warnings = Vec::new();
    if crate::input::cut_to_limit(&mut bytes) {
        warnings.push(crate::input::truncated(&name));
    }
    let mut text = brief::ingest::decode(&path, &bytes)?;
    let removed = brief::ingest::remove_controls(&mut text);
    if removed > 0 {
        warnings.push(brief::ingest::controls_removed(&name, removed));
    }
    crate::term::warnings(&warnings)?;
    let rules = match args.language {
        SplitLanguage::Rules(r) => r,
        SplitLanguage::Auto => lang::detect_split_code(&text)
            .and_then(SplitRules::for_code)
            .unwrap_or(Lang::English.data().split),
    };
    let sentences = segment::split_document_with(&text, rules);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Lines => {
            for s in &sentences {
                writeln!(out, "{}", s.replace('\n', " "))?;
            }
        }
        Format::Json => writeln!(out, "{}", serde_json::to_string(&sentences)?)?,
    }
    out.flush()?;
    Ok(())
}
