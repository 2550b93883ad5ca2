//! Check characters of Chinese organisation identifiers.
//!
//! - 统一社会信用代码 (GB 32100-2015): 18 characters from `0-9A-HJ-NP-RTUWXY` (no I, O, Z, S, V);
//!   weights 3^(i-1) mod 31; check = (31 − Σ mod 31) mod 31.
//! - 组织机构代码 (GB 11714-1997): 8 characters `0-9A-Z` plus a check character, weights
//!   3 7 9 10 5 8 4 2; check = 11 − Σ mod 11, where 10 is `X` and 11 is `0`.

/// Why an identifier is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Wrong number of characters.
    Length { expected: usize, found: usize },
    /// A character outside the code's alphabet, at this 1-based position.
    Character { position: usize, found: char },
    /// The check character does not match.
    Check { expected: char, found: char },
    /// A 统一社会信用代码 whose characters 9–17, the 组织机构代码 in it, fail their own
    /// (GB 11714) check character.
    EmbeddedOrgCode { code: String, expected: char, found: char },
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::Length { expected, found } => write!(f, "has {found} characters, not {expected}"),
            Invalid::Character { position, found } => write!(f, "has `{found}` at position {position}, a character the code does not use"),
            Invalid::Check { expected, found } => {
                write!(f, "ends in `{found}`, but its other characters give the check character `{expected}`")
            }
            Invalid::EmbeddedOrgCode { code, expected, found } => write!(
                f,
                "holds the 组织机构代码 `{code}` (characters 9–17), whose check character is `{found}`, but its other characters give `{expected}`"
            ),
        }
    }
}

impl Invalid {
    /// The reason in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Invalid::Length { expected, found } => format!("共 {found} 位，应为 {expected} 位"),
            Invalid::Character { position, found } => format!("第 {position} 位 `{found}` 不是该代码使用的字符"),
            Invalid::Check { expected, found } => format!("校验码为 `{found}`，按其余各位计算应为 `{expected}`"),
            Invalid::EmbeddedOrgCode { code, expected, found } => {
                format!("第 9–17 位的组织机构代码 `{code}` 校验码为 `{found}`，按其前 8 位计算应为 `{expected}`")
            }
        }
    }
}

const USCC_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Validates a 统一社会信用代码. Lower-case letters are accepted as their capitals.
pub fn uscc(code: &str) -> Result<(), Invalid> {
    let t = code.trim();
    let mut chars = ['0'; 18];
    let mut n = 0;
    for c in t.chars() {
        if n < 18 {
            chars[n] = c.to_ascii_uppercase();
        }
        n += 1;
    }
    if n != 18 {
        return Err(Invalid::Length { expected: 18, found: n });
    }
    let mut sum = 0;
    for (i, &c) in chars.iter().enumerate() {
        let v = uscc_value(c).ok_or(Invalid::Character { position: i + 1, found: c })?;
        if i < 17 {
            sum += v * USCC_WEIGHTS[i];
        }
    }
    let expected = USCC_CHARS[((31 - sum % 31) % 31) as usize] as char;
    if chars[17] != expected {
        return Err(Invalid::Check { expected, found: chars[17] });
    }
    // Characters 9–17 are the 组织机构代码 (主体标识码), with a check character of its own.
    let org: &[char; 9] = chars[8..17].try_into().expect("nine characters");
    if let Err(Invalid::Check { expected, found }) = org_check(org) {
        let org: String = org.iter().collect();
        return Err(Invalid::EmbeddedOrgCode { code: format!("{}-{}", &org[..8], &org[8..]), expected, found });
    }
    Ok(())
}

/// The value of a character of a 统一社会信用代码 (its place in [`USCC_CHARS`]).
fn uscc_value(c: char) -> Option<u32> {
    let b = u8::try_from(c).ok()?;
    USCC_CHARS.iter().position(|&x| x == b).and_then(|v| u32::try_from(v).ok())
}

const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Validates a 组织机构代码, written `XXXXXXXX-X` or without the hyphen.
pub fn org_code(code: &str) -> Result<(), Invalid> {
    let t = code.trim();
    let compact: String = match t.char_indices().nth(8) {
        Some((i, '-')) if t.chars().count() == 10 => format!("{}{}", &t[..i], &t[i + 1..]),
        _ => t.to_owned(),
    };
    let chars: Vec<char> = compact.chars().map(|c| c.to_ascii_uppercase()).collect();
    match <&[char; 9]>::try_from(chars.as_slice()) {
        Ok(nine) => org_check(nine),
        Err(_) => Err(Invalid::Length { expected: 9, found: chars.len() }),
    }
}

/// The characters and check character of a 组织机构代码 of nine upper-case characters.
fn org_check(chars: &[char; 9]) -> Result<(), Invalid> {
    let mut sum = 0;
    for (i, c) in chars[..8].iter().enumerate() {
        let v = c.to_digit(36).filter(|_| c.is_ascii_alphanumeric()).ok_or(Invalid::Character { position: i + 1, found: *c })?;
        sum += v * ORG_WEIGHTS[i];
    }
    let expected = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10).expect("digit"),
    };
    if chars[8] != expected {
        return Err(Invalid::Check { expected, found: chars[8] });
    }
    Ok(())
}

/// A mainland mobile number: 11 digits starting 13–19 (spaces, hyphens and a +86 prefix allowed).
pub fn mobile(number: &str) -> bool {
    let mut digits = number.trim().trim_start_matches("+86").bytes().filter(|b| !matches!(b, b' ' | b'-'));
    let mut n = 0;
    let mut second = 0;
    let all_digits = digits.all(|b| {
        n += 1;
        if n == 2 {
            second = b;
        }
        b.is_ascii_digit() && (n != 1 || b == b'1')
    });
    all_digits && n == 11 && matches!(second, b'3'..=b'9')
}

/// A postal code: six digits.
pub fn postal_code(code: &str) -> bool {
    let c = code.trim();
    c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())
}

/// An e-mail address of the usual form `local@domain.tld` (no spaces, one `@`, a dot in the domain).
pub fn email(addr: &str) -> bool {
    let a = addr.trim();
    let Some((local, domain)) = a.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !a.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uscc_vectors() {
        for ok in ["91350100M000100Y43", "91110000600037341L"] {
            assert_eq!(uscc(ok), Ok(()), "{ok}");
        }
        // The synthetic mod-0 vector passes GB 32100 but its 组织机构代码 `60003734-F` does not
        // pass GB 11714 (F is not even a check character).
        assert_eq!(uscc("9111000060003734F0"), Err(Invalid::EmbeddedOrgCode { code: "60003734-F".into(), expected: '1', found: 'F' }));
        assert_eq!(uscc("91350100M000100Y44"), Err(Invalid::Check { expected: '3', found: '4' }));
        assert_eq!(uscc("91350100M000100Y4"), Err(Invalid::Length { expected: 18, found: 17 }));
        assert_eq!(uscc("91350100M000100I43"), Err(Invalid::Character { position: 16, found: 'I' }));
        // Letter prefixes are legal (department codes include A, N and Y).
        let body = "N1110000600037341";
        assert_eq!(org_code("600037341"), Ok(()));
        let sum: u32 =
            body.chars().enumerate().map(|(i, c)| USCC_CHARS.iter().position(|&b| b as char == c).unwrap() as u32 * USCC_WEIGHTS[i]).sum();
        let check = USCC_CHARS[((31 - sum % 31) % 31) as usize] as char;
        assert_eq!(uscc(&format!("{body}{check}")), Ok(()));
    }

    #[test]
    fn org_code_vectors() {
        for ok in ["60003734-1", "000000000", "00000000-0", "10000018-X", "10000018x"] {
            assert_eq!(org_code(ok), Ok(()), "{ok}");
        }
        assert_eq!(org_code("60003734-2"), Err(Invalid::Check { expected: '1', found: '2' }));
        assert!(matches!(org_code("6000373"), Err(Invalid::Length { .. })));
    }

    #[test]
    fn contact_formats() {
        assert!(mobile("13800138000") && mobile("+86 138-0013-8000"));
        assert!(!mobile("12800138000") && !mobile("0571-89587224") && !mobile("1380013800"));
        assert!(postal_code("310000") && !postal_code("31000") && !postal_code("3100001"));
        assert!(email("a.b@example.org") && !email("a@b") && !email("a @b.cn") && !email("ab.cn") && email("张@例子.中国"));
    }
}
