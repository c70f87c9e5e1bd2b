//! Sets of grammatical cases as bit masks: a word form may stand for several
//! cases (Тихановской is genitive, dative, instrumental and locative).

use super::super::inflect::{Case, CASES};

/// A set of cases, one bit per [`Case`].
pub(crate) type Cases = u8;

pub(crate) const ALL: Cases = 0b11_1111;
pub(crate) const NOM: Cases = 1;

pub(crate) fn bit(c: Case) -> Cases {
    1 << c as u8
}

/// The cases in a set, in paradigm order.
pub(crate) fn each(set: Cases) -> impl Iterator<Item = Case> {
    CASES.into_iter().filter(move |c| set & bit(*c) != 0)
}

/// The cases of a set by name ("gen dat"), for reports.
pub(crate) fn names(set: Cases) -> String {
    let n = ["nom", "gen", "dat", "acc", "ins", "loc"];
    each(set).map(|c| n[c as usize]).collect::<Vec<_>>().join(" ")
}
