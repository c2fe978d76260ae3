//! Rendering: the minijinja environment (templates from a folder, falling back to the defaults
//! embedded in the binary), Markdown escaping of every value printed (article text can never open a
//! heading, list, link or raw HTML), template errors that point at the file, line and column, the
//! outputs (Markdown checked with pulldown-cmark, a standalone HTML page, the JSON model) and the
//! checks behind `brief templates check`.

pub mod filters;
pub mod markdown;

use std::path::PathBuf;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

pub use filters::{escape_markdown, truncate_words};

use crate::brief::Brief;
use crate::error::{Error, Result};

/// The template every brief starts from.
pub const MAIN: &str = "brief.md.j2";

/// The default templates, embedded at build time from `templates/`.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("brief.md.j2", include_str!("../../templates/brief.md.j2")),
    ("base.md.j2", include_str!("../../templates/base.md.j2")),
    (
        "article.md.j2",
        include_str!("../../templates/article.md.j2"),
    ),
    ("macros.md.j2", include_str!("../../templates/macros.md.j2")),
];

/// Where templates come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Templates {
    /// Only the embedded defaults.
    Embedded,
    /// A folder; a template it lacks comes from the embedded defaults.
    Dir(PathBuf),
}

impl Templates {
    /// Where the template `name` is read from, for messages: a path, or `<embedded>/name`.
    pub fn origin(&self, name: &str) -> String {
        match self {
            Templates::Dir(dir) if dir.join(name).is_file() => dir.join(name).display().to_string(),
            _ => format!("<embedded>/{name}"),
        }
    }

    /// Every template name there is: the embedded defaults and the `*.j2` files of the folder
    /// (subfolders included, as `sub/name.j2`), sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = EMBEDDED.iter().map(|(n, _)| n.to_string()).collect();
        if let Templates::Dir(dir) = self {
            for entry in walkdir::WalkDir::new(dir)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                let path = entry.path();
                if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "j2") {
                    let rel = path.strip_prefix(dir).unwrap_or(path);
                    names.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }
}

/// How strictly undefined values are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strictness {
    /// Printing or iterating an undefined value is an error; testing it (`if x`) is not.
    Normal,
    /// Any use of an undefined value is an error (`brief templates check`).
    Strict,
}

/// What `brief build` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Markdown, from the templates, checked with pulldown-cmark
    #[default]
    Md,
    /// A standalone HTML page made from the Markdown, with an embedded stylesheet
    Html,
    /// The brief model as JSON (schema: docs/brief.schema.json)
    Json,
}

impl Format {
    /// The file extension of this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// Builds the template environment.
pub fn environment(templates: &Templates, strictness: Strictness) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_debug(true);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("default delimiters are valid"),
    );
    env.set_undefined_behavior(match strictness {
        Strictness::Normal => UndefinedBehavior::SemiStrict,
        Strictness::Strict => UndefinedBehavior::Strict,
    });
    let from_dir = match templates {
        Templates::Dir(d) => Some(minijinja::path_loader(d.clone())),
        Templates::Embedded => None,
    };
    env.set_loader(move |name| {
        if let Some(load) = &from_dir
            && let Some(src) = load(name)?
        {
            return Ok(Some(src));
        }
        Ok(EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, src)| minijinja::TemplateSource::new(*src)))
    });
    // Every printed value is escaped for Markdown unless marked safe.
    env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown".into()));
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(n) if n == "markdown")
            && !value.is_safe()
        {
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            out.write_str(&escape_markdown(&value.to_string()))
                .map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "could not write")
                        .with_source(e)
                })
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    filters::register(&mut env);
    env
}

/// Renders the brief in a format: Markdown through the main template (checked), HTML from that
/// Markdown, or the JSON model.
pub fn output(
    env: &Environment<'static>,
    templates: &Templates,
    brief: &Brief,
    format: Format,
) -> Result<String> {
    if format == Format::Json {
        let mut json =
            serde_json::to_string_pretty(brief).map_err(|e| Error::Invalid(e.to_string()))?;
        json.push('\n');
        return Ok(json);
    }
    let md = render(env, templates, brief)?;
    markdown::check(&md, brief)?;
    Ok(match format {
        Format::Html => markdown::to_html(&md, &format!("Brief for {}", brief.date)),
        _ => md,
    })
}

/// Renders the brief through the main template.
pub fn render(env: &Environment<'static>, templates: &Templates, brief: &Brief) -> Result<String> {
    render_template(env, templates, MAIN, brief)
}

fn render_template(
    env: &Environment<'static>,
    templates: &Templates,
    name: &str,
    brief: &Brief,
) -> Result<String> {
    let tmpl = env
        .get_template(name)
        .map_err(|e| template_error(templates, &e))?;
    tmpl.render(Value::from(minijinja::value::Serde(brief)))
        .map_err(|e| template_error(templates, &e))
}

/// Checks every template: each must parse, and the main template must render against `sample`
/// in strict-undefined mode (so every template it includes, imports or extends renders too) and
/// give Markdown that passes the check. Returns the problems, one message each.
pub fn check_templates(templates: &Templates, sample: &Brief) -> Vec<String> {
    let env = environment(templates, Strictness::Strict);
    let mut problems: Vec<String> = templates
        .names()
        .iter()
        .filter_map(|name| env.get_template(name).err())
        .map(|e| template_error(templates, &e).to_string())
        .collect();
    match render_template(&env, templates, MAIN, sample) {
        Ok(md) => {
            if let Err(e) = markdown::check(&md, sample) {
                problems.push(format!("{}: {e}", templates.origin(MAIN)));
            }
        }
        Err(e) => {
            let e = e.to_string();
            // A syntax error of the main template is already in the list.
            if !problems.contains(&e) {
                problems.push(e);
            }
        }
    }
    problems
}

/// Turns a minijinja error into one that names the template file, the line and column, says what
/// went wrong, and shows the source around it.
pub fn template_error(templates: &Templates, err: &minijinja::Error) -> Error {
    use std::fmt::Write;
    let mut message = String::new();
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    let mut first = true;
    while let Some(e) = current {
        if let Some(mj) = e.downcast_ref::<minijinja::Error>() {
            let column = match (mj.template_source(), mj.range()) {
                (Some(src), Some(range)) if range.start <= src.len() => {
                    let line_start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    Some(src[line_start..range.start].chars().count() + 1)
                }
                _ => None,
            };
            let place = match (mj.name(), mj.line(), column) {
                (Some(name), Some(line), Some(col)) => {
                    format!("{}:{line}:{col}: ", templates.origin(name))
                }
                (Some(name), Some(line), None) => format!("{}:{line}: ", templates.origin(name)),
                (Some(name), None, _) => format!("{}: ", templates.origin(name)),
                _ => String::new(),
            };
            let what = mj
                .detail()
                .map(str::to_string)
                .unwrap_or_else(|| mj.kind().to_string());
            if !first {
                message.push_str("\ncaused by: ");
            }
            let _ = write!(message, "{place}{}: {what}", kind_label(mj.kind()));
            // The source excerpt, without minijinja's dump of every referenced variable (the
            // whole brief, for most templates).
            let debug = mj.display_debug_info().to_string();
            let excerpt = debug
                .split("\nReferenced variables:")
                .next()
                .and_then(|d| d.split("\nNo referenced variables").next())
                .unwrap_or("");
            if !excerpt.trim().is_empty() {
                message.push('\n');
                message.push_str(excerpt.trim_matches('\n'));
            }
        } else {
            let _ = write!(message, "\ncaused by: {e}");
        }
        first = false;
        current = e.source();
    }
    Error::Template { message }
}

fn kind_label(kind: minijinja::ErrorKind) -> &'static str {
    use minijinja::ErrorKind as K;
    match kind {
        K::SyntaxError => "syntax error",
        K::UndefinedError => "undefined value",
        K::UnknownFilter => "unknown filter",
        K::UnknownTest => "unknown test",
        K::UnknownFunction => "unknown function",
        K::UnknownMethod => "unknown method",
        K::TemplateNotFound => "template not found",
        K::InvalidOperation => "invalid operation",
        K::MissingArgument | K::TooManyArguments => "wrong arguments",
        K::BadInclude => "bad include",
        _ => "error",
    }
}
