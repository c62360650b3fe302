//! One mail's words, said twice: as plain text and as simple HTML, in Dutch, signed with the
//! samenwerkingsverband's name.

crate::text_enum! {
    /// Why a mail was sent.
    pub enum MailSoort {
        /// A participant's registration, with the cancellation link and the calendar item.
        Bevestiging => "bevestiging",
        /// A place came free: from the waiting list to registered.
        Doorgeschoven => "doorgeschoven",
        /// The meeting's time or place changed.
        Gewijzigd => "gewijzigd",
        Geannuleerd => "geannuleerd",
        Herinnering => "herinnering",
        /// A message from staff to the participants of a meeting.
        Bericht => "bericht",
        /// A new account: choose a password.
        Uitnodiging => "uitnodiging",
        /// "Wachtwoord vergeten".
        Wachtwoordherstel => "wachtwoordherstel",
    }
}

/// What a mail says: a greeting, paragraphs, at most one link to act on, and an optional
/// calendar item.
#[derive(Debug, Clone)]
pub struct Bericht {
    pub aan: String,
    pub onderwerp: String,
    pub soort: MailSoort,
    /// "Beste Anna,"
    pub aanhef: String,
    pub alineas: Vec<String>,
    /// The label and the absolute address of the one thing to do.
    pub knop: Option<(String, String)>,
    /// An iCalendar item (`.ics`) to attach.
    pub agenda: Option<String>,
}

impl Bericht {
    pub fn new(aan: &str, soort: MailSoort, onderwerp: impl Into<String>) -> Bericht {
        Bericht {
            aan: aan.trim().to_string(),
            onderwerp: onderwerp.into(),
            soort,
            aanhef: "Beste,".into(),
            alineas: Vec::new(),
            knop: None,
            agenda: None,
        }
    }

    pub fn aanhef(mut self, naam: &str) -> Bericht {
        self.aanhef = format!("Beste {},", naam.trim());
        self
    }

    pub fn alinea(mut self, tekst: impl Into<String>) -> Bericht {
        self.alineas.push(tekst.into());
        self
    }

    pub fn knop(mut self, label: &str, url: String) -> Bericht {
        self.knop = Some((label.to_string(), url));
        self
    }

    pub fn agenda(mut self, ics: String) -> Bericht {
        self.agenda = Some(ics);
        self
    }

    /// The plain text: paragraphs separated by blank lines, the link on its own line.
    pub fn tekst(&self, afzender: &str) -> String {
        let mut out = format!("{}\n\n", self.aanhef);
        for a in &self.alineas {
            out.push_str(a);
            out.push_str("\n\n");
        }
        if let Some((label, url)) = &self.knop {
            out.push_str(&format!("{label}:\n{url}\n\n"));
        }
        out.push_str(&format!("Met vriendelijke groet,\n{afzender}\n"));
        out
    }

    /// The same as HTML, with the link as a button in the SWV's colour.
    pub fn html(&self, afzender: &str, kleur: &str, logo: Option<&str>) -> String {
        let mut body = format!("<p>{}</p>", escape(&self.aanhef));
        for a in &self.alineas {
            body.push_str(&format!("<p>{}</p>", escape(a).replace('\n', "<br>")));
        }
        if let Some((label, url)) = &self.knop {
            body.push_str(&format!(
                "<p><a href=\"{url}\" style=\"display:inline-block;padding:10px 18px;background:{kleur};color:#ffffff;text-decoration:none;border-radius:6px\">{label}</a></p>\
                 <p style=\"font-size:13px;color:#555\">Werkt de knop niet? Kopieer dan dit adres in uw browser:<br>{url}</p>",
                url = escape(url),
                label = escape(label),
            ));
        }
        body.push_str(&format!(
            "<p>Met vriendelijke groet,<br>{}</p>",
            escape(afzender)
        ));
        format!(
            "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:600px\">\
             <div style=\"border-top:4px solid {kleur};padding-top:12px\">{}</div>{body}</body></html>",
            escape(&self.onderwerp),
            match logo {
                Some(src) => format!(
                    "<img src=\"{}\" alt=\"{}\" style=\"max-height:48px;max-width:240px\">",
                    escape(src),
                    escape(afzender)
                ),
                None => format!("<strong>{}</strong>", escape(afzender)),
            },
        )
    }
}

use std::sync::OnceLock;

static BASIS: OnceLock<String> = OnceLock::new();

/// Sets where the SPA is reached (`KOERS_PUBLIC_URL`), once at start: links in mails are
/// written when the mail is queued, deep inside a change, where no configuration is at hand.
pub fn set_basis(url: &str) {
    let _ = BASIS.set(url.trim_end_matches('/').to_string());
}

/// An absolute link to a page of the SPA.
pub fn link(path: &str) -> String {
    let basis = BASIS.get().map_or("http://127.0.0.1:8080", String::as_str);
    format!("{basis}{path}")
}

/// The five characters HTML gives meaning to.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_html_say_the_same_and_html_is_escaped() {
        let b = Bericht::new("a@b.nl", MailSoort::Bericht, "Over <script>")
            .aanhef("Anna & Bob")
            .alinea("Regel een\nregel twee")
            .knop(
                "Afmelden",
                "https://koers.example/afmelden/abc?x=1&y=2".into(),
            );
        let t = b.tekst("SWV Test");
        assert!(t.starts_with("Beste Anna & Bob,\n\n"));
        assert!(t.contains("Afmelden:\nhttps://koers.example/afmelden/abc?x=1&y=2\n"));
        assert!(t.ends_with("Met vriendelijke groet,\nSWV Test\n"));
        let h = b.html(
            "SWV Test",
            "#1c7ed6",
            Some("https://koers.example/logo?a=1&b=2"),
        );
        assert!(h.contains("<img src=\"https://koers.example/logo?a=1&amp;b=2\" alt=\"SWV Test\""));
        assert!(h.contains("<title>Over &lt;script&gt;</title>"));
        assert!(h.contains("Beste Anna &amp; Bob,"));
        assert!(h.contains("Regel een<br>regel twee"));
        assert!(h.contains("href=\"https://koers.example/afmelden/abc?x=1&amp;y=2\""));
        assert!(!h.contains("<script>"));
    }
}
