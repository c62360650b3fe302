//! Validation rules for text fields, shared by every input.

use validator::ValidationError;

fn err(code: &'static str, message: &'static str) -> ValidationError {
    let mut e = ValidationError::new(code);
    e.message = Some(message.into());
    e
}

/// Required text that is not just spaces.
pub fn not_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() {
        return Err(err("leeg", "mag niet leeg zijn"));
    }
    Ok(())
}

pub fn email(s: &str) -> Result<(), ValidationError> {
    let ok = s.len() <= 254
        && s.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
                && domain.matches('@').count() == 0
        });
    if !ok {
        return Err(err("email", "geen geldig e-mailadres"));
    }
    Ok(())
}

/// A one-line field (a name, a title, a place) ends up in lines of its own: calendar files,
/// CSV exports, e-mail subjects. A line break there would start a line the author chose.
pub fn single_line(s: &str) -> Result<(), ValidationError> {
    if s.contains(['\r', '\n']) {
        return Err(err(
            "regel",
            "mag geen regeleinde bevatten (één regel tekst)",
        ));
    }
    no_bidi(s)
}

/// Overrides of the writing direction make text read differently from what it is (a file name
/// or an amount shown backwards), so no text field may carry them.
pub fn no_bidi(s: &str) -> Result<(), ValidationError> {
    if s.chars().any(is_bidi_control) {
        return Err(err(
            "tekstrichting",
            "bevat niet-toegestane tekens die de tekstrichting omkeren",
        ));
    }
    Ok(())
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Invisible characters make two names that look the same differ (a duplicate that passes the
/// uniqueness check, a search that does not find a person), so names are saved without them.
pub fn strip_invisible(s: &mut String) {
    if s.contains(is_zero_width) {
        s.retain(|c| !is_zero_width(c));
    }
}

/// The published demo password; accepted only by a server in demo mode.
pub const DEMO_PASSWORD: &str = "koers-demo-2026";

/// Why a new password is refused, in Dutch, or `None` when it is good enough. `email` is the
/// account's address: its local part is the first thing an attacker tries. Without a final full
/// stop, like every reason at a field (the problem's detail adds one).
pub fn password_problem(password: &str, email: &str, demo: bool) -> Option<String> {
    weakness(password, email, demo).map(|r| r.trim_end_matches('.').to_string())
}

fn weakness(password: &str, email: &str, demo: bool) -> Option<String> {
    if password == DEMO_PASSWORD && !demo {
        return Some("Dit is het openbare demowachtwoord; kies een eigen wachtwoord.".into());
    }
    let lower = password.to_lowercase();
    let local = email.trim().split('@').next().unwrap_or("").to_lowercase();
    if local.chars().count() >= 3 && lower.contains(&local) {
        return Some(
            "Het wachtwoord mag het e-mailadres (het deel voor de @) niet bevatten.".into(),
        );
    }
    if password == DEMO_PASSWORD {
        return None;
    }
    let estimate = zxcvbn::zxcvbn(password, &[email, &local]);
    if estimate.score() >= zxcvbn::Score::Three {
        return None;
    }
    let mut reason = String::from("Dit wachtwoord is te makkelijk te raden.");
    if let Some(f) = estimate.feedback() {
        if let Some(w) = f.warning() {
            reason.push(' ');
            reason.push_str(warning_nl(w));
        }
        if let Some(s) = f.suggestions().first() {
            reason.push(' ');
            reason.push_str(suggestion_nl(*s));
        }
    }
    Some(reason)
}

fn warning_nl(w: zxcvbn::feedback::Warning) -> &'static str {
    use zxcvbn::feedback::Warning::*;
    match w {
        StraightRowsOfKeysAreEasyToGuess | ShortKeyboardPatternsAreEasyToGuess => {
            "Toetsenbordpatronen zijn makkelijk te raden."
        }
        RepeatsLikeAaaAreEasyToGuess | RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            "Herhalingen zoals \"aaa\" of \"abcabc\" zijn makkelijk te raden."
        }
        ThisIsATop10Password | ThisIsATop100Password | ThisIsACommonPassword => {
            "Het is een veelgebruikt wachtwoord."
        }
        ThisIsSimilarToACommonlyUsedPassword => "Het lijkt op een veelgebruikt wachtwoord.",
        SequencesLikeAbcAreEasyToGuess => "Reeksen zoals abc of 6543 zijn makkelijk te raden.",
        RecentYearsAreEasyToGuess | DatesAreOftenEasyToGuess => {
            "Jaartallen en datums zijn makkelijk te raden."
        }
        AWordByItselfIsEasyToGuess => "Eén los woord is makkelijk te raden.",
        NamesAndSurnamesByThemselvesAreEasyToGuess | CommonNamesAndSurnamesAreEasyToGuess => {
            "Namen zijn makkelijk te raden."
        }
    }
}

fn suggestion_nl(s: zxcvbn::feedback::Suggestion) -> &'static str {
    use zxcvbn::feedback::Suggestion::*;
    match s {
        AvoidRepeatedWordsAndCharacters => "Vermijd herhaalde woorden en tekens.",
        AvoidSequences => "Vermijd reeksen.",
        AvoidRecentYears | AvoidYearsThatAreAssociatedWithYou
        | AvoidDatesAndYearsThatAreAssociatedWithYou => {
            "Vermijd jaartallen en datums die bij u horen."
        }
        UseALongerKeyboardPatternWithMoreTurns => "Vermijd toetsenbordpatronen.",
        _ => "Maak het langer met een paar ongewone woorden, bijvoorbeeld vier woorden met streepjes ertussen.",
    }
}

/// Whether a text is a BSN by the eleven-test: after removing spaces, dots and hyphens, 8 or 9
/// digits d1..d9 (left-padded with zeros) with 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11).
pub fn is_bsn(s: &str) -> bool {
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect();
    if !(8..=9).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let padded = format!("{digits:0>9}");
    let sum: i64 = padded
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = i64::from(b - b'0');
            if i == 8 {
                -d
            } else {
                (9 - i as i64) * d
            }
        })
        .sum();
    sum.rem_euclid(11) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_by_the_eleven_test() {
        // 111222333: 9+8+7+12+10+8+9+6 - 3 = 66, divisible by 11.
        assert!(is_bsn("111222333"));
        assert!(is_bsn("111.222.333"));
        assert!(is_bsn("1112-22 333"));
        // Eight digits are padded: 12345672 is 012345672.
        assert!(is_bsn("12345672"));
        assert!(!is_bsn("111222334"));
        assert!(!is_bsn("1234567"));
        assert!(!is_bsn("LL-2024-0001"));
        assert!(!is_bsn("1112223330"));
    }

    #[test]
    fn one_line_and_direction() {
        assert!(single_line("Haarlem; zaal 2, \\ boven").is_ok());
        for bad in ["a\nb", "a\rb", "a\u{202E}b", "a\u{2067}b"] {
            assert!(single_line(bad).is_err(), "{bad:?}");
        }
        assert!(no_bidi("twee\nregels").is_ok());
        assert!(no_bidi("x\u{202A}").is_err());
    }

    #[test]
    fn invisible_characters_go() {
        let mut s = "An\u{200B}na\u{200C}\u{200D} de\u{2060} Vries\u{FEFF}".to_string();
        strip_invisible(&mut s);
        assert_eq!(s, "Anna de Vries");
    }

    #[test]
    fn passwords() {
        assert!(password_problem("een-lang-wachtwoord", "a@b.nl", false).is_none());
        assert!(password_problem("wachtwoord1234", "a@b.nl", false).is_some());
        let weak = password_problem("aaaaaaaaaaaa", "a@b.nl", false).unwrap();
        assert!(weak.contains("Herhalingen"), "{weak}");
        assert!(password_problem("Sanne.Bakker-zomer-fiets", "sanne.bakker@x.nl", false).is_some());
        assert!(password_problem(DEMO_PASSWORD, "a@b.nl", false).is_some());
        assert!(password_problem(DEMO_PASSWORD, "a@b.nl", true).is_none());
    }
}
