//! Estimated text widths and line breaks, for layouts that cannot measure text (the map's labels,
//! the charts, the share image). Per character: CJK one em, Latin about 0.6 em, with a safety
//! margin, so that placed text does not collide on screen.

/// Estimated width of `text` in em.
pub fn text_width_em(text: &str, letter_spacing_em: f64) -> f64 {
    let glyphs: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.3,
            '*' | '.' | ',' | '\'' | '’' | ':' => 0.35,
            'i' | 'l' | 'j' | 'I' | 'f' | 't' | 'r' => 0.38,
            'm' | 'w' | 'M' | 'W' => 0.9,
            c if c.is_ascii_uppercase() => 0.7,
            c if c.is_ascii() => 0.58,
            '²' => 0.4,
            _ => 1.0,
        })
        .sum();
    let n = text.chars().count() as f64;
    glyphs * 1.08 + letter_spacing_em * n
}

/// Breaks `text` into lines of at most `max_em` (estimated): Latin at spaces, CJK anywhere.
pub fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut word = String::new();
    let flush_word = |line: &mut String, word: &mut String, lines: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        if !line.is_empty() && text_width_em(&format!("{line}{word}"), 0.0) > max_em {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push_str(word);
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii() && c != ' ' {
            word.push(c);
            continue;
        }
        flush_word(&mut line, &mut word, &mut lines);
        if c == ' ' {
            if !line.is_empty() {
                line.push(' ');
            }
            continue;
        }
        if !line.is_empty() && text_width_em(&format!("{line}{c}"), 0.0) > max_em {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push(c);
    }
    flush_word(&mut line, &mut word, &mut lines);
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_character_and_respects_the_width() {
        for text in [
            "合作区一部分在县内泗安镇，申苏浙皖高速从这里通往安徽。",
            "Part of the zone lies in its town of Si’an, on the expressway towards Anhui.",
        ] {
            let lines = wrap(text, 12.0);
            assert!(lines.len() > 1);
            for l in &lines {
                assert!(
                    text_width_em(l, 0.0) <= 12.0 + 1e-9 || !l.contains(' '),
                    "{l}"
                );
            }
            let joined: String = lines.concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn text_widths_grow_with_text() {
        assert!(text_width_em("长兴县", 0.0) > text_width_em("长兴", 0.0));
        assert!(text_width_em("Changxing", 0.0) < text_width_em("长兴县长兴县", 0.0));
    }
}
