//! Named steps run in order, each reported with its duration; a step whose prerequisite failed is
//! not run, every other step runs even after a failure.

use std::time::Instant;

use anyhow::{Result, bail};

use crate::cmd;

/// One named piece of work.
pub struct Step<C> {
    /// Shown in progress lines and matched by `--only` / `--skip`.
    pub name: String,
    /// Steps that must have passed (when they ran) for this one to make sense.
    pub needs: &'static [&'static str],
    /// Does the work; the returned note (may be empty) is shown beside "passed".
    pub run: fn(&mut C) -> Result<String>,
}

impl<C> Step<C> {
    /// A step named `name`, needing `needs`, doing `run`.
    pub fn new(
        name: impl Into<String>,
        needs: &'static [&'static str],
        run: fn(&mut C) -> Result<String>,
    ) -> Self {
        Self {
            name: name.into(),
            needs,
            run,
        }
    }
}

/// How one step ended.
pub enum Status {
    /// It ran and succeeded, with an optional note.
    Passed(String),
    /// It ran and failed, with the reason.
    Failed(String),
    /// It did not run because a step it needs failed.
    NotRun(String),
}

/// A step's name, how it ended and how long it took.
pub struct Outcome {
    /// The step's name.
    pub name: String,
    /// How it ended.
    pub status: Status,
    /// Wall-clock seconds it took.
    pub seconds: f64,
}

impl Outcome {
    /// Whether the step ran and succeeded.
    pub fn passed(&self) -> bool {
        matches!(self.status, Status::Passed(_))
    }
}

/// Which steps the person asked for: `--only NAME`, `--skip NAME` (both repeatable, or comma
/// separated) and `--skip-e2e`.
#[derive(Default)]
pub struct Selection {
    only: Vec<String>,
    skip: Vec<String>,
}

impl Selection {
    /// Reads the options after the command name.
    pub fn parse(args: &[String]) -> Result<Self> {
        let mut selection = Self::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let list = match arg.as_str() {
                "--only" => &mut selection.only,
                "--skip" => &mut selection.skip,
                "--skip-e2e" => {
                    selection.skip.push("e2e".to_owned());
                    continue;
                }
                other => bail!("unexpected argument `{other}` (try `cargo xtask help`)"),
            };
            match args.next() {
                Some(names) => list.extend(names.split(',').map(str::to_owned)),
                None => bail!("{arg} needs a step name"),
            }
        }
        Ok(selection)
    }

    /// The chosen steps in their original order: the `--only` ones and everything they need (all
    /// steps when there is no `--only`), less the `--skip` ones.
    pub fn choose<'s, C>(&self, steps: &'s [Step<C>]) -> Result<Vec<&'s Step<C>>> {
        for name in self.only.iter().chain(&self.skip) {
            if !steps.iter().any(|step| &step.name == name) {
                let known: Vec<&str> = steps.iter().map(|step| step.name.as_str()).collect();
                bail!("no step named `{name}`; steps: {}", known.join(", "));
            }
        }
        let mut wanted: Vec<&str> = if self.only.is_empty() {
            steps.iter().map(|step| step.name.as_str()).collect()
        } else {
            self.only.iter().map(String::as_str).collect()
        };
        // Steps come in dependency order, so one backwards pass collects every prerequisite.
        for step in steps.iter().rev() {
            if wanted.contains(&step.name.as_str()) {
                wanted.extend(step.needs.iter().copied());
            }
        }
        Ok(steps
            .iter()
            .filter(|step| wanted.contains(&step.name.as_str()) && !self.skip.contains(&step.name))
            .collect())
    }
}

/// Runs `steps` in order, printing `[tag i/n] name … status (seconds)` for each.
pub fn run_all<C>(tag: &str, steps: &[&Step<C>], context: &mut C) -> Vec<Outcome> {
    let mut outcomes: Vec<Outcome> = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        let label = format!("[{tag} {}/{}] {} …", index + 1, steps.len(), step.name);
        let outcome = match failed_need(step, &outcomes) {
            Some(need) => Outcome {
                name: step.name.clone(),
                status: Status::NotRun(format!("not run: {need} failed")),
                seconds: 0.0,
            },
            None => run_one(&label, step, context),
        };
        report(&label, &outcome);
        outcomes.push(outcome);
    }
    outcomes
}

fn failed_need<C>(step: &Step<C>, done: &[Outcome]) -> Option<&'static str> {
    step.needs.iter().copied().find(|need| {
        done.iter()
            .any(|outcome| outcome.name == *need && !outcome.passed())
    })
}

fn run_one<C>(label: &str, step: &Step<C>, context: &mut C) -> Outcome {
    cmd::open_line(label);
    let started = Instant::now();
    let status = match (step.run)(context) {
        Ok(note) => Status::Passed(note),
        Err(error) => Status::Failed(format!("{error:#}")),
    };
    Outcome {
        name: step.name.clone(),
        status,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn report(label: &str, outcome: &Outcome) {
    let text = match &outcome.status {
        Status::Passed(note) if note.is_empty() => "passed".to_owned(),
        Status::Passed(note) => note.clone(),
        Status::Failed(reason) => format!("FAILED: {reason}"),
        Status::NotRun(reason) => reason.clone(),
    };
    cmd::finish_line(label, &format!("{text} ({:.1} s)", outcome.seconds));
}

/// Prints one line per step and then the closing `N passed, N failed` line (steps counted; a step
/// that could not run counts as failed). Returns whether everything passed.
pub fn summarise(outcomes: &[Outcome]) -> bool {
    cmd::say("");
    cmd::say("Summary:");
    let width = outcomes
        .iter()
        .map(|outcome| outcome.name.len())
        .max()
        .unwrap_or(0);
    for outcome in outcomes {
        let (word, detail) = match &outcome.status {
            Status::Passed(note) => ("passed", note.as_str()),
            Status::Failed(reason) => ("FAILED", first_line(reason)),
            Status::NotRun(reason) => ("not run", reason.as_str()),
        };
        let line = format!(
            "  {word:<8} {:<width$} {:>7.1} s  {detail}",
            outcome.name, outcome.seconds
        );
        cmd::say(line.trim_end());
    }
    let passed = outcomes.iter().filter(|outcome| outcome.passed()).count();
    let failed = outcomes.len() - passed;
    cmd::say(&format!("{passed} passed, {failed} failed"));
    failed == 0
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps() -> Vec<Step<()>> {
        fn ok(_: &mut ()) -> Result<String> {
            Ok(String::new())
        }
        vec![
            Step::new("setup", &[], ok),
            Step::new("fmt", &["setup"], ok),
            Step::new("build", &["setup"], ok),
            Step::new("e2e", &["setup", "build"], ok),
        ]
    }

    fn chosen(args: &[&str]) -> Vec<String> {
        let args: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
        let steps = steps();
        let selection = Selection::parse(&args).expect("valid options");
        let chosen = selection.choose(&steps).expect("known steps");
        chosen.iter().map(|step| step.name.clone()).collect()
    }

    #[test]
    fn everything_runs_by_default() {
        assert_eq!(chosen(&[]), ["setup", "fmt", "build", "e2e"]);
    }

    #[test]
    fn only_brings_its_prerequisites() {
        assert_eq!(chosen(&["--only", "e2e"]), ["setup", "build", "e2e"]);
        assert_eq!(chosen(&["--only", "fmt,build"]), ["setup", "fmt", "build"]);
    }

    #[test]
    fn skip_wins_over_everything() {
        assert_eq!(chosen(&["--skip-e2e"]), ["setup", "fmt", "build"]);
        assert_eq!(
            chosen(&["--only", "e2e", "--skip", "build"]),
            ["setup", "e2e"]
        );
    }

    #[test]
    fn unknown_step_names_are_refused() {
        let steps = steps();
        let selection =
            Selection::parse(&["--only".to_owned(), "lint".to_owned()]).expect("syntax is fine");
        assert!(selection.choose(&steps).is_err());
    }

    #[test]
    fn a_failed_prerequisite_stops_only_its_dependants() {
        fn fail(_: &mut ()) -> Result<String> {
            bail!("broken")
        }
        let steps = [
            Step::new("build", &[], fail),
            Step::new("fmt", &[], |_: &mut ()| Ok(String::new())),
            Step::new("e2e", &["build"], |_: &mut ()| Ok(String::new())),
        ];
        let chosen: Vec<&Step<()>> = steps.iter().collect();
        let outcomes = run_all("t", &chosen, &mut ());
        assert!(matches!(outcomes[0].status, Status::Failed(_)));
        assert!(outcomes[1].passed());
        assert!(matches!(outcomes[2].status, Status::NotRun(_)));
        assert!(!summarise(&outcomes));
    }
}
