//! Rendering: the minijinja environment (templates from a folder, falling back to the defaults
//! embedded in the binary), Markdown escaping of every value printed (article text can never open a
//! heading, list, link or raw HTML), template errors that point at the file, line and column, the
//! outputs (Markdown checked with pulldown-cmark, a standalone HTML page, the JSON model), the
//! checks behind `brief templates check`, and the limits every render runs under: fuel (a number
//! of template steps, by the brief's size), an output cap, and minijinja's recursion limit
//! (docs/templates.md, "Limits").

pub(crate) mod filters;
pub mod markdown;

use std::io;
use std::path::PathBuf;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

pub(crate) use filters::escape_markdown;

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

/// Template steps (minijinja's fuel: about one per instruction) a render may take whatever the
/// brief's size: a runaway loop on a small corpus stops after 0.1 s (1.5 s in a debug build).
pub const FUEL_BASE: u64 = 5_000_000;

/// Template steps a render may take for each article, on top of [`FUEL_BASE`]. The default
/// templates take about 140 an article (186,000 for the 1,313 articles of the BBC set, 1.3 million
/// for 10,000 articles): a custom template may do 35 times as much, while a runaway loop stops in
/// time proportional to the corpus (0.3 s on the BBC set).
pub const FUEL_PER_ARTICLE: u64 = 5_000;

/// The most bytes a rendered brief may hold (256 MiB). The default templates write about 500 bytes
/// an article (0.7 MB for the BBC set, 5 MB for 10,000 articles).
pub const MAX_OUTPUT: usize = 256 << 20;

/// The fuel of a render of `brief`: [`FUEL_BASE`] plus [`FUEL_PER_ARTICLE`] for each article.
pub fn fuel(brief: &Brief) -> u64 {
    FUEL_BASE.saturating_add(FUEL_PER_ARTICLE.saturating_mul(brief.stats.articles as u64))
}

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
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
    /// Every format.
    pub const ALL: [Format; 3] = [Format::Md, Format::Html, Format::Json];

    /// The file extension of this format, which is also its name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.extension())
    }
}

impl std::str::FromStr for Format {
    type Err = Error;

    /// Reads `md`, `html` or `json` (any case).
    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error::Value {
                what: "format",
                value: s.to_string(),
                expected: "use md, html or json",
            })
    }
}

/// Builds the template environment, with the fuel of an empty brief ([`FUEL_BASE`]); rendering a
/// brief raises it by the brief's size.
pub fn environment(templates: &Templates, strictness: Strictness) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_debug(true);
    // An environment serves one render: each build makes its own, so a template is read once
    // per build and never checked again (minijinja would otherwise stat its file at every
    // `include`, once per article).
    env.set_auto_reload(false);
    env.set_fuel(Some(FUEL_BASE));
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
            // A string is escaped where it stands (its `to_string` would be a copy).
            let escaped = match value.as_str() {
                Some(s) => escape_markdown(s),
                None => escape_markdown(&value.to_string()),
            };
            out.write_str(&escaped).map_err(|e| {
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
        let mut json = serde_json::to_string_pretty(brief)?;
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
    // A clone shares the compiled templates; only its fuel differs.
    let mut env = env.clone();
    env.set_fuel(Some(fuel(brief)));
    render_bounded(&env, templates, name, context(brief), MAX_OUTPUT)
}

/// The brief as the templates see it: the value `minijinja` makes of it, with its threads
/// (nearly all of it: their articles) converted in parallel.
fn context(brief: &Brief) -> Value {
    use minijinja::value::Serde;
    use rayon::prelude::*;

    /// [`Brief`]'s fields in its order, the threads already values (a test holds the two equal).
    #[derive(serde::Serialize)]
    struct Context<'a> {
        schema_version: u32,
        date: &'a str,
        stats: &'a crate::brief::Stats,
        corpus: &'a [crate::brief::KeyLine],
        threads: Vec<Value>,
        warnings: &'a [crate::warning::Warning],
    }
    // Every field named: a new one fails to compile here until the context has it.
    let Brief {
        schema_version,
        date,
        stats,
        corpus,
        threads,
        warnings,
    } = brief;
    Value::from(Serde(Context {
        schema_version: *schema_version,
        date,
        stats,
        corpus,
        threads: threads.par_iter().map(|t| Value::from(Serde(t))).collect(),
        warnings,
    }))
}

/// Renders the template `name` into memory, failing once the output passes `limit` bytes.
fn render_bounded(
    env: &Environment<'_>,
    templates: &Templates,
    name: &str,
    context: Value,
    limit: usize,
) -> Result<String> {
    let tmpl = env
        .get_template(name)
        .map_err(|e| template_error(templates, e))?;
    let mut out = Bounded {
        buf: Vec::new(),
        limit,
        exceeded: false,
    };
    match tmpl.render_captured_to(context, &mut out) {
        Ok(_) => Ok(String::from_utf8(out.buf).expect("templates write whole strs")),
        // minijinja reports the writer's error without a line; the template is the one rendered.
        Err(_) if out.exceeded => Err(Error::TemplateOutput {
            template: templates.origin(name),
            limit,
        }),
        Err(e) => Err(describe(templates, e, env.fuel())),
    }
}

/// Output in memory that takes at most `limit` bytes: a write past that fails, and the render with
/// it.
struct Bounded {
    buf: Vec<u8>,
    limit: usize,
    exceeded: bool,
}

impl io::Write for Bounded {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if data.len() > self.limit - self.buf.len() {
            self.exceeded = true;
            return Err(io::Error::other("the output limit is reached"));
        }
        // Grow by doubling, but never past the limit.
        let needed = self.buf.len() + data.len();
        if needed > self.buf.capacity() {
            let target = needed.max(2 * self.buf.capacity()).min(self.limit);
            self.buf.reserve_exact(target - self.buf.len());
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
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
        .map(|e| template_error(templates, e).to_string())
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
pub(crate) fn template_error(templates: &Templates, err: minijinja::Error) -> Error {
    describe(templates, err, None)
}

/// [`template_error`], knowing the fuel the render had (for the message when it ran out).
fn describe(templates: &Templates, err: minijinja::Error, fuel: Option<u64>) -> Error {
    let report = report(templates, &err, fuel);
    Error::Template {
        report,
        source: err,
    }
}

/// The report of a template error: for the error and each minijinja error among its causes, the
/// place (`file:line:col`), the kind and what went wrong, and the template's lines around it.
fn report(templates: &Templates, err: &minijinja::Error, fuel: Option<u64>) -> String {
    use std::fmt::Write;
    let chain: Vec<&minijinja::Error> =
        std::iter::successors(Some(err as &(dyn std::error::Error + 'static)), |e| {
            e.source()
        })
        .filter_map(|e| e.downcast_ref::<minijinja::Error>())
        .collect();
    if let Some(message) = recursion_error(templates, &chain) {
        return message;
    }
    let mut message = String::new();
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    let mut first = true;
    while let Some(e) = current {
        if let Some(mj) = e.downcast_ref::<minijinja::Error>() {
            let what = match (mj.kind(), mj.detail()) {
                (minijinja::ErrorKind::OutOfFuel, _) => match fuel {
                    Some(fuel) => format!(
                        "rendering took more than {fuel} steps, the most it may take for this \
                         brief; a loop that never ends or ranges too large? (docs/templates.md, \
                         \"Limits\")"
                    ),
                    None => "rendering took too many steps (docs/templates.md, \"Limits\")".into(),
                },
                (_, Some(detail)) => detail.to_string(),
                (kind, None) => kind.to_string(),
            };
            if !first {
                message.push_str("\ncaused by: ");
            }
            let _ = write!(
                message,
                "{}{}: {what}",
                place(templates, mj),
                kind_label(mj.kind())
            );
            if let Some(excerpt) = excerpt(mj) {
                message.push('\n');
                message.push_str(&excerpt);
            }
        } else {
            let _ = write!(message, "\ncaused by: {e}");
        }
        first = false;
        current = e.source();
    }
    message
}

/// The template's lines around an error, as minijinja's debug report shows them (a title rule with
/// the file name, three lines either side, the error's span underlined with its kind, a closing
/// rule), but without its dump of every referenced variable (the whole brief, for most
/// templates). `None` when minijinja knows no source or line.
fn excerpt(err: &minijinja::Error) -> Option<String> {
    use std::fmt::Write;
    const CONTEXT: usize = 3;
    const WIDTH: usize = 79;
    let (source, line) = (err.template_source()?, err.line()?);
    let title = format!(
        " {} ",
        err.name()
            .unwrap_or_default()
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
    );
    let mut out = format!("{title:-^WIDTH$}\n");
    let idx = line.saturating_sub(1);
    let first = idx.saturating_sub(CONTEXT);
    for (n, text) in source
        .lines()
        .enumerate()
        .skip(first)
        .take(idx - first + 1 + CONTEXT)
    {
        if n != idx {
            let _ = writeln!(out, "{:>4} | {text}", n + 1);
            continue;
        }
        let _ = writeln!(out, "{:>4} > {text}", n + 1);
        // The span, underlined on the error's line: from its first character to its last on
        // that line, or to the line's end when it goes on.
        let range = err.range().filter(|r| {
            r.start <= source.len() && crate::location::line_of(source, r.start) == line
        });
        if let Some(range) = range {
            let end_offset = range.end.clamp(range.start, source.len());
            let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
            let start = source[line_start..range.start].chars().count();
            let end = if source[range.start..end_offset].contains('\n') {
                text.chars().count()
            } else {
                source[line_start..end_offset].chars().count()
            };
            let pad: String = text
                .chars()
                .chain(std::iter::repeat(' '))
                .take(start)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let marks = "^".repeat(end.saturating_sub(start).max(1));
            let _ = writeln!(out, "     i {pad}{marks} {}", err.kind());
        }
    }
    out.push_str(&"~".repeat(WIDTH));
    Some(out)
}

/// `file:line:col: ` of an error, as far as minijinja knows it; empty when it knows no template.
fn place(templates: &Templates, err: &minijinja::Error) -> String {
    let column = match (err.template_source(), err.range()) {
        (Some(src), Some(range)) if range.start <= src.len() => {
            let line_start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
            Some(src[line_start..range.start].chars().count() + 1)
        }
        _ => None,
    };
    match (err.name(), err.line(), column) {
        (Some(name), Some(line), Some(col)) => format!("{}:{line}:{col}: ", templates.origin(name)),
        (Some(name), Some(line), None) => format!("{}:{line}: ", templates.origin(name)),
        (Some(name), None, _) => format!("{}: ", templates.origin(name)),
        _ => String::new(),
    }
}

/// One short line for minijinja's recursion limit, instead of one excerpt for each of the many
/// levels of includes it went through. When a template includes itself (directly or through
/// others) the line points at the first such include and names the cycle; otherwise (a macro that
/// calls itself) it points at where the limit was hit. `chain` is the error and its causes.
fn recursion_error(templates: &Templates, chain: &[&minijinja::Error]) -> Option<String> {
    let last = chain.last()?;
    if last.detail() != Some("recursion limit exceeded") {
        return None;
    }
    // The leading "bad include" links are the path of includes down to the limit, each at an
    // include in the template it names: a name met twice on that path includes itself.
    let includes: Vec<(&minijinja::Error, &str)> = chain
        .iter()
        .take_while(|e| e.kind() == minijinja::ErrorKind::BadInclude)
        .filter_map(|e| Some((*e, e.name()?)))
        .collect();
    for (i, (at, name)) in includes.iter().enumerate() {
        if let Some(j) = includes[i + 1..].iter().position(|(_, n)| n == name) {
            let through: Vec<&str> = includes[i + 1..i + 1 + j].iter().map(|(_, n)| *n).collect();
            let through = if through.is_empty() {
                String::new()
            } else {
                format!(" through {}", through.join(", "))
            };
            return Some(format!(
                "{}recursion too deep: {name} includes itself{through}",
                place(templates, at)
            ));
        }
    }
    Some(format!(
        "{}recursion too deep: a macro, loop or include here calls itself without end",
        place(templates, last)
    ))
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
        K::OutOfFuel => "too much work",
        _ => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_capped(source: &'static str, limit: usize) -> Result<String> {
        let mut env = environment(&Templates::Embedded, Strictness::Normal);
        env.add_template("t.md.j2", source).unwrap();
        render_bounded(
            &env,
            &Templates::Embedded,
            "t.md.j2",
            Value::from(()),
            limit,
        )
    }

    #[test]
    fn output_up_to_the_cap_renders_and_one_byte_more_fails() {
        // Ten bytes: literal text, then a printed value.
        let source = "12345{{ '6789' }}0";
        assert_eq!(render_capped(source, 10).unwrap(), "1234567890");
        assert_eq!(render_capped(source, 11).unwrap(), "1234567890");
        let err = render_capped(source, 9).unwrap_err();
        assert!(
            matches!(&err, Error::TemplateOutput { template, limit: 9 } if template == "<embedded>/t.md.j2"),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "template error: <embedded>/t.md.j2: the output passed 9 bytes, the most a brief may \
             hold; a loop that prints too much? (docs/templates.md, \"Limits\")"
        );
        // Output inside a loop stops at the cap too, however long the loop.
        let err = render_capped("{% for i in range(100000) %}x{% endfor %}", 1000).unwrap_err();
        assert!(
            matches!(err, Error::TemplateOutput { limit: 1000, .. }),
            "{err:?}"
        );
    }

    /// The error keeps minijinja's own as its source (kind, line), and its report shows the line
    /// with the failing expression underlined, as minijinja's debug report does.
    #[test]
    fn a_template_error_keeps_minijinjas_error() {
        let mut env = environment(&Templates::Embedded, Strictness::Strict);
        env.add_template("t.md.j2", "one\n{{ nope.x }}\nthree\n")
            .unwrap();
        let err =
            render_bounded(&env, &Templates::Embedded, "t.md.j2", Value::from(()), 99).unwrap_err();
        let source = std::error::Error::source(&err)
            .and_then(|e| e.downcast_ref::<minijinja::Error>())
            .expect("minijinja's error is the source");
        assert_eq!(source.kind(), minijinja::ErrorKind::UndefinedError);
        assert_eq!(source.line(), Some(2));
        assert!(err.reports_its_causes());
        let title = format!("{:-^79}", " t.md.j2 ");
        assert_eq!(
            err.to_string(),
            format!(
                "template error: <embedded>/t.md.j2:2:4: undefined value: `nope` is undefined\n{title}\n   1 | one\n   2 > {{{{ nope.x }}}}\n     i    ^^^^^^ undefined value\n   3 | three\n{}",
                "~".repeat(79)
            )
        );
    }

    #[test]
    fn the_context_is_the_brief_as_minijinja_serializes_it() {
        use minijinja::value::Serde;
        let mut brief = crate::sample::brief();
        assert!(brief.threads.len() > 1);
        brief
            .warnings
            .push(crate::warning::Warning::new("x.txt", "skipped: a test"));
        let context = context(&brief);
        assert_eq!(context, Value::from(Serde(&brief)));
        // Not only equal as values: the same keys in the same order.
        let keys = |v: &Value| v.try_iter().unwrap().collect::<Vec<_>>();
        assert_eq!(keys(&context), keys(&Value::from(Serde(&brief))));
        assert_eq!(
            context.get_attr("threads").unwrap().len(),
            Some(brief.threads.len())
        );
    }

    #[test]
    fn fuel_grows_with_the_articles() {
        let mut brief = crate::sample::brief();
        brief.stats.articles = 0;
        assert_eq!(fuel(&brief), FUEL_BASE);
        brief.stats.articles = 1313;
        assert_eq!(fuel(&brief), FUEL_BASE + 1313 * FUEL_PER_ARTICLE);
    }

    #[test]
    fn a_render_out_of_fuel_says_how_much_it_had() {
        let mut env = environment(&Templates::Embedded, Strictness::Normal);
        env.add_template("t.md.j2", "{% for i in range(100) %}{{ i }}{% endfor %}")
            .unwrap();
        env.set_fuel(Some(50));
        let err = render_bounded(&env, &Templates::Embedded, "t.md.j2", Value::from(()), 1000)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "template error: <embedded>/t.md.j2:1:29: too much work: rendering took more than 50 \
                 steps"
            ),
            "{err}"
        );
    }
}
