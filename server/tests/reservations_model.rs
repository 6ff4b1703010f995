//! A state-machine property test of the reservation store: random sequences of reserve,
//! replay, cancel, join-waitlist and leave-waitlist run against the SQLite store and against a
//! small in-memory model of what a person should see; after every step the two must agree on
//! the outcome, on every group's seats left and on everyone's place in line.

#[path = "support/server.rs"]
mod support;

#[path = "support/groups.rs"]
mod groups_support;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use frontdoor_contract::{ReservationConfirmation, ReservationRequest, WaitlistRequest};
use frontdoor_server::groups::GroupStore;
use frontdoor_server::idempotency::{IdempotencyKey, StoredReply, fingerprint};
use frontdoor_server::reservations::{
    CancelOutcome, Idempotent, ReservationStore, ReserveOutcome, WaitlistOutcome,
};
use frontdoor_server::storage::SqliteStorage;
use groups_support::{definition, now};
use proptest::prelude::*;

const GROUPS: [&str; 3] = ["two-seats", "full", "one-left"];
const PEOPLE: [(&str, &str); 3] = [
    ("Sam", "sam@example.org"),
    ("Alex", "alex@example.org"),
    ("Kai", "kai@example.org"),
];
/// Session choices 0–3 are the group's next four; 4 is an instant it does not meet at.
const SESSION_CHOICES: usize = 5;

#[derive(Debug, Clone)]
enum Step {
    Reserve {
        group: usize,
        key: usize,
        person: usize,
        session: usize,
    },
    Replay {
        pick: usize,
    },
    Cancel {
        pick: usize,
        right_token: bool,
    },
    JoinWaitlist {
        group: usize,
        person: usize,
    },
    LeaveWaitlist {
        pick: usize,
        right_token: bool,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..GROUPS.len(), 0..8usize, 0..PEOPLE.len(), 0..SESSION_CHOICES).prop_map(
            |(group, key, person, session)| Step::Reserve { group, key, person, session }
        ),
        2 => any::<usize>().prop_map(|pick| Step::Replay { pick }),
        3 => (any::<usize>(), any::<bool>())
            .prop_map(|(pick, right_token)| Step::Cancel { pick, right_token }),
        2 => (0..GROUPS.len(), 0..PEOPLE.len())
            .prop_map(|(group, person)| Step::JoinWaitlist { group, person }),
        1 => (any::<usize>(), any::<bool>())
            .prop_map(|(pick, right_token)| Step::LeaveWaitlist { pick, right_token }),
    ]
}

/// What a person holds after a booking: its reference and token.
#[derive(Debug, Clone)]
struct Held {
    group: usize,
    reference: String,
    token: String,
    active: bool,
}

/// The in-memory model.
#[derive(Debug)]
struct Model {
    seats_left: [u16; 3],
    /// Keys whose request took a seat: the request (group, person, session) and the reply.
    answered: BTreeMap<usize, ((usize, usize, usize), StoredReply)>,
    reservations: Vec<Held>,
    waitlist: Vec<Held>,
}

struct Harness {
    storage: SqliteStorage,
    sessions: Vec<Vec<DateTime<Utc>>>,
    model: Model,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let storage = SqliteStorage::open(&dir.path().join("db.sqlite3")).expect("open");
        let definitions = vec![
            definition(GROUPS[0], "Calm", 2, 0),
            definition(GROUPS[1], "Calm", 1, 1),
            definition(GROUPS[2], "Calm", 3, 2),
        ];
        assert!(storage.seed_groups(&definitions).expect("seed"));
        let sessions = GROUPS
            .iter()
            .map(|id| {
                storage
                    .find_group(id)
                    .expect("find")
                    .expect("seeded")
                    .next_sessions(now())
            })
            .collect();
        Self {
            storage,
            sessions,
            model: Model {
                seats_left: [2, 0, 1],
                answered: BTreeMap::new(),
                reservations: Vec::new(),
                waitlist: Vec::new(),
            },
            _dir: dir,
        }
    }

    fn request(&self, group: usize, person: usize, session: usize) -> ReservationRequest {
        let first_session = match self.sessions[group].get(session) {
            Some(start) => *start,
            None => self.sessions[group][0] + Duration::hours(1),
        };
        ReservationRequest {
            group_id: GROUPS[group].to_owned(),
            first_session,
            name: PEOPLE[person].0.to_owned(),
            email: PEOPLE[person].1.to_owned(),
            phone: None,
            time_zone: "America/Chicago".to_owned(),
            for_someone_else: None,
        }
    }

    fn reserve(&mut self, group: usize, key: usize, person: usize, session: usize) {
        let request = self.request(group, person, session);
        let key_text = IdempotencyKey::parse(&format!("key-{key}")).expect("key");
        let print = fingerprint(&request);
        let outcome = self
            .storage
            .reserve_seat(
                &request,
                Idempotent {
                    key: &key_text,
                    fingerprint: &print,
                },
                now(),
            )
            .expect("reserve");
        let model = &mut self.model;
        if let Some((asked, reply)) = model.answered.get(&key) {
            if *asked == (group, person, session) {
                assert_eq!(outcome, ReserveOutcome::Replayed(reply.clone()));
            } else {
                assert_eq!(outcome, ReserveOutcome::KeyReused);
            }
            return;
        }
        if session >= 4 {
            assert_eq!(outcome, ReserveOutcome::SessionNotOffered);
            return;
        }
        if model.seats_left[group] == 0 {
            let expected: Vec<&str> = (0..GROUPS.len())
                .filter(|g| *g != group && model.seats_left[*g] > 0)
                .map(|g| GROUPS[g])
                .collect();
            match outcome {
                ReserveOutcome::Full {
                    group: full,
                    alternatives,
                } => {
                    assert_eq!(full.id, GROUPS[group]);
                    assert_eq!(full.seats_left, 0);
                    let ids: Vec<&str> = alternatives.iter().map(|g| g.id.as_str()).collect();
                    assert_eq!(ids, expected);
                }
                other => panic!("expected full, got {other:?}"),
            }
            return;
        }
        let ReserveOutcome::Created(reply) = outcome else {
            panic!("expected a seat, got {outcome:?}");
        };
        assert_eq!(reply.status, 201);
        let confirmation: ReservationConfirmation =
            serde_json::from_value(reply.body.clone()).expect("confirmation");
        model.seats_left[group] -= 1;
        model.reservations.push(Held {
            group,
            reference: confirmation.reference,
            token: confirmation.manage_token,
            active: true,
        });
        model
            .answered
            .insert(key, ((group, person, session), reply));
    }

    fn replay(&mut self, pick: usize) {
        let keys: Vec<usize> = self.model.answered.keys().copied().collect();
        if keys.is_empty() {
            return;
        }
        let key = keys[pick % keys.len()];
        let (group, person, session) = self.model.answered[&key].0;
        self.reserve(group, key, person, session);
    }

    fn cancel(&mut self, pick: usize, right_token: bool) {
        if self.model.reservations.is_empty() {
            return;
        }
        let index = pick % self.model.reservations.len();
        let held = self.model.reservations[index].clone();
        let token = if right_token {
            held.token.as_str()
        } else {
            "not-the-token"
        };
        let outcome = self
            .storage
            .cancel_reservation(&held.reference, token, now())
            .expect("cancel");
        let expected = match (right_token, held.active) {
            (false, _) => CancelOutcome::NotFound,
            (true, true) => CancelOutcome::Cancelled,
            (true, false) => CancelOutcome::AlreadyCancelled,
        };
        assert_eq!(outcome, expected);
        if expected == CancelOutcome::Cancelled {
            self.model.seats_left[held.group] += 1;
            self.model.reservations[index].active = false;
        }
    }

    fn join_waitlist(&mut self, group: usize, person: usize) {
        let request = WaitlistRequest {
            name: PEOPLE[person].0.to_owned(),
            email: PEOPLE[person].1.to_owned(),
            phone: None,
            time_zone: "Europe/London".to_owned(),
            for_someone_else: None,
        };
        let outcome = self
            .storage
            .join_waitlist(GROUPS[group], &request, None, now())
            .expect("join");
        if self.model.seats_left[group] > 0 {
            assert_eq!(outcome, WaitlistOutcome::HasSeats);
            return;
        }
        let WaitlistOutcome::Joined(reply) = outcome else {
            panic!("expected a place, got {outcome:?}");
        };
        let waiting = self
            .model
            .waitlist
            .iter()
            .filter(|h| h.group == group && h.active)
            .count();
        assert_eq!(reply.body["position"], waiting + 1);
        self.model.waitlist.push(Held {
            group,
            reference: reply.body["reference"]
                .as_str()
                .expect("reference")
                .to_owned(),
            token: reply.body["manage_token"]
                .as_str()
                .expect("token")
                .to_owned(),
            active: true,
        });
    }

    fn leave_waitlist(&mut self, pick: usize, right_token: bool) {
        if self.model.waitlist.is_empty() {
            return;
        }
        let index = pick % self.model.waitlist.len();
        let held = self.model.waitlist[index].clone();
        let token = if right_token {
            held.token.as_str()
        } else {
            "not-the-token"
        };
        let outcome = self
            .storage
            .leave_waitlist(GROUPS[held.group], &held.reference, token, now())
            .expect("leave");
        let expected = match (right_token, held.active) {
            (false, _) => CancelOutcome::NotFound,
            (true, true) => CancelOutcome::Cancelled,
            (true, false) => CancelOutcome::AlreadyCancelled,
        };
        assert_eq!(outcome, expected);
        if expected == CancelOutcome::Cancelled {
            self.model.waitlist[index].active = false;
        }
    }

    /// Seats left, who can see their reservation, and everyone's place in line.
    fn check(&self) {
        for (index, id) in GROUPS.iter().enumerate() {
            let group = self
                .storage
                .find_group(id)
                .expect("find")
                .expect("group")
                .at(now());
            assert_eq!(group.seats_left, self.model.seats_left[index], "{id}");
        }
        for held in &self.model.reservations {
            let seen = self
                .storage
                .reservation(&held.reference, &held.token, now())
                .expect("view");
            assert_eq!(seen.is_some(), held.active, "{held:?}");
        }
        for (group, id) in GROUPS.iter().enumerate() {
            let waiting: Vec<&Held> = self
                .model
                .waitlist
                .iter()
                .filter(|h| h.group == group)
                .collect();
            let mut position = 0;
            for held in waiting {
                let place = self
                    .storage
                    .waitlist_place(id, &held.reference, &held.token)
                    .expect("place");
                if held.active {
                    position += 1;
                    assert_eq!(place.map(|p| p.position), Some(position), "{held:?}");
                } else {
                    assert!(place.is_none(), "{held:?}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_store_behaves_like_the_model(steps in proptest::collection::vec(step(), 1..28)) {
        let mut harness = Harness::new();
        for step in steps {
            match step {
                Step::Reserve { group, key, person, session } => {
                    harness.reserve(group, key, person, session)
                }
                Step::Replay { pick } => harness.replay(pick),
                Step::Cancel { pick, right_token } => harness.cancel(pick, right_token),
                Step::JoinWaitlist { group, person } => harness.join_waitlist(group, person),
                Step::LeaveWaitlist { pick, right_token } => {
                    harness.leave_waitlist(pick, right_token)
                }
            }
            harness.check();
        }
    }
}
