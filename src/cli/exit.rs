//! The exit code, decided here and nowhere else: 0 when nothing reaches the fail level, 1 when a
//! quote does, 2 when the run could not do its job (bad usage, an input that could not be read, a
//! report that could not be written). An error outranks findings.

use std::process::ExitCode;

/// How a run ended, from the point of view of a script that runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No quote flagged at or above the fail level.
    Clean,
    /// At least one quote flagged at or above the fail level.
    Flagged,
    /// A usage error, or an input or the report could not be read or written.
    Error,
}

impl Status {
    /// The status of a check run: `errored` when an input or the report failed, `failing` quotes
    /// at or above the fail level, `no_fail` to never fail on findings.
    pub fn of_run(errored: bool, failing: usize, no_fail: bool) -> Status {
        if errored {
            Status::Error
        } else if failing > 0 && !no_fail {
            Status::Flagged
        } else {
            Status::Clean
        }
    }

    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Flagged => 1,
            Status::Error => 2,
        }
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_outranks_findings_and_no_fail_only_silences_findings() {
        assert_eq!(Status::of_run(false, 0, false).code(), 0);
        assert_eq!(Status::of_run(false, 3, false).code(), 1);
        assert_eq!(Status::of_run(false, 3, true).code(), 0);
        assert_eq!(Status::of_run(true, 3, false).code(), 2);
        assert_eq!(Status::of_run(true, 0, true).code(), 2);
    }
}
