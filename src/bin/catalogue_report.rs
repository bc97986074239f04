//! The maintainer's catalogue report:
//!
//!     cargo run --quiet --bin catalogue_report -- path/to/catalogue.json \
//!         [--older-than-months N] [--lang en|zh-Hans|zh-Hant|fr]
//!
//! Prints the validation problems (errors and advisories: up to 10,000 of
//! each, then how many more), the plans by confidence and by age of their
//! newest check, the sources that are only a home page, and the plans not
//! checked for N months (default 6) as of today's date. Exits with 1 when
//! the catalogue has errors, 2 when the command line or the file cannot be
//! read.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The tool reads files: there is nothing to do in the browser build.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use roamplan::core::catalogue::report::{self, DEFAULT_OLDER_THAN_MONTHS};
    use roamplan::core::catalogue::validate_text;
    use roamplan::core::date::Date;
    use roamplan::core::json;
    use roamplan::core::lang::Lang;
    use roamplan::i18n::report::render;
    use std::io::Write;
    use std::process::ExitCode;
    use std::time::{SystemTime, UNIX_EPOCH};

    /// Problems listed of each severity: every one a catalogue of real plans
    /// can have, while a file of a million broken ones stays readable.
    const KEEP: usize = 10_000;

    const USAGE: &str = "usage: catalogue_report path/to/catalogue.json [--older-than-months N] [--lang en|zh-Hans|zh-Hant|fr]";

    struct Args {
        path: String,
        older_than_months: u32,
        lang: Lang,
    }

    fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut path = None;
        let mut older_than_months = DEFAULT_OLDER_THAN_MONTHS;
        let mut lang = Lang::En;
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--older-than-months" => {
                    let value = args.next().ok_or("--older-than-months needs a number")?;
                    older_than_months = value
                        .parse()
                        .map_err(|_| format!("--older-than-months: not a whole number: {value}"))?;
                }
                "--lang" => {
                    let value = args.next().ok_or("--lang needs a language")?;
                    lang = Lang::from_code(&value).ok_or_else(|| {
                        format!("--lang: not one of en, zh-Hans, zh-Hant, fr: {value}")
                    })?;
                }
                "-h" | "--help" => return Err(String::new()),
                other if other.starts_with("--") => return Err(format!("unknown option {other}")),
                other if path.is_none() => path = Some(other.to_owned()),
                other => return Err(format!("one catalogue at a time: {other}")),
            }
        }
        Ok(Args {
            path: path.ok_or("which catalogue file?")?,
            older_than_months,
            lang,
        })
    }

    /// Today in UTC, from the system clock: the one impure input.
    fn today() -> Date {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let days = i64::try_from(seconds / 86_400).unwrap_or(0);
        Date::from_days_since_epoch(days).unwrap_or(Date::EPOCH)
    }

    pub fn main() -> ExitCode {
        let args = match parse_args(std::env::args().skip(1)) {
            Ok(args) => args,
            Err(why) => {
                if !why.is_empty() {
                    eprintln!("catalogue_report: {why}");
                }
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        let text = match std::fs::read_to_string(&args.path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("catalogue_report: {}: {e}", args.path);
                return ExitCode::from(2);
            }
        };
        let today = today();
        let validation = validate_text(&text, Some(today), KEEP, json::from_str);
        let report = report::build(&validation, today, args.older_than_months);
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`| head`) is not the catalogue's fault.
        let _ = stdout.write_all(render(&report, &args.path, args.lang).as_bytes());
        if report.has_errors() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}
