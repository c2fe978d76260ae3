//! Writing output files safely: through a temporary file in the same folder, renamed into place,
//! so a reader never sees half a brief. A new file gets the mode any new file gets under the
//! user's umask (0644 with the usual 022), not the temporary file's private 0600; a file written
//! again keeps its mode. A temporary
//! file is removed when writing fails and when the process is interrupted (SIGINT, SIGTERM,
//! SIGHUP); one left behind by a killed run (`.brief-*.tmp`, hidden, so never read as an
//! article) is removed by the next write to the same folder once it is ten minutes old.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};

/// Temporary files being written, removed by the signal handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

const PREFIX: &str = ".brief-";
const SUFFIX: &str = ".tmp";

/// Age from which a temporary file of ours is a leftover of a killed run: writing a brief takes
/// far less.
const STALE_AFTER: Duration = Duration::from_secs(600);

/// Removes the temporary files being written and exits with 130 on SIGINT, SIGTERM or SIGHUP.
/// Installed once, at start.
pub fn remove_on_interrupt() {
    // Failing to install the handler (another one is set) only loses the cleanup.
    let _ = ctrlc::set_handler(|| {
        let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        for path in pending.iter() {
            let _ = std::fs::remove_file(path);
        }
        std::process::exit(130);
    });
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    remove_stale(dir);
    let mut builder = tempfile::Builder::new();
    builder.prefix(PREFIX).suffix(SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode given to open(2), which the umask then narrows, as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The file is registered for removal while the lock is held, so that a signal between its
    // creation and its registration cannot leave it behind.
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let tmp_path = tmp.path().to_path_buf();
    pending.push(tmp_path.clone());
    drop(pending);
    // A brief written again keeps the mode it was given (a `chmod 640` survives a rebuild).
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    let written = tmp
        .write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
        .and_then(|()| {
            tmp.persist(path)
                .map(drop)
                .with_context(|| format!("cannot write {}", path.display()))
        });
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != &tmp_path);
    written
}

/// Removes our temporary files in `dir` that a killed run left (older than [`STALE_AFTER`]).
fn remove_stale(dir: &Path) {
    let entries = walkdir::WalkDir::new(dir).min_depth(1).max_depth(1);
    let now = SystemTime::now();
    for entry in entries.into_iter().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(PREFIX) && name.ends_with(SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_umask_mode_and_stale_temporaries_go() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".brief-abc123.tmp");
        let fresh = dir.path().join(".brief-def456.tmp");
        for p in [&stale, &fresh] {
            std::fs::write(p, "partial").unwrap();
        }
        let old = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let out = dir.path().join("b.md");
        write_atomically(&out, b"brief").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "brief");
        // The umask of this process, read by setting and restoring it is not possible without
        // libc: compare with a file created the ordinary way.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&plain));
        assert!(!stale.exists(), "a stale temporary file is removed");
        assert!(fresh.exists(), "a fresh one (another run's) is left alone");
        assert!(PENDING.lock().unwrap().is_empty());
    }
}
