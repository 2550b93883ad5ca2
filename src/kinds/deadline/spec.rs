//! What a spec says of a deadline (`deadlines:`).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::values::When;

/// A submission deadline or window.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"), extend("x-required" = true))]
    pub id: Option<String>,
    /// What is due, in the notice's words (网上申报, 纸质材料).
    #[schemars(extend("x-required" = true))]
    pub name: Option<String>,
    /// How it is submitted.
    #[schemars(extend("x-required" = true))]
    pub channel: Option<Channel>,
    /// Where: the portal's address, the postal address, the e-mail address or the account
    /// named (https://hkx.wehzsy.com; 科研服务部于老师QQ 12345).
    #[serde(default)]
    pub address: Option<String>,
    /// When submissions start to be accepted.
    #[serde(default)]
    pub opens: Option<When>,
    /// The last moment; a date alone, or 24:00, means the end of that day. Leave it out when
    /// the channel closes with another deadline (`with`).
    #[serde(default)]
    pub closes: Option<When>,
    /// The id of the deadline this one closes with (同时发送电子版: the e-mail copy is due with
    /// the paper one).
    #[serde(default)]
    pub with: Option<String>,
    /// True when the courier's send date counts (以快递发出日期为准).
    #[serde(default)]
    pub postmark: bool,
    /// Later deadlines that apply under a condition.
    #[serde(default)]
    pub extensions: Vec<Extension>,
    /// Category paths it applies to; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The clause that says so.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// A portal or online system (网上申报).
    Online,
    /// Paper, by post, courier or in person (纸质材料).
    Paper,
    /// E-mail (电子邮件).
    Email,
    /// A named messaging account (QQ, 微信, 企业微信).
    Message,
    /// An electronic copy whose channel the notice does not name (同时报送电子版): met by a
    /// submission online, by e-mail or to a messaging account.
    Electronic,
}

impl Channel {
    /// Every channel, in the order forms offer them.
    pub const ALL: [Channel; 5] = [Channel::Online, Channel::Paper, Channel::Email, Channel::Message, Channel::Electronic];

    /// The channel as spec and draft files write it.
    pub fn id(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Paper => "paper",
            Channel::Email => "email",
            Channel::Message => "message",
            Channel::Electronic => "electronic",
        }
    }

    /// The channel in the words of notices and forms (guides, the Word form, diffs).
    pub fn name_zh(self) -> &'static str {
        match self {
            Channel::Online => "网上申报",
            Channel::Paper => "纸质材料",
            Channel::Email => "电子邮件",
            Channel::Message => "即时通讯账号",
            Channel::Electronic => "电子版（方式未列明）",
        }
    }

    /// Whether a submission by `by` is one for a deadline of this channel: the same channel,
    /// or any but paper for an electronic copy.
    pub fn accepts(self, by: Channel) -> bool {
        self == by || (self == Channel::Electronic && by != Channel::Paper)
    }
}

/// A conditional extension of a deadline.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The extended last moment.
    #[schemars(extend("x-required" = true))]
    pub until: Option<When>,
    /// The extension applies when a category has fewer applicants than this.
    #[schemars(extend("x-required" = true))]
    pub when_fewer_applicants_than: Option<u32>,
    /// The clause that says so.
    pub source: Option<String>,
}
