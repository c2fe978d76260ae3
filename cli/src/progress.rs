//! The progress bar of `build` and `summarize`: indicatif, on standard error, one stage at a time
//! (analysing, which reads the files too, threads, ranking, rendering). It appears only once a run has taken a second, and
//! never when standard error is not a terminal, in CI (the `CI` variable is set) or with `-q`.
//! It is cleared when the run ends, so that it leaves nothing behind.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use brief::progress::{Progress, Stage};

/// How long a run goes before its progress bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar that shows itself after [`DELAY`], where a bar may be shown at all.
pub struct Bar {
    bar: ProgressBar,
    started: Instant,
    allowed: bool,
    shown: AtomicBool,
    /// Each stage started so far, with when it started (for `-v`'s stage times).
    stages: Mutex<Vec<(Stage, Instant)>>,
}

impl Bar {
    /// A bar for this run: hidden for good unless standard error is a terminal, `CI` is unset
    /// and `-q` was not given.
    pub fn new() -> Bar {
        use std::io::IsTerminal;
        let allowed = std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && !crate::term::quiet();
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} {elapsed}")
                .expect("a valid template")
                .progress_chars("=> "),
        );
        Bar {
            bar,
            started: Instant::now(),
            allowed,
            shown: AtomicBool::new(false),
            stages: Mutex::new(Vec::new()),
        }
    }

    /// How long each stage took so far, in order: "analysing 340 ms, threads 80 ms, ...". The
    /// last stage counts until now.
    pub fn stage_times(&self) -> String {
        let stages = self.stages.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let ends = stages.iter().skip(1).map(|&(_, t)| t).chain([now]);
        stages
            .iter()
            .zip(ends)
            .map(|(&(stage, start), end)| {
                format!("{} {} ms", stage.name(), (end - start).as_millis())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Runs `f` (which prints to standard error) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    fn show_when_due(&self) {
        if self.allowed
            && !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= DELAY
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Progress for Bar {
    fn start(&self, stage: Stage, total: usize) {
        self.stages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((stage, Instant::now()));
        self.bar.set_prefix(stage.name());
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.show_when_due();
    }

    fn advance(&self, steps: usize) {
        self.bar.inc(steps as u64);
        self.show_when_due();
    }

    fn extend(&self, steps: usize) {
        self.bar.inc_length(steps as u64);
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
