//! Target languages mova translates into.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A target language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Russian.
    Ru,
    /// Belarusian.
    Be,
}

impl Lang {
    /// Both targets, in output order.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::Be];

    /// ISO 639-1 code, as used in file names and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Be => "be",
        }
    }

    /// English name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ru => "Russian",
            Lang::Be => "Belarusian",
        }
    }

    /// Parses a comma-separated list such as `ru,be`, keeping order, without repeats.
    pub fn parse_list(s: &str) -> Result<Vec<Lang>, Error> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let lang: Lang = part.parse()?;
            if !out.contains(&lang) {
                out.push(lang);
            }
        }
        if out.is_empty() {
            return Err(Error::Usage("no target language given; give at least one: ru, be".into()));
        }
        Ok(out)
    }
}

impl FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().as_str() {
            "ru" | "rus" | "russian" => Ok(Lang::Ru),
            "be" | "bel" | "belarusian" => Ok(Lang::Be),
            _ => Err(Error::Usage(format!(
                "unknown target language `{s}`; mova translates into ru (Russian) and be (Belarusian)"
            ))),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists() {
        assert_eq!(Lang::parse_list("ru,be").unwrap(), vec![Lang::Ru, Lang::Be]);
        assert_eq!(Lang::parse_list("be, ru ,be").unwrap(), vec![Lang::Be, Lang::Ru]);
        assert_eq!(Lang::parse_list("BEL").unwrap(), vec![Lang::Be]);
        assert!(Lang::parse_list("uk").is_err());
        assert!(Lang::parse_list(",").is_err());
    }
}
