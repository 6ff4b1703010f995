//! Reading reservation and waitlist bodies field by field, so a person sees every problem with
//! their answers at once (422 with one `errors[]` entry per field, in form order), including
//! fields the API does not accept.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use frontdoor_contract::{FieldError, ReservationRequest, WaitlistRequest};
use serde_json::{Map, Value};

use crate::problem::ApiProblem;

/// Longest name or alias, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest email address, in characters (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest phone number as typed, in characters.
pub const MAX_PHONE_CHARS: usize = 32;
/// Longest IANA time zone name accepted.
pub const MAX_TIME_ZONE_CHARS: usize = 64;
/// Longest group id accepted.
pub const MAX_GROUP_ID_CHARS: usize = 100;

/// The message for a `first_session` that is not one of the group's coming sessions.
pub const FIRST_SESSION_MESSAGE: &str =
    "Choose one of the group\u{2019}s next session dates as your first session";
/// The message for a `group_id` no group has.
pub const UNKNOWN_GROUP_MESSAGE: &str = "Choose a group from the catalogue";

/// The field errors of a body that cannot be accepted; becomes a 422 [`ApiProblem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidFields(pub Vec<FieldError>);

impl From<InvalidFields> for ApiProblem {
    fn from(InvalidFields(errors): InvalidFields) -> Self {
        ApiProblem::validation(errors)
    }
}

/// A JSON object being read one field at a time, collecting what is wrong.
struct BodyFields {
    fields: Map<String, Value>,
    errors: Vec<FieldError>,
}

impl BodyFields {
    fn new(body: Value) -> Result<Self, InvalidFields> {
        match body {
            Value::Object(fields) => Ok(Self {
                fields,
                errors: Vec::new(),
            }),
            _ => Err(InvalidFields(vec![FieldError {
                field: String::new(),
                message: "Send the details as a JSON object".into(),
            }])),
        }
    }

    fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// The field's value; JSON `null` counts as absent.
    fn take(&mut self, field: &str) -> Option<Value> {
        self.fields.remove(field).filter(|v| !v.is_null())
    }

    /// A text field, trimmed. `missing` is the message when it is absent or blank; `None` then
    /// means "optional and not given" when `missing` is `None`.
    fn text(
        &mut self,
        field: &str,
        missing: Option<&str>,
        max_chars: usize,
        too_long: &str,
    ) -> Option<String> {
        let value = match self.take(field) {
            Some(Value::String(text)) => text,
            Some(_) => {
                let message = missing.unwrap_or("Enter this as text");
                self.error(field, message);
                return None;
            }
            None => String::new(),
        };
        let text = value.trim();
        if text.is_empty() {
            if let Some(message) = missing {
                self.error(field, message);
            }
            return None;
        }
        if text.chars().count() > max_chars {
            self.error(field, too_long);
            return None;
        }
        Some(text.to_owned())
    }

    fn boolean(&mut self, field: &str) -> Option<bool> {
        match self.take(field) {
            None => None,
            Some(Value::Bool(value)) => Some(value),
            Some(_) => {
                self.error(field, "Answer yes or no");
                None
            }
        }
    }

    /// Fails with every collected error, plus one for each field nobody asked for.
    fn finish(mut self) -> Result<(), InvalidFields> {
        let unknown: Vec<String> = self.fields.keys().cloned().collect();
        for field in unknown {
            self.error(
                &field,
                "This information is not needed; remove it and try again",
            );
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(InvalidFields(self.errors))
        }
    }
}

/// The contact details both a reservation and a waitlist place need.
struct Person {
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    time_zone: Option<String>,
    for_someone_else: Option<bool>,
}

fn read_person(body: &mut BodyFields) -> Person {
    let name = body.text(
        "name",
        Some("Enter your name or an alias"),
        MAX_NAME_CHARS,
        "Name must be 100 characters or fewer",
    );
    let name = name.filter(|n| {
        let clean = !n.chars().any(char::is_control);
        if !clean {
            body.error(
                "name",
                "Name must not contain line breaks or control characters",
            );
        }
        clean
    });
    let email = body.text(
        "email",
        Some("Enter your email address"),
        MAX_EMAIL_CHARS,
        "Email address must be 254 characters or fewer",
    );
    let email = email.filter(|e| {
        let ok = is_email(e);
        if !ok {
            body.error(
                "email",
                "Enter an email address in the correct format, like name@example.com",
            );
        }
        ok
    });
    let phone = body.text(
        "phone",
        None,
        MAX_PHONE_CHARS,
        "Phone number must be 32 characters or fewer",
    );
    let phone = phone.filter(|p| {
        let ok = is_phone(p);
        if !ok {
            body.error(
                "phone",
                "Enter a phone number in the correct format, like +1 555 010 0199",
            );
        }
        ok
    });
    let time_zone = body.text(
        "time_zone",
        Some("Choose your time zone"),
        MAX_TIME_ZONE_CHARS,
        "Choose a time zone from the list, like America/New_York",
    );
    let time_zone = time_zone.filter(|zone| {
        let ok = zone.parse::<Tz>().is_ok();
        if !ok {
            body.error(
                "time_zone",
                "Choose a time zone from the list, like America/New_York",
            );
        }
        ok
    });
    let for_someone_else = body.boolean("for_someone_else");
    Person {
        name,
        email,
        phone,
        time_zone,
        for_someone_else,
    }
}

/// Reads a `POST /reservations` body. Checks everything that does not depend on the
/// catalogue; whether the group exists and offers `first_session` is settled when the seat is
/// taken.
pub fn read_reservation(body: Value) -> Result<ReservationRequest, InvalidFields> {
    let mut fields = BodyFields::new(body)?;
    let group_id = fields.text(
        "group_id",
        Some("Choose a group"),
        MAX_GROUP_ID_CHARS,
        UNKNOWN_GROUP_MESSAGE,
    );
    let first_session = match fields.take("first_session") {
        Some(Value::String(text)) => match DateTime::parse_from_rfc3339(text.trim()) {
            Ok(instant) => Some(instant.with_timezone(&Utc)),
            Err(_) => {
                fields.error("first_session", FIRST_SESSION_MESSAGE);
                None
            }
        },
        Some(_) => {
            fields.error("first_session", FIRST_SESSION_MESSAGE);
            None
        }
        None => {
            fields.error("first_session", "Choose the date of your first session");
            None
        }
    };
    let person = read_person(&mut fields);
    fields.finish()?;
    match (
        group_id,
        first_session,
        person.name,
        person.email,
        person.time_zone,
    ) {
        (Some(group_id), Some(first_session), Some(name), Some(email), Some(time_zone)) => {
            Ok(ReservationRequest {
                group_id,
                first_session,
                name,
                email,
                phone: person.phone,
                time_zone,
                for_someone_else: person.for_someone_else,
            })
        }
        // Every missing piece has recorded an error, so finish() has already refused.
        _ => Err(InvalidFields(Vec::new())),
    }
}

/// Reads a `POST /groups/{id}/waitlist` body.
pub fn read_waitlist(body: Value) -> Result<WaitlistRequest, InvalidFields> {
    let mut fields = BodyFields::new(body)?;
    let person = read_person(&mut fields);
    fields.finish()?;
    match (person.name, person.email, person.time_zone) {
        (Some(name), Some(email), Some(time_zone)) => Ok(WaitlistRequest {
            name,
            email,
            phone: person.phone,
            time_zone,
            for_someone_else: person.for_someone_else,
        }),
        _ => Err(InvalidFields(Vec::new())),
    }
}

/// A practical check of an email address: `local@domain`, a local part of up to 64 characters
/// without spaces, and a domain of dot-separated labels (letters, digits, hyphens; not starting
/// or ending with a hyphen) ending in a top-level domain of at least two letters.
pub fn is_email(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.chars().count() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2
                && (tld.chars().all(char::is_alphabetic) || tld.starts_with("xn--"))
        });
    local_ok && domain_ok
}

/// An E.164-like phone number as people type it: an optional leading `+`, then 7 to 15 digits,
/// which may be grouped with spaces, hyphens, dots or parentheses.
pub fn is_phone(number: &str) -> bool {
    let rest = number.strip_prefix('+').unwrap_or(number);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && rest.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || " -.()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(problem: &InvalidFields) -> Vec<&str> {
        problem.0.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn emails_people_use_pass_and_typos_do_not() {
        for good in [
            "sam@example.org",
            "Sam.O'Neil+groups@mail.example.co.uk",
            "a@b.io",
            "jos\u{e9}@exampl\u{e9}.fr",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "sam",
            "sam@",
            "@example.org",
            "sam@example",
            "sam@@example.org",
            "sam example@example.org",
            "sam@example..org",
            "sam@-example.org",
            "sam@example.c",
            ".sam@example.org",
            "sam..o@example.org",
            "sam@exa_mple.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phone_numbers_allow_common_grouping_only() {
        for good in [
            "+1 555 010 0199",
            "(555) 010-0199",
            "+44 20 7946 0958",
            "5550100",
        ] {
            assert!(is_phone(good), "{good}");
        }
        for bad in [
            "555-01",
            "+1 555 010 0199 0199 01",
            "call me",
            "+1-555-CALL-NOW",
            "++15550100199",
            "-5550100199",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn a_good_reservation_is_read_and_trimmed() {
        let request = read_reservation(json!({
            "group_id": "dbt-skills-monday-evening",
            "first_session": "2026-03-03T00:00:00Z",
            "name": "  Sam  ",
            "email": "sam@example.org",
            "phone": "",
            "time_zone": "America/Phoenix",
            "for_someone_else": true
        }))
        .expect("valid");
        assert_eq!(request.name, "Sam");
        assert_eq!(request.phone, None);
        assert_eq!(request.for_someone_else, Some(true));
        assert_eq!(
            request.first_session.to_rfc3339(),
            "2026-03-03T00:00:00+00:00"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once_in_form_order() {
        let problem = read_reservation(json!({
            "first_session": "next tuesday",
            "name": "x".repeat(101),
            "email": "sam@",
            "phone": "call me",
            "time_zone": "Mars/Olympus_Mons",
            "for_someone_else": "yes",
            "diagnosis": "should never be sent"
        }))
        .expect_err("invalid");
        assert_eq!(ApiProblem::from(problem.clone()).status().as_u16(), 422);
        assert_eq!(
            fields(&problem),
            [
                "group_id",
                "first_session",
                "name",
                "email",
                "phone",
                "time_zone",
                "for_someone_else",
                "diagnosis"
            ]
        );
        assert!(problem.0.iter().all(|e| !e.message.is_empty()));
    }

    #[test]
    fn wrong_types_and_blank_answers_are_field_errors() {
        let problem = read_waitlist(json!({"name": 7, "email": "  ", "time_zone": null}))
            .expect_err("invalid");
        assert_eq!(fields(&problem), ["name", "email", "time_zone"]);
        let problem = read_waitlist(json!({"name": "Sam\nO", "email": "s@example.org",
            "time_zone": "UTC"}))
        .expect_err("invalid");
        assert_eq!(fields(&problem), ["name"]);
        let problem = read_waitlist(json!(["not", "an", "object"])).expect_err("invalid");
        assert_eq!(problem.0.len(), 1);
    }
}
